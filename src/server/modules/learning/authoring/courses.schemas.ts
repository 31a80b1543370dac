import { z } from '@hono/zod-openapi';
import { catalogStatuses, courseFormats } from '../../../db/schema/index.ts';
import { INT_MAX, PageQuery } from '../../../platform/http/openapi.ts';
import { CourseContentSchema } from './content.schemas.ts';

export const CourseSkillSchema = z.object({ skillId: z.uuid(), name: z.string(), level: z.number().int(), maxLevel: z.number().int() });

export const CourseSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    summary: z.string().nullable(),
    coverFileId: z.uuid().nullable(),
    coverUrl: z.string().nullable(),
    estimatedMinutes: z.number().int().nullable(),
    tags: z.array(z.string()),
    format: z.enum(courseFormats),
    externalUrl: z.string().nullable(),
    selfEnrollment: z.boolean(),
    status: z.enum(catalogStatuses),
    publishedVersionId: z.uuid().nullable(),
    publishedVersionNumber: z.number().int().nullable(),
    hasDraft: z.boolean(),
    skills: z.array(CourseSkillSchema),
    prerequisites: z.array(z.object({ id: z.uuid(), title: z.string(), status: z.enum(catalogStatuses) })),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Course');

export const CoursesQuery = z.object({
  ...PageQuery,
  q: z.string().trim().max(200).optional().openapi({ description: 'Search title and summary' }),
  status: z.enum(catalogStatuses).optional(),
  format: z.enum(courseFormats).optional(),
});

const httpsUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((u) => {
    try {
      return new URL(u).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'Enter an https:// link');

export const SkillLevel = z.strictObject({ skillId: z.uuid(), level: z.number().int().min(1, 'Levels start at 1').max(10) });
const tags = z
  .array(z.string().trim().min(1).max(40))
  .max(20)
  .transform((ts) => [...new Map(ts.map((t) => [t.toLowerCase(), t])).values()]);

const fields = {
  title: z.string().trim().min(1, 'Enter a title').max(300),
  summary: z.string().trim().max(4000).nullable().optional(),
  coverFileId: z.uuid().nullable().optional(),
  estimatedMinutes: z.number().int().min(1).max(100_000).nullable().optional(),
  tags: tags.optional(),
  format: z.enum(courseFormats).optional(),
  externalUrl: httpsUrl.nullable().optional(),
  selfEnrollment: z.boolean().optional(),
  skills: z.array(SkillLevel).max(50).optional(),
  prerequisiteIds: z.array(z.uuid()).max(50).optional(),
};

export const CourseCreate = z.strictObject(fields).openapi('CourseCreate');
export const CourseUpdate = z.strictObject({ ...fields, title: fields.title.optional() }).openapi('CourseUpdate');

export const DraftSchema = z
  .object({
    courseId: z.uuid(),
    versionId: z.uuid().nullable().openapi({ description: 'null: no draft yet; the first save starts one from the published version' }),
    number: z.number().int(),
    revision: z.number().int().openapi({ description: 'Send it back with the next save; 0 when there is no draft yet' }),
    content: CourseContentSchema,
    updatedAt: z.string().nullable(),
  })
  .openapi('CourseDraft');

export const DraftSave = z.strictObject({ content: CourseContentSchema, revision: z.number().int().min(0).max(INT_MAX) }).openapi('CourseDraftSave');

export const PublishBody = z
  .strictObject({ pushToLearners: z.boolean().default(false).openapi({ description: 'Move open enrolments that have not completed onto the new version' }) })
  .openapi('CoursePublish');

export const PublishResult = z.object({ course: CourseSchema, versionId: z.uuid(), number: z.number().int(), movedEnrollments: z.number().int() }).openapi('CoursePublished');

export const VersionSchema = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    status: z.enum(['draft', 'published', 'retired']),
    revision: z.number().int(),
    publishedAt: z.string().nullable(),
    publishedByName: z.string().nullable(),
    enrollmentCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('CourseVersion');
