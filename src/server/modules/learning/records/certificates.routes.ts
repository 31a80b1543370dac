import { createRoute, z } from '@hono/zod-openapi';
import { requireActor } from '../../../platform/http/actor.ts';
import { download } from '../../../platform/http/download.ts';
import { errorResponses, IdParam, jsonContent, page, PageQuery } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import * as service from './certificates.service.ts';

const tags = ['Certificates'];
const Status = z.enum(['valid', 'expired', 'revoked']);

const CertificateSchema = z
  .object({
    id: z.uuid(),
    enrollmentId: z.uuid(),
    courseId: z.uuid().nullable(),
    programId: z.uuid().nullable(),
    title: z.string(),
    issuedAt: z.string(),
    expiresAt: z.string().nullable(),
    status: Status,
    verificationCode: z.string(),
    verifyUrl: z.string(),
  })
  .openapi('Certificate');

const VerificationSchema = z
  .object({ name: z.string(), title: z.string(), issuedAt: z.string(), expiresAt: z.string().nullable(), status: Status })
  .openapi('CertificateVerification');

export const pdfContent = (description: string) => ({
  description,
  content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
});

const mine = createRoute({
  method: 'get',
  path: '/certificates',
  tags,
  summary: 'My certificates, newest first',
  request: { query: z.object(PageQuery) },
  responses: { 200: jsonContent(page(CertificateSchema)), ...errorResponses('validation_failed') },
});

const pdf = createRoute({
  method: 'get',
  path: '/certificates/{id}/pdf',
  tags,
  summary: 'The certificate as PDF, with a QR code to its verification page (the learner, their managers, admins)',
  request: { params: IdParam },
  responses: { 200: pdfContent('The certificate'), ...errorResponses('not_found') },
});

const verify = createRoute({
  method: 'get',
  path: '/certificates/verify/{code}',
  tags,
  summary: 'Public: check a certificate by its verification code (no sign-in)',
  security: [],
  request: {
    params: z.object({ code: z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/).openapi({ param: { name: 'code', in: 'path' } }) }),
  },
  responses: { 200: jsonContent(VerificationSchema), ...errorResponses('not_found') },
});

/** Certificates: PDF download and the public verification endpoint. */
export const certificateRoutes = createRouter()
  .openapi(mine, async (c) => c.json(await service.listMine(c.var.ctx, requireActor(c), c.req.valid('query')), 200))
  .openapi(verify, async (c) => c.json(await service.verify(c.var.ctx, c.req.valid('param').code), 200))
  .openapi(pdf, async (c) => {
    const f = await service.certificateFile(c.var.ctx, requireActor(c), c.req.valid('param').id);
    return download(f.bytes, 'application/pdf', f.filename);
  });
