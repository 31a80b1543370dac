import { createRoute, z } from '@hono/zod-openapi';
import { requireActor } from '../../../platform/http/actor.ts';
import { errorResponses, IdParam, jsonBody, jsonContent, page } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import {
  CourseCreate,
  CourseSchema,
  CoursesQuery,
  CourseUpdate,
  DraftSave,
  DraftSchema,
  PublishBody,
  PublishResult,
  VersionSchema,
} from './courses.schemas.ts';
import * as service from './courses.service.ts';

const tags = ['Courses'];
const admin = ' (learning admins)';

const list = createRoute({
  method: 'get',
  path: '/courses',
  tags,
  summary: 'Every course including drafts and archived ones' + admin,
  request: { query: CoursesQuery },
  responses: { 200: jsonContent(page(CourseSchema)), ...errorResponses('validation_failed', 'not_found') },
});
const create = createRoute({
  method: 'post',
  path: '/courses',
  tags,
  summary: 'Create a course; its content starts as draft version 1' + admin,
  request: { body: jsonBody(CourseCreate) },
  responses: { 201: jsonContent(CourseSchema, 'Created'), ...errorResponses('validation_failed', 'not_found', 'unprocessable') },
});
const get = createRoute({
  method: 'get',
  path: '/courses/{id}',
  tags,
  summary: 'One course with skills and prerequisites' + admin,
  request: { params: IdParam },
  responses: { 200: jsonContent(CourseSchema), ...errorResponses('not_found') },
});
const update = createRoute({
  method: 'patch',
  path: '/courses/{id}',
  tags,
  summary: 'Change metadata, skills (with the level reached) and prerequisites' + admin,
  request: { params: IdParam, body: jsonBody(CourseUpdate) },
  responses: { 200: jsonContent(CourseSchema), ...errorResponses('validation_failed', 'not_found', 'unprocessable') },
});
const archive = createRoute({
  method: 'post',
  path: '/courses/{id}/archive',
  tags,
  summary: 'Take a course out of the catalog; enrolled learners keep it' + admin,
  request: { params: IdParam },
  responses: { 200: jsonContent(CourseSchema), ...errorResponses('not_found') },
});
const getDraft = createRoute({
  method: 'get',
  path: '/courses/{id}/draft',
  tags,
  summary: 'The content being edited, with its revision' + admin,
  request: { params: IdParam },
  responses: { 200: jsonContent(DraftSchema), ...errorResponses('not_found') },
});
const putDraft = createRoute({
  method: 'put',
  path: '/courses/{id}/draft',
  tags,
  summary: 'Save the whole content document; 409 when someone saved since `revision`' + admin,
  request: { params: IdParam, body: jsonBody(DraftSave) },
  responses: { 200: jsonContent(DraftSchema), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});
const publish = createRoute({
  method: 'post',
  path: '/courses/{id}/publish',
  tags,
  summary: 'Publish the draft; optionally move learners who have not completed onto it' + admin,
  request: { params: IdParam, body: jsonBody(PublishBody) },
  responses: { 200: jsonContent(PublishResult), ...errorResponses('validation_failed', 'not_found', 'conflict', 'unprocessable') },
});
const versions = createRoute({
  method: 'get',
  path: '/courses/{id}/versions',
  tags,
  summary: 'Version history, newest first' + admin,
  request: { params: IdParam },
  responses: { 200: jsonContent(z.object({ data: z.array(VersionSchema) })), ...errorResponses('not_found') },
});

/** Course authoring: metadata, skills, prerequisites, draft content, versions and publishing. */
export const courseRoutes = createRouter()
  .openapi(list, async (c) => c.json(await service.listCourses(c.var.ctx, requireActor(c), c.req.valid('query')), 200))
  .openapi(create, async (c) => c.json(await service.createCourse(c.var.ctx, requireActor(c), c.req.valid('json'), c.var.requestId), 201))
  .openapi(get, async (c) => c.json(await service.getCourse(c.var.ctx, requireActor(c), c.req.valid('param').id), 200))
  .openapi(update, async (c) =>
    c.json(await service.updateCourse(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 200),
  )
  .openapi(archive, async (c) => c.json(await service.archiveCourse(c.var.ctx, requireActor(c), c.req.valid('param').id, c.var.requestId), 200))
  .openapi(getDraft, async (c) => c.json(await service.getDraft(c.var.ctx, requireActor(c), c.req.valid('param').id), 200))
  .openapi(putDraft, async (c) =>
    c.json(await service.saveDraft(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 200),
  )
  .openapi(publish, async (c) =>
    c.json(await service.publishCourse(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 200),
  )
  .openapi(versions, async (c) => c.json({ data: await service.listVersions(c.var.ctx, requireActor(c), c.req.valid('param').id) }, 200));
