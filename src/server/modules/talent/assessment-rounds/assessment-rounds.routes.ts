import { createRoute, z } from '@hono/zod-openapi';
import { requireActor } from '../../../platform/http/actor.ts';
import { errorResponses, IdParam, jsonBody, jsonContent, page } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import {
  MyRoundSchema,
  RoundCandidateSchema,
  RoundCreate,
  RoundCreated,
  RoundMemberParams,
  RoundMemberSchema,
  RoundRatings,
  RoundSchema,
  RoundsQuery,
  RoundSummarySchema,
} from './assessment-rounds.schemas.ts';
import * as service from './assessment-rounds.service.ts';

const tags = ['Assessment rounds'];

const create = createRoute({
  method: 'post',
  path: '/assessment-rounds',
  tags,
  summary: 'Start a self-assessment round: each member rates the skills of their job profile, then their manager does',
  description:
    'Named people must be below you in the reporting chain (anyone for HR admins; 404 otherwise) and each hold an active job profile that expects skills (422 naming those who do not). Without `personIds` the round takes your active direct reports who hold one and lists the others in `skipped`. Members are notified in-app and by email.',
  request: { body: jsonBody(RoundCreate) },
  responses: { 201: jsonContent(RoundCreated, 'Created'), ...errorResponses('validation_failed', 'not_found', 'unprocessable') },
});
const list = createRoute({
  method: 'get',
  path: '/assessment-rounds',
  tags,
  summary: 'The rounds I run, newest first, with their progress',
  request: { query: RoundsQuery },
  responses: { 200: jsonContent(page(RoundSummarySchema)), ...errorResponses('validation_failed') },
});
const mine = createRoute({
  method: 'get',
  path: '/me/assessment-rounds',
  tags,
  summary: 'The rounds I am asked to rate myself in, open first, with my row',
  responses: { 200: jsonContent(page(MyRoundSchema)) },
});
const candidates = createRoute({
  method: 'get',
  path: '/assessment-rounds/candidates',
  tags,
  summary: 'The people I may put in a round (everyone below me, direct reports first), and whether each can rate',
  responses: { 200: jsonContent(z.object({ data: z.array(RoundCandidateSchema) })) },
});
const get = createRoute({
  method: 'get',
  path: '/assessment-rounds/{id}',
  tags,
  summary: 'A round with its progress: per member, self and manager submitted, and the skills of their profile',
  description: 'The round’s manager and HR admins see every member; a member sees their own row, someone above members in the chain sees theirs; 404 for everyone else.',
  request: { params: IdParam },
  responses: { 200: jsonContent(RoundSchema), ...errorResponses('not_found') },
});
const submitSelf = createRoute({
  method: 'post',
  path: '/assessment-rounds/{id}/members/{personId}/self',
  tags,
  summary: 'The member rates every skill of their job profile, once per round',
  request: { params: RoundMemberParams, body: jsonBody(RoundRatings) },
  responses: {
    200: jsonContent(RoundMemberSchema),
    ...errorResponses('validation_failed', 'forbidden', 'not_found', 'conflict', 'unprocessable'),
  },
});
const submitManager = createRoute({
  method: 'post',
  path: '/assessment-rounds/{id}/members/{personId}/manager',
  tags,
  summary: 'The round’s manager, anyone above the member or an HR admin rates every skill of the member’s profile, once per round',
  description: 'Allowed before or after the member’s self-assessment.',
  request: { params: RoundMemberParams, body: jsonBody(RoundRatings) },
  responses: {
    200: jsonContent(RoundMemberSchema),
    ...errorResponses('validation_failed', 'forbidden', 'not_found', 'conflict', 'unprocessable'),
  },
});
const close = createRoute({
  method: 'post',
  path: '/assessment-rounds/{id}/close',
  tags,
  summary: 'Close a round: it takes no more ratings (those given stay)',
  request: { params: IdParam },
  responses: { 200: jsonContent(RoundSchema), ...errorResponses('forbidden', 'not_found', 'conflict') },
});

/** Self-assessment rounds: a manager asks their team to rate their profile's skills, then rates them. */
export const assessmentRoundRoutes = createRouter()
  .openapi(create, async (c) => c.json(await service.createRound(c.var.ctx, requireActor(c), c.req.valid('json'), c.var.requestId), 201))
  .openapi(list, async (c) => c.json(await service.listRounds(c.var.ctx, requireActor(c), c.req.valid('query')), 200))
  .openapi(mine, async (c) => c.json(await service.listMyRounds(c.var.ctx, requireActor(c)), 200))
  .openapi(candidates, async (c) => c.json(await service.roundCandidates(c.var.ctx, requireActor(c)), 200))
  .openapi(get, async (c) => c.json(await service.getRound(c.var.ctx, requireActor(c), c.req.valid('param').id), 200))
  .openapi(submitSelf, async (c) => {
    const { id, personId } = c.req.valid('param');
    return c.json(await service.submitRatings(c.var.ctx, requireActor(c), 'self', id, personId, c.req.valid('json'), c.var.requestId), 200);
  })
  .openapi(submitManager, async (c) => {
    const { id, personId } = c.req.valid('param');
    return c.json(await service.submitRatings(c.var.ctx, requireActor(c), 'manager', id, personId, c.req.valid('json'), c.var.requestId), 200);
  })
  .openapi(close, async (c) => c.json(await service.closeRound(c.var.ctx, requireActor(c), c.req.valid('param').id, c.var.requestId), 200));
