import { createRoute } from '@hono/zod-openapi';
import { requireActor } from '../../../platform/http/actor.ts';
import { errorResponses, IdParam, jsonBody, jsonContent, page } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import {
  AssessmentCreate,
  AssessmentCreated,
  AssessmentSchema,
  AssessmentsQuery,
  PersonSkillIdParams,
  PersonSkillsSchema,
  SkillHistorySchema,
  TalentSettingsSchema,
  TalentSettingsUpdate,
} from './assessments.schemas.ts';
import * as service from './assessments.service.ts';

const tags = ['Skill assessments'];

const create = createRoute({
  method: 'post',
  path: '/skill-assessments',
  tags,
  summary: 'Rate a skill: your own (self) or a report’s (manager); recomputes the current level',
  request: { body: jsonBody(AssessmentCreate) },
  responses: {
    201: jsonContent(AssessmentCreated, 'Created'),
    ...errorResponses('validation_failed', 'forbidden', 'not_found', 'conflict', 'unprocessable'),
  },
});
const list = createRoute({
  method: 'get',
  path: '/skill-assessments',
  tags,
  summary: 'A person’s assessments, newest first',
  request: { query: AssessmentsQuery },
  responses: { 200: jsonContent(page(AssessmentSchema)), ...errorResponses('validation_failed', 'not_found') },
});
const skills = createRoute({
  method: 'get',
  path: '/people/{id}/skills',
  tags,
  summary: 'A person’s skills: expected by their job profile, current level, gap and its basis',
  request: { params: IdParam },
  responses: { 200: jsonContent(PersonSkillsSchema), ...errorResponses('not_found') },
});
const history = createRoute({
  method: 'get',
  path: '/people/{id}/skills/{skillId}/history',
  tags,
  summary: 'A person’s assessments of one skill over time, with the current level after each',
  request: { params: PersonSkillIdParams },
  responses: { 200: jsonContent(SkillHistorySchema), ...errorResponses('not_found') },
});
const getSettings = createRoute({
  method: 'get',
  path: '/talent-settings',
  tags,
  summary: 'How current levels are derived: source weights and half-life (HR admins)',
  responses: { 200: jsonContent(TalentSettingsSchema), ...errorResponses('not_found') },
});
const putSettings = createRoute({
  method: 'put',
  path: '/talent-settings',
  tags,
  summary: 'Change the source weights and half-life; recomputes every current level of the organisation (HR admins)',
  request: { body: jsonBody(TalentSettingsUpdate) },
  responses: { 200: jsonContent(TalentSettingsSchema), ...errorResponses('validation_failed', 'not_found') },
});

/** Skill assessments from every source, the current levels derived from them, and how they are derived. */
export const assessmentRoutes = createRouter()
  .openapi(create, async (c) => c.json(await service.createAssessment(c.var.ctx, requireActor(c), c.req.valid('json'), c.var.requestId), 201))
  .openapi(list, async (c) => c.json(await service.listAssessments(c.var.ctx, requireActor(c), c.req.valid('query')), 200))
  .openapi(skills, async (c) => c.json(await service.personSkills(c.var.ctx, requireActor(c), c.req.valid('param').id), 200))
  .openapi(history, async (c) => {
    const p = c.req.valid('param');
    return c.json(await service.skillHistory(c.var.ctx, requireActor(c), p.id, p.skillId), 200);
  })
  .openapi(getSettings, async (c) => c.json(await service.getTalentSettings(c.var.ctx, requireActor(c)), 200))
  .openapi(putSettings, async (c) =>
    c.json(await service.updateTalentSettings(c.var.ctx, requireActor(c), c.req.valid('json'), c.var.requestId), 200),
  );
