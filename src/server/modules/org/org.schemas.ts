import { z } from '@hono/zod-openapi';
import { PageQuery } from '../../platform/http/openapi.ts';
import { Email, IsoDate, Locale, TimeZone } from './fields.ts';

export const PersonSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    name: z.string(),
    employeeNumber: z.string().nullable(),
    jobTitle: z.string().nullable(),
    department: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    manager: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    location: z.string().nullable(),
    timeZone: z.string().nullable(),
    locale: z.string().nullable(),
    hireDate: z.string().nullable().openapi({ example: '2021-04-01' }),
    status: z.enum(['active', 'inactive']),
    customFields: z
      .record(z.string(), z.union([z.string(), z.number(), z.null()]))
      .openapi({ description: "Values by key: only the fields the caller may read of this person (each field's visibility)" }),
  })
  .openapi('Person');

export const PeopleQuery = z.object({
  ...PageQuery,
  q: z.string().trim().max(200).optional().openapi({ description: 'Search name, email, employee number, job title' }),
  status: z.enum(['active', 'inactive', 'all']).default('active').optional(),
  departmentId: z.uuid().optional(),
  managerId: z.uuid().optional(),
  location: z.string().max(200).optional(),
  jobTitle: z.string().max(200).optional(),
  groupId: z.uuid().optional().openapi({ description: 'Members of this group (HR and learning admins)' }),
});

export const PersonDetailSchema = PersonSchema.extend({ directReportCount: z.number().int() }).openapi('PersonDetail');

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const requiredName = z.string().trim().min(1, 'Enter a name').max(100);

const personFields = {
  email: Email,
  firstName: requiredName,
  lastName: requiredName,
  employeeNumber: optionalText(50),
  jobTitle: optionalText(200),
  departmentId: z.uuid().nullable().optional(),
  managerId: z.uuid().nullable().optional(),
  location: optionalText(200),
  timeZone: TimeZone.nullable().optional(),
  locale: Locale.nullable().optional(),
  hireDate: IsoDate.nullable().optional(),
  customFields: z
    .record(z.string(), z.union([z.string(), z.number(), z.null()]))
    .optional()
    .openapi({ description: 'Values by custom field key; null clears one' }),
};

export const PersonCreate = z.strictObject(personFields).openapi('PersonCreate');

/** Partial: only the fields sent change; customFields merge by key. */
export const PersonUpdate = z
  .strictObject({
    ...personFields,
    email: personFields.email.optional(),
    firstName: requiredName.optional(),
    lastName: requiredName.optional(),
  })
  .openapi('PersonUpdate');

export const PeopleFiltersSchema = z
  .object({
    departments: z.array(z.object({ id: z.uuid(), name: z.string() })),
    locations: z.array(z.string()),
  })
  .openapi('PeopleFilters');

export const ReportsQuery = z.object({ ...PageQuery, status: z.enum(['active', 'inactive', 'all']).default('active').optional() });
