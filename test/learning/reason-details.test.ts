import { beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { enroll, registerReasonDetails } from '../../src/server/modules/learning/index.ts';
import { systemRef } from '../../src/server/modules/platform/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signInAs } from '../support/client.ts';
import { createOrg, createUser } from '../support/factories.ts';
import { createHurdle } from '../support/hurdles.ts';
import { createPublishedCourse } from '../support/learning.ts';

let t: TestApp;
// A stand-in for the 1:1s' describer: a talking point private to its author, the learner.
const points = new Map<string, { author: string; body: string }>();
beforeAll(async () => {
  t = await createTestApp();
  registerReasonDetails('test_point', async (_db, actor, ids) => {
    const out = new Map<string, { label: string; href?: string }>();
    for (const id of ids) {
      const p = points.get(id);
      if (p && p.author === actor.personId) out.set(id, { label: `Talking point: ${p.body}`, href: '/one-on-ones' });
    }
    return out;
  });
});

async function setup() {
  const org = await createOrg(t);
  const manager = await createUser(t, org.id);
  const emp = await createUser(t, org.id, { managerId: manager.person.id });
  const learningAdmin = await createUser(t, org.id, { roles: ['learning_admin'] });
  const peer = await createUser(t, org.id, { managerId: manager.person.id });
  const hurdle = await createHurdle(t, org.id, emp.person.id, { title: 'Cannot read the dashboards', category: 'skill' });
  const pointId = uuidv7();
  points.set(pointId, { author: emp.person.id, body: 'I feel lost in the data team' });
  const { course: c1 } = await createPublishedCourse(t, org.id, { title: 'Dashboards 101' });
  const { course: c2 } = await createPublishedCourse(t, org.id, { title: 'Data basics' });
  const made = await t.ctx.db.transaction(async (tx) => [
    ...(await enroll(t.ctx, tx, systemRef(org.id), {
      audience: { type: 'people', personIds: [emp.person.id] },
      courseId: c1.id,
      reasonType: 'hurdle',
      reasonRecordType: 'hurdle',
      reasonRecordId: hurdle.id,
      source: 'assigned',
      baselineSignal: { hurdleStatus: 'open' },
    })),
    ...(await enroll(t.ctx, tx, systemRef(org.id), {
      audience: { type: 'people', personIds: [emp.person.id] },
      courseId: c2.id,
      reasonType: 'one_on_one',
      reasonRecordType: 'test_point',
      reasonRecordId: pointId,
      source: 'assigned',
    })),
  ]);
  return { org, emp, hurdle, c1, c2, made, as: { emp: await signInAs(t, emp), manager: await signInAs(t, manager), learningAdmin: await signInAs(t, learningAdmin), peer } };
}

type Item = { courseId: string | null; reason: { label: string }; reasonDetail: { label: string; href?: string } | null };
const byCourse = (items: Item[], id: string) => items.find((i) => i.courseId === id)!;

describe('reasons that point at private records', () => {
  it('the learner reads what caused each enrolment; a learning admin reads only the generic reason', async () => {
    const s = await setup();
    const mine = await s.as.emp.get('me/learning');
    expect(byCourse(mine.body.assigned, s.c1.id)).toMatchObject({
      reason: { label: 'Removes a hurdle' },
      reasonDetail: { label: 'Hurdle: Cannot read the dashboards', href: '/hurdles' },
    });
    expect(byCourse(mine.body.assigned, s.c2.id)).toMatchObject({
      reason: { label: 'Agreed in a 1:1' },
      reasonDetail: { label: 'Talking point: I feel lost in the data team' },
    });

    const adminViews = [
      (await s.as.learningAdmin.get(`people/${s.emp.person.id}/learning`)).body.assigned,
      (await s.as.learningAdmin.get(`enrollments?personId=${s.emp.person.id}`)).body.data,
      [(await s.as.learningAdmin.get(`enrollments/${s.made[0]!.id}`)).body, (await s.as.learningAdmin.get(`enrollments/${s.made[1]!.id}`)).body],
    ];
    for (const items of adminViews) {
      expect(byCourse(items, s.c1.id)).toMatchObject({ reason: { label: 'Removes a hurdle' }, reasonDetail: null });
      expect(byCourse(items, s.c2.id)).toMatchObject({ reason: { label: 'Agreed in a 1:1' }, reasonDetail: null });
      expect(JSON.stringify(items)).not.toContain('dashboards');
      expect(JSON.stringify(items)).not.toContain('lost in the data team');
    }
  });

  it("the manager reads the hurdle (theirs to see) but not the learner's private point", async () => {
    const s = await setup();
    const team = await s.as.manager.get('team/learning');
    const row = team.body.data.find((r: { person: { id: string } }) => r.person.id === s.emp.person.id)!;
    expect(byCourse(row.enrollments, s.c1.id).reasonDetail).toEqual({ label: 'Hurdle: Cannot read the dashboards', href: '/hurdles' });
    expect(byCourse(row.enrollments, s.c2.id).reasonDetail).toBeNull();
    const one = await s.as.manager.get(`enrollments/${s.made[0]!.id}`);
    expect(one.body.reasonDetail).toEqual({ label: 'Hurdle: Cannot read the dashboards', href: '/hurdles' });
  });
});
