import { createRoute, z } from '@hono/zod-openapi';
import { requireActor } from '../../../platform/http/actor.ts';
import { errorResponses, IdParam, jsonContent, page } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import { CatalogCourseSchema, CatalogItemSchema, CatalogQuery, SelfEnrollResult } from './catalog.schemas.ts';
import * as service from './catalog.service.ts';

const tags = ['Catalog'];

const list = createRoute({
  method: 'get',
  path: '/catalog',
  tags,
  summary: 'Published courses and programs with search and filters, and my enrolment in each',
  request: { query: CatalogQuery },
  responses: { 200: jsonContent(page(CatalogItemSchema)), ...errorResponses('validation_failed') },
});
const tagList = createRoute({
  method: 'get',
  path: '/catalog/tags',
  tags,
  summary: 'Tags in use in the catalog, with how many items carry each',
  responses: { 200: jsonContent(z.object({ data: z.array(z.object({ tag: z.string(), count: z.number().int() })) })) },
});
const course = createRoute({
  method: 'get',
  path: '/catalog/courses/{id}',
  tags,
  summary: 'A published course: outline titles, skills, prerequisites and my enrolment',
  request: { params: IdParam },
  responses: { 200: jsonContent(CatalogCourseSchema), ...errorResponses('not_found') },
});
const enrollCourse = createRoute({
  method: 'post',
  path: '/catalog/courses/{id}/enroll',
  tags,
  summary: 'Enrol myself (reason: my choice); 422 lists unmet prerequisites; repeating returns the open enrolment',
  request: { params: IdParam },
  responses: {
    200: jsonContent(SelfEnrollResult, 'Already enrolled'),
    201: jsonContent(SelfEnrollResult, 'Enrolled'),
    ...errorResponses('not_found', 'forbidden', 'unprocessable'),
  },
});
const enrollProgram = createRoute({
  method: 'post',
  path: '/catalog/programs/{id}/enroll',
  tags,
  summary: 'Enrol myself in a program and its course steps; repeating returns the open enrolment',
  request: { params: IdParam },
  responses: {
    200: jsonContent(SelfEnrollResult, 'Already enrolled'),
    201: jsonContent(SelfEnrollResult, 'Enrolled'),
    ...errorResponses('not_found', 'forbidden'),
  },
});

/** The catalog learners browse: courses and programs with search and filters, self-enrolment. */
export const catalogRoutes = createRouter()
  .openapi(list, async (c) => c.json(await service.listCatalog(c.var.ctx, requireActor(c), c.req.valid('query')), 200))
  .openapi(tagList, async (c) => c.json(await service.listTags(c.var.ctx, requireActor(c)), 200))
  .openapi(course, async (c) => c.json(await service.getCatalogCourse(c.var.ctx, requireActor(c), c.req.valid('param').id), 200))
  .openapi(enrollCourse, async (c) => {
    const r = await service.selfEnrollCourse(c.var.ctx, requireActor(c), c.req.valid('param').id, c.var.requestId);
    return r.created ? c.json(r, 201) : c.json(r, 200);
  })
  .openapi(enrollProgram, async (c) => {
    const r = await service.selfEnrollProgram(c.var.ctx, requireActor(c), c.req.valid('param').id, c.var.requestId);
    return r.created ? c.json(r, 201) : c.json(r, 200);
  });
