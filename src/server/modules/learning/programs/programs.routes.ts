import { createRoute } from '@hono/zod-openapi';
import { requireActor } from '../../../platform/http/actor.ts';
import { errorResponses, IdParam, jsonBody, jsonContent, page } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import { checkpointRoutes } from './checkpoints.routes.ts';
import { ProgramCreate, ProgramDetailSchema, ProgramSchema, ProgramsQuery, ProgramUpdate, ProgramViewSchema, StepsPut } from './programs.schemas.ts';
import * as service from './programs.service.ts';
import { programView } from './programs.view.ts';

const tags = ['Programs'];

const list = createRoute({
  method: 'get',
  path: '/programs',
  tags,
  summary: 'Programs (learning paths), drafts included (learning admins)',
  request: { query: ProgramsQuery },
  responses: { 200: jsonContent(page(ProgramSchema)), ...errorResponses('validation_failed', 'not_found') },
});

const create = createRoute({
  method: 'post',
  path: '/programs',
  tags,
  summary: 'Create a draft program (learning admins)',
  request: { body: jsonBody(ProgramCreate) },
  responses: { 201: jsonContent(ProgramDetailSchema, 'Created'), ...errorResponses('validation_failed', 'not_found') },
});

const get = createRoute({
  method: 'get',
  path: '/programs/{id}',
  tags,
  summary: 'A program with its steps and my enrolment (learners: published programs only)',
  request: { params: IdParam },
  responses: { 200: jsonContent(ProgramDetailSchema), ...errorResponses('not_found') },
});

const update = createRoute({
  method: 'patch',
  path: '/programs/{id}',
  tags,
  summary: 'Change a program’s title, summary, tags, order enforcement, due days or self-enrolment',
  request: { params: IdParam, body: jsonBody(ProgramUpdate) },
  responses: { 200: jsonContent(ProgramDetailSchema), ...errorResponses('validation_failed', 'not_found') },
});

const putSteps = createRoute({
  method: 'put',
  path: '/programs/{id}/steps',
  tags,
  summary:
    'Replace the ordered steps; send back the ids of steps that stay (409 when removing a step with submissions, 422 when a named approver is enrolled in the program)',
  request: { params: IdParam, body: jsonBody(StepsPut) },
  responses: { 200: jsonContent(ProgramDetailSchema), ...errorResponses('validation_failed', 'not_found', 'conflict', 'unprocessable') },
});

const publish = createRoute({
  method: 'post',
  path: '/programs/{id}/publish',
  tags,
  summary: 'Publish a program (it needs steps, and its courses published)',
  request: { params: IdParam },
  responses: { 200: jsonContent(ProgramDetailSchema), ...errorResponses('not_found', 'conflict') },
});

const archive = createRoute({
  method: 'post',
  path: '/programs/{id}/archive',
  tags,
  summary: 'Archive a program: out of the catalog, enrolments stay',
  request: { params: IdParam },
  responses: { 200: jsonContent(ProgramDetailSchema), ...errorResponses('not_found') },
});

const view = createRoute({
  method: 'get',
  path: '/enrollments/{id}/program',
  tags,
  summary: 'A program enrolment step by step: done, available or locked, with course enrolments and checkpoint evidence',
  request: { params: IdParam },
  responses: { 200: jsonContent(ProgramViewSchema), ...errorResponses('not_found') },
});

/** Programs (learning paths) with course and checkpoint steps; checkpoint evidence and approval. */
export const programRoutes = createRouter()
  .openapi(list, async (c) => c.json(await service.listPrograms(c.var.ctx, requireActor(c), c.req.valid('query')), 200))
  .openapi(create, async (c) => c.json(await service.createProgram(c.var.ctx, requireActor(c), c.req.valid('json'), c.var.requestId), 201))
  .openapi(get, async (c) => c.json(await service.getProgram(c.var.ctx, requireActor(c), c.req.valid('param').id), 200))
  .openapi(update, async (c) =>
    c.json(await service.updateProgram(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 200),
  )
  .openapi(putSteps, async (c) =>
    c.json(await service.replaceSteps(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json').steps, c.var.requestId), 200),
  )
  .openapi(publish, async (c) => c.json(await service.setStatus(c.var.ctx, requireActor(c), c.req.valid('param').id, 'published', c.var.requestId), 200))
  .openapi(archive, async (c) => c.json(await service.setStatus(c.var.ctx, requireActor(c), c.req.valid('param').id, 'archived', c.var.requestId), 200))
  .openapi(view, async (c) => c.json(await programView(c.var.ctx, requireActor(c), c.req.valid('param').id), 200))
  .route('/', checkpointRoutes);

