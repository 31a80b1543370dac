import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { course, recommendation } from '../../src/server/db/schema/index.ts';
import { orderTitles, rankItems, type CandidateItem, type Gap } from '../../src/server/modules/insight/recommendations/ranking.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signInAs } from '../support/client.ts';
import { createOrg, createUser } from '../support/factories.ts';
import { assess, createProfile, createSkill, createTeachingCourse, recompute } from '../support/recommendations.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

const T1 = new Date('2026-06-01T09:00:00Z');
const T2 = new Date('2026-06-02T09:00:00Z');
const T3 = new Date('2026-06-03T09:00:00Z');

type Listed = { id: string; item: { title: string }; rank: number; score: number; explanation: string; evidence: unknown[]; computedAt: string };
const rowsOf = (body: { data: Listed[] }) => body.data.map((r) => [r.item.title, r.rank, r.score, r.computedAt]);
const withoutTime = (body: { data: Listed[] }) => body.data.map(({ computedAt: _, ...r }) => r);

describe('recompute writes only what changed', () => {
  it('keeps unchanged rows as stored, updates changed ones, adds new ones and removes gone ones: the list a first compute gives', async () => {
    t.clock.set(T1);
    const org = await createOrg(t);
    const maxU = await createUser(t, org.id, { firstName: 'Max', lastName: 'Manager' });
    const anaU = await createUser(t, org.id, { firstName: 'Ana', lastName: 'Seller', managerId: maxU.person.id });
    const ollyU = await createUser(t, org.id, { firstName: 'Olly', lastName: 'Other', managerId: maxU.person.id });
    const neg = await createSkill(t, org.id, 'Negotiation');
    const disc = await createSkill(t, org.id, 'Discovery');
    const close = await createSkill(t, org.id, 'Closing');
    await createProfile(t, org.id, 'Account Manager', [[neg.id, 4], [disc.id, 3], [close.id, 3]], [anaU.person.id]);
    await createProfile(t, org.id, 'Negotiator', [[neg.id, 4]], [ollyU.person.id]);
    await assess(t, org.id, { personId: anaU.person.id, skillId: neg.id, level: 2, assessorId: maxU.person.id, assessedAt: new Date('2026-03-03T10:00:00Z') });
    await assess(t, org.id, { personId: anaU.person.id, skillId: disc.id, level: 2, source: 'self', assessorId: anaU.person.id });
    await createTeachingCourse(t, org.id, 'Closing Deals', [[close.id, 3]], 30);
    await createTeachingCourse(t, org.id, 'Negotiation Fundamentals', [[neg.id, 4], [disc.id, 3]], 90);
    const discovery = await createTeachingCourse(t, org.id, 'Discovery Calls', [[disc.id, 3]], 45);
    await createTeachingCourse(t, org.id, 'Advanced Negotiation', [[neg.id, 3]], 120);
    const ana = await signInAs(t, anaU);
    const max = await signInAs(t, maxU);
    const mine = async () => (await ana.get('me/recommendations')).body as { data: Listed[] };
    const olly = async () => (await max.get(`people/${ollyU.person.id}/recommendations`)).body as { data: Listed[] };

    await recompute(t, org.id);
    const first = await mine();
    expect(rowsOf(first)).toEqual([
      ['Closing Deals', 1, 3, T1.toISOString()],
      ['Negotiation Fundamentals', 2, 3, T1.toISOString()],
      ['Discovery Calls', 3, 1, T1.toISOString()],
      ['Advanced Negotiation', 4, 1, T1.toISOString()],
    ]);
    const ollyFirst = await olly();
    expect(rowsOf(ollyFirst)).toEqual([
      ['Negotiation Fundamentals', 1, 4, T1.toISOString()],
      ['Advanced Negotiation', 2, 3, T1.toISOString()],
    ]);

    // Nothing changed: every row stays as stored, computed_at included.
    t.clock.set(T2);
    await recompute(t, org.id);
    expect(await mine()).toEqual(first);
    expect(await olly()).toEqual(ollyFirst);

    // Ana is rated 2 on Closing (Closing Deals now answers 1), a 20-minute Discovery course is published and
    // Discovery Calls goes back to draft. Olly's inputs (Negotiation only) do not change.
    t.clock.set(T3);
    await assess(t, org.id, { personId: anaU.person.id, skillId: close.id, level: 2, assessorId: maxU.person.id });
    await createTeachingCourse(t, org.id, 'Discovery Workshop', [[disc.id, 3]], 20);
    await t.ctx.db.update(course).set({ status: 'draft' }).where(eq(course.id, discovery.id));
    await recompute(t, org.id);
    const after = await mine();
    expect(rowsOf(after)).toEqual([
      ['Negotiation Fundamentals', 1, 3, T3.toISOString()], // moved up: updated
      ['Discovery Workshop', 2, 1, T3.toISOString()], // new
      ['Closing Deals', 3, 1, T3.toISOString()], // a new score and explanation: updated
      ['Advanced Negotiation', 4, 1, T1.toISOString()], // the same rank, score and evidence: kept
    ]);
    expect(after.data.find((r) => r.item.title === 'Closing Deals')!.explanation).toBe(
      'Closing is expected at 3 for Account Manager; your current level is 2, from your manager’s rating on 3 June.',
    );
    // The same rows keep their ids (person and item): an undo sent before the recompute still names its row.
    const firstIds = new Map(first.data.map((r) => [r.item.title, r.id]));
    for (const r of after.data) if (firstIds.has(r.item.title)) expect(r.id).toBe(firstIds.get(r.item.title));
    // Each id starts with the person's id's first 48 bits, so a batch's rows sit together in the primary key.
    for (const r of after.data) expect(r.id.slice(0, 13)).toBe(anaU.person.id.slice(0, 13));
    expect(new Set(after.data.map((r) => r.id)).size).toBe(after.data.length);
    expect(await olly()).toEqual(ollyFirst);
    const stored = await t.ctx.db.select({ id: recommendation.id }).from(recommendation).where(and(eq(recommendation.orgId, org.id), eq(recommendation.personId, anaU.person.id)));
    expect(stored).toHaveLength(4); // Discovery Calls' row is gone

    // What a first compute of the same inputs gives, computed_at aside.
    await t.ctx.db.delete(recommendation).where(eq(recommendation.orgId, org.id));
    await recompute(t, org.id);
    expect(withoutTime(await mine())).toEqual(withoutTime(after));
    expect(withoutTime(await olly())).toEqual(withoutTime(ollyFirst));
  });
});

describe('orderTitles', () => {
  const gaps: Gap[] = [{ kind: 'profile_gap', skillId: 'neg', expected: 4, current: 2, assessmentId: null, recordType: 'job_profile', recordId: 'am' }];
  const item = (id: string, title: string, kind: 'course' | 'program' = 'course'): CandidateItem => ({
    kind,
    id,
    title,
    estimatedMinutes: 60,
    teaches: new Map([['neg', 4]]),
  });
  // The same score and minutes: the title decides, then a course before a program, then the id.
  const titles = ['zebra', 'Éclair', 'apple', 'Zebra', 'eclair', 'Apple', 'e\u0301clair', 'Ångström', 'ändern', 'Ende', '10 steps', '9 steps'];
  const make = () => [
    ...titles.map((title, i) => item(`c${String(i).padStart(2, '0')}`, title)),
    item('a-program', 'éclair', 'program'), // collates equal to the decomposed 'e\u0301clair' course
  ];
  const order = (items: CandidateItem[]) => rankItems(gaps, items, { limit: 100 }).map((r) => r.itemId);

  it('ranks as comparing the titles with the collator (localeCompare) does, equal titles sharing a place', () => {
    const plain = make();
    const byCollator = [...plain].sort((a, b) => a.title.localeCompare(b.title) || (a.kind === b.kind ? 0 : a.kind === 'course' ? -1 : 1) || (a.id < b.id ? -1 : 1));
    expect(order(plain)).toEqual(byCollator.map((i) => i.id));
    const keyed = orderTitles(make());
    expect(keyed.find((i) => i.id === 'a-program')!.titleKey).toBe(keyed.find((i) => i.title === 'e\u0301clair')!.titleKey);
    expect(new Set(keyed.map((i) => i.titleKey)).size).toBe(titles.length); // 'éclair' and 'e\u0301clair' share one
    expect(order(keyed)).toEqual(order(plain));
    expect(order([...keyed].reverse())).toEqual(order(plain));
  });
});
