import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses, IdParam, jsonBody, jsonContent, page } from '../../platform/http/openapi.ts';
import { createRouter } from '../../platform/http/router.ts';
import { requireActor } from '../../platform/http/actor.ts';
import {
  PeopleFiltersSchema,
  PeopleQuery,
  PersonCreate,
  PersonDetailSchema,
  PersonSchema,
  PersonUpdate,
  ReportsQuery,
} from './org.schemas.ts';
import { createPerson, setPersonStatus, updatePerson } from './people.commands.ts';
import { getPerson, listPeople, listReports, managerChain, peopleFilters } from './people.service.ts';

const tags = ['People'];
const mutationErrors = errorResponses('validation_failed', 'not_found', 'conflict', 'unprocessable');

const list = createRoute({
  method: 'get',
  path: '/people',
  tags,
  summary: 'List and search people',
  request: { query: PeopleQuery },
  responses: { 200: jsonContent(page(PersonSchema)), ...errorResponses('validation_failed', 'not_found') },
});

const filters = createRoute({
  method: 'get',
  path: '/people/filters',
  tags,
  summary: 'Values for the directory filter menus',
  responses: { 200: jsonContent(PeopleFiltersSchema) },
});

const get = createRoute({
  method: 'get',
  path: '/people/{id}',
  tags,
  summary: 'One person',
  request: { params: IdParam },
  responses: { 200: jsonContent(PersonDetailSchema), ...errorResponses('not_found') },
});

const create = createRoute({
  method: 'post',
  path: '/people',
  tags,
  summary: 'Add a person (HR admin)',
  request: { body: jsonBody(PersonCreate) },
  responses: { 201: jsonContent(PersonDetailSchema, 'Created'), ...mutationErrors },
});

const update = createRoute({
  method: 'patch',
  path: '/people/{id}',
  tags,
  summary: 'Change a person (HR admin); only the fields sent change. The email is the sign-in email: changing it needs every role of their account',
  request: { params: IdParam, body: jsonBody(PersonUpdate) },
  responses: { 200: jsonContent(PersonDetailSchema), ...mutationErrors, ...errorResponses('forbidden') },
});

const deactivate = createRoute({
  method: 'post',
  path: '/people/{id}/deactivate',
  tags,
  summary: 'Deactivate a person (HR admin; not yourself, and only people whose account roles you hold)',
  request: { params: IdParam },
  responses: { 200: jsonContent(PersonDetailSchema), ...errorResponses('not_found', 'conflict', 'forbidden') },
});

const reactivate = createRoute({
  method: 'post',
  path: '/people/{id}/reactivate',
  tags,
  summary: 'Reactivate a person (HR admin)',
  request: { params: IdParam },
  responses: { 200: jsonContent(PersonDetailSchema), ...errorResponses('not_found') },
});

const reports = createRoute({
  method: 'get',
  path: '/people/{id}/reports',
  tags,
  summary: "A person's direct reports, by name",
  request: { params: IdParam, query: ReportsQuery },
  responses: { 200: jsonContent(page(PersonSchema)), ...errorResponses('validation_failed', 'not_found') },
});

const chain = createRoute({
  method: 'get',
  path: '/people/{id}/chain',
  tags,
  summary: 'Managers above a person, from the direct manager to the top',
  request: { params: IdParam },
  responses: { 200: jsonContent(z.object({ data: z.array(PersonSchema) })), ...errorResponses('not_found') },
});

export const peopleRoutes = createRouter()
  .openapi(list, async (c) => c.json(await listPeople(c.var.ctx, requireActor(c), c.req.valid('query')), 200))
  .openapi(filters, async (c) => c.json(await peopleFilters(c.var.ctx, requireActor(c)), 200))
  .openapi(get, async (c) => c.json(await getPerson(c.get('ctx'), requireActor(c), c.req.valid('param').id), 200))
  .openapi(create, async (c) =>
    c.json(await createPerson(c.var.ctx, requireActor(c), c.req.valid('json'), c.var.requestId), 201),
  )
  .openapi(update, async (c) =>
    c.json(await updatePerson(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 200),
  )
  .openapi(deactivate, async (c) =>
    c.json(await setPersonStatus(c.var.ctx, requireActor(c), c.req.valid('param').id, 'inactive', c.var.requestId), 200),
  )
  .openapi(reactivate, async (c) =>
    c.json(await setPersonStatus(c.var.ctx, requireActor(c), c.req.valid('param').id, 'active', c.var.requestId), 200),
  )
  .openapi(reports, async (c) =>
    c.json(await listReports(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('query')), 200),
  )
  .openapi(chain, async (c) => c.json(await managerChain(c.var.ctx, requireActor(c), c.req.valid('param').id), 200));
