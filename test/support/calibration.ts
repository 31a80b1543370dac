import { OpenAPIHono } from '@hono/zod-openapi';
import {
  calibrationSession, raterLeniency, review, reviewCycle, reviewParticipant, reviewTemplate,
  type ReviewAnswer, type ReviewRelationship, type ReviewTemplateBody,
} from '../../src/server/db/schema/index.ts';
import { authenticate } from '../../src/server/modules/identity/index.ts';
import { calibrationRoutes } from '../../src/server/modules/performance/calibration/index.ts';
import { errorResponse, toAppError } from '../../src/server/platform/http/errors.ts';
import { inputGuard } from '../../src/server/platform/http/input-guard.ts';
import type { AppEnv } from '../../src/server/platform/http/types.ts';
import type { TestApp } from './app.ts';
import { signInAs } from './client.ts';
import { createDepartment, createOrg, createUser } from './factories.ts';

/*
 * Review cycles for calibration tests, inserted with drizzle directly: a template, a cycle in its
 * calibration phase with the template's snapshot, participants and submitted reviews.
 */

const question = (id: string, kind: 'rating' | 'goals') => ({
  id,
  kind,
  prompt: id,
  required: false,
  relationships: ['self', 'manager', 'peer', 'upward'] as ReviewRelationship[],
  visibleToSubject: true,
});

/** Scale 1–5; two rating questions and one goals question; manager 50%, peers 20%, goals 20%, self 10%. */
export const calibrationTemplate: ReviewTemplateBody = {
  scale: [1, 2, 3, 4, 5].map((value) => ({ value, label: ['Far below', 'Below', 'Meets', 'Exceeds', 'Far exceeds'][value - 1]! })),
  sections: [{ id: 's1', title: 'The period', questions: [question('q1', 'rating'), question('q2', 'rating'), question('g1', 'goals')] }],
  formula: {
    parts: [
      { source: 'manager', weight: 0.5 },
      { source: 'peer', weight: 0.2 },
      { source: 'goals', weight: 0.2 },
      { source: 'self', weight: 0.1 },
    ],
  },
};

let seq = 0;

export async function createReviewCycle(
  t: TestApp,
  orgId: string,
  attrs: Partial<typeof reviewCycle.$inferInsert> = {},
  body: ReviewTemplateBody = calibrationTemplate,
) {
  seq += 1;
  const [template] = await t.ctx.db.insert(reviewTemplate).values({ orgId, name: `Template ${seq}`, body }).returning();
  const [cycle] = await t.ctx.db
    .insert(reviewCycle)
    .values({
      orgId,
      name: `Cycle ${seq}`,
      templateId: template!.id,
      templateSnapshot: body,
      templateVersion: 1,
      phase: 'calibration',
      periodStartsOn: '2026-01-01',
      periodEndsOn: '2026-06-30',
      writingEndsOn: '2026-07-15',
      participantRule: { departmentIds: [], groupIds: [], hiredBefore: null, excludePersonIds: [] },
      relationships: { self: true, manager: true, upward: false, peers: { min: 1, max: 3 } },
      launchedAt: new Date('2026-07-01T00:00:00Z'),
      ...attrs,
    })
    .returning();
  return cycle!;
}

export async function addParticipant(t: TestApp, orgId: string, cycleId: string, p: { id: string; managerId: string | null; departmentId: string | null }) {
  await t.ctx.db.insert(reviewParticipant).values({ orgId, cycleId, personId: p.id, managerId: p.managerId, departmentId: p.departmentId });
}

const ratings = (q1?: number, q2?: number, goals?: Record<string, number>): Record<string, ReviewAnswer> => ({
  ...(q1 !== undefined && { q1: { rating: q1 } }),
  ...(q2 !== undefined && { q2: { rating: q2 } }),
  ...(goals && { g1: { goals } }),
});

export async function addReview(
  t: TestApp,
  orgId: string,
  cycleId: string,
  r: { subjectId: string; reviewerId: string; relationship: ReviewRelationship; answers: Record<string, ReviewAnswer>; status?: 'draft' | 'submitted' },
) {
  const status = r.status ?? 'submitted';
  await t.ctx.db.insert(review).values({
    orgId,
    cycleId,
    subjectId: r.subjectId,
    reviewerId: r.reviewerId,
    relationship: r.relationship,
    status,
    answers: r.answers,
    submittedAt: status === 'submitted' ? new Date('2026-07-10T00:00:00Z') : null,
  });
}

/**
 * Engineering (with Platform below it) and Sales. Bea heads engineering; Mia (Engineering) manages
 * Ann and Abe, Max (Platform) manages Ben; Sam manages Sia in Sales; Pat (Sales) reviews Ann and
 * Abe as a peer; Hana is an HR admin. Reviews, hand-computed with the template above:
 * - Ann: Mia 4, 5 (4.5), goals 3, 4 (3.5); peers Pat 3, 4 (3.5) and Abe 4 (4) → 3.75; self 4 →
 *   0.5·4.5 + 0.2·3.75 + 0.2·3.5 + 0.1·4 = 4.1
 * - Abe: Mia 3, 3 (3), goals 2; Pat 2, 2 (2); self 3, 4 (3.5) → 1.5 + 0.4 + 0.4 + 0.35 = 2.65
 * - Ben: Max 5, 4 (4.5) and nothing else submitted (Pat's draft does not count) → 4.5, re-weighted
 * - Sia: Sam 2, 2, outside Engineering.
 */
export async function calibrationOrg(t: TestApp) {
  const org = await createOrg(t);
  const eng = await createDepartment(t, org.id, 'Engineering');
  const platform = await createDepartment(t, org.id, 'Platform', eng.id);
  const sales = await createDepartment(t, org.id, 'Sales');
  const hr = await createUser(t, org.id, { roles: ['hr_admin'], firstName: 'Hana', lastName: 'HR' });
  const bea = await createUser(t, org.id, { firstName: 'Bea', lastName: 'Boss', departmentId: eng.id });
  const mia = await createUser(t, org.id, { firstName: 'Mia', lastName: 'Manager', departmentId: eng.id, managerId: bea.person.id });
  const max = await createUser(t, org.id, { firstName: 'Max', lastName: 'Manager', departmentId: platform.id, managerId: bea.person.id });
  const ann = await createUser(t, org.id, { firstName: 'Ann', lastName: 'Able', departmentId: eng.id, managerId: mia.person.id });
  const abe = await createUser(t, org.id, { firstName: 'Abe', lastName: 'Baker', departmentId: eng.id, managerId: mia.person.id });
  const ben = await createUser(t, org.id, { firstName: 'Ben', lastName: 'Cole', departmentId: platform.id, managerId: max.person.id });
  const sam = await createUser(t, org.id, { firstName: 'Sam', lastName: 'Sales', departmentId: sales.id });
  const sia = await createUser(t, org.id, { firstName: 'Sia', lastName: 'Seller', departmentId: sales.id, managerId: sam.person.id });
  const pat = await createUser(t, org.id, { firstName: 'Pat', lastName: 'Peer', departmentId: sales.id, managerId: sam.person.id });

  const cycle = await createReviewCycle(t, org.id);
  for (const [p, m, d] of [
    [ann, mia, eng],
    [abe, mia, eng],
    [ben, max, platform],
    [sia, sam, sales],
  ] as const) {
    await addParticipant(t, org.id, cycle.id, { id: p.person.id, managerId: m.person.id, departmentId: d.id });
  }
  const add = (subject: typeof ann, reviewer: typeof ann, relationship: ReviewRelationship, answers: Record<string, ReviewAnswer>, status?: 'draft') =>
    addReview(t, org.id, cycle.id, { subjectId: subject.person.id, reviewerId: reviewer.person.id, relationship, answers, status });
  await add(ann, ann, 'self', ratings(4, 4));
  await add(ann, mia, 'manager', ratings(4, 5, { x: 3, y: 4 }));
  await add(ann, pat, 'peer', ratings(3, 4));
  await add(ann, abe, 'peer', ratings(4));
  await add(abe, abe, 'self', ratings(3, 4));
  await add(abe, mia, 'manager', ratings(3, 3, { x: 2 }));
  await add(abe, pat, 'peer', ratings(2, 2));
  await add(ben, max, 'manager', ratings(5, 4));
  await add(ben, pat, 'peer', ratings(1, 1), 'draft');
  await add(sia, sam, 'manager', ratings(2, 2));

  const people = { hr, bea, mia, max, ann, abe, ben, sam, sia, pat };
  const as = Object.fromEntries(await Promise.all(Object.entries(people).map(async ([k, u]) => [k, await signInAs(t, u)] as const))) as {
    [K in keyof typeof people]: Awaited<ReturnType<typeof signInAs>>;
  };
  return { org, cycle, departments: { eng, platform, sales }, people, as };
}

/** A leniency row of an earlier, closed cycle, as a lock would have written it. */
export async function pastLeniency(t: TestApp, orgId: string, raterId: string, figures: Partial<typeof raterLeniency.$inferInsert>) {
  const cycle = await createReviewCycle(t, orgId, { phase: 'closed', periodStartsOn: '2025-07-01', periodEndsOn: '2025-12-31', writingEndsOn: '2026-01-15' });
  await t.ctx.db.insert(raterLeniency).values({ orgId, cycleId: cycle.id, raterId, ratings: 0, coRated: 0, computedAt: new Date('2026-01-31T00:00:00Z'), ...figures });
  return cycle;
}

/** A cycle in calibration with one session over a new department, for tests that only need real ids (the safe GETs). */
export async function calibrationFixture(t: TestApp, orgId: string) {
  const dept = await createDepartment(t, orgId, `Calibrated ${++seq}`);
  const cycle = await createReviewCycle(t, orgId);
  const [session] = await t.ctx.db
    .insert(calibrationSession)
    .values({ orgId, cycleId: cycle.id, name: 'Fixture', scopeType: 'department', departmentId: dept.id, calibratorIds: [] })
    .returning();
  return { cycle, session: session! };
}
