import { uuidv7 } from 'uuidv7';
import { course, courseVersion, type CourseContent, type Quiz } from '../../src/server/db/schema/index.ts';
import { enroll, type Audience } from '../../src/server/modules/learning/index.ts';
import { systemRef } from '../../src/server/modules/platform/index.ts';
import type { TestApp } from './app.ts';

/** A short quiz: one single-choice, one multiple-choice, one true/false, one short answer. */
export function sampleQuiz(overrides: Partial<Quiz> = {}): Quiz {
  return {
    passMark: 75,
    attemptsAllowed: 3,
    timeLimitMinutes: null,
    shuffleQuestions: false,
    shuffleOptions: false,
    drawCount: null,
    questions: [
      {
        id: 'q1',
        kind: 'single',
        prompt: 'What should you do with a suspicious email?',
        options: [
          { id: 'q1a', text: 'Report it', correct: true, feedback: 'Yes: reporting lets security warn others.' },
          { id: 'q1b', text: 'Forward it to colleagues', correct: false, feedback: 'That spreads it.' },
        ],
        acceptedAnswers: [],
        points: 1,
      },
      {
        id: 'q2',
        kind: 'multiple',
        prompt: 'Which are signs of phishing?',
        options: [
          { id: 'q2a', text: 'Urgency', correct: true },
          { id: 'q2b', text: 'A mismatched sender domain', correct: true },
          { id: 'q2c', text: 'Your manager’s usual signature', correct: false },
        ],
        acceptedAnswers: [],
        points: 1,
      },
      {
        id: 'q3',
        kind: 'true_false',
        prompt: 'Passwords may be shared with IT support.',
        options: [
          { id: 'q3t', text: 'True', correct: false },
          { id: 'q3f', text: 'False', correct: true },
        ],
        acceptedAnswers: [],
        points: 1,
      },
      {
        id: 'q4',
        kind: 'short_answer',
        prompt: 'What does MFA stand for?',
        options: [],
        acceptedAnswers: ['multi-factor authentication', 'multi factor authentication'],
        points: 1,
      },
    ],
    ...overrides,
  };
}

/** Two lessons of text, then a lesson with the sample quiz. */
export function sampleContent(quiz: Quiz = sampleQuiz()): CourseContent {
  const text = (t: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }] });
  return {
    sections: [
      {
        id: 's1',
        title: 'Basics',
        lessons: [
          { id: 'l1', title: 'Why it matters', blocks: [{ id: 'b1', type: 'text', doc: text('Most breaches start with an email.') }] },
          { id: 'l2', title: 'Spotting it', blocks: [{ id: 'b2', type: 'text', doc: text('Look at the sender, the link and the tone.') }] },
        ],
      },
      { id: 's2', title: 'Check yourself', lessons: [{ id: 'l3', title: 'Quiz', blocks: [{ id: 'quiz1', type: 'quiz', quiz }] }] },
    ],
  };
}

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

/** Answers to `sampleQuiz()` by question id: all right, or all wrong. */
export const sampleAnswers = {
  right: { q1: 'q1a', q2: ['q2a', 'q2b'], q3: 'q3f', q4: 'Multi-factor authentication' },
  wrong: { q1: 'q1b', q2: ['q2c'], q3: 'q3t', q4: 'password' },
};

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
