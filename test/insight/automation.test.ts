import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { agendaItem, auditEvent, automationRun, course, developmentPlanItem, domainEvent, enrollment, notification } from '../../src/server/db/schema/index.ts';
import { runAutomationSweep } from '../../src/server/modules/insight/automation/index.ts';
import { dispatchEvents, emit, recordChange, systemRef } from '../../src/server/modules/platform/index.ts';
import { HURDLE_RAISED, SKILL_ASSESSED } from '../../src/server/modules/talent/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signInAs } from '../support/client.ts';
import { createDepartment, createOrg, createPerson, createUser } from '../support/factories.ts';
import { createPublishedCourse } from '../support/learning.ts';
import { createSkill } from '../support/talent.ts';
import { createSeries } from '../support/one-on-ones.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-06-01T09:00:00Z'));
});

async function settle() {
  for (let i = 0; i < 3; i++) {
    await dispatchEvents(t.ctx);
    await t.ctx.jobs.drain();
  }
}

/** Sales (with a Field sub-department) of three, Support of one; an HR admin, a learning admin, an employee. */
async function setup() {
  const org = await createOrg(t);
  const sales = await createDepartment(t, org.id, 'Sales');
  const field = await createDepartment(t, org.id, 'Field', sales.id);
  const support = await createDepartment(t, org.id, 'Support');
  const hrU = await createUser(t, org.id, { firstName: 'Hana', lastName: 'HR', roles: ['hr_admin'] });
  const laU = await createUser(t, org.id, { firstName: 'Leo', lastName: 'Learning', roles: ['learning_admin'] });
  const empU = await createUser(t, org.id, { firstName: 'Eve', lastName: 'Employee', departmentId: support.id });
  const ann = await createPerson(t, org.id, { firstName: 'Ann', lastName: 'Able', departmentId: sales.id, hireDate: '2026-05-01' });
  const bob = await createPerson(t, org.id, { firstName: 'Bob', lastName: 'Baker', departmentId: field.id, hireDate: '2025-01-10' });
  const cat = await createPerson(t, org.id, { firstName: 'Cat', lastName: 'Cole', departmentId: sales.id, status: 'inactive' });
  const { course: onboarding } = await createPublishedCourse(t, org.id, { title: 'Welcome to Sales' });
  const skill = await createSkill(t, org.id, { name: 'Negotiation' });
  return {
    org, sales, field, support, ann, bob, cat, onboarding, skill,
    hr: await signInAs(t, hrU), la: await signInAs(t, laU), emp: await signInAs(t, empU), hrU,
  };
}

type S = Awaited<ReturnType<typeof setup>>;
const salesRule = (s: S, extra: Record<string, unknown> = {}) => ({
  name: 'Sales onboarding',
  event: 'person_hired' as const,
  conditions: [{ field: 'department' as const, op: 'in' as const, value: [s.sales.id] }],
  actions: [{ type: 'enroll' as const, courseId: s.onboarding.id, dueDays: 30 }],
  ...extra,
});

const enrolmentsOf = (personId: string, courseId: string) =>
  t.ctx.db.select().from(enrollment).where(and(eq(enrollment.personId, personId), eq(enrollment.courseId, courseId)));

describe('automation rules', () => {
  it('refuses impossible rules when saved, each problem with its path', async () => {
    const s = await setup();
    const archived = await createPublishedCourse(t, s.org.id, { status: 'archived' });
    const other = await createOrg(t);
    const foreign = await createDepartment(t, other.id, 'Elsewhere');
    const res = await s.hr.post('automation-rules', {
      name: 'Broken',
      event: 'person_hired',
      conditions: [
        { field: 'department', op: 'in', value: [foreign.id] },
        { field: 'skill', op: 'in', value: [s.skill.id] },
        { field: 'customField', op: 'equals', value: { key: 'nope', value: 'x' } },
      ],
      actions: [{ type: 'enroll', courseId: archived.course.id }],
    } as never);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('unprocessable');
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(
      ['actions.0.courseId', 'conditions.0.value.0', 'conditions.1.field', 'conditions.2.value.key'].sort(),
    );
    const unknownField = await s.hr.post('automation-rules', { ...salesRule(s), conditions: [{ field: 'shoeSize', op: 'in', value: [1] }] } as never);
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.error.code).toBe('validation_failed');
  });

  it('answers 404 to people who do not manage rules, and keeps learning admins to enrolment-only rules', async () => {
    const s = await setup();
    expect((await s.emp.get('automation-rules')).status).toBe(404);
    expect((await s.emp.post('automation-rules', salesRule(s))).status).toBe(404);
    const point = await s.hr.post('automation-rules', salesRule(s, { actions: [{ type: 'talkingPoint', body: 'Welcome them' }] }));
    expect(point.status).toBe(201);
    expect((await s.emp.get(`automation-rules/${point.body.id}`)).status).toBe(404);
    expect((await s.la.get(`automation-rules/${point.body.id}`)).status).toBe(404);
    expect((await s.la.post('automation-rules', salesRule(s, { actions: [{ type: 'talkingPoint', body: 'x' }] }))).status).toBe(403);
    const mine = await s.la.post('automation-rules', salesRule(s));
    expect(mine.status).toBe(201);
    expect((await s.la.get('automation-rules')).body.data.map((r: { id: string }) => r.id)).toEqual([mine.body.id]);
    expect((await s.hr.get('automation-rules')).body.data).toHaveLength(2);
  });

  it('previews the active people the conditions select, sub-departments included, saved or not', async () => {
    const s = await setup();
    const unsaved = await s.hr.post('automation-rules/preview', salesRule(s));
    expect(unsaved.status).toBe(200);
    expect(unsaved.body.count).toBe(2);
    expect(unsaved.body.people.map((p: { name: string }) => p.name)).toEqual(['Ann Able', 'Bob Baker']);
    const hiredLately = await s.hr.post('automation-rules/preview', salesRule(s, {
      conditions: [...salesRule(s).conditions, { field: 'hiredAfter', op: 'after', value: '2026-01-01' }],
    }));
    expect(hiredLately.body.count).toBe(1);
    const saved = await s.hr.post('automation-rules', salesRule(s));
    const p = await s.hr.post(`automation-rules/${saved.body.id}/preview`);
    expect(p.body.count).toBe(2);
    expect((await s.emp.post(`automation-rules/${saved.body.id}/preview`)).status).toBe(404);
  });

  it('on switching on, enrols everyone selected now, once, with audit rows naming the rule', async () => {
    const s = await setup();
    const rule = (await s.hr.post('automation-rules', salesRule(s))).body;
    const on = await s.hr.post(`automation-rules/${rule.id}/activate`, { actNow: true });
    expect(on.status).toBe(200);
    await settle();
    expect(await enrolmentsOf(s.ann.id, s.onboarding.id)).toHaveLength(1);
    expect(await enrolmentsOf(s.bob.id, s.onboarding.id)).toHaveLength(1);
    expect(await enrolmentsOf(s.cat.id, s.onboarding.id)).toHaveLength(0);
    const [e] = await enrolmentsOf(s.ann.id, s.onboarding.id);
    expect(e).toMatchObject({ source: 'rule', reasonType: 'onboarding', reasonRecordType: 'automation_rule', reasonRecordId: rule.id });
    const audits = await t.ctx.db.select().from(auditEvent).where(and(eq(auditEvent.recordType, 'enrollment'), eq(auditEvent.recordId, e!.id)));
    expect(audits.map((a) => [a.action, a.actorLabel, a.actorPersonId])).toEqual([['enrollment.created', `automation:${rule.id}`, null]]);
    // Paused and switched on again: the first run finds everyone's run taken.
    await s.hr.post(`automation-rules/${rule.id}/pause`);
    await s.hr.post(`automation-rules/${rule.id}/activate`, { actNow: true });
    await settle();
    const runs = await s.hr.get(`automation-rules/${rule.id}/runs`);
    expect(runs.body.data.map((r: { triggerKey: string; status: string }) => [r.triggerKey, r.status]).sort()).toEqual(
      [[`first-run:${s.ann.id}`, 'done'], [`first-run:${s.bob.id}`, 'done']].sort(),
    );
  });

  it('acts on a person hired into the department once, even when the event is delivered twice', async () => {
    const s = await setup();
    const rule = (await s.hr.post('automation-rules', salesRule(s))).body;
    await s.hr.post(`automation-rules/${rule.id}/activate`);
    await settle();
    const hired = await s.hr.post('people', { firstName: 'Dan', lastName: 'Day', email: `dan-${rule.id.slice(-6)}@example.test`, departmentId: s.field.id } as never);
    expect(hired.status).toBe(201);
    await settle();
    const dan = hired.body.id as string;
    const [e] = await enrolmentsOf(dan, s.onboarding.id);
    expect(e).toMatchObject({ source: 'rule', reasonType: 'onboarding', reasonRecordType: 'person', reasonRecordId: dan });
    const [run] = await t.ctx.db.select().from(automationRun).where(and(eq(automationRun.ruleId, rule.id), eq(automationRun.personId, dan)));
    expect(run).toMatchObject({ status: 'done', detail: [{ action: 'enroll', type: 'enrollment', id: e!.id }] });
    // The same event again (a second delivery): the run is taken, nothing more happens.
    const { runEvent } = await import('../../src/server/modules/insight/automation/automation.service.ts');
    await runEvent(t.ctx, s.org.id, 'person_hired', run!.triggerKey, { personId: dan, recordType: 'person', recordId: dan });
    expect(await t.ctx.db.select().from(automationRun).where(and(eq(automationRun.ruleId, rule.id), eq(automationRun.personId, dan)))).toHaveLength(1);
    const acted = await t.ctx.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'automation_rule.acted'), eq(auditEvent.recordId, run!.id)));
    expect(acted).toHaveLength(1);
    expect(acted[0]!.actorLabel).toBe(`automation:${rule.id}`);
  });

  it('tests event conditions: a check-in blocker of category skill about the skill, with the hurdle as reason', async () => {
    const s = await setup();
    const rule = (await s.hr.post('automation-rules', {
      name: 'Blockers', event: 'check_in_blocker',
      conditions: [{ field: 'department', op: 'in', value: [s.sales.id] }, { field: 'hurdleCategory', op: 'in', value: ['skill'] }, { field: 'skill', op: 'in', value: [s.skill.id] }],
      actions: [{ type: 'enroll', courseId: s.onboarding.id }, { type: 'notify', to: 'person', message: 'We enrolled you' }],
    })).body;
    await s.hr.post(`automation-rules/${rule.id}/activate`);
    await settle();
    const dan = await createPerson(t, s.org.id, { firstName: 'Dan', lastName: 'Day', departmentId: s.sales.id });
    const raise = async (personId: string, category: string, skillId: string | null) => {
      const hurdleId = crypto.randomUUID();
      await t.ctx.db.transaction((tx) => recordChange(tx, systemRef(s.org.id), {
        action: HURDLE_RAISED.type, recordType: 'hurdle', recordId: hurdleId,
        emits: emit(HURDLE_RAISED, { hurdleId, personId, category, status: 'open', goalId: null, skillId, source: 'check_in', raisedBy: personId }),
      }));
      await settle();
      return hurdleId;
    };
    const eventRuns = async () =>
      (await t.ctx.db.select().from(automationRun).where(eq(automationRun.ruleId, rule.id))).filter((r) => !r.triggerKey.startsWith('first-run')).map((r) => r.status);
    await raise(dan.id, 'time', s.skill.id);
    await raise((await createPerson(t, s.org.id, { departmentId: s.support.id })).id, 'skill', s.skill.id); // not in Sales
    expect((await eventRuns()).sort()).toEqual(['skipped', 'skipped']);
    expect(await enrolmentsOf(dan.id, s.onboarding.id)).toHaveLength(0);
    const h = await raise(dan.id, 'skill', s.skill.id);
    const [e] = await enrolmentsOf(dan.id, s.onboarding.id);
    expect(e).toMatchObject({ source: 'rule', reasonType: 'hurdle', reasonRecordType: 'hurdle', reasonRecordId: h });
    expect((await eventRuns()).sort()).toEqual(['done', 'skipped', 'skipped']);
  });

  it('loop guard: an overdue enrolment the rule made does not trigger the rule again', async () => {
    const s = await setup();
    const { course: refresher } = await createPublishedCourse(t, s.org.id, { title: 'Refresher' });
    const rule = (await s.hr.post('automation-rules', {
      name: 'Overdue → refresher', event: 'enrollment_overdue', conditions: [{ field: 'department', op: 'in', value: [s.sales.id] }],
      actions: [{ type: 'enroll', courseId: refresher.id, dueDays: 1 }],
    })).body;
    await s.hr.post(`automation-rules/${rule.id}/activate`, { actNow: true });
    await settle(); // the first run enrols Ann and Bob in the refresher, due in a day
    t.clock.set(new Date('2026-06-05T09:00:00Z'));
    await runAutomationSweep(t.ctx);
    const runs = await t.ctx.db.select().from(automationRun).where(eq(automationRun.ruleId, rule.id));
    const overdue = runs.filter((r) => r.triggerKey.startsWith('overdue:'));
    expect(overdue).toHaveLength(2);
    expect(overdue.every((r) => r.status === 'skipped' && JSON.stringify(r.detail).includes('loop guard'))).toBe(true);
    t.clock.set(new Date('2026-06-01T09:00:00Z'));
  });

  it('a rule whose course was archived stops with a visible error, nothing half-applied', async () => {
    const s = await setup();
    const { course: second } = await createPublishedCourse(t, s.org.id, { title: 'Second' });
    const rule = (await s.hr.post('automation-rules', {
      name: 'Assessed → learn', event: 'skill_assessment_recorded', conditions: [{ field: 'skill', op: 'in', value: [s.skill.id] }],
      actions: [{ type: 'enroll', courseId: s.onboarding.id }, { type: 'enroll', courseId: second.id }],
    })).body;
    // The first run has no assessment to test the skill on: it enrols everyone; the course is archived after.
    await s.hr.post(`automation-rules/${rule.id}/activate`);
    await settle();
    await t.ctx.db.update(course).set({ status: 'archived' }).where(eq(course.id, second.id));
    const dan = await createPerson(t, s.org.id, { firstName: 'Dan', lastName: 'New' });
    const assessmentId = crypto.randomUUID();
    await t.ctx.db.transaction((tx) => recordChange(tx, systemRef(s.org.id), {
      action: SKILL_ASSESSED.type, recordType: 'skill_assessment', recordId: assessmentId,
      emits: emit(SKILL_ASSESSED, { personId: dan.id, skillId: s.skill.id, assessmentId, source: 'manager' }),
    }));
    await settle();
    const got = (await s.hr.get(`automation-rules/${rule.id}`)).body;
    expect(got.status).toBe('failed');
    expect(got.lastError).toContain('actions.1.courseId');
    expect(await enrolmentsOf(dan.id, s.onboarding.id)).toHaveLength(0);
    const runs = (await s.hr.get(`automation-rules/${rule.id}/runs`)).body.data;
    expect(runs[0]).toMatchObject({ status: 'failed', person: { id: dan.id } });
    expect((await s.hr.post(`automation-rules/${rule.id}/activate`)).status).toBe(422);
  });
  it('adds a talking point to the next 1:1 with the manager, a plan item and a notice, each pointing at the trigger', async () => {
    const s = await setup();
    const max = await createPerson(t, s.org.id, { firstName: 'Max', lastName: 'Manager', departmentId: s.support.id });
    const amy = await createPerson(t, s.org.id, { firstName: 'Amy', lastName: 'Report', departmentId: s.support.id, managerId: max.id });
    const loner = await createPerson(t, s.org.id, { firstName: 'Lou', lastName: 'Loner', departmentId: s.support.id, managerId: max.id });
    await createSeries(t, s.org.id, max.id, amy.id);
    const rule = (await s.hr.post('automation-rules', {
      name: 'Assessed low', event: 'skill_assessment_recorded',
      conditions: [{ field: 'department', op: 'in', value: [s.support.id] }, { field: 'skill', op: 'in', value: [s.skill.id] }],
      actions: [
        { type: 'talkingPoint', body: 'Talk about negotiation' },
        { type: 'planItem', title: 'Shadow a senior negotiator', actionType: 'mentoring', skillId: s.skill.id },
        { type: 'notify', to: 'manager', message: 'A report was assessed' },
      ],
    })).body;
    await s.hr.post(`automation-rules/${rule.id}/activate`);
    await settle();
    const assess = async (personId: string) => {
      const assessmentId = crypto.randomUUID();
      await t.ctx.db.transaction((tx) => recordChange(tx, systemRef(s.org.id), {
        action: SKILL_ASSESSED.type, recordType: 'skill_assessment', recordId: assessmentId,
        emits: emit(SKILL_ASSESSED, { personId, skillId: s.skill.id, assessmentId, source: 'manager' }),
      }));
      await settle();
      return assessmentId;
    };
    const a = await assess(amy.id);
    const points = await t.ctx.db.select().from(agendaItem).where(eq(agendaItem.sourceRecordId, a));
    expect(points.map((p) => [p.body, p.authorId, p.sourceRecordType])).toEqual([['Talk about negotiation', max.id, 'skill_assessment']]);
    const items = await t.ctx.db.select().from(developmentPlanItem).where(and(eq(developmentPlanItem.personId, amy.id), eq(developmentPlanItem.title, 'Shadow a senior negotiator')));
    expect(items.length).toBeGreaterThanOrEqual(1);
    const notes = await t.ctx.db.select().from(notification).where(and(eq(notification.personId, max.id), eq(notification.kind, 'automation.notice')));
    expect(notes.length).toBeGreaterThanOrEqual(1);
    // Lou has no 1:1 series: the point is skipped and says why; the rest still acts.
    await assess(loner.id);
    const [run] = (await s.hr.get(`automation-rules/${rule.id}/runs?limit=1`)).body.data;
    expect(run!.status).toBe('done');
    expect(run!.detail).toEqual(expect.arrayContaining([{ action: 'talkingPoint', skipped: 'no 1:1 series with the manager' }, expect.objectContaining({ action: 'planItem', type: 'development_plan_item' })]));
  });
  it('acts on the people an import creates or gives a new manager, once each, even when its event is delivered twice', async () => {
    const s = await setup();
    const boss = await createPerson(t, s.org.id, { firstName: 'Nia', lastName: 'Boss', email: `nia-${s.org.id.slice(-6)}@example.test` });
    const hiredRule = (await s.hr.post('automation-rules', salesRule(s))).body;
    const movedRule = (await s.hr.post('automation-rules', {
      name: 'New manager', event: 'manager_changed', conditions: [], actions: [{ type: 'notify', to: 'manager', message: 'You have a new report' }],
    })).body;
    for (const r of [hiredRule, movedRule]) await s.hr.post(`automation-rules/${r.id}/activate`);
    await settle();
    const dan = `dan-${s.org.id.slice(-6)}@example.test`, fay = `fay-${s.org.id.slice(-6)}@example.test`;
    const file = [
      'Email,First Name,Last Name,Department,Manager',
      `${dan},Dan,Day,Sales,`,
      `${fay},Fay,Field,Support,`,
      `${s.ann.email},Ann,Able,Sales,${boss.email}`,
    ].join('\r\n');
    const imported = await s.hr.post('people/imports?dryRun=false', file, { 'content-type': 'text/csv' });
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    await settle();
    const people = await t.ctx.db.select().from(enrollment).where(eq(enrollment.courseId, s.onboarding.id));
    const danId = (await s.hr.get(`people?q=${encodeURIComponent(dan)}`)).body.data[0]!.id as string;
    // Dan joined Sales: onboarded, the reason his own record. Fay joined Support: the rule's condition left her out.
    expect(people.map((e) => [e.personId, e.reasonType, e.reasonRecordId])).toEqual([[danId, 'onboarding', danId]]);
    const told = await t.ctx.db.select().from(notification).where(and(eq(notification.personId, boss.id), eq(notification.kind, 'automation.notice')));
    expect(told.map((n) => n.title)).toEqual(['New manager']);

    // The import's event once more (a second delivery): every person's run is taken, nothing more happens.
    const { ON_PEOPLE_IMPORTED } = await import('../../src/server/modules/insight/automation/automation.jobs.ts');
    const [event] = await t.ctx.db.select().from(domainEvent).where(and(eq(domainEvent.orgId, s.org.id), eq(domainEvent.type, 'people.imported')));
    await ON_PEOPLE_IMPORTED.handler(t.ctx, { ...event!, payload: ON_PEOPLE_IMPORTED.event.schema.parse(event!.payload) });
    expect(await t.ctx.db.select().from(enrollment).where(eq(enrollment.courseId, s.onboarding.id))).toHaveLength(1);
    expect(await t.ctx.db.select().from(notification).where(and(eq(notification.personId, boss.id), eq(notification.kind, 'automation.notice')))).toHaveLength(1);
    expect(await t.ctx.db.select().from(automationRun).where(eq(automationRun.ruleId, hiredRule.id))).toHaveLength(2);
  });

  it('acts when a manager changes (telling the new manager) and when a goal goes off track, not on a correction', async () => {
    const s = await setup();
    const newBoss = await createPerson(t, s.org.id, { firstName: 'Nia', lastName: 'Boss' });
    const rule = (await s.hr.post('automation-rules', {
      name: 'New manager', event: 'manager_changed', conditions: [{ field: 'department', op: 'in', value: [s.sales.id] }],
      actions: [{ type: 'notify', to: 'manager', message: 'You have a new report' }],
    })).body;
    const goals = (await s.hr.post('automation-rules', {
      name: 'Off track', event: 'goal_off_track', conditions: [],
      actions: [{ type: 'notify', to: 'person', message: 'Your goal is off track: talk to your manager' }],
    })).body;
    // Switched on while nobody has a manager, the first run tells nobody (the notice is skipped with its reason).
    await s.hr.post(`automation-rules/${rule.id}/activate`, { actNow: true });
    await s.hr.post(`automation-rules/${goals.id}/activate`, { actNow: true });
    await settle();
    const changed = await s.hr.patch(`people/${s.ann.id}`, { managerId: newBoss.id } as never);
    expect(changed.status).toBe(200);
    await settle();
    const told = await t.ctx.db.select().from(notification).where(and(eq(notification.personId, newBoss.id), eq(notification.kind, 'automation.notice')));
    expect(told.filter((n) => n.title === 'New manager').map((n) => n.body)).toEqual(['You have a new report']);

    const checkIn = async (status: string, corrected: boolean) => {
      const goalId = crypto.randomUUID();
      await t.ctx.db.transaction((tx) => recordChange(tx, systemRef(s.org.id), {
        action: 'performance.goal_checked_in', recordType: 'goal', recordId: goalId,
        event: { goalId, checkInId: crypto.randomUUID(), ownerPersonId: s.bob.id, status, corrected },
      }));
      await settle();
    };
    await checkIn('at_risk', false);
    await checkIn('off_track', true);
    await checkIn('off_track', false);
    const bobTold = await t.ctx.db.select().from(notification).where(and(eq(notification.personId, s.bob.id), eq(notification.kind, 'automation.notice')));
    // One from the first run (everyone active), one from the off-track check-in.
    expect(bobTold.filter((n) => n.title === 'Off track')).toHaveLength(2);
  });
});
