import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, orgId, updatedAt } from './columns.ts';
import { organisation, person } from './org.ts';

export const permissionRoles = ['admin', 'hr_admin', 'learning_admin'] as const;
export type PermissionRole = (typeof permissionRoles)[number];

/**
 * A person's ability to sign in. The sign-in email is unique within an organisation only, so no
 * organisation can learn what exists in another; the same email in several organisations asks
 * which one at sign-in.
 */
export const userAccount = pgTable(
  'user_account',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .unique()
      .references(() => person.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    passwordHash: text('password_hash'),
    roles: text('roles').array().$type<PermissionRole[]>().notNull().default(sql`'{}'::text[]`),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('user_account_org_email_uq').on(t.orgId, sql`lower(${t.email})`), index('user_account_email_idx').on(sql`lower(${t.email})`)],
);

export const session = pgTable(
  'session',
  {
    id: id(),
    orgId: orgId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => userAccount.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);

export const apiTokenScopes = ['read', 'write', 'admin'] as const;

export const apiToken = pgTable(
  'api_token',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => userAccount.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    prefix: text('prefix').notNull(),
    scopes: text('scopes').array().$type<(typeof apiTokenScopes)[number][]>().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('api_token_org_user_idx').on(t.orgId, t.userId)],
);

/** Single-use links sent by email: invitations and password resets. */
export const accountLink = pgTable('account_link', {
  id: id(),
  orgId: orgId(),
  userId: uuid('user_id')
    .notNull()
    .references(() => userAccount.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: ['invitation', 'password_reset'] }).notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: createdAt(),
});

/** Fixed-window counters shared by all replicas (sign-in throttling). */
export const rateLimit = pgTable('rate_limit', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  resetAt: timestamp('reset_at', { withTimezone: true }).notNull(),
});
