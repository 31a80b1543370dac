import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvent, enrollment } from '../../src/server/db/schema/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signInAs } from '../support/client.ts';
import { createOrg } from '../support/factories.ts';
import { createGoal } from '../support/goals.ts';
import { createPublishedCourse } from '../support/learning.ts';
import { oneOnOneTeam } from '../support/one-on-ones.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

const HOUR = 3_600_000;

async function setup() {
  const org = await createOrg(t);
  const team = await oneOnOneTeam(t, org.id);
  const startsAt = new Date(t.clock.now().getTime() + 2 * HOUR).toISOString();
  const series = await team.as.manager.post('one-on-ones', { withPersonId: team.emp.person.id, cadence: 'weekly', startsAt, timeZone: 'Europe/Berlin' });
  expect(series.status).toBe(201);
  const detail = await team.as.emp.get(`one-on-ones/${series.body.id}`);
  expect(detail.status).toBe(200);
  return { org, ...team, seriesId: series.body.id as string, meetingId: detail.body.current!.id as string, detail: detail.body };
}

describe('1:1 series', () => {
  it('either side starts one; both list it with the next meeting; the timeline, next dates and iCalendar follow the cadence', async () => {
    const s = await setup();
    expect(s.detail.with.id).toBe(s.manager.person.id);
    expect(s.detail.meetings).toHaveLength(3);
    expect(s.detail.nextDates).toHaveLength(6);
    for (const c of [s.as.manager, s.as.emp]) {
      const list = await c.get('one-on-ones');
      expect(list.status).toBe(200);
      expect(list.body.data).toHaveLength(1);
      expect(list.body.data[0]!.nextMeetingId).toBe(s.meetingId);
    }
    // A second active series for the same pair, either way round, is refused.
    const again = await s.as.emp.post('one-on-ones', { withPersonId: s.manager.person.id, cadence: 'monthly', startsAt: new Date().toISOString() });
    expect(again.status).toBe(409);
    // The report may start one with a peer too.
    expect((await s.as.emp.post('one-on-ones', { withPersonId: s.peer.person.id, cadence: 'biweekly', startsAt: s.detail.startsAt })).status).toBe(201);
    expect((await s.as.emp.post('one-on-ones', { withPersonId: s.emp.person.id, cadence: 'weekly', startsAt: s.detail.startsAt })).status).toBe(400);

    const ics = await s.as.emp.get(`one-on-ones/${s.seriesId}/calendar.ics`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    expect(String(ics.body)).toContain('BEGIN:VEVENT');
    expect(String(ics.body).match(/BEGIN:VEVENT/g)!.length).toBe(26);

    const ended = await s.as.emp.post(`one-on-ones/${s.seriesId}/end`);
    expect(ended.status).toBe(200);
    expect(ended.body.endedAt).not.toBeNull();
    expect((await s.as.manager.get('one-on-ones')).body.data).toHaveLength(0);
    expect((await s.as.manager.get('one-on-ones?includeEnded=true')).body.data).toHaveLength(1);
  });

  it('is the two participants’ only: others, their managers, HR and admins get 404', async () => {
    const s = await setup();
    for (const c of [s.as.peer, s.as.boss, s.as.stranger, s.as.hr, s.as.admin]) {
      expect((await c.get(`one-on-ones/${s.seriesId}`)).status).toBe(404);
      expect((await c.get(`one-on-ones/meetings/${s.meetingId}`)).status).toBe(404);
      expect((await c.get(`one-on-ones/${s.seriesId}/calendar.ics`)).status).toBe(404);
      expect((await c.post(`one-on-ones/meetings/${s.meetingId}/agenda-items`, { body: 'x' })).status).toBe(404);
      expect((await c.put(`one-on-ones/meetings/${s.meetingId}/shared-note`, { body: 'x' })).status).toBe(404);
      expect((await c.post(`one-on-ones/meetings/${s.meetingId}/held`)).status).toBe(404);
      expect((await c.post(`one-on-ones/${s.seriesId}/end`)).status).toBe(404);
    }
  });
});

describe('agenda', () => {
  it('a private point is its author’s only: not the other participant, not an admin', async () => {
    const s = await setup();
    const mine = await s.as.emp.post(`one-on-ones/meetings/${s.meetingId}/agenda-items`, { body: 'Thinking of leaving', private: true });
    const shared = await s.as.emp.post(`one-on-ones/meetings/${s.meetingId}/agenda-items`, { body: 'Roadmap' });
    expect(mine.status).toBe(201);
    const asManager = await s.as.manager.get(`one-on-ones/meetings/${s.meetingId}`);
    expect(asManager.body.agenda.map((a) => a.body)).toEqual(['Roadmap']);
    expect((await s.as.emp.get(`one-on-ones/meetings/${s.meetingId}`)).body.agenda.map((a) => a.body)).toEqual(['Thinking of leaving', 'Roadmap']);
    for (const c of [s.as.manager, s.as.admin, s.as.hr]) {
      expect((await c.patch(`one-on-ones/agenda-items/${mine.body.id}`, { discussed: true })).status).toBe(404);
      expect((await c.delete(`one-on-ones/agenda-items/${mine.body.id}`)).status).toBe(404);
      expect((await c.post(`one-on-ones/agenda-items/${mine.body.id}/link`, { goalId: null })).status).toBe(404);
    }
    // The audit log never holds a private point's text.
    const audits = await t.ctx.db.select().from(auditEvent).where(and(eq(auditEvent.orgId, s.org.id), eq(auditEvent.recordId, mine.body.id)));
    expect(JSON.stringify(audits)).not.toContain('leaving');
    // Either participant ticks a shared point discussed; only its author edits its words or makes it private.
    const edit = await s.as.manager.patch(`one-on-ones/agenda-items/${shared.body.id}`, { body: 'Roadmap Q3' });
    expect(edit.status).toBe(400);
    expect(edit.body.error.details[0]).toMatchObject({ path: 'body' });
    expect((await s.as.manager.patch(`one-on-ones/agenda-items/${shared.body.id}`, { private: true })).status).toBe(400);
    expect((await s.as.manager.patch(`one-on-ones/agenda-items/${shared.body.id}`, { discussed: true })).body.discussedAt).not.toBeNull();
    expect((await s.as.emp.patch(`one-on-ones/agenda-items/${shared.body.id}`, { body: 'Roadmap Q3' })).body.body).toBe('Roadmap Q3');
  });

  it('holding a meeting carries undiscussed points to the next, counting each carry; open actions follow until done', async () => {
    const s = await setup();
    const a = await s.as.emp.post(`one-on-ones/meetings/${s.meetingId}/agenda-items`, { body: 'Conference budget' });
    const b = await s.as.manager.post(`one-on-ones/meetings/${s.meetingId}/agenda-items`, { body: 'Sprint retro' });
    const p = await s.as.emp.post(`one-on-ones/meetings/${s.meetingId}/agenda-items`, { body: 'My own prep', private: true });
    await s.as.manager.patch(`one-on-ones/agenda-items/${b.body.id}`, { discussed: true });
    const action = await s.as.manager.post(`one-on-ones/meetings/${s.meetingId}/action-items`, {
      title: 'Send the budget form',
      assigneeId: s.emp.person.id,
      dueOn: '2030-01-10',
      agendaItemId: a.body.id,
    });
    expect(action.status).toBe(201);
    expect(action.body.agendaItemBody).toBe('Conference budget');
    expect((await s.as.manager.post(`one-on-ones/meetings/${s.meetingId}/action-items`, { title: 'x', assigneeId: s.peer.person.id })).status).toBe(400);
    // The manager cannot hang an action on the report's private point.
    expect((await s.as.manager.post(`one-on-ones/meetings/${s.meetingId}/action-items`, { title: 'x', agendaItemId: p.body.id })).status).toBe(400);

    const held = await s.as.manager.post(`one-on-ones/meetings/${s.meetingId}/held`);
    expect(held.status).toBe(200);
    expect(held.body.status).toBe('held');
    expect(held.body.agenda.map((x) => x.body)).toEqual(['Sprint retro']);
    expect((await s.as.manager.post(`one-on-ones/meetings/${s.meetingId}/held`)).status).toBe(409);

    t.clock.advance(3 * HOUR);
    const next = (await s.as.emp.get(`one-on-ones/${s.seriesId}`)).body.current!;
    expect(next.id).not.toBe(s.meetingId);
    expect(next.agenda.map((x) => [x.body, x.carriedOverCount])).toEqual([
      ['Conference budget', 1],
      ['My own prep', 1],
    ]);
    expect(next.actions.map((x) => [x.title, x.agendaItemBody, x.doneAt])).toEqual([['Send the budget form', 'Conference budget', null]]);
    // Cancelled meetings pass their points on too, counted again.
    const cancelled = await s.as.emp.post(`one-on-ones/meetings/${next.id}/cancel`);
    expect(cancelled.body.agenda).toEqual([]);
    const third = (await s.as.emp.get(`one-on-ones/${s.seriesId}`)).body.current!;
    expect(third.agenda.map((x) => x.carriedOverCount)).toEqual([2, 2]);
    // Done actions stop following.
    expect((await s.as.emp.patch(`one-on-ones/action-items/${action.body.id}`, { done: true })).body.doneAt).not.toBeNull();
    expect((await s.as.emp.get(`one-on-ones/meetings/${third.id}`)).body.actions).toEqual([]);
  });

  it('two people editing the same agenda at once lose nothing', async () => {
    const s = await setup();
    const seed = await Promise.all(
      Array.from({ length: 6 }, (_, i) => (i % 2 ? s.as.emp : s.as.manager).post(`one-on-ones/meetings/${s.meetingId}/agenda-items`, { body: `seed ${i}` })),
    );
    const adds = Array.from({ length: 20 }, (_, i) => (i % 2 ? s.as.emp : s.as.manager).post(`one-on-ones/meetings/${s.meetingId}/agenda-items`, { body: `new ${i}` }));
    // Each author rewords their point while the other side ticks some discussed.
    const edits = seed.flatMap((r, i) => [
      (i % 2 ? s.as.emp : s.as.manager).patch(`one-on-ones/agenda-items/${r.body.id}`, { body: `edited ${i}` }),
      ...(i % 3 === 0 ? [(i % 2 ? s.as.manager : s.as.emp).patch(`one-on-ones/agenda-items/${r.body.id}`, { discussed: true })] : []),
    ]);
    const results = await Promise.all([...adds, ...edits]);
    expect(results.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    const agenda = (await s.as.emp.get(`one-on-ones/meetings/${s.meetingId}`)).body.agenda;
    expect(agenda).toHaveLength(26);
    const bodies = new Set(agenda.map((a) => a.body));
    for (let i = 0; i < 20; i++) expect(bodies.has(`new ${i}`)).toBe(true);
    for (let i = 0; i < 6; i++) expect(bodies.has(`edited ${i}`)).toBe(true);
    expect(agenda.filter((a) => a.discussedAt).length).toBe(2);

    // Reordering the points I see keeps the other side's private ones in place.
    const ids = agenda.map((a) => a.id).reverse();
    const reordered = await s.as.emp.post(`one-on-ones/meetings/${s.meetingId}/agenda-order`, { ids });
    expect(reordered.status).toBe(200);
    expect(reordered.body.agenda.map((a) => a.id)).toEqual(ids);
  });
});

describe('notes', () => {
  it('one shared note both edit; a private note per author that only its author reads', async () => {
    const s = await setup();
    expect((await s.as.emp.put(`one-on-ones/meetings/${s.meetingId}/shared-note`, { body: 'We agreed on X' })).status).toBe(200);
    expect((await s.as.manager.put(`one-on-ones/meetings/${s.meetingId}/shared-note`, { body: 'We agreed on X and Y' })).status).toBe(200);
    const priv = await s.as.manager.put(`one-on-ones/meetings/${s.meetingId}/private-note`, { body: 'Seems tired' });
    await s.as.emp.put(`one-on-ones/meetings/${s.meetingId}/private-note`, { body: 'Ask for a raise' });
    const asEmp = (await s.as.emp.get(`one-on-ones/meetings/${s.meetingId}`)).body;
    expect(asEmp.sharedNote!.body).toBe('We agreed on X and Y');
    expect(asEmp.privateNote!.body).toBe('Ask for a raise');
    const asManager = (await s.as.manager.get(`one-on-ones/meetings/${s.meetingId}`)).body;
    expect(asManager.privateNote!.body).toBe('Seems tired');
    // The manager's private note cannot be reached through its id by the report or an admin.
    const course = await createPublishedCourse(t, s.org.id);
    for (const c of [s.as.emp, s.as.admin]) {
      expect((await c.post(`one-on-ones/notes/${priv.body.id}/assign-learning`, { courseId: course.course.id })).status).toBe(404);
    }
    const audits = await t.ctx.db.select().from(auditEvent).where(eq(auditEvent.orgId, s.org.id));
    expect(JSON.stringify(audits)).not.toContain('Seems tired');

    // Learning assigned from a note names it to who may read the note: the shared one to both, the private one to its author.
    const fromPrivate = await s.as.manager.post(`one-on-ones/notes/${priv.body.id}/assign-learning`, { courseId: course.course.id });
    expect(fromPrivate.status).toBe(201);
    const other = await createPublishedCourse(t, s.org.id);
    const fromShared = await s.as.manager.post(`one-on-ones/notes/${asManager.sharedNote!.id}/assign-learning`, { courseId: other.course.id });
    expect(fromShared.status).toBe(201);
    const note = { label: '1:1 note', href: `/one-on-ones/${s.seriesId}` };
    const mine = (await s.as.emp.get('me/learning')).body.assigned;
    expect(mine.find((i) => i.courseId === course.course.id)).toMatchObject({ reason: { label: 'Agreed in a 1:1' }, reasonDetail: null });
    expect(mine.find((i) => i.courseId === other.course.id)).toMatchObject({ reasonDetail: note });
    expect((await s.as.manager.get(`enrollments/${fromPrivate.body.enrollmentId}`)).body.reasonDetail).toEqual(note);
    expect((await s.as.admin.get(`enrollments/${fromShared.body.enrollmentId}`)).body.reasonDetail).toBeNull();
  });
});

describe('one step from a point', () => {
  it('the manager assigns a course from a talking point with reason one_on_one; the report may not assign to the manager', async () => {
    const s = await setup();
    const point = await s.as.emp.post(`one-on-ones/meetings/${s.meetingId}/agenda-items`, { body: 'I struggle with SQL' });
    const { course } = await createPublishedCourse(t, s.org.id);
    const assigned = await s.as.manager.post(`one-on-ones/agenda-items/${point.body.id}/assign-learning`, { courseId: course.id });
    expect(assigned.status).toBe(201);
    expect(assigned.body).toMatchObject({ personId: s.emp.person.id, alreadyEnrolled: false });
    const [e] = await t.ctx.db.select().from(enrollment).where(eq(enrollment.id, assigned.body.enrollmentId));
    expect(e).toMatchObject({ reasonType: 'one_on_one', reasonRecordType: 'agenda_item', reasonRecordId: point.body.id, assignedBy: s.manager.person.id, reasonNote: null });
    expect((await s.as.manager.post(`one-on-ones/agenda-items/${point.body.id}/assign-learning`, { courseId: course.id })).body.alreadyEnrolled).toBe(true);
    expect((await s.as.emp.post(`one-on-ones/agenda-items/${point.body.id}/assign-learning`, { courseId: course.id })).status).toBe(400);

    // My learning tells both participants which point it came from; an admin reads only "Agreed in a 1:1".
    const mine = (await s.as.emp.get('me/learning')).body.assigned.find((i) => i.courseId === course.id);
    expect(mine).toMatchObject({ reason: { label: 'Agreed in a 1:1' }, reasonDetail: { label: '1:1 point: I struggle with SQL', href: `/one-on-ones/${s.seriesId}` } });
    expect((await s.as.manager.get(`enrollments/${assigned.body.enrollmentId}`)).body.reasonDetail).toMatchObject({ label: '1:1 point: I struggle with SQL' });
    const byAdmin = (await s.as.admin.get(`enrollments/${assigned.body.enrollmentId}`)).body;
    expect(byAdmin).toMatchObject({ reason: { label: 'Agreed in a 1:1' }, reasonDetail: null });
    expect(JSON.stringify(byAdmin)).not.toContain('SQL');
    // A private point's words reach its author only.
    const priv = await s.as.manager.post(`one-on-ones/meetings/${s.meetingId}/agenda-items`, { body: 'Needs a stretch project', private: true });
    const other = await createPublishedCourse(t, s.org.id);
    const fromPrivate = await s.as.manager.post(`one-on-ones/agenda-items/${priv.body.id}/assign-learning`, { courseId: other.course.id });
    expect(fromPrivate.status).toBe(201);
    const empView = (await s.as.emp.get('me/learning')).body.assigned.find((i) => i.courseId === other.course.id);
    expect(empView).toMatchObject({ reason: { label: 'Agreed in a 1:1' }, reasonDetail: null });
    expect((await s.as.manager.get(`enrollments/${fromPrivate.body.enrollmentId}`)).body.reasonDetail).toMatchObject({ label: '1:1 point: Needs a stretch project' });
  });

  it('links a goal the actor can read, refusing one they cannot; adds a plan item', async () => {
    const s = await setup();
    const point = await s.as.emp.post(`one-on-ones/meetings/${s.meetingId}/agenda-items`, { body: 'Q3 targets' });
    const goal = await createGoal(t, s.org.id, { title: 'Ship v2', ownerPersonId: s.emp.person.id, visibility: 'private' });
    const hidden = await createGoal(t, s.org.id, { title: 'Secret', ownerPersonId: s.stranger.person.id, visibility: 'private' });
    const linked = await s.as.manager.post(`one-on-ones/agenda-items/${point.body.id}/link`, { goalId: goal.id });
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({ goalId: goal.id, goalTitle: 'Ship v2' });
    expect((await s.as.manager.post(`one-on-ones/agenda-items/${point.body.id}/link`, { goalId: hidden.id })).status).toBe(400);
    const plan = await s.as.manager.post(`one-on-ones/agenda-items/${point.body.id}/plan-item`, { title: 'Pair with a senior on SQL', actionType: 'mentoring' });
    expect(plan.status).toBe(201);
    expect(plan.body).toMatchObject({ personId: s.emp.person.id, title: 'Pair with a senior on SQL' });
  });
});

describe('topic bank', () => {
  it('everyone reads the defaults; HR admins add, change and remove topics; others get 404', async () => {
    const s = await setup();
    const list = await s.as.emp.get('one-on-one-topics');
    expect(list.status).toBe(200);
    expect(new Set(list.body.data.map((x) => x.category))).toEqual(new Set(['career', 'wellbeing', 'feedback', 'growth', 'blockers']));
    const created = await s.as.hr.post('one-on-one-topics', { category: 'growth', text: 'What would you teach others?' });
    expect(created.status).toBe(201);
    const first = list.body.data[0]!;
    expect((await s.as.hr.patch(`one-on-one-topics/${first.id}`, { text: 'Changed' })).body.text).toBe('Changed');
    expect((await s.as.hr.delete(`one-on-one-topics/${created.body.id}`)).status).toBe(204);
    const after = (await s.as.emp.get('one-on-one-topics')).body.data;
    expect(after.map((x) => x.text)).toContain('Changed');
    expect(after.map((x) => x.text)).not.toContain('What would you teach others?');
    // Archived topics stay listed for HR admins, and come back with archived: false.
    const withArchived = (await s.as.hr.get('one-on-one-topics?includeArchived=true')).body.data;
    expect(withArchived.find((x) => x.id === created.body.id)).toMatchObject({ archived: true });
    expect((await s.as.hr.patch(`one-on-one-topics/${created.body.id}`, { archived: false })).body).toMatchObject({ archived: false });
    expect((await s.as.emp.get('one-on-one-topics')).body.data.map((x) => x.text)).toContain('What would you teach others?');
    expect((await s.as.emp.patch(`one-on-one-topics/${created.body.id}`, { archived: true })).status).toBe(404);
    for (const c of [s.as.emp, s.as.manager]) {
      expect((await c.post('one-on-one-topics', { category: 'career', text: 'x' })).status).toBe(404);
      expect((await c.patch(`one-on-one-topics/${first.id}`, { text: 'x' })).status).toBe(404);
      expect((await c.delete(`one-on-one-topics/${first.id}`)).status).toBe(404);
    }
    // A point made from a topic keeps it.
    const point = await s.as.emp.post(`one-on-ones/meetings/${s.meetingId}/agenda-items`, { body: first.text, topicId: first.id });
    expect(point.body.topicId).toBe(first.id);
  });
});

describe('cadence report', () => {
  it('managers see their chain without a recent 1:1, HR everyone, others nobody', async () => {
    const s = await setup();
    await s.as.manager.post(`one-on-ones/meetings/${s.meetingId}/held`);
    const mgr = await s.as.manager.get('one-on-ones/cadence-report?weeks=4');
    expect(mgr.status).toBe(200);
    expect(mgr.body.data.map((r) => r.personId)).toEqual([s.peer.person.id]);
    const hr = await s.as.hr.get('one-on-ones/cadence-report?weeks=4&limit=2');
    expect(hr.body.data).toHaveLength(2);
    expect(hr.body.nextCursor).not.toBeNull();
    const all = [...hr.body.data];
    let cursor = hr.body.nextCursor;
    while (cursor) {
      const next = await s.as.hr.get(`one-on-ones/cadence-report?weeks=4&limit=2&cursor=${cursor}`);
      all.push(...next.body.data);
      cursor = next.body.nextCursor;
    }
    const ids = all.map((r) => r.personId);
    expect(ids).not.toContain(s.emp.person.id);
    expect(ids).toContain(s.stranger.person.id);
    expect((await s.as.emp.get('one-on-ones/cadence-report')).body.data).toEqual([]);
    // Five weeks later the report is due again.
    t.clock.advance(5 * 7 * 24 * HOUR);
    const manager = await signInAs(t, s.manager);
    expect((await manager.get('one-on-ones/cadence-report?weeks=4')).body.data.map((r) => r.personId)).toContain(s.emp.person.id);
  });
});
