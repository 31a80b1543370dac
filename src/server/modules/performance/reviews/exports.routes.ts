import { createRoute, z } from '@hono/zod-openapi';
import { requireActor } from '../../../platform/http/actor.ts';
import { download } from '../../../platform/http/download.ts';
import { errorResponses, IdParam, jsonContent } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import { EvidenceSchema, SubjectParams } from './reviews.schemas.ts';
import { reviewEvidence } from './evidence.service.ts';
import * as service from './exports.service.ts';

const tags = ['Reviews'];

const csv = createRoute({
  method: 'get',
  path: '/review-cycles/{id}/results.csv',
  tags: ['Review cycles'],
  summary: 'A cycle’s results, one row per subject: reviews submitted, score, calibrated final, potential, shared, acknowledged (HR admins; names no reviewer)',
  request: { params: IdParam },
  responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses('not_found') },
});
const pdf = createRoute({
  method: 'get',
  path: '/review-cycles/{id}/people/{personId}/review.pdf',
  tags,
  summary: 'A subject’s reviews as a PDF: what the reader may see on the page, no more',
  request: { params: SubjectParams },
  responses: { 200: { description: 'PDF', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } }, ...errorResponses('not_found') },
});

const evidence = createRoute({
  method: 'get',
  path: '/reviews/{id}/evidence',
  tags,
  summary: 'The period’s goals, check-ins, feedback, praise, completed learning and shared 1:1 notes the reviewer may already see (the reviewer only)',
  request: { params: IdParam },
  responses: { 200: jsonContent(EvidenceSchema), ...errorResponses('not_found') },
});

/** Reading around a review: the evidence beside the form, and the exports. */
export const exportRoutes = createRouter()
  .openapi(evidence, async (c) => c.json(await reviewEvidence(c.var.ctx, requireActor(c), c.req.valid('param').id), 200))
  .openapi(csv, async (c) => {
    const f = await service.cycleResultsCsv(c.var.ctx, requireActor(c), c.req.valid('param').id);
    return download(f.text, 'text/csv; charset=utf-8', f.filename);
  })
  .openapi(pdf, async (c) => {
    const p = c.req.valid('param');
    const f = await service.reviewPdf(c.var.ctx, requireActor(c), p.id, p.personId);
    return download(f.bytes, 'application/pdf', f.filename);
  });
