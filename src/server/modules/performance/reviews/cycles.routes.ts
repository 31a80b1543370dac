import { createRoute } from '@hono/zod-openapi';
import { requireActor } from '../../../platform/http/actor.ts';
import { errorResponses, IdParam, jsonBody, jsonContent, page } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import { CycleCreate, CycleSchema, CyclesQuery, CycleUpdate, LaunchBody, LaunchResult, PhaseBody, ProgressQuery, ProgressSchema } from './cycles.schemas.ts';
import * as service from './cycles.service.ts';

const tags = ['Review cycles'];

const list = createRoute({
  method: 'get',
  path: '/review-cycles',
  tags,
  summary: 'Review cycles, newest first (HR admins; managers see launched ones)',
  request: { query: CyclesQuery },
  responses: { 200: jsonContent(page(CycleSchema)), ...errorResponses('validation_failed', 'not_found') },
});
const show = createRoute({
  method: 'get',
  path: '/review-cycles/{id}',
  tags,
  summary: 'One review cycle with its counts',
  request: { params: IdParam },
  responses: { 200: jsonContent(CycleSchema), ...errorResponses('not_found') },
});
const create = createRoute({
  method: 'post',
  path: '/review-cycles',
  tags,
  summary: 'Set up a review cycle as a draft: template, period, phase dates, participants, reviewers, anonymity (HR admins)',
  request: { body: jsonBody(CycleCreate) },
  responses: { 201: jsonContent(CycleSchema, 'Created'), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});
const update = createRoute({
  method: 'patch',
  path: '/review-cycles/{id}',
  tags,
  summary: 'Change a cycle: name and dates at any time, the rest before launch (HR admins)',
  request: { params: IdParam, body: jsonBody(CycleUpdate) },
  responses: { 200: jsonContent(CycleSchema), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});
const launch = createRoute({
  method: 'post',
  path: '/review-cycles/{id}/launch',
  tags,
  summary: 'Launch a cycle: subjects and their self, manager and upward reviews are made at once; launching again makes none (HR admins)',
  request: { params: IdParam, body: jsonBody(LaunchBody) },
  responses: { 200: jsonContent(LaunchResult), ...errorResponses('validation_failed', 'not_found', 'unprocessable') },
});
const phase = createRoute({
  method: 'post',
  path: '/review-cycles/{id}/phase',
  tags,
  summary: 'Move a launched cycle to its next phase; entering writing makes the approved peers’ reviews (HR admins)',
  request: { params: IdParam, body: jsonBody(PhaseBody) },
  responses: { 200: jsonContent(CycleSchema), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});
const progress = createRoute({
  method: 'get',
  path: '/review-cycles/{id}/progress',
  tags,
  summary: 'Reviews by status, per manager or department (HR admins: everyone; managers: the people below them)',
  request: { params: IdParam, query: ProgressQuery },
  responses: { 200: jsonContent(ProgressSchema), ...errorResponses('validation_failed', 'not_found') },
});

export const cycleRoutes = createRouter()
  .openapi(list, async (c) => c.json(await service.listCycles(c.var.ctx, requireActor(c), c.req.valid('query')), 200))
  .openapi(show, async (c) => c.json(await service.getCycle(c.var.ctx, requireActor(c), c.req.valid('param').id), 200))
  .openapi(create, async (c) => c.json(await service.createCycle(c.var.ctx, requireActor(c), c.req.valid('json'), c.var.requestId), 201))
  .openapi(update, async (c) => c.json(await service.updateCycle(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 200))
  .openapi(launch, async (c) => c.json(await service.launchCycle(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 200))
  .openapi(phase, async (c) => c.json(await service.movePhase(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 200))
  .openapi(progress, async (c) => c.json(await service.cycleProgress(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('query')), 200));
