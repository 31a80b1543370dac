import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvent, enrollment, review, skillAssessment } from '../../src/server/db/schema/index.ts';
import { dispatchEvents } from '../../src/server/modules/platform/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createPublishedCourse } from '../support/learning.ts';
import { cycleInput, launchedCycle, reviewId, reviewTeam, templateBody } from '../support/reviews.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

describe('review templates', () => {
  it('HR admins build templates; a bad form is refused with the field; others get 404; a change bumps the version', async () => {
    const { as, template } = await reviewTeam(t);
    expect(template).toMatchObject({ name: 'Annual review', version: 1, cycles: 0, archived: false });
    const body = templateBody();
    const down = { ...body, scale: [...body.scale].reverse() };
    const bad = await as.hr.raw.post('review-templates', { name: 'Bad', body: down });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toContainEqual(expect.objectContaining({ path: 'body.scale.1.value' }));
    const dup = { ...body, sections: [body.sections[0], { ...body.sections[0], id: 'again' }] };
    expect((await as.hr.raw.post('review-templates', { name: 'Dup', body: dup })).body.error.details).toContainEqual(
      expect.objectContaining({ message: 'Another question has this id' }),
    );
    const noGoals = { ...body, formula: { parts: [{ source: 'goals', weight: 1 }] } };
    expect((await as.hr.raw.post('review-templates', { name: 'No goals', body: noGoals })).body.error.details).toContainEqual(
      expect.objectContaining({ path: 'body.formula.parts.0.source', message: 'No question rates goals' }),
    );
    expect((await as.hr.raw.post('review-templates', { name: 'annual REVIEW', body })).status).toBe(409);
    expect((await as.manager.raw.post('review-templates', { name: 'Mine', body })).status).toBe(404);
    expect((await as.emp.raw.get('review-templates')).status).toBe(404);
    expect((await as.manager.raw.get(`review-templates/${template.id}`)).status).toBe(404);

    const renamed = await as.hr.raw.patch(`review-templates/${template.id}`, { name: 'Annual review 2026' });
    expect(renamed.body.version).toBe(1);
    const changed = await as.hr.raw.patch(`review-templates/${template.id}`, { body: { ...body, scale: body.scale.slice(0, 4) } });
    expect(changed.body.version).toBe(2);
    expect((await as.hr.raw.get('review-templates?q=2026')).body.data.map((x: { id: string }) => x.id)).toEqual([template.id]);
  });
});

describe('review cycles', () => {
  it('a dry run counts the participants; launch makes self and manager reviews once, however often it is called', async () => {
    const { as, people, template, org } = await reviewTeam(t);
    const subjects = [people.emp.person.id, people.peer.person.id];
    const created = await as.hr.raw.post('review-cycles', cycleInput(template.id, { relationships: { self: true, manager: true, upward: true, peers: null } }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ phase: 'draft', counts: { participants: 0, reviews: 0 } });
    const everyone = (await as.hr.raw.get('people?limit=200')).body.data.map((p: { id: string }) => p.id) as string[];
    await as.hr.raw.patch(`review-cycles/${created.body.id}`, {
      participants: { departmentIds: [], groupIds: [], hiredBefore: null, excludePersonIds: everyone.filter((id) => !subjects.includes(id) && id !== people.manager.person.id) },
    });
    const dry = await as.hr.raw.post(`review-cycles/${created.body.id}/launch`, { dryRun: true });
    expect(dry.body).toMatchObject({ dryRun: true, participants: 3, reviews: 0, cycle: null });
    expect(dry.body.sample.map((s: { name: string }) => s.name).sort()).toEqual(['Eli Employee', 'Mia Manager', 'Pat Peer']);

    const [first, second] = await Promise.all([as.hr.raw.post(`review-cycles/${created.body.id}/launch`, {}), as.hr.raw.post(`review-cycles/${created.body.id}/launch`, {})]);
    const results = [first.body, second.body].sort((a, b) => Number(a.alreadyLaunched) - Number(b.alreadyLaunched));
    // emp, peer, manager: 3 self; emp and peer by manager, manager by boss: 3 manager; manager by emp, peer, peer2 (upward): 3.
    expect(results[0]).toMatchObject({ alreadyLaunched: false, participants: 3, reviews: 9 });
    expect(results[1]).toMatchObject({ alreadyLaunched: true, reviews: 0 });
    expect((await as.hr.raw.post(`review-cycles/${created.body.id}/launch`, {})).body).toMatchObject({ alreadyLaunched: true, reviews: 0 });
    const rows = await t.ctx.db.select().from(review).where(eq(review.cycleId, created.body.id));
    expect(rows).toHaveLength(9);
    const empSelf = rows.find((r) => r.subjectId === people.emp.person.id && r.relationship === 'self')!;
    expect(empSelf.subjectSkills).toEqual([expect.objectContaining({ expected: 4, max: 5 })]);
    // Each review has its audit row; the upward (anonymous) ones do not name their reviewer.
    const audits = await t.ctx.db.select().from(auditEvent).where(and(eq(auditEvent.orgId, org.id), eq(auditEvent.action, 'review.created')));
    expect(audits).toHaveLength(9);
    const upward = audits.filter((a) => (a.after as { relationship: string }).relationship === 'upward');
    expect(upward).toHaveLength(3);
    for (const a of upward) expect(a.after).not.toHaveProperty('reviewerId');

    // HR lists every subject, a manager those below them, an employee none; each subject finds their cycle.
    const listed = (await as.hr.raw.get(`review-cycles/${created.body.id}/participants?limit=2`)).body;
    expect(listed.data.map((p: { person: { name: string } }) => p.person.name)).toEqual(['Eli Employee', 'Mia Manager']);
    expect(listed.data[0]).toMatchObject({ manager: 'Mia Manager', reviews: 2, submitted: 0, releasedAt: null });
    const rest = (await as.hr.raw.get(`review-cycles/${created.body.id}/participants?limit=2&cursor=${listed.nextCursor}`)).body;
    expect(rest.data.map((p: { person: { name: string } }) => p.person.name)).toEqual(['Pat Peer']);
    expect((await as.hr.raw.get(`review-cycles/${created.body.id}/participants?q=pat`)).body.data).toHaveLength(1);
    const mine = (await as.manager.raw.get(`review-cycles/${created.body.id}/participants`)).body.data.map((p: { person: { name: string } }) => p.person.name);
    expect(mine).toEqual(['Eli Employee', 'Pat Peer']);
    expect((await as.emp.raw.get(`review-cycles/${created.body.id}/participants`)).status).toBe(404);
    expect((await as.emp.raw.get('me/review-cycles')).body.data).toMatchObject([{ id: created.body.id, phase: 'writing', peers: null }]);
    expect((await as.outsider.raw.get('me/review-cycles')).body.data).toEqual([]);

    // What launched is fixed: setup is refused, the template's later change is not applied.
    expect((await as.hr.raw.patch(`review-cycles/${created.body.id}`, { anonymityMinimum: 1 })).status).toBe(409);
    expect((await as.hr.raw.patch(`review-cycles/${created.body.id}`, { writingEndsOn: '2027-01-25' })).status).toBe(200);
    await as.hr.raw.patch(`review-templates/${template.id}`, { body: { ...templateBody(), scale: templateBody().scale.slice(0, 3) } });
    const form = await as.emp.raw.get(`reviews/${empSelf.id}`);
    expect(form.body.scale).toHaveLength(5);
    expect(form.body.sections.flatMap((s: { questions: { id: string }[] }) => s.questions.map((q) => q.id))).toEqual(['rating', 'strengths']);
  });

  it('refuses dates out of order, an unknown template, and anyone but HR', async () => {
    const { as, template } = await reviewTeam(t);
    const bad = await as.hr.raw.post('review-cycles', cycleInput(template.id, { writingEndsOn: '2027-01-01', nominationEndsOn: '2027-01-10' }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toContainEqual(expect.objectContaining({ path: 'writingEndsOn' }));
    expect((await as.hr.raw.post('review-cycles', cycleInput('00000000-0000-4000-8000-000000000000'))).status).toBe(400);
    expect((await as.manager.raw.post('review-cycles', cycleInput(template.id))).status).toBe(404);
    const c = await as.hr.raw.post('review-cycles', cycleInput(template.id));
    expect((await as.emp.raw.get(`review-cycles/${c.body.id}`)).status).toBe(404);
    // A manager does not see a draft.
    expect((await as.manager.raw.get(`review-cycles/${c.body.id}`)).status).toBe(404);
  });

  it('peers are nominated by the subject within the most, approved by the manager, and review once writing starts', async () => {
    const { as, people, template } = await reviewTeam(t);
    const created = await as.hr.raw.post('review-cycles', cycleInput(template.id));
    const everyone = (await as.hr.raw.get('people?limit=200')).body.data.map((p: { id: string }) => p.id) as string[];
    await as.hr.raw.patch(`review-cycles/${created.body.id}`, {
      participants: { departmentIds: [], groupIds: [], hiredBefore: null, excludePersonIds: everyone.filter((id) => id !== people.emp.person.id) },
    });
    const launched = await as.hr.raw.post(`review-cycles/${created.body.id}/launch`, {});
    expect(launched.body.cycle.phase).toBe('nomination');
    const cycleId = created.body.id;

    const tooMany = await as.emp.raw.post(`review-cycles/${cycleId}/nominations`, { reviewerIds: [people.peer.person.id, people.peer2.person.id, people.outsider.person.id] });
    expect(tooMany.status).toBe(400);
    const self = await as.emp.raw.post(`review-cycles/${cycleId}/nominations`, { reviewerIds: [people.emp.person.id] });
    expect(self.body.error.details[0].message).toMatch(/other than the subject/);
    const nominated = await as.emp.raw.post(`review-cycles/${cycleId}/nominations`, { reviewerIds: [people.peer.person.id, people.peer2.person.id] });
    expect(nominated.body).toMatchObject({ min: 1, max: 2, data: [{ status: 'nominated' }, { status: 'nominated' }] });
    // Someone outside the subject's chain neither reads nor decides.
    expect((await as.outsider.raw.get(`review-cycles/${cycleId}/nominations?subjectId=${people.emp.person.id}`)).status).toBe(404);
    expect((await as.peer.raw.patch(`peer-nominations/${nominated.body.data[0].id}`, { status: 'approved' })).status).toBe(404);
    expect((await as.emp.raw.patch(`peer-nominations/${nominated.body.data[0].id}`, { status: 'approved' })).status).toBe(404);

    await as.manager.raw.patch(`peer-nominations/${nominated.body.data[0].id}`, { status: 'approved' });
    const decided = await as.manager.raw.patch(`peer-nominations/${nominated.body.data[1].id}`, { status: 'declined' });
    expect(decided.body.data.map((n: { status: string }) => n.status)).toEqual(['approved', 'declined']);
    expect((await as.peer.raw.get(`reviews?cycleId=${cycleId}`)).body.data).toEqual([]);

    expect((await as.hr.raw.post(`review-cycles/${cycleId}/phase`, { phase: 'sharing' })).status).toBe(409);
    expect((await as.hr.raw.post(`review-cycles/${cycleId}/phase`, { phase: 'writing' })).body.phase).toBe('writing');
    const peerReviews = (await as.peer.raw.get(`reviews?cycleId=${cycleId}`)).body.data;
    expect(peerReviews).toMatchObject([{ relationship: 'peer', subject: { id: people.emp.person.id }, status: 'not_started' }]);
    expect((await as.peer2.raw.get(`reviews?cycleId=${cycleId}`)).body.data).toEqual([]);
    // Nominations close with the nomination phase.
    expect((await as.emp.raw.post(`review-cycles/${cycleId}/nominations`, { reviewerIds: [people.outsider.person.id] })).status).toBe(409);
  });
});

describe('writing and sharing reviews', () => {
  it('a reviewer saves a draft, is told what is missing, submits; the subject reads nothing before release', async () => {
    const { as, people, template, skill } = await reviewTeam(t);
    const cycle = await launchedCycle(as.hr, template.id, [people.emp.person.id]);
    const selfId = await reviewId(as.emp, cycle.id, people.emp.person.id);
    const mgrId = await reviewId(as.manager, cycle.id, people.emp.person.id);

    const wrong = await as.emp.raw.put(`reviews/${selfId}/answers`, { answers: { rating: { rating: 7 }, private: { text: 'x' } } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details).toEqual(
      expect.arrayContaining([
        { path: 'answers.rating.rating', message: 'Choose a point of the scale' },
        { path: 'answers.private', message: 'No such question for this review' },
      ]),
    );
    const draft = await as.emp.raw.put(`reviews/${selfId}/answers`, { answers: { rating: { rating: 4 } } });
    expect(draft.body).toMatchObject({ status: 'draft', editable: true, answers: { rating: { rating: 4 } } });
    const missing = await as.emp.raw.post(`reviews/${selfId}/submit`);
    expect(missing.status).toBe(400);
    expect(missing.body.error.details).toEqual([{ path: 'answers.strengths', message: 'Answer this question' }]);
    await as.emp.raw.put(`reviews/${selfId}/answers`, { answers: { strengths: { text: 'Closed the Nordics deal' } } });
    expect((await as.emp.raw.post(`reviews/${selfId}/submit`)).body).toMatchObject({ status: 'submitted', editable: false });
    expect((await as.emp.raw.put(`reviews/${selfId}/answers`, { answers: { rating: { rating: 5 } } })).status).toBe(409);

    // The manager's review rates the profile's skill; the subject never reads it as such.
    const form = (await as.manager.raw.get(`reviews/${mgrId}`)).body;
    expect(form.skills).toEqual([{ skillId: skill.id, name: 'Negotiation', expected: 4, max: 5 }]);
    await as.manager.raw.put(`reviews/${mgrId}/answers`, { answers: { rating: { rating: 3 }, strengths: { text: 'Solid year' }, private: { text: 'Flight risk' }, skills: { skills: { [skill.id]: 2 } } } });
    expect((await as.manager.raw.post(`reviews/${mgrId}/submit`)).status).toBe(200);
    for (const who of [as.emp, as.peer, as.outsider]) expect((await who.raw.get(`reviews/${mgrId}`)).status).toBe(404);
    for (const who of [as.emp, as.peer, as.outsider]) expect((await who.raw.get(`review-cycles/${cycle.id}/people/${people.emp.person.id}`)).status).toBe(404);
    // The manager's manager and HR read it, with its author.
    expect((await as.boss.raw.get(`reviews/${mgrId}`)).body.reviewer.name).toBe('Mia Manager');
    const overseen = (await as.hr.raw.get(`review-cycles/${cycle.id}/people/${people.emp.person.id}`)).body;
    expect(overseen.view).toBe('overseer');
    expect(overseen.sections[0].questions.find((q: { id: string }) => q.id === 'private').answers[0]).toMatchObject({ author: { name: 'Mia Manager' }, answer: { text: 'Flight risk' } });

    // Release waits for the sharing phase; then the skill rating becomes a review assessment.
    expect((await as.manager.raw.post(`review-cycles/${cycle.id}/people/${people.emp.person.id}/release`)).status).toBe(409);
    await as.hr.raw.post(`review-cycles/${cycle.id}/phase`, { phase: 'calibration' });
    await as.hr.raw.post(`review-cycles/${cycle.id}/phase`, { phase: 'sharing' });
    expect((await t.ctx.db.select().from(skillAssessment).where(eq(skillAssessment.personId, people.emp.person.id)))).toEqual([]);
    expect((await as.peer.raw.post(`review-cycles/${cycle.id}/people/${people.emp.person.id}/release`)).status).toBe(404);
    expect((await as.manager.raw.post(`review-cycles/${cycle.id}/people/${people.emp.person.id}/release`)).body).toEqual({ released: 1, assessments: 1 });
    const assessed = await t.ctx.db.select().from(skillAssessment).where(eq(skillAssessment.personId, people.emp.person.id));
    expect(assessed).toMatchObject([{ skillId: skill.id, level: 2, source: 'review', assessorId: people.manager.person.id, sourceRecordType: 'review', sourceRecordId: mgrId }]);

    const shared = (await as.emp.raw.get(`review-cycles/${cycle.id}/people/${people.emp.person.id}`)).body;
    expect(shared.view).toBe('subject');
    expect(shared.reviews).toEqual([]);
    const questions = shared.sections.flatMap((s: { questions: { id: string }[] }) => s.questions.map((q) => q.id));
    expect(questions).toEqual(['rating', 'strengths', 'skills']);
    expect(JSON.stringify(shared)).not.toContain('Flight risk');
    expect((await as.emp.raw.get('me/review-results')).body.data).toMatchObject([{ cycleId: cycle.id, acknowledgedAt: null }]);
    const ack = await as.emp.raw.post(`review-cycles/${cycle.id}/people/${people.emp.person.id}/acknowledge`, { comment: 'Thanks, fair.' });
    expect(ack.body).toMatchObject({ subjectComment: 'Thanks, fair.', acknowledgedAt: expect.any(String) });
    expect((await as.peer.raw.post(`review-cycles/${cycle.id}/people/${people.emp.person.id}/acknowledge`, {})).status).toBe(404);
  });

  it('anonymous peers show no author to the subject, and stay hidden below the anonymity minimum', async () => {
    const { as, people, template } = await reviewTeam(t);
    const cycle = await launchedCycle(as.hr, template.id, [people.emp.person.id], { relationships: { self: false, manager: true, upward: false, peers: { min: 1, max: 3 } }, anonymityMinimum: 2 });
    const nominated = await as.emp.raw.post(`review-cycles/${cycle.id}/nominations`, { reviewerIds: [people.peer.person.id, people.peer2.person.id] });
    for (const n of nominated.body.data) await as.manager.raw.patch(`peer-nominations/${n.id}`, { status: 'approved' });
    await as.hr.raw.post(`review-cycles/${cycle.id}/phase`, { phase: 'writing' });
    const p1 = await reviewId(as.peer, cycle.id, people.emp.person.id);
    await as.peer.raw.put(`reviews/${p1}/answers`, { answers: { rating: { rating: 5 }, strengths: { text: 'Always helps' } } });
    await as.peer.raw.post(`reviews/${p1}/submit`);
    // The peer's own audit rows name nobody.
    const audits = await t.ctx.db.select().from(auditEvent).where(eq(auditEvent.recordId, p1));
    expect(audits.filter((a) => a.action !== 'review.created').every((a) => a.actorPersonId === null && a.actorLabel === 'Anonymous reviewer')).toBe(true);

    await as.hr.raw.post(`review-cycles/${cycle.id}/phase`, { phase: 'calibration' });
    await as.hr.raw.post(`review-cycles/${cycle.id}/phase`, { phase: 'sharing' });
    await as.hr.raw.post(`review-cycles/${cycle.id}/release`, {});
    const oneAnswer = (await as.emp.raw.get(`review-cycles/${cycle.id}/people/${people.emp.person.id}`)).body;
    const rating = oneAnswer.sections[0].questions[0];
    expect(rating.answers).toEqual([]);
    expect(rating.withheld).toEqual([{ relationship: 'peer', reason: 'Fewer than 2 peers answered, so their answers stay hidden' }]);
    expect(JSON.stringify(oneAnswer)).not.toContain(people.peer.person.id);
    // The manager still sees who wrote it.
    const overseen = (await as.manager.raw.get(`review-cycles/${cycle.id}/people/${people.emp.person.id}`)).body;
    expect(overseen.sections[0].questions[0].answers).toMatchObject([{ relationship: 'peer', author: { id: people.peer.person.id } }]);

    // Exports: the results CSV for HR names no reviewer; the PDF follows the page's rules.
    const csv = await as.hr.raw.get(`review-cycles/${cycle.id}/results.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = String(csv.body).trim().split('\n');
    expect(lines[0]).toBe('Name,Email,Department,Manager,Reviews,Submitted,Score,Final rating,Potential,Shared on,Acknowledged on');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^Eli Employee,.*,Mia Manager,3,1,5\.00,/);
    expect(String(csv.body)).not.toContain('Pat Peer');
    expect((await as.manager.raw.get(`review-cycles/${cycle.id}/results.csv`)).status).toBe(404);
    for (const [who, status] of [[as.emp, 200], [as.manager, 200], [as.hr, 200], [as.peer, 404], [as.outsider, 404]] as const) {
      const pdf = await who.call('GET', `review-cycles/${cycle.id}/people/${people.emp.person.id}/review.pdf`);
      expect(pdf.status).toBe(status);
      if (status === 200) expect(String(pdf.body).startsWith('%PDF')).toBe(true);
    }
  });

  it('two anonymous peers are shown without authors; a reopened review can be changed; a reassigned one starts empty', async () => {
    const { as, people, template } = await reviewTeam(t);
    const cycle = await launchedCycle(as.hr, template.id, [people.emp.person.id], { relationships: { self: false, manager: true, upward: false, peers: { min: 1, max: 3 } }, anonymityMinimum: 2 });
    const nominated = await as.emp.raw.post(`review-cycles/${cycle.id}/nominations`, { reviewerIds: [people.peer.person.id, people.peer2.person.id] });
    for (const n of nominated.body.data) await as.manager.raw.patch(`peer-nominations/${n.id}`, { status: 'approved' });
    await as.hr.raw.post(`review-cycles/${cycle.id}/phase`, { phase: 'writing' });
    for (const [who, rating] of [[as.peer, 5], [as.peer2, 3]] as const) {
      const id = await reviewId(who, cycle.id, people.emp.person.id);
      await who.raw.put(`reviews/${id}/answers`, { answers: { rating: { rating }, strengths: { text: `Rated ${rating}` } } });
      expect((await who.raw.post(`reviews/${id}/submit`)).status).toBe(200);
    }
    const p1 = await reviewId(as.peer, cycle.id, people.emp.person.id);
    expect((await as.peer.raw.post(`reviews/${p1}/reopen`)).status).toBe(404);
    expect((await as.manager.raw.post(`reviews/${p1}/reopen`)).body.status).toBe('draft');
    await as.peer.raw.put(`reviews/${p1}/answers`, { answers: { rating: { rating: 4 } } });
    await as.peer.raw.post(`reviews/${p1}/submit`);

    // The manager's review goes to the boss, who starts from an empty form.
    const mgr = await reviewId(as.manager, cycle.id, people.emp.person.id);
    await as.manager.raw.put(`reviews/${mgr}/answers`, { answers: { rating: { rating: 2 } } });
    expect((await as.manager.raw.post(`reviews/${mgr}/reassign`, { reviewerId: people.boss.person.id })).status).toBe(404);
    expect((await as.hr.raw.post(`reviews/${mgr}/reassign`, { reviewerId: people.emp.person.id })).status).toBe(400);
    const moved = await as.hr.raw.post(`reviews/${mgr}/reassign`, { reviewerId: people.boss.person.id });
    expect(moved.body).toMatchObject({ reviewer: { name: 'Bea Boss' }, status: 'not_started', answers: {} });
    expect((await as.manager.raw.get(`reviews?cycleId=${cycle.id}`)).body.data).toEqual([]);

    await as.hr.raw.post(`review-cycles/${cycle.id}/phase`, { phase: 'calibration' });
    await as.hr.raw.post(`review-cycles/${cycle.id}/phase`, { phase: 'sharing' });
    expect((await as.hr.raw.post(`review-cycles/${cycle.id}/release`, {})).body.released).toBe(1);
    const shared = (await as.emp.raw.get(`review-cycles/${cycle.id}/people/${people.emp.person.id}`)).body;
    const answers = shared.sections[0].questions[0].answers;
    expect(answers).toEqual([
      { relationship: 'peer', author: null, answer: { rating: 3 } },
      { relationship: 'peer', author: null, answer: { rating: 4 } },
    ]);
  });
});

describe('from a shared review into development', () => {
  it('the manager turns a low skill rating into an assignment with reason review and a plan item; nobody else may, and not before release', async () => {
    const { as, people, template, skill, org } = await reviewTeam(t);
    const { course } = await createPublishedCourse(t, org.id, { title: 'Negotiation essentials' });
    const cycle = await launchedCycle(as.hr, template.id, [people.emp.person.id], { relationships: { self: false, manager: true, upward: false, peers: null } });
    const mgr = await reviewId(as.manager, cycle.id, people.emp.person.id);
    await as.manager.raw.put(`reviews/${mgr}/answers`, { answers: { rating: { rating: 2 }, strengths: { text: 'Tries hard' }, skills: { skills: { [skill.id]: 2 } } } });
    await as.manager.raw.post(`reviews/${mgr}/submit`);
    const assign = { courseId: course.id, questionId: 'skills', skillId: skill.id };
    expect((await as.manager.raw.post(`reviews/${mgr}/assign-learning`, assign)).status).toBe(409);
    await as.hr.raw.post(`review-cycles/${cycle.id}/phase`, { phase: 'calibration' });
    await as.hr.raw.post(`review-cycles/${cycle.id}/phase`, { phase: 'sharing' });
    await as.manager.raw.post(`review-cycles/${cycle.id}/people/${people.emp.person.id}/release`);

    for (const who of [as.emp, as.peer, as.outsider]) expect((await who.raw.post(`reviews/${mgr}/assign-learning`, assign)).status).toBe(404);
    expect((await as.manager.raw.post(`reviews/${mgr}/assign-learning`, { ...assign, questionId: 'nope' })).status).toBe(400);
    expect((await as.manager.raw.post(`reviews/${mgr}/assign-learning`, { ...assign, skillId: undefined })).body.error.details[0].path).toBe('skillId');
    const assigned = await as.manager.raw.post(`reviews/${mgr}/assign-learning`, assign);
    expect(assigned.body).toMatchObject({ alreadyEnrolled: false, reasonNote: expect.stringMatching(/^Negotiation rated 2 of 5 \(expected 4\) in Cycle /) });
    const [e] = await t.ctx.db.select().from(enrollment).where(eq(enrollment.id, assigned.body.enrollmentId));
    // The baseline is the current level the review's rating made on release.
    expect(e).toMatchObject({ reasonType: 'review', reasonRecordType: 'review', reasonRecordId: mgr, baselineLevels: { [skill.id]: 2 } });
    expect((await as.manager.raw.post(`reviews/${mgr}/assign-learning`, assign)).body.alreadyEnrolled).toBe(true);
    // The learner reads where it came from, linked to their shared review.
    const mine = (await as.emp.raw.get('me/learning')).body.assigned.find((i: { courseId: string }) => i.courseId === course.id);
    expect(mine.reasonDetail).toEqual({ label: `Review: ${(await as.hr.raw.get(`review-cycles/${cycle.id}`)).body.name}`, href: `/reviews/cycles/${cycle.id}/people/${people.emp.person.id}` });

    const item = await as.manager.raw.post(`reviews/${mgr}/plan-items`, { actionType: 'mentoring', title: 'Shadow Bea on two renewals', questionId: 'skills', skillId: skill.id, targetLevel: 4 });
    expect(item.status).toBe(201);
    const [assessment] = await t.ctx.db.select().from(skillAssessment).where(eq(skillAssessment.sourceRecordId, mgr));
    expect(item.body).toMatchObject({ title: 'Shadow Bea on two renewals', skillId: skill.id, gapAssessmentId: assessment!.id });
    expect((await as.peer.raw.post(`reviews/${mgr}/plan-items`, { actionType: 'other', title: 'x', questionId: 'rating' })).status).toBe(404);
  });
});

describe('review released, as an automation event', () => {
  it('a rule on "review released" enrols the subject with reason review, linked to the manager’s review', async () => {
    const { as, people, template, org } = await reviewTeam(t);
    const { course } = await createPublishedCourse(t, org.id, { title: 'Growth conversations' });
    const rule = await as.hr.raw.post('automation-rules', { name: 'After the review', event: 'review_released', actions: [{ type: 'enroll', courseId: course.id }] });
    expect(rule.status).toBe(201);
    await as.hr.raw.post(`automation-rules/${rule.body.id}/activate`);
    const cycle = await launchedCycle(as.hr, template.id, [people.emp.person.id], { relationships: { self: false, manager: true, upward: false, peers: null } });
    const mgr = await reviewId(as.manager, cycle.id, people.emp.person.id);
    await as.manager.raw.put(`reviews/${mgr}/answers`, { answers: { rating: { rating: 4 }, strengths: { text: 'Great' }, skills: { skills: {} } } });
    const form = (await as.manager.raw.get(`reviews/${mgr}`)).body;
    await as.manager.raw.put(`reviews/${mgr}/answers`, { answers: { skills: { skills: Object.fromEntries(form.skills.map((s: { skillId: string }) => [s.skillId, 3])) } } });
    expect((await as.manager.raw.post(`reviews/${mgr}/submit`)).status).toBe(200);
    await as.hr.raw.post(`review-cycles/${cycle.id}/phase`, { phase: 'calibration' });
    await as.hr.raw.post(`review-cycles/${cycle.id}/phase`, { phase: 'sharing' });
    await as.hr.raw.post(`review-cycles/${cycle.id}/release`, {});
    for (let i = 0; i < 3; i++) {
      await dispatchEvents(t.ctx);
      await t.ctx.jobs.drain();
    }
    const made = await t.ctx.db.select().from(enrollment).where(and(eq(enrollment.personId, people.emp.person.id), eq(enrollment.courseId, course.id)));
    expect(made).toMatchObject([{ reasonType: 'review', reasonRecordType: 'review', reasonRecordId: mgr, source: 'rule' }]);
  });
});

describe('evidence beside the form', () => {
  it('shows each reviewer only what they could already see: the manager the private goal and shared feedback, a peer the public praise', async () => {
    const { as, people, template } = await reviewTeam(t);
    t.clock.set(new Date('2026-06-15T10:00:00Z'));
    const goal = await as.emp.raw.post('goals', { title: 'Close the Nordics deal', visibility: 'private' });
    expect(goal.status).toBe(201);
    await as.peer2.raw.post('praise', { recipientIds: [people.emp.person.id], message: 'Thanks for the demo prep' });
    const fb = await as.peer2.raw.post('feedback', { subjectId: people.emp.person.id, body: 'Clear plan, late updates', shareWithManagers: true });
    expect(fb.status).toBe(201);
    const cycle = await launchedCycle(as.hr, template.id, [people.emp.person.id], { relationships: { self: false, manager: true, upward: false, peers: { min: 1, max: 2 } } });
    const nominated = await as.emp.raw.post(`review-cycles/${cycle.id}/nominations`, { reviewerIds: [people.peer.person.id] });
    await as.manager.raw.patch(`peer-nominations/${nominated.body.data[0].id}`, { status: 'approved' });
    await as.hr.raw.post(`review-cycles/${cycle.id}/phase`, { phase: 'writing' });
    t.clock.set(new Date('2026-12-20T10:00:00Z'));

    const mgr = await reviewId(as.manager, cycle.id, people.emp.person.id);
    const seen = (await as.manager.raw.get(`reviews/${mgr}/evidence`)).body;
    expect(seen.goals.map((g: { title: string }) => g.title)).toEqual(['Close the Nordics deal']);
    expect(seen.praise).toMatchObject([{ from: 'Quinn Peer', message: 'Thanks for the demo prep' }]);
    expect(seen.feedback).toMatchObject([{ from: 'Quinn Peer', body: 'Clear plan, late updates' }]);

    const peerReview = await reviewId(as.peer, cycle.id, people.emp.person.id);
    const peerSees = (await as.peer.raw.get(`reviews/${peerReview}/evidence`)).body;
    expect(peerSees.goals).toEqual([]);
    expect(peerSees.feedback).toEqual([]);
    expect(peerSees.praise).toHaveLength(1);
    expect(peerSees.learning).toEqual([]);
    for (const who of [as.hr, as.emp, as.outsider, as.boss]) expect((await who.raw.get(`reviews/${mgr}/evidence`)).status).toBe(404);
  });
});
