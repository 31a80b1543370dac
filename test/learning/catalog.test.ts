import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { enrollment, program, programStep } from '../../src/server/db/schema/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import type { Body } from '../support/client.ts';
import { authoringOrg, sampleContent } from '../support/learning.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

type Admin = Awaited<ReturnType<typeof authoringOrg>>['admin'];
async function publish(admin: Admin, body: Body<'/courses', 'post'>) {
  const c = await admin.post('courses', body);
  expect(c.status).toBe(201);
  await admin.put(`courses/${c.body.id}/draft`, { content: sampleContent(), revision: 1 });
  expect((await admin.post(`courses/${c.body.id}/publish`, {})).status).toBe(200);
  return c.body.id as string;
}
const titles = (res: { body: any }) => res.body.data.map((i: { title: string }) => i.title);

describe('catalog', () => {
  it('lists published courses and programs with search and filters', async () => {
    const { admin, learner, org } = await authoringOrg(t);
    const skill = (await admin.post('skills', { name: 'Negotiation' })).body.id;
    const nego = await publish(admin, { title: 'Negotiation essentials', summary: 'Getting to yes', estimatedMinutes: 20, tags: ['Sales'], skills: [{ skillId: skill, level: 3 }] });
    await publish(admin, { title: 'Data literacy', estimatedMinutes: 90, format: 'live', tags: ['data'] });
    await publish(admin, { title: 'Leadership', estimatedMinutes: 300 });
    await admin.post('courses', { title: 'Unpublished draft' });
    const [p] = await t.ctx.db.insert(program).values({ orgId: org.id, title: 'Sales onboarding', status: 'published', tags: ['sales'] }).returning();
    await t.ctx.db.insert(programStep).values({ orgId: org.id, programId: p!.id, position: 1, kind: 'course', courseId: nego });

    const all = await learner.get('catalog');
    expect(all.status).toBe(200);
    expect(titles(all)).toEqual(['Data literacy', 'Leadership', 'Negotiation essentials', 'Sales onboarding']);
    const item = all.body.data.find((i: { id: string }) => i.id === nego);
    expect(item).toMatchObject({ kind: 'course', format: 'self_paced', estimatedMinutes: 20, tags: ['Sales'], selfEnrollment: true, myEnrollment: null });
    expect(item!.skills).toEqual([{ id: skill, name: 'Negotiation', level: 3 }]);
    expect(all.body.data[3]).toMatchObject({ kind: 'program', estimatedMinutes: 20, skills: [{ id: skill, name: 'Negotiation', level: 3 }] });

    expect(titles(await learner.get('catalog?q=yes'))).toEqual(['Negotiation essentials']);
    expect(titles(await learner.get(`catalog?skillId=${skill}`))).toEqual(['Negotiation essentials', 'Sales onboarding']);
    expect(titles(await learner.get('catalog?format=live'))).toEqual(['Data literacy']);
    expect(titles(await learner.get('catalog?tag=SALES'))).toEqual(['Negotiation essentials', 'Sales onboarding']);
    expect(titles(await learner.get('catalog?duration=short'))).toEqual(['Negotiation essentials', 'Sales onboarding']);
    expect(titles(await learner.get('catalog?duration=medium'))).toEqual(['Data literacy']);
    expect(titles(await learner.get('catalog?duration=long'))).toEqual(['Leadership']);
    expect(titles(await learner.get('catalog?kind=program'))).toEqual(['Sales onboarding']);
    expect(titles(await learner.get('catalog?kind=program&format=live'))).toEqual([]);
    expect(titles(await learner.get('catalog?kind=course&tag=sales'))).toEqual(['Negotiation essentials']);
    expect((await learner.get('catalog?duration=forever')).status).toBe(400);
    expect((await learner.get('catalog?skillId=nope')).body.error.details[0].path).toBe('skillId');

    const first = await learner.get('catalog?limit=3');
    expect(titles(first)).toHaveLength(3);
    expect(titles(await learner.get(`catalog?limit=3&cursor=${first.body.nextCursor}`))).toEqual(['Sales onboarding']);

    const tags = await learner.get('catalog/tags');
    expect(tags.body.data).toEqual([
      { tag: 'data', count: 1 },
      { tag: expect.stringMatching(/^sales$/i), count: 2 },
    ]);

    // Other organisations see none of it.
    const { learner: stranger } = await authoringOrg(t);
    expect((await stranger.get('catalog')).body.data).toEqual([]);
    expect((await stranger.get(`catalog/courses/${nego}`)).status).toBe(404);
  });

  it('shows a course outline without content, and enrols me once with the reason "self"', async () => {
    const { admin, learner, learnerUser, org } = await authoringOrg(t);
    const id = await publish(admin, { title: 'Security awareness' });
    const detail = await learner.get(`catalog/courses/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.outline.map((s: { title: string }) => s.title)).toEqual(['Basics', 'Check yourself']);
    expect(detail.body.lessonCount).toBe(3);
    expect(JSON.stringify(detail.body)).not.toContain('correct');
    expect(JSON.stringify(detail.body)).not.toContain('Most breaches');

    const first = await learner.post(`catalog/courses/${id}/enroll`);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ created: true, enrollment: { status: 'not_started' } });
    const again = await learner.post(`catalog/courses/${id}/enroll`);
    expect(again.status).toBe(200);
    expect(again.body.enrollment.id).toBe(first.body.enrollment.id);
    const rows = await t.ctx.db.select().from(enrollment).where(eq(enrollment.courseId, id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ personId: learnerUser.person.id, reasonType: 'self', source: 'self', orgId: org.id });
    expect(rows[0]!.versionId).toBeTruthy();
    expect((await learner.get(`catalog/courses/${id}`)).body.myEnrollment).toEqual({ id: first.body.enrollment.id, status: 'not_started' });
    expect((await learner.get('catalog')).body.data[0]!.myEnrollment!.id).toBe(first.body.enrollment.id);
  });

  it('refuses drafts, closed courses and unmet prerequisites', async () => {
    const { admin, learner, learnerUser } = await authoringOrg(t);
    const draft = (await admin.post('courses', { title: 'Draft' })).body.id;
    expect((await learner.get(`catalog/courses/${draft}`)).status).toBe(404);
    expect((await learner.post(`catalog/courses/${draft}/enroll`)).status).toBe(404);

    const closed = await publish(admin, { title: 'Managers only', selfEnrollment: false });
    const res = await learner.post(`catalog/courses/${closed}/enroll`);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');

    const basics = await publish(admin, { title: 'Basics' });
    const advanced = await publish(admin, { title: 'Advanced', prerequisiteIds: [basics] });
    const blocked = await learner.post(`catalog/courses/${advanced}/enroll`);
    expect(blocked.status).toBe(422);
    expect(blocked.body.error.details).toEqual([expect.objectContaining({ courseId: basics, title: 'Basics' })]);
    expect((await learner.get(`catalog/courses/${advanced}`)).body.prerequisites).toEqual([{ id: basics, title: 'Basics', completed: false }]);

    await learner.post(`catalog/courses/${basics}/enroll`);
    await t.ctx.db.update(enrollment).set({ status: 'completed', completedAt: t.clock.now() }).where(eq(enrollment.personId, learnerUser.person.id));
    expect((await learner.post(`catalog/courses/${advanced}/enroll`)).status).toBe(201);

    // Archived: gone from the catalog, still visible to those enrolled.
    await admin.post(`courses/${advanced}/archive`);
    expect((await learner.get(`catalog/courses/${advanced}`)).status).toBe(200);
    expect(titles(await learner.get('catalog'))).not.toContain('Advanced');
  });

  it('enrols me in an open program and its course steps', async () => {
    const { admin, learner, org, learnerUser } = await authoringOrg(t);
    const step = await publish(admin, { title: 'Step one' });
    const [p] = await t.ctx.db.insert(program).values({ orgId: org.id, title: 'Path', status: 'published', dueDays: 30 }).returning();
    await t.ctx.db.insert(programStep).values({ orgId: org.id, programId: p!.id, position: 1, kind: 'course', courseId: step });
    const res = await learner.post(`catalog/programs/${p!.id}/enroll`);
    expect(res.status).toBe(201);
    expect((await learner.post(`catalog/programs/${p!.id}/enroll`)).status).toBe(200);
    const mine = await t.ctx.db.select().from(enrollment).where(eq(enrollment.personId, learnerUser.person.id));
    expect(mine).toHaveLength(2);
    expect(mine.every((e) => e.reasonType === 'self' && e.dueAt)).toBe(true);
    const [closed] = await t.ctx.db.insert(program).values({ orgId: org.id, title: 'Closed', status: 'published', selfEnrollment: false }).returning();
    expect((await learner.post(`catalog/programs/${closed!.id}/enroll`)).status).toBe(403);
    const [draft] = await t.ctx.db.insert(program).values({ orgId: org.id, title: 'Draft path' }).returning();
    expect((await learner.post(`catalog/programs/${draft!.id}/enroll`)).status).toBe(404);
  });
});
