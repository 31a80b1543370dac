import { createRoute, z } from '@hono/zod-openapi';
import { requireActor } from '../../../platform/http/actor.ts';
import { errorResponses, IdParam, jsonBody, jsonContent, page } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import {
  AttendancePut,
  CourseIdParam,
  RegistrationSchema,
  RosterEntrySchema,
  RosterQuery,
  SessionCreate,
  SessionSchema,
  SessionsQuery,
  SessionUpdate,
} from './sessions.schemas.ts';
import * as service from './sessions.service.ts';

const tags = ['Live training'];

const list = createRoute({
  method: 'get',
  path: '/courses/{id}/sessions',
  tags,
  summary: 'Sessions of a live course with seats left and my registration',
  request: { params: CourseIdParam, query: SessionsQuery },
  responses: { 200: jsonContent(page(SessionSchema)), ...errorResponses('validation_failed', 'not_found') },
});

const create = createRoute({
  method: 'post',
  path: '/courses/{id}/sessions',
  tags,
  summary: 'Schedule a session of a live course (learning admins)',
  request: { params: CourseIdParam, body: jsonBody(SessionCreate) },
  responses: { 201: jsonContent(SessionSchema, 'Created'), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});

const update = createRoute({
  method: 'patch',
  path: '/sessions/{id}',
  tags,
  summary: 'Change a session; registered people get an updated invitation, added seats go to the waitlist',
  request: { params: IdParam, body: jsonBody(SessionUpdate) },
  responses: { 200: jsonContent(SessionSchema), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});

const cancel = createRoute({
  method: 'post',
  path: '/sessions/{id}/cancel',
  tags,
  summary: 'Cancel a session; everyone registered gets a calendar cancellation',
  request: { params: IdParam },
  responses: { 200: jsonContent(SessionSchema), ...errorResponses('not_found') },
});

const register = createRoute({
  method: 'post',
  path: '/sessions/{id}/registrations',
  tags,
  summary: 'Register me: a seat (with a calendar invitation by email) or the waitlist when full',
  request: { params: IdParam },
  responses: {
    200: jsonContent(RegistrationSchema, 'Already registered'),
    201: jsonContent(RegistrationSchema, 'Registered or waitlisted'),
    ...errorResponses('not_found', 'conflict', 'forbidden'),
  },
});

const unregister = createRoute({
  method: 'delete',
  path: '/sessions/{id}/registrations/me',
  tags,
  summary: 'Cancel my registration; the first person waiting gets the seat',
  request: { params: IdParam },
  responses: { 204: { description: 'Cancelled' }, ...errorResponses('not_found', 'conflict') },
});

const rosterRoute = createRoute({
  method: 'get',
  path: '/sessions/{id}/registrations',
  tags,
  summary: 'The roster: registered, then the waitlist in order (learning admins and the instructor)',
  request: { params: IdParam, query: RosterQuery },
  responses: { 200: jsonContent(page(RosterEntrySchema)), ...errorResponses('validation_failed', 'not_found') },
});

const attendance = createRoute({
  method: 'put',
  path: '/sessions/{id}/attendance',
  tags,
  summary: 'Mark attendance (present completes the live course), by learning admins or the instructor',
  request: { params: IdParam, body: jsonBody(AttendancePut) },
  responses: { 200: jsonContent(page(RosterEntrySchema)), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});

const ical = createRoute({
  method: 'get',
  path: '/sessions/{id}/ical',
  tags,
  summary: 'The session as an iCalendar file (my invitation when I am registered)',
  request: { params: IdParam },
  responses: { 200: { description: 'iCalendar', content: { 'text/calendar': { schema: z.string() } } }, ...errorResponses('not_found') },
});

/** Live training: sessions, registration, waitlist, calendar invitations, attendance. */
export const sessionRoutes = createRouter()
  .openapi(list, async (c) =>
    c.json(await service.listSessions(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('query').when), 200),
  )
  .openapi(create, async (c) =>
    c.json(await service.createSession(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 201),
  )
  .openapi(update, async (c) =>
    c.json(await service.updateSession(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 200),
  )
  .openapi(cancel, async (c) => c.json(await service.cancelSession(c.var.ctx, requireActor(c), c.req.valid('param').id, c.var.requestId), 200))
  .openapi(register, async (c) => {
    const r = await service.register(c.var.ctx, requireActor(c), c.req.valid('param').id, c.var.requestId);
    return r.created ? c.json(r.registration, 201) : c.json(r.registration, 200);
  })
  .openapi(unregister, async (c) => {
    await service.cancelMine(c.var.ctx, requireActor(c), c.req.valid('param').id, c.var.requestId);
    return c.body(null, 204);
  })
  .openapi(rosterRoute, async (c) =>
    c.json(await service.roster(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('query').includeCancelled === 'true'), 200),
  )
  .openapi(attendance, async (c) =>
    c.json(await service.markAttendance(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json').entries, c.var.requestId), 200),
  )
  .openapi(ical, async (c) => {
    const text = await service.sessionIcal(c.var.ctx, requireActor(c), c.req.valid('param').id);
    return c.body(text, 200, { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': 'attachment; filename="session.ics"' });
  });
