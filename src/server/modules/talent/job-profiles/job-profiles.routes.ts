import { createRoute, z } from '@hono/zod-openapi';
import { requireActor } from '../../../platform/http/actor.ts';
import { errorResponses, IdParam, jsonBody, jsonContent, page } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import {
  CareerPathCreate,
  CareerPathsQuery,
  CareerStepSchema,
  ComparisonQuery,
  ComparisonSchema,
  JobProfileCreate,
  JobProfileDetailSchema,
  JobProfileSchema,
  JobProfilesQuery,
  JobProfileUpdate,
  PersonIdParam,
  PersonJobProfileBody,
  PersonJobProfileSchema,
} from './job-profiles.schemas.ts';
import * as service from './job-profiles.service.ts';

const tags = ['Job profiles'];
const pathTags = ['Career paths'];

const list = createRoute({
  method: 'get',
  path: '/job-profiles',
  tags,
  summary: 'Job profiles, by name',
  request: { query: JobProfilesQuery },
  responses: { 200: jsonContent(page(JobProfileSchema)), ...errorResponses('validation_failed') },
});
const create = createRoute({
  method: 'post',
  path: '/job-profiles',
  tags,
  summary: 'Add a job profile with its expected skill levels (HR admins)',
  request: { body: jsonBody(JobProfileCreate) },
  responses: { 201: jsonContent(JobProfileDetailSchema, 'Created'), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});
const get = createRoute({
  method: 'get',
  path: '/job-profiles/{id}',
  tags,
  summary: 'One job profile with its expected skills, holder count and next steps',
  request: { params: IdParam },
  responses: { 200: jsonContent(JobProfileDetailSchema), ...errorResponses('not_found') },
});
const update = createRoute({
  method: 'patch',
  path: '/job-profiles/{id}',
  tags,
  summary: 'Change a job profile; a skills list replaces the expected skills (HR admins)',
  request: { params: IdParam, body: jsonBody(JobProfileUpdate) },
  responses: { 200: jsonContent(JobProfileDetailSchema), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});
const archive = createRoute({
  method: 'post',
  path: '/job-profiles/{id}/archive',
  tags,
  summary: 'Archive a job profile: its holders keep it, nobody new is given it (HR admins)',
  request: { params: IdParam },
  responses: { 200: jsonContent(JobProfileDetailSchema), ...errorResponses('not_found') },
});
const unarchive = createRoute({
  method: 'post',
  path: '/job-profiles/{id}/unarchive',
  tags,
  summary: 'Bring an archived job profile back (HR admins)',
  request: { params: IdParam },
  responses: { 200: jsonContent(JobProfileDetailSchema), ...errorResponses('not_found') },
});

const listPaths = createRoute({
  method: 'get',
  path: '/career-paths',
  tags: pathTags,
  summary: 'Career steps between job profiles, or those from and to one profile',
  request: { query: CareerPathsQuery },
  responses: { 200: jsonContent(z.object({ data: z.array(CareerStepSchema) })), ...errorResponses('validation_failed') },
});
const createPath = createRoute({
  method: 'post',
  path: '/career-paths',
  tags: pathTags,
  summary: 'Add a step from one profile to another, up (promotion) or sideways (lateral) (HR admins)',
  request: { body: jsonBody(CareerPathCreate) },
  responses: { 201: jsonContent(CareerStepSchema, 'Created'), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});
const removePath = createRoute({
  method: 'delete',
  path: '/career-paths/{id}',
  tags: pathTags,
  summary: 'Remove a career step (HR admins)',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses('not_found') },
});

const getPersonProfile = createRoute({
  method: 'get',
  path: '/people/{id}/job-profile',
  tags,
  summary: "A person's job profile with its expected levels",
  request: { params: PersonIdParam },
  responses: { 200: jsonContent(PersonJobProfileSchema), ...errorResponses('not_found') },
});
const setPersonProfile = createRoute({
  method: 'put',
  path: '/people/{id}/job-profile',
  tags,
  summary: 'Give a person a job profile, or none (HR admins)',
  request: { params: PersonIdParam, body: jsonBody(PersonJobProfileBody) },
  responses: { 200: jsonContent(PersonJobProfileSchema), ...errorResponses('validation_failed', 'not_found') },
});
const comparison = createRoute({
  method: 'get',
  path: '/people/{id}/profile-comparison',
  tags,
  summary: "A person's current levels against a profile's expected levels (their own profile by default)",
  request: { params: PersonIdParam, query: ComparisonQuery },
  responses: { 200: jsonContent(ComparisonSchema), ...errorResponses('validation_failed', 'not_found') },
});

/** Job profiles with their expected levels, career paths between them, and who holds which. */
export const jobProfileRoutes = createRouter()
  .openapi(list, async (c) => c.json(await service.listProfiles(c.var.ctx, requireActor(c), c.req.valid('query')), 200))
  .openapi(create, async (c) => c.json(await service.createProfile(c.var.ctx, requireActor(c), c.req.valid('json'), c.var.requestId), 201))
  .openapi(get, async (c) => c.json(await service.getProfile(c.var.ctx, requireActor(c), c.req.valid('param').id), 200))
  .openapi(update, async (c) =>
    c.json(await service.updateProfile(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 200),
  )
  .openapi(archive, async (c) => c.json(await service.setArchived(c.var.ctx, requireActor(c), c.req.valid('param').id, true, c.var.requestId), 200))
  .openapi(unarchive, async (c) =>
    c.json(await service.setArchived(c.var.ctx, requireActor(c), c.req.valid('param').id, false, c.var.requestId), 200),
  )
  .openapi(listPaths, async (c) => c.json(await service.listCareerPaths(c.var.ctx, requireActor(c), c.req.valid('query')), 200))
  .openapi(createPath, async (c) => c.json(await service.createCareerPath(c.var.ctx, requireActor(c), c.req.valid('json'), c.var.requestId), 201))
  .openapi(removePath, async (c) => {
    await service.deleteCareerPath(c.var.ctx, requireActor(c), c.req.valid('param').id, c.var.requestId);
    return c.body(null, 204);
  })
  .openapi(getPersonProfile, async (c) => c.json(await service.getPersonProfile(c.var.ctx, requireActor(c), c.req.valid('param').id), 200))
  .openapi(setPersonProfile, async (c) =>
    c.json(
      await service.setPersonProfile(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json').jobProfileId, c.var.requestId),
      200,
    ),
  )
  .openapi(comparison, async (c) =>
    c.json(await service.profileComparison(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('query')), 200),
  );
