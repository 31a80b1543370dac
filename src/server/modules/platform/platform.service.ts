import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { decodeCursor, keysetPage } from '../../platform/http/openapi.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/types.ts';
import { requirePermission } from '../org/index.ts';
import { canReadAuditLog, canReadMailOutbox } from './platform.policy.ts';
import { actorRef, recordChange } from './audit.ts';
import { redactLinks, redactMail } from './mail.redact.ts';
import * as repo from './platform.repo.ts';

const TimeCursor = z.tuple([z.string(), z.uuid()]);

/** The audit log is for admins only (DESIGN.md §5); others get 404. */
export async function listAuditEvents(
  ctx: AppContext,
  actor: Actor,
  q: repo.AuditFilter & { limit?: number; cursor?: string },
) {
  requirePermission(actor, canReadAuditLog);
  const limit = q.limit ?? 50;
  const rows = await repo.listAuditEvents(ctx.db, actor.orgId, q, limit + 1, decodeCursor(q.cursor, TimeCursor));
  const page = keysetPage(rows, limit, (r) => [r.event.at.toISOString(), r.event.id]);
  return {
    nextCursor: page.nextCursor,
    data: page.data.map(({ event: e, actorFirstName, actorLastName }) => ({
      id: e.id,
      at: e.at.toISOString(),
      actor: e.actorPersonId && actorFirstName ? { id: e.actorPersonId, name: `${actorFirstName} ${actorLastName}` } : null,
      actorLabel: e.actorLabel,
      action: e.action,
      recordType: e.recordType,
      recordId: e.recordId,
      before: e.before ?? null,
      after: e.after ?? null,
      requestId: e.requestId,
    })),
  };
}

export async function auditFacets(ctx: AppContext, actor: Actor) {
  requirePermission(actor, canReadAuditLog);
  return repo.auditFacets(ctx.db, actor.orgId);
}

// Links in mail are shown redacted: whoever holds one can sign in as its recipient.
const mailSummary = (m: NonNullable<Awaited<ReturnType<typeof repo.findMail>>>) => ({
  id: m.id,
  to: m.to,
  subject: redactLinks(m.subject).text,
  status: m.status,
  error: m.error,
  createdAt: m.createdAt.toISOString(),
  sentAt: m.sentAt?.toISOString() ?? null,
});

export async function listMail(ctx: AppContext, actor: Actor, q: { q?: string; limit?: number; cursor?: string }) {
  requirePermission(actor, canReadMailOutbox);
  const limit = q.limit ?? 50;
  const rows = await repo.listMail(ctx.db, actor.orgId, q.q, limit + 1, decodeCursor(q.cursor, TimeCursor));
  const page = keysetPage(rows, limit, (r) => [r.createdAt.toISOString(), r.id]);
  return { data: page.data.map(mailSummary), nextCursor: page.nextCursor };
}

/**
 * One message with its body, links redacted. Reading it is audited (`mail.read`): this GET
 * writes an audit row, deliberately, since who read whose mail is what an audit must answer.
 */
export async function getMail(ctx: AppContext, actor: Actor, id: string, requestId?: string) {
  requirePermission(actor, canReadMailOutbox);
  return ctx.db.transaction(async (tx) => {
    const m = await repo.findMail(tx, actor.orgId, id);
    if (!m) throw notFound('Message');
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'mail.read',
      recordType: 'mail_message',
      recordId: m.id,
      after: { to: m.to },
      event: false,
    });
    const shown = redactMail(m);
    return { ...mailSummary(m), text: shown.text, html: shown.html, hiddenLinks: shown.hiddenLinks };
  });
}

export async function listNotifications(ctx: AppContext, actor: Actor, q: { unreadOnly?: boolean; limit?: number; cursor?: string }) {
  const limit = q.limit ?? 20;
  const rows = await repo.listNotifications(ctx.db, actor.orgId, actor.personId, !!q.unreadOnly, limit + 1, decodeCursor(q.cursor, TimeCursor));
  const page = keysetPage(rows, limit, (r) => [r.createdAt.toISOString(), r.id]);
  return {
    nextCursor: page.nextCursor,
    data: page.data.map((n) => ({
      id: n.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.link,
      readAt: n.readAt?.toISOString() ?? null,
      createdAt: n.createdAt.toISOString(),
    })),
  };
}

export const unreadCount = async (ctx: AppContext, actor: Actor) => ({
  count: await repo.countUnread(ctx.db, actor.orgId, actor.personId),
});

/** Only the recipient can mark their notification; anyone else's id is a 404. */
export async function markRead(ctx: AppContext, actor: Actor, id?: string) {
  if (id && !(await repo.findNotification(ctx.db, actor.orgId, actor.personId, id))) throw notFound('Notification');
  await repo.markNotificationsRead(ctx.db, actor.orgId, actor.personId, ctx.clock.now(), id ? [id] : undefined);
}
