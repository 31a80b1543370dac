import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, orgId, updatedAt } from './columns.ts';
import { organisation } from './org.ts';

/** A skill of the organisation's framework; levels run 1..maxLevel with optional descriptors. */
export const skill = pgTable(
  'skill',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    category: text('category'),
    description: text('description'),
    maxLevel: integer('max_level').notNull().default(5),
    /** Descriptor of each level, index 0 = level 1. */
    levels: jsonb('levels').$type<string[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('skill_org_name_uq').on(t.orgId, sql`lower(${t.name})`)],
);
