import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { enrollment, goal, keyResult } from '../../src/server/db/schema/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signInAs } from '../support/client.ts';
import { createDepartment, createOrg, createUser } from '../support/factories.ts';
import { createGroupWith } from '../support/goals.ts';
import { createPublishedCourse } from '../support/learning.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-11-16T09:00:00Z'));
});

async function setup() {
  const org = await createOrg(t);
  const ops = await createDepartment(t, org.id, 'Ops');
  const sub = await createDepartment(t, org.id, 'Ops North', ops.id);
  const manager = await createUser(t, org.id, { departmentId: ops.id });
  const a = await createUser(t, org.id, { managerId: manager.person.id, departmentId: sub.id });
  const b = await createUser(t, org.id, { managerId: manager.person.id });
  const outsider = await createUser(t, org.id);
  await createUser(t, org.id, { departmentId: ops.id, status: 'inactive' });
  const hr = await createUser(t, org.id, { roles: ['hr_admin'] });
  return { org, ops, manager, a, b, outsider, as: { hr: await signInAs(t, hr), manager: await signInAs(t, manager), a: await signInAs(t, a), outsider: await signInAs(t, outsider) } };
}

describe('goal templates and bulk assignment', () => {
  it('HR makes a template and assigns it to a department with sub-departments: one goal per active person, with key results', async () => {
    const s = await setup();
    expect((await s.as.a.post('goal-templates', { title: 'Safety first' })).status).toBe(404);
    const tpl = await s.as.hr.post('goal-templates', {
      title: 'Safety first',
      keyResults: [
        { title: 'Incidents', kind: 'number', startValue: 10, targetValue: 0 },
        { title: 'Training done', kind: 'binary', targetValue: 1 },
      ],
    });
    expect(tpl.status).toBe(201);
    const res = await s.as.hr.post(`goal-templates/${tpl.body.id}/assign`, { audience: { type: 'department', departmentId: s.ops.id } });
    expect(res.status).toBe(200);
    expect(res.body.created).toBe(2); // manager (Ops) and a (Ops North); the inactive person gets none
    const goals = await t.ctx.db.select().from(goal).where(eq(goal.assignmentId, res.body.assignmentId!));
    expect(goals.map((g) => g.ownerPersonId).sort()).toEqual([s.manager.person.id, s.a.person.id].sort());
    expect(goals.every((g) => g.templateId === tpl.body.id && g.title === 'Safety first')).toBe(true);
    const krs = await t.ctx.db.select().from(keyResult).where(eq(keyResult.goalId, goals[0]!.id));
    expect(krs.map((k) => [k.title, k.startValue, k.targetValue, k.currentValue])).toEqual([
      ['Incidents', 10, 0, 10],
      ['Training done', 0, 1, 0],
    ]);
    const mine = await s.as.a.get('goals?scope=mine');
    expect(mine.body.data).toMatchObject([{ title: 'Safety first', periodName: 'Q4 2026' }]);

    const guild = await createGroupWith(t, s.org.id, 'Guild', [s.b.person.id, s.outsider.person.id]);
    expect((await s.as.hr.post(`goal-templates/${tpl.body.id}/assign`, { audience: { type: 'group', groupId: guild.id } })).body.created).toBe(2);
  });

  it('a manager assigns to their reports only (404 for anyone else, and for groups)', async () => {
    const s = await setup();
    const tpl = await s.as.hr.post('goal-templates', { title: 'Grow' });
    expect((await s.as.manager.get('goal-templates')).status).toBe(200);
    expect((await s.as.outsider.get('goal-templates')).status).toBe(404);
    const ok = await s.as.manager.post(`goal-templates/${tpl.body.id}/assign`, { audience: { type: 'people', personIds: [s.a.person.id, s.b.person.id] } });
    expect(ok.body.created).toBe(2);
    expect((await s.as.manager.post(`goal-templates/${tpl.body.id}/assign`, { audience: { type: 'people', personIds: [s.outsider.person.id] } })).status).toBe(404);
    expect((await s.as.manager.post(`goal-templates/${tpl.body.id}/assign`, { audience: { type: 'department', departmentId: s.ops.id } })).status).toBe(404);
  });

  it('HR previews then assigns to people, groups and departments at once: each person once, no second goal for who has it', async () => {
    const s = await setup();
    const tpl = await s.as.hr.post('goal-templates', { title: 'Customer focus', keyResults: [{ title: 'Calls', kind: 'number', targetValue: 20 }] });
    const periods = await s.as.hr.post('goal-periods/defaults', {});
    expect(periods.status).toBeLessThan(300);
    const q4 = (await s.as.hr.get('goal-periods')).body.data.find((p: { name: string }) => p.name === 'Q4 2026')!;
    // b was given the goal already; the outsider is in the group and named too (counted once).
    const first = await s.as.hr.post(`goal-templates/${tpl.body.id}/assign`, { audience: { type: 'people', personIds: [s.b.person.id] }, periodId: q4.id });
    expect(first.body).toMatchObject({ created: 1, alreadyHad: 0, dryRun: false });
    const guild = await createGroupWith(t, s.org.id, 'Guild', [s.b.person.id, s.outsider.person.id]);
    const body = {
      audience: [
        { type: 'department' as const, departmentId: s.ops.id },
        { type: 'group' as const, groupId: guild.id },
        { type: 'people' as const, personIds: [s.outsider.person.id] },
      ],
      periodId: q4.id,
    };
    const goalsOfTemplate = () => t.ctx.db.select().from(goal).where(and(eq(goal.orgId, s.org.id), eq(goal.templateId, tpl.body.id)));

    const preview = await s.as.hr.post(`goal-templates/${tpl.body.id}/assign`, { ...body, dryRun: true });
    expect(preview.status).toBe(200);
    // manager and a (Ops and below), outsider (group and named), b (group, already has it)
    expect(preview.body).toEqual({ assignmentId: null, created: 3, alreadyHad: 1, goalIds: [], dryRun: true });
    expect(await goalsOfTemplate()).toHaveLength(1);

    const done = await s.as.hr.post(`goal-templates/${tpl.body.id}/assign`, body);
    expect(done.body).toMatchObject({ created: 3, alreadyHad: 1, dryRun: false });
    const goals = await goalsOfTemplate();
    expect(goals.map((g) => g.ownerPersonId).sort()).toEqual([s.manager.person.id, s.a.person.id, s.b.person.id, s.outsider.person.id].sort());
    expect(goals.every((g) => g.periodId === q4.id)).toBe(true);

    // Again: everybody has it, nothing is created.
    expect((await s.as.hr.post(`goal-templates/${tpl.body.id}/assign`, body)).body).toMatchObject({ assignmentId: null, created: 0, alreadyHad: 4 });
    expect(await goalsOfTemplate()).toHaveLength(4);

    // The dry run refuses what the assignment refuses, with the same answers.
    const bad = await s.as.hr.post(`goal-templates/${tpl.body.id}/assign`, { audience: [{ type: 'group', groupId: s.ops.id }], dryRun: true });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'validation_failed', details: [{ path: 'audience.0.groupId' }] });
    expect((await s.as.hr.post(`goal-templates/${tpl.body.id}/assign`, { audience: [], dryRun: true })).status).toBe(400);
    expect((await s.as.manager.post(`goal-templates/${tpl.body.id}/assign`, { ...body, dryRun: true })).status).toBe(404);
    expect((await s.as.manager.post(`goal-templates/${tpl.body.id}/assign`, { audience: { type: 'people', personIds: [s.outsider.person.id] }, dryRun: true })).status).toBe(404);
    const preview2 = await s.as.manager.post(`goal-templates/${tpl.body.id}/assign`, { audience: { type: 'people', personIds: [s.a.person.id] }, periodId: q4.id, dryRun: true });
    expect(preview2.body).toMatchObject({ created: 0, alreadyHad: 1 });
  });

  it('assigns learning from a goal with reason goal and the goal’s progress as baseline; the wrong person gets 404', async () => {
    const s = await setup();
    const { course } = await createPublishedCourse(t, s.org.id);
    const g = await s.as.a.post('goals', { title: 'Learn SQL', status: 'at_risk', keyResults: [{ title: 'Queries', kind: 'number', targetValue: 4, currentValue: 1 }] });
    expect((await s.as.outsider.post(`goals/${g.body.id}/assign-learning`, { courseId: course.id })).status).toBe(404);
    const res = await s.as.manager.post(`goals/${g.body.id}/assign-learning`, { courseId: course.id });
    expect(res.status).toBe(200);
    expect(res.body.enrolled).toBe(1);
    const [e] = await t.ctx.db.select().from(enrollment).where(and(eq(enrollment.orgId, s.org.id), eq(enrollment.personId, s.a.person.id)));
    expect(e).toMatchObject({ reasonType: 'goal', reasonRecordType: 'goal', reasonRecordId: g.body.id, source: 'assigned', baselineSignal: { goalProgress: 25, goalStatus: 'at_risk' } });
    const learning = await s.as.a.get('me/learning');
    expect(JSON.stringify(learning.body)).toContain('Learn SQL');
  });
});
