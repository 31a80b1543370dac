import { createRoute } from '@hono/zod-openapi';
import { requireActor } from '../../../platform/http/actor.ts';
import { errorResponses, IdParam, jsonBody, jsonContent, page } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import {
  AcknowledgeBody, AnswersBody, DecideBody, NominateBody, NominationsQuery, NominationsResult, ReassignBody, ReleaseBody, ReleaseResult,
  MyCycleSchema, ParticipantSchema, ParticipantsQuery, ResultSchema, ReviewListItem, ReviewSchema, ReviewsQuery, SharedListItem, SubjectParams,
} from './reviews.schemas.ts';
import * as service from './reviews.service.ts';

const tags = ['Reviews'];

const mine = createRoute({
  method: 'get',
  path: '/reviews',
  tags,
  summary: 'The reviews I write (self, of my reports, of peers, of my manager)',
  request: { query: ReviewsQuery },
  responses: { 200: jsonContent(page(ReviewListItem)), ...errorResponses('validation_failed') },
});
const show = createRoute({
  method: 'get',
  path: '/reviews/{id}',
  tags,
  summary: 'A review with its form: its reviewer, the subject’s manager chain and HR admins',
  request: { params: IdParam },
  responses: { 200: jsonContent(ReviewSchema), ...errorResponses('not_found') },
});
const save = createRoute({
  method: 'put',
  path: '/reviews/{id}/answers',
  tags,
  summary: 'Save answers to my review as a draft (merged; an empty answer removes one)',
  request: { params: IdParam, body: jsonBody(AnswersBody) },
  responses: { 200: jsonContent(ReviewSchema), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});
const submit = createRoute({
  method: 'post',
  path: '/reviews/{id}/submit',
  tags,
  summary: 'Submit my review once every required question is answered',
  request: { params: IdParam },
  responses: { 200: jsonContent(ReviewSchema), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});
const reopen = createRoute({
  method: 'post',
  path: '/reviews/{id}/reopen',
  tags,
  summary: 'Reopen a submitted review so its reviewer can change it (HR admins, the subject’s managers)',
  request: { params: IdParam },
  responses: { 200: jsonContent(ReviewSchema), ...errorResponses('not_found', 'conflict') },
});
const reassign = createRoute({
  method: 'post',
  path: '/reviews/{id}/reassign',
  tags,
  summary: 'Give a review not yet submitted to another reviewer (HR admins)',
  request: { params: IdParam, body: jsonBody(ReassignBody) },
  responses: { 200: jsonContent(ReviewSchema), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});
const shared = createRoute({
  method: 'get',
  path: '/me/review-results',
  tags,
  summary: 'Cycles whose reviews of me were shared with me',
  responses: { 200: jsonContent(page(SharedListItem)) },
});
const nominations = createRoute({
  method: 'get',
  path: '/review-cycles/{id}/nominations',
  tags: ['Peer nominations'],
  summary: 'A subject’s peer nominations (the subject and their managers)',
  request: { params: IdParam, query: NominationsQuery },
  responses: { 200: jsonContent(NominationsResult), ...errorResponses('validation_failed', 'not_found') },
});
const nominate = createRoute({
  method: 'post',
  path: '/review-cycles/{id}/nominations',
  tags: ['Peer nominations'],
  summary: 'Nominate peers to review me, within the cycle’s most',
  request: { params: IdParam, body: jsonBody(NominateBody) },
  responses: { 200: jsonContent(NominationsResult), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});
const decide = createRoute({
  method: 'patch',
  path: '/peer-nominations/{id}',
  tags: ['Peer nominations'],
  summary: 'Approve or decline a nomination (the subject’s managers, HR admins)',
  request: { params: IdParam, body: jsonBody(DecideBody) },
  responses: { 200: jsonContent(NominationsResult), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});
const withdraw = createRoute({
  method: 'delete',
  path: '/peer-nominations/{id}',
  tags: ['Peer nominations'],
  summary: 'Withdraw one of my nominations not yet decided',
  request: { params: IdParam },
  responses: { 204: { description: 'Withdrawn' }, ...errorResponses('not_found', 'conflict') },
});
const result = createRoute({
  method: 'get',
  path: '/review-cycles/{id}/people/{personId}',
  tags,
  summary: 'A subject’s reviews: every answer with its author for managers and HR; the shared view for the subject once released',
  request: { params: SubjectParams },
  responses: { 200: jsonContent(ResultSchema), ...errorResponses('not_found') },
});
const releaseOne = createRoute({
  method: 'post',
  path: '/review-cycles/{id}/people/{personId}/release',
  tags,
  summary: 'Share a subject’s reviews with them (their managers, HR admins; sharing phase)',
  request: { params: SubjectParams },
  responses: { 200: jsonContent(ReleaseResult), ...errorResponses('not_found', 'conflict') },
});
const releaseMany = createRoute({
  method: 'post',
  path: '/review-cycles/{id}/release',
  tags,
  summary: 'Share the reviews of many subjects, or of everyone not yet shared (HR admins; sharing phase)',
  request: { params: IdParam, body: jsonBody(ReleaseBody) },
  responses: { 200: jsonContent(ReleaseResult), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});
const ack = createRoute({
  method: 'post',
  path: '/review-cycles/{id}/people/{personId}/acknowledge',
  tags,
  summary: 'Say I read my shared review, with an optional comment',
  request: { params: SubjectParams, body: jsonBody(AcknowledgeBody) },
  responses: { 200: jsonContent(ResultSchema), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});

const participants = createRoute({
  method: 'get',
  path: '/review-cycles/{id}/participants',
  tags: ['Review cycles'],
  summary: 'A cycle’s subjects by name, searchable, with where their reviews stand (HR admins: everyone; managers: those below them)',
  request: { params: IdParam, query: ParticipantsQuery },
  responses: { 200: jsonContent(page(ParticipantSchema)), ...errorResponses('validation_failed', 'not_found') },
});
const myCycles = createRoute({
  method: 'get',
  path: '/me/review-cycles',
  tags,
  summary: 'The launched cycles I am reviewed in (to nominate peers, and to read what is shared with me)',
  responses: { 200: jsonContent(page(MyCycleSchema)) },
});

export const reviewRoutesList = createRouter()
  .openapi(participants, async (c) => c.json(await service.cycleParticipants(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('query')), 200))
  .openapi(myCycles, async (c) => c.json(await service.myCycles(c.var.ctx, requireActor(c)), 200))
  .openapi(mine, async (c) => c.json(await service.myReviews(c.var.ctx, requireActor(c), c.req.valid('query').cycleId), 200))
  .openapi(show, async (c) => c.json(await service.getReview(c.var.ctx, requireActor(c), c.req.valid('param').id), 200))
  .openapi(save, async (c) => c.json(await service.saveAnswers(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 200))
  .openapi(submit, async (c) => c.json(await service.submitReview(c.var.ctx, requireActor(c), c.req.valid('param').id, c.var.requestId), 200))
  .openapi(reopen, async (c) => c.json(await service.reopenReview(c.var.ctx, requireActor(c), c.req.valid('param').id, c.var.requestId), 200))
  .openapi(reassign, async (c) =>
    c.json(await service.reassignReview(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json').reviewerId, c.var.requestId), 200),
  )
  .openapi(shared, async (c) => c.json(await service.sharedWithMe(c.var.ctx, requireActor(c)), 200))
  .openapi(nominations, async (c) => c.json(await service.listNominations(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('query').subjectId), 200))
  .openapi(nominate, async (c) => c.json(await service.nominatePeers(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 200))
  .openapi(decide, async (c) =>
    c.json(await service.decideNomination(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json').status, c.var.requestId), 200),
  )
  .openapi(withdraw, async (c) => {
    await service.withdrawNomination(c.var.ctx, requireActor(c), c.req.valid('param').id, c.var.requestId);
    return c.body(null, 204);
  })
  .openapi(result, async (c) => {
    const p = c.req.valid('param');
    return c.json(await service.subjectResult(c.var.ctx, requireActor(c), p.id, p.personId), 200);
  })
  .openapi(releaseOne, async (c) => {
    const p = c.req.valid('param');
    return c.json(await service.releaseOne(c.var.ctx, requireActor(c), p.id, p.personId, c.var.requestId), 200);
  })
  .openapi(releaseMany, async (c) => c.json(await service.releaseMany(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 200))
  .openapi(ack, async (c) => {
    const p = c.req.valid('param');
    return c.json(await service.acknowledge(c.var.ctx, requireActor(c), p.id, p.personId, c.req.valid('json'), c.var.requestId), 200);
  });
