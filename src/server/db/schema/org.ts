import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  date,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, orgId, updatedAt } from './columns.ts';
import { jobProfile } from './talent.ts';

export const organisation = pgTable('organisation', {
  id: id(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  minGroupSize: integer('min_group_size').notNull().default(5),
  createdAt: createdAt(),
});

export const department = pgTable(
  'department',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => department.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('department_org_name_uq').on(t.orgId, sql`lower(${t.name})`)],
);

export type CustomFieldValues = Record<string, string | number | null>;

export const person = pgTable(
  'person',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    employeeNumber: text('employee_number'),
    jobTitle: text('job_title'),
    /** The job profile the person holds (talent): what their skills are compared against. */
    jobProfileId: uuid('job_profile_id').references((): AnyPgColumn => jobProfile.id, { onDelete: 'set null' }),
    departmentId: uuid('department_id').references(() => department.id, { onDelete: 'set null' }),
    managerId: uuid('manager_id').references((): AnyPgColumn => person.id, { onDelete: 'set null' }),
    location: text('location'),
    timeZone: text('time_zone'),
    locale: text('locale'),
    hireDate: date('hire_date', { mode: 'string' }),
    status: text('status', { enum: ['active', 'inactive'] }).notNull().default('active'),
    customFields: jsonb('custom_fields').$type<CustomFieldValues>().notNull().default({}),
    // Kept by the database so search never drifts from the row it describes.
    searchText: text('search_text').generatedAlwaysAs(
      sql`lower(first_name || ' ' || last_name || ' ' || email || ' ' || coalesce(employee_number, '') || ' ' || coalesce(job_title, ''))`,
    ),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('person_org_email_uq').on(t.orgId, sql`lower(${t.email})`),
    uniqueIndex('person_org_employee_number_uq').on(t.orgId, t.employeeNumber),
    index('person_org_manager_idx').on(t.orgId, t.managerId),
    index('person_org_department_idx').on(t.orgId, t.departmentId),
    index('person_org_job_profile_idx').on(t.orgId, t.jobProfileId),
    index('person_org_name_idx').on(t.orgId, t.lastName, t.firstName, t.id),
    index('person_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

export const customFieldType = ['text', 'number', 'date', 'choice'] as const;

/**
 * Who may read a custom field's value: `everyone` in the organisation; `chain` the person, their
 * manager chain and HR admins; `hr` HR admins only (the default for new fields).
 */
export const customFieldVisibility = ['everyone', 'chain', 'hr'] as const;
export type CustomFieldVisibility = (typeof customFieldVisibility)[number];

export const customField = pgTable(
  'custom_field',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    label: text('label').notNull(),
    type: text('type', { enum: customFieldType }).notNull(),
    options: jsonb('options').$type<string[]>().notNull().default([]),
    visibility: text('visibility', { enum: customFieldVisibility }).notNull().default('hr'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('custom_field_org_key_uq').on(t.orgId, t.key)],
);

export type SmartGroupRule = {
  match: 'all' | 'any';
  conditions: Array<
    | { field: 'department'; op: 'in'; value: string[] }
    | { field: 'jobTitle'; op: 'contains'; value: string }
    | { field: 'location'; op: 'equals'; value: string }
    | { field: 'hireDate'; op: 'before' | 'after'; value: string }
    | { field: 'reportsTo'; op: 'directly' | 'chain'; value: string }
    | { field: 'customField'; key: string; op: 'equals'; value: string }
  >;
};

export const group = pgTable(
  'group',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description'),
    kind: text('kind', { enum: ['static', 'smart'] }).notNull(),
    rule: jsonb('rule').$type<SmartGroupRule>(),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('group_org_name_uq').on(t.orgId, sql`lower(${t.name})`)],
);

export const groupMember = pgTable(
  'group_member',
  {
    orgId: orgId(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => group.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    addedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.personId] }),
    index('group_member_person_idx').on(t.orgId, t.personId),
  ],
);

/** An import run in the background, so the web page can show progress on large files. */
export const personImport = pgTable(
  'person_import',
  {
    id: id(),
    orgId: orgId().references(() => organisation.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['queued', 'running', 'done', 'failed'] }).notNull().default('queued'),
    dryRun: boolean('dry_run').notNull(),
    deactivateMissing: boolean('deactivate_missing').notNull().default(false),
    csv: text('csv').notNull(),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    report: jsonb('report'),
    error: text('error'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('person_import_org_idx').on(t.orgId, t.createdAt)],
);
