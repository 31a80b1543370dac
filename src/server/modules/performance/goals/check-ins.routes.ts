import { createRoute } from '@hono/zod-openapi';
import { requireActor } from '../../../platform/http/actor.ts';
import { errorResponses, IdParam, jsonBody, jsonContent, page } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import { CheckInCreate, CheckInResult, CheckInSchema, CheckInsQuery, CheckInUpdate } from './check-ins.schemas.ts';
import * as service from './check-ins.service.ts';

const tags = ['Goal check-ins'];

const create = createRoute({
  method: 'post',
  path: '/goals/{id}/check-ins',
  tags,
  summary: 'Check in on a goal: key result values, confidence 1–10, a note, blockers, the status',
  description:
    'In the same step, raiseHurdle turns the blockers into a hurdle linked to the goal and addToNextOneOnOne puts the check-in on the next 1:1; if either cannot be done nothing is saved. A closed period answers 409 (period_closed); a value that is not a number, 422.',
  request: { params: IdParam, body: jsonBody(CheckInCreate) },
  responses: { 201: jsonContent(CheckInResult, 'Created'), ...errorResponses('validation_failed', 'forbidden', 'not_found', 'conflict', 'unprocessable') },
});
const list = createRoute({
  method: 'get',
  path: '/goals/{id}/check-ins',
  tags,
  summary: "A goal's check-ins, oldest first (its history chart)",
  request: { params: IdParam, query: CheckInsQuery },
  responses: { 200: jsonContent(page(CheckInSchema)), ...errorResponses('not_found') },
});
const correct = createRoute({
  method: 'patch',
  path: '/check-ins/{id}',
  tags,
  summary: 'Correct a check-in (audited with before and after)',
  request: { params: IdParam, body: jsonBody(CheckInUpdate) },
  responses: { 200: jsonContent(CheckInSchema), ...errorResponses('validation_failed', 'forbidden', 'not_found', 'conflict', 'unprocessable') },
});

export const checkInRoutes = createRouter()
  .openapi(create, async (c) =>
    c.json(await service.createCheckIn(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 201),
  )
  .openapi(list, async (c) => c.json(await service.listCheckIns(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('query')), 200))
  .openapi(correct, async (c) =>
    c.json(await service.correctCheckIn(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 200),
  );
