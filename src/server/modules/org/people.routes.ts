import { createRoute } from '@hono/zod-openapi';
import { errorResponses, IdParam, jsonContent, page } from '../../platform/http/openapi.ts';
import { createRouter } from '../../platform/http/router.ts';
import { requireActor } from '../../platform/http/actor.ts';
import { PeopleQuery, PersonSchema } from './org.schemas.ts';
import { getPerson, listPeople } from './people.service.ts';

const list = createRoute({
  method: 'get',
  path: '/people',
  tags: ['People'],
  summary: 'List and search people',
  request: { query: PeopleQuery },
  responses: { 200: jsonContent(page(PersonSchema)), ...errorResponses('validation_failed') },
});

const get = createRoute({
  method: 'get',
  path: '/people/{id}',
  tags: ['People'],
  summary: 'One person',
  request: { params: IdParam },
  responses: { 200: jsonContent(PersonSchema), ...errorResponses('not_found') },
});

export const peopleRoutes = createRouter()
  .openapi(list, async (c) => c.json(await listPeople(c.var.ctx, requireActor(c), c.req.valid('query')), 200))
  .openapi(get, async (c) => c.json(await getPerson(c.var.ctx, requireActor(c), c.req.valid('param').id), 200));
