import { createRoute } from '@hono/zod-openapi';
import { requireActor } from '../../../platform/http/actor.ts';
import { errorResponses, IdParam, jsonBody, jsonContent, page } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import { ApproveBody, QueueItemSchema, QueueQuery, ReturnBody, SubmissionCreate, SubmissionParams } from './checkpoints.schemas.ts';
import * as service from './checkpoints.service.ts';
import { SubmissionSchema } from './programs.schemas.ts';

const tags = ['Checkpoints'];

const submit = createRoute({
  method: 'post',
  path: '/enrollments/{id}/checkpoints/{stepId}/submissions',
  tags,
  summary: 'Hand in evidence (text, https link or an evidence file) for a checkpoint of my program',
  request: { params: SubmissionParams, body: jsonBody(SubmissionCreate) },
  responses: { 201: jsonContent(SubmissionSchema, 'Submitted'), ...errorResponses('validation_failed', 'not_found', 'conflict', 'forbidden') },
});

const queue = createRoute({
  method: 'get',
  path: '/checkpoint-submissions',
  tags,
  summary: 'My approval queue: evidence from people I approve for (learning admins: everyone), oldest first',
  request: { query: QueueQuery },
  responses: { 200: jsonContent(page(QueueItemSchema)), ...errorResponses('validation_failed') },
});

const approve = createRoute({
  method: 'post',
  path: '/checkpoint-submissions/{id}/approve',
  tags,
  summary: 'Approve evidence; the program’s progress moves on',
  request: { params: IdParam, body: { required: false, content: { 'application/json': { schema: ApproveBody } } } },
  responses: { 200: jsonContent(SubmissionSchema), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});

const sendBack = createRoute({
  method: 'post',
  path: '/checkpoint-submissions/{id}/return',
  tags,
  summary: 'Send evidence back with a comment saying what to change',
  request: { params: IdParam, body: jsonBody(ReturnBody) },
  responses: { 200: jsonContent(SubmissionSchema), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});

export const checkpointRoutes = createRouter()
  .openapi(submit, async (c) => {
    const { id, stepId } = c.req.valid('param');
    return c.json(await service.submitEvidence(c.var.ctx, requireActor(c), id, stepId, c.req.valid('json'), c.var.requestId), 201);
  })
  .openapi(queue, async (c) => c.json(await service.listQueue(c.var.ctx, requireActor(c), c.req.valid('query')), 200))
  .openapi(approve, async (c) => {
    const body = c.req.header('content-type')?.includes('json') ? c.req.valid('json') : {};
    return c.json(await service.review(c.var.ctx, requireActor(c), c.req.valid('param').id, 'approved', body?.comment, c.var.requestId), 200);
  })
  .openapi(sendBack, async (c) =>
    c.json(await service.review(c.var.ctx, requireActor(c), c.req.valid('param').id, 'returned', c.req.valid('json').comment, c.var.requestId), 200),
  );
