import { createRoute, z } from '@hono/zod-openapi';
import { requireActor } from '../../platform/http/actor.ts';
import { EARLIEST_DATE, errorResponses, IdParam, jsonContent, LATEST_DATE, page, PageQuery } from '../../platform/http/openapi.ts';
import { createRouter } from '../../platform/http/router.ts';
import * as service from './platform.service.ts';

const Json = z.any().openapi({ type: 'object' });

const AuditEvent = z
  .object({
    id: z.uuid(),
    at: z.string(),
    actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    actorLabel: z.string(),
    action: z.string(),
    recordType: z.string(),
    recordId: z.string().nullable(),
    before: Json.nullable(),
    after: Json.nullable(),
    requestId: z.string().nullable(),
  })
  .openapi('AuditEvent');

const inRange = 'Use a date between the years 1 and 9999';
const AuditQuery = z.object({
  ...PageQuery,
  actorId: z.uuid().optional(),
  action: z.string().max(100).optional(),
  recordType: z.string().max(100).optional(),
  recordId: z.string().max(100).optional(),
  from: z.coerce.date().min(EARLIEST_DATE, inRange).max(LATEST_DATE, inRange).optional(),
  to: z.coerce.date().min(EARLIEST_DATE, inRange).max(LATEST_DATE, inRange).optional(),
  q: z.string().trim().max(200).optional(),
});

const MailSummary = z
  .object({
    id: z.uuid(),
    to: z.string(),
    subject: z.string(),
    status: z.enum(['queued', 'sending', 'sent', 'failed', 'outbox']),
    error: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .openapi('MailMessage');

const Notification = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    title: z.string(),
    body: z.string().nullable(),
    link: z.string().nullable(),
    readAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Notification');

const r = {
  audit: createRoute({
    method: 'get',
    path: '/audit-events',
    tags: ['Audit'],
    summary: 'The audit log, newest first (admins)',
    request: { query: AuditQuery },
    responses: { 200: jsonContent(page(AuditEvent)), ...errorResponses('validation_failed', 'not_found') },
  }),
  auditFacets: createRoute({
    method: 'get',
    path: '/audit-events/facets',
    tags: ['Audit'],
    summary: 'Actions and record types present in the audit log, for filters (admins)',
    responses: { 200: jsonContent(z.object({ actions: z.array(z.string()), recordTypes: z.array(z.string()) })), ...errorResponses('not_found') },
  }),
  mail: createRoute({
    method: 'get',
    path: '/mail-outbox',
    tags: ['Mail'],
    summary: 'Emails Tandem sent or holds (admins); without SMTP they stay here. Sign-in links are hidden',
    request: { query: z.object({ ...PageQuery, q: z.string().trim().max(200).optional() }) },
    responses: { 200: jsonContent(page(MailSummary)), ...errorResponses('validation_failed', 'not_found') },
  }),
  mailOne: createRoute({
    method: 'get',
    path: '/mail-outbox/{id}',
    tags: ['Mail'],
    summary: 'One email with its text, sign-in links hidden (admins); each read is audited',
    request: { params: IdParam },
    responses: {
      200: jsonContent(
        MailSummary.extend({
          text: z.string(),
          html: z.string().nullable(),
          hiddenLinks: z.number().int().openapi({ description: 'How many link secrets the text and HTML show as [link hidden]' }),
        }),
      ),
      ...errorResponses('not_found'),
    },
  }),
  notifications: createRoute({
    method: 'get',
    path: '/notifications',
    tags: ['Notifications'],
    summary: 'My notifications, newest first',
    request: { query: z.object({ ...PageQuery, unreadOnly: z.enum(['true', 'false']).optional() }) },
    responses: { 200: jsonContent(page(Notification)), ...errorResponses('validation_failed') },
  }),
  unread: createRoute({
    method: 'get',
    path: '/notifications/unread-count',
    tags: ['Notifications'],
    summary: 'How many of my notifications are unread',
    responses: { 200: jsonContent(z.object({ count: z.number().int() })), ...errorResponses() },
  }),
  readOne: createRoute({
    method: 'post',
    path: '/notifications/{id}/read',
    tags: ['Notifications'],
    summary: 'Mark one of my notifications read',
    request: { params: IdParam },
    responses: { 204: { description: 'Marked read' }, ...errorResponses('not_found') },
  }),
  readAll: createRoute({
    method: 'post',
    path: '/notifications/read-all',
    tags: ['Notifications'],
    summary: 'Mark all my notifications read',
    responses: { 204: { description: 'Marked read' }, ...errorResponses() },
  }),
};

export const platformRoutes = createRouter()
  .openapi(r.audit, async (c) => c.json(await service.listAuditEvents(c.var.ctx, requireActor(c), c.req.valid('query')), 200))
  .openapi(r.auditFacets, async (c) => c.json(await service.auditFacets(c.var.ctx, requireActor(c)), 200))
  .openapi(r.mail, async (c) => c.json(await service.listMail(c.var.ctx, requireActor(c), c.req.valid('query')), 200))
  .openapi(r.mailOne, async (c) => c.json(await service.getMail(c.var.ctx, requireActor(c), c.req.valid('param').id, c.var.requestId), 200))
  .openapi(r.notifications, async (c) => {
    const q = c.req.valid('query');
    return c.json(await service.listNotifications(c.var.ctx, requireActor(c), { ...q, unreadOnly: q.unreadOnly === 'true' }), 200);
  })
  .openapi(r.unread, async (c) => c.json(await service.unreadCount(c.var.ctx, requireActor(c)), 200))
  .openapi(r.readOne, async (c) => {
    await service.markRead(c.var.ctx, requireActor(c), c.req.valid('param').id);
    return c.body(null, 204);
  })
  .openapi(r.readAll, async (c) => {
    await service.markRead(c.var.ctx, requireActor(c));
    return c.body(null, 204);
  });
