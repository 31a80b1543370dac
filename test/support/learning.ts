import { uuidv7 } from 'uuidv7';
import { course, courseVersion, type CourseContent } from '../../src/server/db/schema/index.ts';
import { enroll, type Audience } from '../../src/server/modules/learning/index.ts';
import { systemRef } from '../../src/server/modules/platform/index.ts';
import type { TestApp } from './app.ts';
import { sampleAnswers, sampleContent } from './sample-course.ts';

export { sampleAnswers, sampleContent, sampleQuiz } from './sample-course.ts';

/** A published course with one published version, straight into the database. */
export async function createPublishedCourse(
  t: TestApp,
  orgId: string,
  attrs: Partial<typeof course.$inferInsert> & { content?: CourseContent } = {},
) {
  const { content = sampleContent(), ...rest } = attrs;
  const courseId = uuidv7();
  const versionId = uuidv7();
  const now = t.clock.now();
  const [c] = await t.ctx.db
    .insert(course)
    .values({ id: courseId, orgId, title: `Course ${courseId.slice(-6)}`, status: 'published', publishedVersionId: versionId, ...rest })
    .returning();
  const [v] = await t.ctx.db
    .insert(courseVersion)
    .values({ id: versionId, orgId, courseId, number: 1, status: 'published', content, publishedAt: now })
    .returning();
  return { course: c!, version: v! };
}

/** Enrols people directly through the core (as the system), for tests that start from an enrolment. */
export async function enrollPeople(
  t: TestApp,
  orgId: string,
  target: { courseId?: string; programId?: string },
  personIds: string[],
  extra: { dueAt?: Date | null; reasonType?: Parameters<typeof enroll>[3]['reasonType']; complianceRuleId?: string } = {},
) {
  const audience: Audience = { type: 'people', personIds };
  return t.ctx.db.transaction((tx) =>
    enroll(t.ctx, tx, systemRef(orgId, 'test'), {
      audience,
      ...target,
      reasonType: extra.reasonType ?? 'skill_gap',
      source: 'assigned',
      dueAt: extra.dueAt ?? null,
      complianceRuleId: extra.complianceRuleId ?? null,
    }),
  );
}

/** A learning admin's signed-in client and a fresh organisation, for authoring tests. */
export async function authoringOrg(t: TestApp) {
  const { createOrg, createUser } = await import('./factories.ts');
  const { signInAs } = await import('./client.ts');
  const org = await createOrg(t);
  const adminUser = await createUser(t, org.id, { firstName: 'Lena', lastName: 'Author', roles: ['learning_admin'] });
  const learnerUser = await createUser(t, org.id, { firstName: 'Leo', lastName: 'Learner' });
  return { org, adminUser, learnerUser, admin: await signInAs(t, adminUser), learner: await signInAs(t, learnerUser) };
}

/** A one-pixel PNG, for cover uploads. */
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** Uploads bytes as a learning file through the API; returns the response. */
export async function uploadFile(
  c: { post: (path: string, body?: unknown) => Promise<{ status: number; body: any }> },
  bytes: Uint8Array | string,
  name: string,
  purpose: string,
  type = '',
) {
  const form = new FormData();
  form.set('file', new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name, { type }));
  form.set('purpose', purpose);
  return c.post('learning/files', form);
}

/**
 * Takes a learner through a `sampleContent()` course in the player: marks l1 and l2 complete and
 * submits the quiz once with the given answers. Returns the graded result body.
 */
export async function takeSampleCourse(
  me: { post: (path: string, body?: unknown) => Promise<{ status: number; body: any }> },
  enrollmentId: string,
  answers: Record<string, string | string[]> = sampleAnswers.right,
  timeSpentSeconds = 60,
) {
  for (const l of ['l1', 'l2']) await me.post(`enrollments/${enrollmentId}/lessons/${l}/progress`, { timeSpentSeconds, completed: true });
  const attempt = await me.post(`enrollments/${enrollmentId}/quizzes/quiz1/attempts`);
  if (attempt.status !== 201 && attempt.status !== 200) throw new Error(`quiz start failed: ${attempt.status} ${JSON.stringify(attempt.body)}`);
  return (await me.post(`quiz-attempts/${attempt.body.attempt.id}/submit`, { answers })).body;
}
