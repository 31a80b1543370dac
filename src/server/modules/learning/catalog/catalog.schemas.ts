import { z } from '@hono/zod-openapi';
import { courseFormats } from '../../../db/schema/index.ts';
import { PageQuery } from '../../../platform/http/openapi.ts';

const ItemSkill = z.object({ id: z.uuid(), name: z.string(), level: z.number().int() });
const MyEnrollment = z.object({ id: z.uuid(), status: z.string() }).nullable();

export const CatalogItemSchema = z
  .object({
    kind: z.enum(['course', 'program']),
    id: z.uuid(),
    title: z.string(),
    summary: z.string().nullable(),
    coverUrl: z.string().nullable(),
    format: z.enum(courseFormats).nullable(),
    estimatedMinutes: z.number().int().nullable(),
    tags: z.array(z.string()),
    skills: z.array(ItemSkill),
    selfEnrollment: z.boolean(),
    myEnrollment: MyEnrollment,
  })
  .openapi('CatalogItem');

export const CatalogQuery = z.object({
  ...PageQuery,
  q: z.string().trim().max(200).optional().openapi({ description: 'Search titles and summaries' }),
  skillId: z.uuid().optional(),
  format: z.enum(courseFormats).optional().openapi({ description: 'Courses of this format only' }),
  tag: z.string().trim().max(40).optional(),
  duration: z.enum(['short', 'medium', 'long']).optional().openapi({ description: 'short ≤ 30 min, medium ≤ 2 h, long > 2 h' }),
  kind: z.enum(['course', 'program']).optional(),
});

export const CatalogCourseSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    summary: z.string().nullable(),
    coverUrl: z.string().nullable(),
    format: z.enum(courseFormats),
    externalUrl: z.string().nullable(),
    estimatedMinutes: z.number().int().nullable(),
    tags: z.array(z.string()),
    selfEnrollment: z.boolean(),
    status: z.string(),
    skills: z.array(ItemSkill),
    prerequisites: z.array(z.object({ id: z.uuid(), title: z.string(), completed: z.boolean() })),
    outline: z.array(
      z.object({ id: z.string(), title: z.string(), lessons: z.array(z.object({ id: z.string(), title: z.string(), estimatedMinutes: z.number().nullable() })) }),
    ),
    lessonCount: z.number().int(),
    myEnrollment: MyEnrollment,
  })
  .openapi('CatalogCourse');

export const SelfEnrollResult = z
  .object({ enrollment: z.object({ id: z.uuid(), status: z.string() }), created: z.boolean() })
  .openapi('SelfEnrollment');
