import { createRoute } from '@hono/zod-openapi';
import { requireActor } from '../../../platform/http/actor.ts';
import { errorResponses, IdParam, jsonBody, jsonContent } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import * as s from './follow-ups.schemas.ts';
import * as service from './follow-ups.service.ts';

const tags = ['Follow-ups'];

const list = createRoute({
  method: 'get',
  path: '/follow-ups',
  tags,
  summary: 'Follow-ups of completed learning with a reason, newest first (as enrolments: the learner, their chain, learning and HR admins; and the person asked)',
  request: { query: s.ListQuery },
  responses: { 200: jsonContent(s.FollowUpPage), ...errorResponses('validation_failed', 'not_found') },
});
const summary = createRoute({
  method: 'get',
  path: '/follow-ups/summary',
  tags,
  summary: 'The loop-closure rate (improved / decided) with the counts and the follow-ups pending: of a course or program (admins), a person, or my team',
  request: { query: s.SummaryQuery },
  responses: { 200: jsonContent(s.SummarySchema), ...errorResponses('validation_failed', 'not_found') },
});
const answer = createRoute({
  method: 'post',
  path: '/follow-ups/{id}/answer',
  tags,
  summary: 'Answer a follow-up asked of me: did the reason improve? (others get 404)',
  request: { params: IdParam, body: jsonBody(s.AnswerBody) },
  responses: { 200: jsonContent(s.FollowUpSchema), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});
const getSettings = createRoute({
  method: 'get',
  path: '/follow-up-settings',
  tags,
  summary: 'The follow-up window in days per reason type (learning and HR admins)',
  responses: { 200: jsonContent(s.SettingsSchema), ...errorResponses('not_found') },
});
const putSettings = createRoute({
  method: 'put',
  path: '/follow-up-settings',
  tags,
  summary: 'Set the follow-up window of reason types, for completions from now on (learning and HR admins)',
  request: { body: jsonBody(s.SettingsBody) },
  responses: { 200: jsonContent(s.SettingsSchema), ...errorResponses('validation_failed', 'not_found') },
});

export const followUpRoutes = createRouter()
  .openapi(summary, async (c) => c.json(await service.summary(c.var.ctx, requireActor(c), c.req.valid('query')), 200))
  .openapi(list, async (c) => c.json(await service.listFollowUps(c.var.ctx, requireActor(c), c.req.valid('query')), 200))
  .openapi(answer, async (c) =>
    c.json(await service.answerFollowUp(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 200),
  )
  .openapi(getSettings, async (c) => c.json(await service.getSettings(c.var.ctx, requireActor(c)), 200))
  .openapi(putSettings, async (c) => c.json(await service.putSettings(c.var.ctx, requireActor(c), c.req.valid('json'), c.var.requestId), 200));
