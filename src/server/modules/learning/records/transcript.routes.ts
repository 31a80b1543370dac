import { createRoute, z } from '@hono/zod-openapi';
import { requireActor } from '../../../platform/http/actor.ts';
import { errorResponses, IdParam, jsonBody, jsonContent } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import { isRealDate } from '../../org/index.ts';
import { download } from '../../../platform/http/download.ts';
import { pdfContent } from './certificates.routes.ts';
import * as external from './external-learning.service.ts';
import * as service from './transcript.service.ts';

const tags = ['Transcripts'];

const TranscriptItemSchema = z
  .object({
    kind: z.enum(['course', 'program', 'external']),
    id: z.uuid(),
    courseId: z.uuid().nullable(),
    programId: z.uuid().nullable(),
    title: z.string(),
    provider: z.string().nullable(),
    externalKind: z.string().nullable(),
    completedOn: z.string(),
    durationMinutes: z.number().nullable(),
    score: z.number().nullable(),
    status: z.enum(['completed', 'expired']),
    expiresAt: z.string().nullable(),
    certificateId: z.uuid().nullable(),
    reasonType: z.string().nullable(),
    evidenceUrl: z.string().nullable(),
    evidenceFileUrl: z.string().nullable(),
  })
  .openapi('TranscriptItem');

const TranscriptSchema = z
  .object({
    person: z.object({ id: z.uuid(), name: z.string(), jobTitle: z.string().nullable() }),
    generatedAt: z.string(),
    items: z.array(TranscriptItemSchema),
  })
  .openapi('Transcript');

const externalKinds = ['course', 'certification', 'conference', 'book', 'other'] as const;

const ExternalSchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    title: z.string(),
    provider: z.string().nullable(),
    kind: z.enum(externalKinds),
    completedOn: z.string(),
    durationMinutes: z.number().nullable(),
    evidenceUrl: z.string().nullable(),
    evidenceFileId: z.uuid().nullable(),
    evidenceFileUrl: z.string().nullable(),
    notes: z.string().nullable(),
    recordedBy: z.uuid().nullable(),
    createdAt: z.string(),
  })
  .openapi('ExternalLearning');

const ExternalCreate = z
  .strictObject({
    title: z.string().trim().min(1, 'Enter a title').max(300),
    provider: z.string().trim().max(200).nullable().optional(),
    kind: z.enum(externalKinds).optional(),
    completedOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-03-31')
      .refine(isRealDate, 'Use a real date'),
    durationMinutes: z.number().int('Use whole minutes').min(1).max(100_000).nullable().optional(),
    evidenceUrl: z
      .url({ protocol: /^https?$/, message: 'Use a web link starting with https://' })
      .max(2000)
      .nullable()
      .optional()
      .or(z.literal('')),
    evidenceFileId: z.uuid().nullable().optional(),
    notes: z.string().trim().max(2000).nullable().optional(),
  })
  .openapi('ExternalLearningCreate');

const transcript = createRoute({
  method: 'get',
  path: '/people/{id}/transcript',
  tags,
  summary: 'Completed learning and external learning of a person (the person, their managers, learning and HR admins)',
  request: { params: IdParam },
  responses: { 200: jsonContent(TranscriptSchema), ...errorResponses('not_found') },
});

const transcriptCsv = createRoute({
  method: 'get',
  path: '/people/{id}/transcript.csv',
  tags,
  summary: 'The transcript as CSV',
  request: { params: IdParam },
  responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses('not_found') },
});

const transcriptPdf = createRoute({
  method: 'get',
  path: '/people/{id}/transcript.pdf',
  tags,
  summary: 'The transcript as PDF',
  request: { params: IdParam },
  responses: { 200: pdfContent('The transcript'), ...errorResponses('not_found') },
});

const listExternal = createRoute({
  method: 'get',
  path: '/people/{id}/external-learning',
  tags,
  summary: 'Learning a person did elsewhere',
  request: { params: IdParam },
  responses: { 200: jsonContent(z.object({ data: z.array(ExternalSchema) })), ...errorResponses('not_found') },
});

const createExternal = createRoute({
  method: 'post',
  path: '/people/{id}/external-learning',
  tags,
  summary: 'Record learning done elsewhere (the learner, or a learning or HR admin)',
  request: { params: IdParam, body: jsonBody(ExternalCreate) },
  responses: { 201: jsonContent(ExternalSchema, 'Recorded'), ...errorResponses('validation_failed', 'not_found', 'forbidden') },
});

const deleteExternal = createRoute({
  method: 'delete',
  path: '/external-learning/{id}',
  tags,
  summary: 'Remove an external learning record (the learner, or a learning or HR admin)',
  request: { params: IdParam },
  responses: { 204: { description: 'Removed' }, ...errorResponses('not_found', 'forbidden') },
});

/** Transcripts (CSV, PDF) and external learning records. */
export const transcriptRoutes = createRouter()
  .openapi(transcript, async (c) => c.json(await service.getTranscript(c.var.ctx, requireActor(c), c.req.valid('param').id), 200))
  .openapi(transcriptCsv, async (c) => {
    const f = service.transcriptCsv(await service.getTranscript(c.var.ctx, requireActor(c), c.req.valid('param').id));
    return download(f.text, 'text/csv; charset=utf-8', f.filename);
  })
  .openapi(transcriptPdf, async (c) => {
    const f = await service.transcriptPdf(await service.getTranscript(c.var.ctx, requireActor(c), c.req.valid('param').id));
    return download(f.bytes, 'application/pdf', f.filename);
  })
  .openapi(listExternal, async (c) => c.json(await external.listExternal(c.var.ctx, requireActor(c), c.req.valid('param').id), 200))
  .openapi(createExternal, async (c) =>
    c.json(await external.createExternal(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 201),
  )
  .openapi(deleteExternal, async (c) => {
    await external.deleteExternal(c.var.ctx, requireActor(c), c.req.valid('param').id, c.var.requestId);
    return c.body(null, 204);
  });
