import { z } from '@hono/zod-openapi';

export const DepartmentSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    parentId: z.uuid().nullable(),
    headcount: z.number().int().openapi({ description: 'Active people directly in this department' }),
    totalHeadcount: z.number().int().openapi({ description: 'Active people in this department and those below it' }),
  })
  .openapi('Department');

const name = z.string().trim().min(1, 'Enter a name').max(200);

export const DepartmentCreate = z.strictObject({ name, parentId: z.uuid().nullable().optional() }).openapi('DepartmentCreate');

export const DepartmentUpdate = z
  .strictObject({ name: name.optional(), parentId: z.uuid().nullable().optional() })
  .openapi('DepartmentUpdate');
