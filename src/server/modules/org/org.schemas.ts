import { z } from '@hono/zod-openapi';
import { PageQuery } from '../../platform/http/openapi.ts';

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
    customFields: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
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
});
