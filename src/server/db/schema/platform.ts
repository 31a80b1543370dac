import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, orgId } from './columns.ts';

export const auditEvent = pgTable(
  'audit_event',
  {
    id: id(),
    orgId: orgId(),
    actorPersonId: uuid('actor_person_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    recordType: text('record_type').notNull(),
    recordId: text('record_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_event_org_at_idx').on(t.orgId, t.at),
    index('audit_event_org_record_idx').on(t.orgId, t.recordType, t.recordId),
  ],
);

/** Transactional outbox: written with the change, handed to subscribers as jobs afterwards. */
export const domainEvent = pgTable(
  'domain_event',
  {
    id: id(),
    orgId: orgId(),
    type: text('type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
  },
  (t) => [index('domain_event_pending_idx').on(t.occurredAt).where(sql`dispatched_at is null`)],
);

export const notification = pgTable(
  'notification',
  {
    id: id(),
    orgId: orgId(),
    personId: uuid('person_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    link: text('link'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('notification_person_idx').on(t.orgId, t.personId, t.createdAt)],
);

export type MailAttachment = { filename: string; contentType: string; content: string };

/** Every email we send; without SMTP they stay here as the outbox admins read. */
export const mailMessage = pgTable(
  'mail_message',
  {
    id: id(),
    orgId: uuid('org_id'),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    /** Small text attachments, e.g. an iCalendar invitation. */
    attachments: jsonb('attachments').$type<MailAttachment[]>(),
    /** `sending`: claimed by a delivery that started at `sent_at` (taken again if it never finished). */
    status: text('status', { enum: ['queued', 'sending', 'sent', 'failed', 'outbox'] }).notNull(),
    error: text('error'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('mail_message_org_idx').on(t.orgId, t.createdAt)],
);

export const storedFile = pgTable('stored_file', {
  id: id(),
  orgId: orgId(),
  name: text('name').notNull(),
  contentType: text('content_type').notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  sha256: text('sha256').notNull(),
  storageKey: text('storage_key').notNull(),
  /** What the file is for, which decides who may read it (e.g. course content vs. a learner's evidence). */
  purpose: text('purpose'),
  createdBy: uuid('created_by'),
  createdAt: createdAt(),
});
