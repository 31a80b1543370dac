import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses, IdParam, jsonBody, jsonContent } from '../../platform/http/openapi.ts';
import { requireActor } from '../../platform/http/actor.ts';
import { createRouter } from '../../platform/http/router.ts';
import { DepartmentCreate, DepartmentSchema, DepartmentUpdate } from './departments.schemas.ts';
import * as service from './departments.service.ts';

const tags = ['Departments'];

const list = createRoute({
  method: 'get',
  path: '/departments',
  tags,
  summary: 'Every department (flat; build the tree from parentId) with active headcounts',
  responses: { 200: jsonContent(z.object({ data: z.array(DepartmentSchema) })) },
});

const create = createRoute({
  method: 'post',
  path: '/departments',
  tags,
  summary: 'Create a department (HR admin)',
  request: { body: jsonBody(DepartmentCreate) },
  responses: {
    201: jsonContent(DepartmentSchema, 'Created'),
    ...errorResponses('validation_failed', 'not_found', 'conflict', 'unprocessable'),
  },
});

const update = createRoute({
  method: 'patch',
  path: '/departments/{id}',
  tags,
  summary: 'Rename or move a department (HR admin)',
  request: { params: IdParam, body: jsonBody(DepartmentUpdate) },
  responses: { 200: jsonContent(DepartmentSchema), ...errorResponses('validation_failed', 'not_found', 'conflict', 'unprocessable') },
});

const remove = createRoute({
  method: 'delete',
  path: '/departments/{id}',
  tags,
  summary: 'Delete an empty department (HR admin)',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses('not_found', 'conflict') },
});

export const departmentRoutes = createRouter()
  .openapi(list, async (c) => c.json(await service.listDepartments(c.var.ctx, requireActor(c)), 200))
  .openapi(create, async (c) =>
    c.json(await service.createDepartment(c.var.ctx, requireActor(c), c.req.valid('json'), c.var.requestId), 201),
  )
  .openapi(update, async (c) =>
    c.json(
      await service.updateDepartment(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId),
      200,
    ),
  )
  .openapi(remove, async (c) => {
    await service.deleteDepartment(c.var.ctx, requireActor(c), c.req.valid('param').id, c.var.requestId);
    return c.body(null, 204);
  });
