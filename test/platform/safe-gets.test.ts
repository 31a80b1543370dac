import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { rows } from '../../src/server/platform/db/sql.ts';
import { createTestApp } from '../support/app.ts';
import { client, signInAs } from '../support/client.ts';
import { createOrg, createPerson, createUser } from '../support/factories.ts';
import { calibrationFixture } from '../support/calibration.ts';
import { createPublishedCourse, enrollPeople, takeSampleCourse, tinyPng, uploadFile } from '../support/learning.ts';
import { templateBody } from '../support/reviews.ts';

/*
 * A GET reads: it writes no row and locks none, so a prefetch, a crawler or a retried request
 * changes nothing. Every GET of the OpenAPI document is called by an admin of an organisation
 * with something of everything (a course not started, so the player has something it could
 * start), and every row of the organisation is compared before and after, with its xmin (a
 * write) and xmax (a write or a row lock). The admin outbox's `mail.read` audit is the one
 * documented exception: it adds that audit row and nothing else.
 */

const t = await createTestApp();
const doc = (await client(t).get('openapi.json')).body as { paths: Record<string, Record<string, unknown>> };

async function must<T = any>(what: string, res: Promise<{ status: number; body: T }>): Promise<T> {
  const r = await res;
  if (r.status >= 300) throw new Error(`fixture ${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

const org = await createOrg(t);
const adminUser = await createUser(t, org.id, { roles: ['admin'] });
const admin = (await signInAs(t, adminUser)).raw;
const learner = await createUser(t, org.id, { managerId: adminUser.person.id });
const { course } = await createPublishedCourse(t, org.id);
const { course: done } = await createPublishedCourse(t, org.id);
const { course: live } = await createPublishedCourse(t, org.id, { format: 'live' });
const [notStarted] = await enrollPeople(t, org.id, { courseId: course.id }, [adminUser.person.id]);
const [completed] = await enrollPeople(t, org.id, { courseId: done.id }, [adminUser.person.id]);
await enrollPeople(t, org.id, { courseId: course.id }, [learner.person.id]);
await takeSampleCourse(admin, completed!.id);
const startsAt = t.clock.now().getTime() + 86_400_000;
const session = await must<any>('session', admin.post(`courses/${live.id}/sessions`, {
  startsAt: new Date(startsAt).toISOString(),
  endsAt: new Date(startsAt + 3_600_000).toISOString(),
  timeZone: 'Europe/Berlin',
  location: 'Room 1',
  capacity: 10,
}));
const group = await must<any>('group', admin.post('groups', { name: 'Everyone here', kind: 'static' }));
const skill = await must<any>('skill', admin.post('skills', { name: 'Writing' }));
const profile = await must<any>('job profile', admin.post('job-profiles', { name: 'Writer', skills: [{ skillId: skill.id, level: 3 }] }));
await must('learner profile', admin.put(`people/${learner.person.id}/job-profile`, { jobProfileId: profile.id }));
const round = await must<any>('skill round', admin.post('assessment-rounds', { title: 'Spring ratings', personIds: [learner.person.id] }));
const program = await must<any>('program', admin.post('programs', { title: 'Onboarding' }));
await must('steps', admin.put(`programs/${program.id}/steps`, { steps: [{ kind: 'course', courseId: course.id }] }));
await must('publish', admin.post(`programs/${program.id}/publish`));
const [inProgram] = await enrollPeople(t, org.id, { programId: program.id }, [adminUser.person.id]);
const rule = await must<any>('rule', admin.post('compliance-rules', { name: 'Yearly', courseId: done.id, audience: { type: 'everyone' }, validForMonths: 12 }));
const automationRule = await must<any>('automation rule', admin.post('automation-rules', { name: 'Welcome', event: 'person_hired', actions: [{ type: 'enroll', courseId: course.id }] }));
const file = await must<any>('file', uploadFile(admin, tinyPng, 'cover.png', 'cover'));
const hurdle = await must<any>('hurdle', admin.post('hurdles', { personId: learner.person.id, title: 'No time to practise', category: 'time' }));
const goal = await must<any>('goal', admin.post('goals', { title: 'Publish the style guide' }));
const series = await must<any>('1:1 series', admin.post('one-on-ones', {
  withPersonId: learner.person.id,
  cadence: 'weekly',
  startsAt: new Date(startsAt).toISOString(),
}));
const seriesDetail = await must<any>('1:1 detail', admin.get(`one-on-ones/${series.id}`));
const feedbackRequest = await must<any>('feedback request', admin.post('feedback-requests', { giverIds: [learner.person.id], message: 'How did my talk land?' }));
const learnerClient = (await signInAs(t, learner)).raw;
await must('request to admin', learnerClient.post('feedback-requests', { giverIds: [adminUser.person.id], message: 'Thoughts on my draft?' }));
const invitation = (await must<any>('invitations', admin.get('feedback-invitations'))).data[0];
const given = await must<any>('feedback', admin.post('feedback', { subjectId: learner.person.id, body: 'Clear and well structured' }));
const praise = await must<any>('praise', admin.post('praise', { recipientIds: [learner.person.id], message: 'Thanks for the review' }));
const newcomer = await createPerson(t, org.id, { managerId: learner.person.id });
await must('invitation', admin.post(`people/${newcomer.id}/invitation`));
const mail = (await must<any>('mail', admin.get('mail-outbox'))).data[0];
const certificate = (await must<any>('certificates', admin.get('certificates'))).data[0];
const reviewTemplate = await must<any>('review template', admin.post('review-templates', { name: 'Yearly review', body: templateBody() }));
const reviewCycle = await must<any>('review cycle', admin.post('review-cycles', {
  name: 'Review 2026', templateId: reviewTemplate.id, periodStartsOn: '2026-01-01', periodEndsOn: '2026-12-31', writingEndsOn: '2027-01-31',
  participants: { departmentIds: [], groupIds: [], hiredBefore: null, excludePersonIds: [adminUser.person.id, newcomer.id] },
  relationships: { self: true, manager: true, upward: false, peers: { min: 0, max: 2 } },
}));
await must('launch', admin.post(`review-cycles/${reviewCycle.id}/launch`, {}));
const managerReview = (await must<any>('reviews', admin.get(`reviews?cycleId=${reviewCycle.id}`))).data[0];
const calibration = await calibrationFixture(t, org.id);

/** A real id for each path parameter, so reads get past their 404s; a fresh uuid where none fits. */
function fill(path: string): string {
  const byPrefix: Array<[RegExp, string]> = [
    [/^\/enrollments\/\{id\}\/program/, inProgram!.id],
    [/^\/enrollments\//, notStarted!.id],
    [/^\/people\//, learner.person.id],
    [/^\/org-chart\//, learner.person.id],
    [/^\/courses\/\{id\}\/sessions/, live.id],
    [/^\/(courses|catalog\/courses|reports\/courses)\//, course.id],
    [/^\/sessions\//, session.id],
    [/^\/groups\//, group.id],
    [/^\/skills\//, skill.id],
    [/^\/job-profiles\//, profile.id],
    [/^\/assessment-rounds\//, round.id],
    [/^\/programs\//, program.id],
    [/^\/compliance/, rule.id],
    [/^\/automation-rules\//, automationRule.id],
    [/^\/certificates\/verify/, certificate.verificationCode],
    [/^\/certificates\//, certificate.id],
    [/^\/mail-outbox\//, mail.id],
    [/^\/learning\/files\//, file.id],
    [/^\/hurdles\//, hurdle.id],
    [/^\/goals\//, goal.id],
    [/^\/one-on-ones\/meetings\//, seriesDetail.current.id],
    [/^\/one-on-ones\//, series.id],
    [/^\/feedback-requests\//, feedbackRequest.id],
    [/^\/feedback-invitations\//, invitation.id],
    [/^\/feedback\//, given.id],
    [/^\/praise\//, praise.id],
    [/^\/review-templates\//, reviewTemplate.id],
    [/^\/review-cycles\//, reviewCycle.id],
    [/^\/reviews\//, managerReview.id],
    [/^\/calibration-sessions\//, calibration.session.id],
  ];
  const id = byPrefix.find(([re]) => re.test(path))?.[1] ?? uuidv7();
  if (path === '/skill-assessments') return `${path}?personId=${learner.person.id}`;
  if (path === '/calibration-sessions') return `${path}?cycleId=${calibration.cycle.id}`;
  if (path === '/review-cycles/{id}/nominations') return `/review-cycles/${reviewCycle.id}/nominations?subjectId=${learner.person.id}`;
  if (path === '/rater-leniency') return `${path}?raterId=${learner.person.id}`;
  return path.replace('{lessonId}', 'l1').replace('{skillId}', skill.id).replace(/^(\/review-cycles\/\{id\}\/people\/)\{personId\}/, `$1${learner.person.id}`).replace(/\{[^}]+\}/g, id);
}

/** Every row of the organisation with the transaction that last wrote or locked it. */
async function snapshot(): Promise<Map<string, string>> {
  const tables = rows<{ table_name: string }>(
    await t.ctx.db.execute(sql`select table_name from information_schema.columns
      where table_schema = 'public' and column_name = 'org_id' order by table_name`),
  ).map((r) => r.table_name);
  const out = new Map<string, string>();
  for (const table of tables) {
    const r = await t.ctx.db.execute(sql`select x.xmin::text || '/' || x.xmax::text || ' ' || x::text as row
      from ${sql.identifier(table)} x where x.org_id = ${org.id} order by 1`);
    out.set(table, rows<{ row: string }>(r).map((x) => x.row).join('\n'));
  }
  return out;
}

/** A sign-in link's token and a people import are not made here: those reads answer 404. */
const withoutFixture = ['/auth/links/{token}', '/people/imports/{id}'];

/** The change was person rows' xmax alone, with the same content and xmin. */
function onlyKeyShareOnPeople(a: Map<string, string>, b: Map<string, string>): boolean {
  const diff = changed(a, b);
  if (diff.length !== 1 || diff[0] !== 'person') return false;
  const strip = (v: string | undefined) => (v ?? '').split('\n').map((r) => r.replace(/^(\d+)\/\d+ /, '$1 ')).sort().join('\n');
  return strip(a.get('person')) === strip(b.get('person'));
}

const changed = (a: Map<string, string>, b: Map<string, string>) => [...a.keys()].filter((k) => a.get(k) !== b.get(k));

const gets = Object.entries(doc.paths)
  .filter(([, ops]) => 'get' in ops)
  .map(([path]) => path);

describe('safe GETs', () => {
  it('covers the player and a lesson of a course not started', () => {
    expect(gets).toEqual(expect.arrayContaining(['/enrollments/{id}/player', '/enrollments/{id}/lessons/{lessonId}', '/mail-outbox/{id}']));
  });

  it.each(gets)('GET %s writes and locks nothing', async (path) => {
    // On PostgreSQL every test file shares the database, and another file's event dispatch may
    // run this organisation's subscribers meanwhile: their inserts take a key-share lock on the
    // person rows they reference, which moves xmax as a lock would. Only that (person rows whose
    // xmax alone moved) is tried again: a write moves xmin and fails at once, and a GET that locks
    // does so each time it is called, while such a visitor does not come back three times running.
    let before = new Map<string, string>();
    let after = new Map<string, string>();
    let res = { status: 0 };
    for (let attempt = 0; attempt < 3; attempt++) {
      before = await snapshot();
      res = await admin.get(fill(path).slice(1));
      after = await snapshot();
      if (!onlyKeyShareOnPeople(before, after)) break;
    }
    // Each read gets past its checks (and so reaches what it reads), but for two without a fixture.
    expect(res.status).toBe(withoutFixture.includes(path) ? 404 : 200);
    if (path === '/mail-outbox/{id}') {
      // Who read whose mail is what an audit must answer: one audit row, nothing else.
      expect(res.status).toBe(200);
      expect(changed(before, after)).toEqual(['audit_event']);
      const added = after.get('audit_event')!.split('\n').filter((r) => !before.get('audit_event')!.includes(r));
      expect(added).toHaveLength(1);
      expect(added[0]).toContain('mail.read');
    } else {
      expect(changed(before, after)).toEqual([]);
    }
  });
});
