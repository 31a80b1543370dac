import { createRoute, z } from '@hono/zod-openapi';
import { requireActor } from '../../../platform/http/actor.ts';
import { errorResponses, IdParam, jsonContent } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import * as service from './recommendations.service.ts';

const tags = ['Recommendations'];

const Evidence = z.object({
  kind: z.enum(['profile_gap', 'aspiration_gap', 'hurdle', 'goal', 'review']),
  skill: z.object({ id: z.string(), name: z.string() }),
  expected: z.number(),
  current: z.number().nullable(),
  teaches: z.number(),
  assessment: z
    .object({ id: z.string(), source: z.string(), level: z.number(), assessedAt: z.string(), assessorName: z.string().nullable() })
    .nullable(),
  profile: z.object({ id: z.string(), name: z.string() }).nullable(),
});

const RecommendationSchema = z
  .object({
    id: z.string(),
    itemType: z.enum(['course', 'program']),
    kind: z.enum(['course', 'program']).openapi({ description: 'A course, or a program whose courses teach the gap skills (the same as itemType)' }),
    courseId: z.string().nullable().openapi({ description: 'The course, when kind is course' }),
    programId: z.string().nullable().openapi({ description: 'The program, when kind is program' }),
    item: z.object({ id: z.string(), title: z.string(), summary: z.string().nullable(), estimatedMinutes: z.number().nullable() }),
    rank: z.number().int(),
    score: z.number(),
    explanation: z.string(),
    evidence: z.array(Evidence),
    computedAt: z.string().openapi({
      description: 'When the recommendation was last computed to be what it is: a recompute that finds it unchanged keeps the time',
    }),
  })
  .openapi('Recommendation');
const RecommendationList = z.object({ data: z.array(RecommendationSchema) });

const forPerson = createRoute({
  method: 'get',
  path: '/people/{id}/recommendations',
  tags,
  summary: 'The learning recommended for a person, best first, with why (the person, their manager chain, HR admins)',
  request: { params: IdParam },
  responses: { 200: jsonContent(RecommendationList), ...errorResponses('not_found') },
});
const mine = createRoute({
  method: 'get',
  path: '/me/recommendations',
  tags,
  summary: 'The learning recommended for me, best first, with why',
  responses: { 200: jsonContent(RecommendationList) },
});
const dismiss = createRoute({
  method: 'post',
  path: '/recommendations/{id}/dismiss',
  tags,
  summary: 'Not for me: hidden until its evidence changes (the person only; others get 404)',
  request: { params: IdParam },
  responses: { 204: { description: 'Dismissed' }, ...errorResponses('not_found') },
});
const restore = createRoute({
  method: 'post',
  path: '/recommendations/{id}/restore',
  tags,
  summary: 'Undo a dismissal (the person only; others get 404)',
  request: { params: IdParam },
  responses: { 204: { description: 'Restored' }, ...errorResponses('not_found') },
});

export const recommendationRoutes = createRouter()
  .openapi(forPerson, async (c) => c.json(await service.listRecommendations(c.var.ctx, requireActor(c), c.req.valid('param').id), 200))
  .openapi(mine, async (c) => {
    const actor = requireActor(c);
    return c.json(await service.listRecommendations(c.var.ctx, actor, actor.personId), 200);
  })
  .openapi(dismiss, async (c) => {
    await service.dismissRecommendation(c.var.ctx, requireActor(c), c.req.valid('param').id, c.var.requestId);
    return c.body(null, 204);
  })
  .openapi(restore, async (c) => {
    await service.restoreRecommendation(c.var.ctx, requireActor(c), c.req.valid('param').id, c.var.requestId);
    return c.body(null, 204);
  });
