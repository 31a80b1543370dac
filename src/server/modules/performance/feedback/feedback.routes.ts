import { createRoute, z } from '@hono/zod-openapi';
import { requireActor } from '../../../platform/http/actor.ts';
import { errorResponses, IdParam, jsonBody, jsonContent, page } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import {
  FeedbackAnswer, FeedbackCreate, FeedbackListQuery, FeedbackRequestCreate, FeedbackRequestSchema, FeedbackSchema,
  InvitationSchema, InvitationsQuery, RequestsQuery, SettingsSchema, SettingsUpdate,
} from './feedback.schemas.ts';
import * as service from './feedback.service.ts';
import * as settings from './settings.service.ts';

const tags = ['Feedback'];

const getSettings = createRoute({
  method: 'get',
  path: '/performance-settings',
  tags: ['Performance settings'],
  summary: "The organisation's performance settings (whether feedback may be anonymous, reminder timing)",
  responses: { 200: jsonContent(SettingsSchema) },
});
const patchSettings = createRoute({
  method: 'patch',
  path: '/performance-settings',
  tags: ['Performance settings'],
  summary: 'Change the performance settings (HR admins)',
  request: { body: jsonBody(SettingsUpdate) },
  responses: { 200: jsonContent(SettingsSchema), ...errorResponses('validation_failed', 'not_found') },
});

const createRequest = createRoute({
  method: 'post',
  path: '/feedback-requests',
  tags,
  summary: 'Ask people for feedback on myself, or as a manager on a report (the feedback then comes to me)',
  request: { body: jsonBody(FeedbackRequestCreate) },
  responses: { 201: jsonContent(FeedbackRequestSchema, 'Created'), ...errorResponses('validation_failed', 'not_found') },
});
const listRequests = createRoute({
  method: 'get',
  path: '/feedback-requests',
  tags,
  summary: 'Requests I made, newest first, with their progress',
  request: { query: RequestsQuery },
  responses: { 200: jsonContent(page(FeedbackRequestSchema)), ...errorResponses('validation_failed') },
});
const showRequest = createRoute({
  method: 'get',
  path: '/feedback-requests/{id}',
  tags,
  summary: 'One of my requests (its requester only)',
  request: { params: IdParam },
  responses: { 200: jsonContent(FeedbackRequestSchema), ...errorResponses('not_found') },
});
const closeRequest = createRoute({
  method: 'post',
  path: '/feedback-requests/{id}/close',
  tags,
  summary: 'Stop taking answers to one of my requests',
  request: { params: IdParam },
  responses: { 200: jsonContent(FeedbackRequestSchema), ...errorResponses('not_found') },
});
const listInvitations = createRoute({
  method: 'get',
  path: '/feedback-invitations',
  tags,
  summary: 'Requests I am asked to answer (pending by default)',
  request: { query: InvitationsQuery },
  responses: { 200: jsonContent(page(InvitationSchema)), ...errorResponses('validation_failed') },
});
const showInvitation = createRoute({
  method: 'get',
  path: '/feedback-invitations/{id}',
  tags,
  summary: 'A request I am asked to answer',
  request: { params: IdParam },
  responses: { 200: jsonContent(InvitationSchema), ...errorResponses('not_found') },
});
const Answered = z
  .object({
    id: z.uuid().nullable().openapi({ description: 'The feedback, or null when anonymous: not even its giver can find it again' }),
    anonymous: z.boolean(),
    status: z.literal('answered'),
  })
  .openapi('FeedbackAnswered');
const answer = createRoute({
  method: 'post',
  path: '/feedback-invitations/{id}/answer',
  tags,
  summary: 'Answer a request, named or (where allowed) anonymously',
  request: { params: IdParam, body: jsonBody(FeedbackAnswer) },
  responses: { 201: jsonContent(Answered, 'Answered'), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});
const decline = createRoute({
  method: 'post',
  path: '/feedback-invitations/{id}/decline',
  tags,
  summary: 'Decline a request',
  request: { params: IdParam },
  responses: { 200: jsonContent(z.object({ id: z.uuid(), status: z.literal('declined') })), ...errorResponses('not_found', 'conflict') },
});
const give = createRoute({
  method: 'post',
  path: '/feedback',
  tags,
  summary: 'Give someone feedback nobody asked for (named; to the person it is about)',
  request: { body: jsonBody(FeedbackCreate) },
  responses: { 201: jsonContent(FeedbackSchema, 'Created'), ...errorResponses('validation_failed', 'not_found') },
});
const list = createRoute({
  method: 'get',
  path: '/feedback',
  tags,
  summary: 'Feedback I received, gave, or that my reports’ givers shared with managers',
  request: { query: FeedbackListQuery },
  responses: { 200: jsonContent(page(FeedbackSchema)), ...errorResponses('validation_failed') },
});
const show = createRoute({
  method: 'get',
  path: '/feedback/{id}',
  tags,
  summary: 'One feedback (giver, receiver, and whom its giver shared it with)',
  request: { params: IdParam },
  responses: { 200: jsonContent(FeedbackSchema), ...errorResponses('not_found') },
});

/** Performance settings, feedback requests and their invitations, given feedback. */
export const feedbackRouter = createRouter()
  .openapi(getSettings, async (c) => c.json(await settings.getSettings(c.var.ctx, requireActor(c)), 200))
  .openapi(patchSettings, async (c) => c.json(await settings.updateSettings(c.var.ctx, requireActor(c), c.req.valid('json'), c.var.requestId), 200))
  .openapi(createRequest, async (c) => c.json(await service.createRequest(c.var.ctx, requireActor(c), c.req.valid('json'), c.var.requestId), 201))
  .openapi(listRequests, async (c) => c.json(await service.listMyRequests(c.var.ctx, requireActor(c), c.req.valid('query')), 200))
  .openapi(showRequest, async (c) => c.json(await service.getRequest(c.var.ctx, requireActor(c), c.req.valid('param').id), 200))
  .openapi(closeRequest, async (c) => c.json(await service.closeRequest(c.var.ctx, requireActor(c), c.req.valid('param').id, c.var.requestId), 200))
  .openapi(listInvitations, async (c) => c.json(await service.listInvitations(c.var.ctx, requireActor(c), c.req.valid('query')), 200))
  .openapi(showInvitation, async (c) => c.json(await service.getInvitation(c.var.ctx, requireActor(c), c.req.valid('param').id), 200))
  .openapi(answer, async (c) =>
    // The service leaves the request id out of an anonymous answer's audit.
    c.json(await service.answerInvitation(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 201),
  )
  .openapi(decline, async (c) => c.json(await service.declineInvitation(c.var.ctx, requireActor(c), c.req.valid('param').id, c.var.requestId), 200))
  .openapi(give, async (c) => c.json(await service.giveFeedback(c.var.ctx, requireActor(c), c.req.valid('json'), c.var.requestId), 201))
  .openapi(list, async (c) => c.json(await service.listFeedback(c.var.ctx, requireActor(c), c.req.valid('query')), 200))
  .openapi(show, async (c) => c.json(await service.getFeedback(c.var.ctx, requireActor(c), c.req.valid('param').id), 200));
