import { createRoute } from '@hono/zod-openapi';
import { requireActor } from '../../../platform/http/actor.ts';
import { errorResponses, IdParam, jsonBody, jsonContent, page } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import {
  EntryUpdate, GridSchema, GridSubjectSchema, LeniencyQuery, NineBoxSchema, NineBoxUpdate, RaterLeniencySchema, SessionCreate, SessionSchema,
  SessionsQuery, SubjectParam,
} from './calibration.schemas.ts';
import * as service from './calibration.service.ts';

const tags = ['Calibration'];

const create = createRoute({
  method: 'post',
  path: '/calibration-sessions',
  tags,
  summary: 'Open a calibration session over a department (and below) or everyone below a manager (HR admins)',
  request: { body: jsonBody(SessionCreate) },
  responses: { 201: jsonContent(SessionSchema, 'Created'), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});
const list = createRoute({
  method: 'get',
  path: '/calibration-sessions',
  tags,
  summary: 'The calibration sessions of a cycle: all of them for HR admins, the ones a manager calibrates in',
  request: { query: SessionsQuery },
  responses: { 200: jsonContent(page(SessionSchema)), ...errorResponses('validation_failed') },
});
const grid = createRoute({
  method: 'get',
  path: '/calibration-sessions/{id}',
  tags,
  summary: 'The calibration grid: each subject’s proposed score and its parts, final rating, potential and 9-box, the distribution against the guideline, and each manager’s distribution and leniency',
  request: { params: IdParam },
  responses: { 200: jsonContent(GridSchema), ...errorResponses('not_found', 'conflict') },
});
const updateEntry = createRoute({
  method: 'patch',
  path: '/calibration-sessions/{id}/entries/{subjectId}',
  tags,
  summary: 'Set a subject’s final rating (a reason when it differs from the proposed score), potential or notes; audited',
  request: { params: SubjectParam, body: jsonBody(EntryUpdate) },
  responses: { 200: jsonContent(GridSubjectSchema), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});
const lock = createRoute({
  method: 'post',
  path: '/calibration-sessions/{id}/lock',
  tags,
  summary: 'Lock a session: its finals are fixed and the cycle’s rater leniency is written (HR admins)',
  request: { params: IdParam },
  responses: { 200: jsonContent(SessionSchema), ...errorResponses('not_found', 'conflict') },
});
const leniency = createRoute({
  method: 'get',
  path: '/rater-leniency',
  tags,
  summary: 'How far a rater’s ratings sit from the calibrated finals and from co-raters, per locked cycle and pooled (HR admins)',
  request: { query: LeniencyQuery },
  responses: { 200: jsonContent(RaterLeniencySchema), ...errorResponses('validation_failed', 'not_found') },
});
const nineBox = createRoute({
  method: 'get',
  path: '/review-settings/nine-box',
  tags,
  summary: 'The names and definitions of the 9-box’s boxes (HR admins)',
  responses: { 200: jsonContent(NineBoxSchema), ...errorResponses('not_found') },
});
const setNineBox = createRoute({
  method: 'put',
  path: '/review-settings/nine-box',
  tags,
  summary: 'Name and define the nine boxes, or restore the defaults with null (HR admins)',
  request: { body: jsonBody(NineBoxUpdate) },
  responses: { 200: jsonContent(NineBoxSchema), ...errorResponses('validation_failed', 'not_found') },
});

/** Calibration sessions and their grid, rater leniency and the 9-box labels. */
export const calibrationRoutes = createRouter()
  .openapi(create, async (c) => c.json(await service.createSession(c.var.ctx, requireActor(c), c.req.valid('json'), c.var.requestId), 201))
  .openapi(list, async (c) => c.json(await service.listSessions(c.var.ctx, requireActor(c), c.req.valid('query').cycleId), 200))
  .openapi(grid, async (c) => c.json(await service.getGrid(c.var.ctx, requireActor(c), c.req.valid('param').id), 200))
  .openapi(updateEntry, async (c) => {
    const p = c.req.valid('param');
    return c.json(await service.updateEntry(c.var.ctx, requireActor(c), p.id, p.subjectId, c.req.valid('json'), c.var.requestId), 200);
  })
  .openapi(lock, async (c) => c.json(await service.lockSession(c.var.ctx, requireActor(c), c.req.valid('param').id, c.var.requestId), 200))
  .openapi(leniency, async (c) => c.json(await service.raterLeniency(c.var.ctx, requireActor(c), c.req.valid('query').raterId), 200))
  .openapi(nineBox, async (c) => c.json(await service.getNineBox(c.var.ctx, requireActor(c)), 200))
  .openapi(setNineBox, async (c) => c.json(await service.setNineBox(c.var.ctx, requireActor(c), c.req.valid('json'), c.var.requestId), 200));
