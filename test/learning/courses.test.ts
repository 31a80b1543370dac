import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { client, signInAs } from '../support/client.ts';
import { createUser } from '../support/factories.ts';
import { authoringOrg, enrollPeople, sampleContent } from '../support/learning.ts';
import { enrollment } from '../../src/server/db/schema/index.ts';
import { eq } from 'drizzle-orm';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

async function versionOf(enrollmentId: string) {
  const [e] = await t.ctx.db.select({ v: enrollment.versionId }).from(enrollment).where(eq(enrollment.id, enrollmentId));
  return e!.v;
}

describe('course authoring', () => {
  it('creates a course with a draft, saves content, publishes, and starts a new draft from it', async () => {
    const { admin, org } = await authoringOrg(t);
    const skill = (await admin.post('skills', { name: 'Security', maxLevel: 3 })).body;
    const created = await admin.post('courses', {
      title: 'Phishing basics',
      summary: 'Spot and report',
      tags: ['security', 'Security', 'email'],
      estimatedMinutes: 20,
      skills: [{ skillId: skill.id, level: 2 }],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', format: 'self_paced', hasDraft: true, tags: ['Security', 'email'], publishedVersionId: null });
    expect(created.body.skills).toEqual([{ skillId: skill.id, name: 'Security', level: 2, maxLevel: 3 }]);
    const id = created.body.id;

    const draft = await admin.get(`courses/${id}/draft`);
    expect(draft.body).toMatchObject({ number: 1, revision: 1, content: { sections: [] } });

    // Publishing an empty self-paced course is refused.
    expect((await admin.post(`courses/${id}/publish`, { pushToLearners: false })).status).toBe(422);

    const saved = await admin.put(`courses/${id}/draft`, { content: sampleContent(), revision: 1 });
    expect(saved.status).toBe(200);
    expect(saved.body.revision).toBe(2);
    // A second editor with the old revision is told, and nothing is lost.
    const stale = await admin.put(`courses/${id}/draft`, { content: { sections: [] }, revision: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    expect((await admin.get(`courses/${id}/draft`)).body.content.sections).toHaveLength(2);

    const pub = await admin.post(`courses/${id}/publish`, { pushToLearners: false });
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({ number: 1, movedEnrollments: 0, course: { status: 'published', publishedVersionNumber: 1, hasDraft: false } });
    expect((await admin.post(`courses/${id}/publish`, {})).status).toBe(409);

    // With no draft, the editor sees the published content at revision 0, and saving starts version 2.
    const next = await admin.get(`courses/${id}/draft`);
    expect(next.body).toMatchObject({ versionId: null, number: 2, revision: 0 });
    expect(next.body.content.sections[0]!.title).toBe('Basics');
    const v2 = await admin.put(`courses/${id}/draft`, { content: next.body.content, revision: 0 });
    expect(v2.body).toMatchObject({ number: 2, revision: 1 });
    expect((await admin.put(`courses/${id}/draft`, { content: next.body.content, revision: 0 })).status).toBe(409);

    const versions = await admin.get(`courses/${id}/versions`);
    expect(versions.body.data.map((v: { number: number; status: string }) => [v.number, v.status])).toEqual([
      [2, 'draft'],
      [1, 'published'],
    ]);
    expect(versions.body.data[1]!.publishedByName).toBe('Lena Author');

    const audit = await t.ctx.database.executeSql(`select action from audit_event where org_id = $1 and record_id = $2 order by id`, [org.id, id]);
    expect(audit.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['course.created', 'course.draft_saved', 'course.published']));
  });

  it('keeps learners on their version unless the new one is pushed to them', async () => {
    const { admin, org, learnerUser } = await authoringOrg(t);
    const other = await createUser(t, org.id);
    const done = await createUser(t, org.id);
    const id = (await admin.post('courses', { title: 'Feedback' })).body.id;
    await admin.put(`courses/${id}/draft`, { content: sampleContent(), revision: 1 });
    const v1 = (await admin.post(`courses/${id}/publish`, {})).body.versionId;
    const [e1, e2, e3] = await enrollPeople(t, org.id, { courseId: id }, [learnerUser.person.id, other.person.id, done.person.id]);
    await t.ctx.db.update(enrollment).set({ versionId: v1 }).where(eq(enrollment.courseId, id));
    await t.ctx.db.update(enrollment).set({ status: 'completed' }).where(eq(enrollment.id, [e1, e2, e3].find((e) => e!.personId === done.person.id)!.id));

    let draft = (await admin.get(`courses/${id}/draft`)).body;
    await admin.put(`courses/${id}/draft`, { content: draft.content, revision: 0 });
    const v2 = await admin.post(`courses/${id}/publish`, { pushToLearners: false });
    expect(v2.body.movedEnrollments).toBe(0);
    for (const e of [e1, e2, e3]) expect(await versionOf(e!.id)).toBe(v1);

    draft = (await admin.get(`courses/${id}/draft`)).body;
    await admin.put(`courses/${id}/draft`, { content: draft.content, revision: 0 });
    const v3 = await admin.post(`courses/${id}/publish`, { pushToLearners: true });
    expect(v3.body.movedEnrollments).toBe(2);
    const versions = new Map([e1, e2, e3].map((e) => [e!.personId, e!.id]));
    expect(await versionOf(versions.get(learnerUser.person.id)!)).toBe(v3.body.versionId);
    expect(await versionOf(versions.get(other.person.id)!)).toBe(v3.body.versionId);
    expect(await versionOf(versions.get(done.person.id)!)).toBe(v1);
    const statuses = (await admin.get(`courses/${id}/versions`)).body.data.map((v: { status: string }) => v.status);
    expect(statuses).toEqual(['published', 'retired', 'retired']);
  });

  it('checks skills, formats and prerequisites, refusing loops', async () => {
    const { admin } = await authoringOrg(t);
    const skill = (await admin.post('skills', { name: 'Negotiation', maxLevel: 3 })).body;
    const bad = await admin.post('courses', { title: 'X', skills: [{ skillId: skill.id, level: 4 }, { skillId: '0190a0a0-0000-7000-8000-000000000000', level: 1 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(['skills.0.level', 'skills.1.skillId']);
    expect((await admin.post('courses', { title: 'X', skills: [{ skillId: skill.id, level: 0 }] })).status).toBe(400);

    // An archived skill is not linked anew; a course linked before it was archived keeps it.
    const kept = (await admin.post('courses', { title: 'Kept', skills: [{ skillId: skill.id, level: 2 }] })).body;
    expect((await admin.post(`skills/${skill.id}/archive`)).status).toBe(200);
    const archived = await admin.post('courses', { title: 'New', skills: [{ skillId: skill.id, level: 2 }] });
    expect(archived.status).toBe(400);
    expect(archived.body.error.details).toEqual([{ path: 'skills.0.skillId', message: 'Negotiation is archived' }]);
    expect((await admin.patch(`courses/${kept.id}`, { title: 'Kept, renamed', skills: [{ skillId: skill.id, level: 3 }] })).status).toBe(200);

    const ext = await admin.post('courses', { title: 'Conference', format: 'external' });
    expect(ext.status).toBe(400);
    expect(ext.body.error.details[0].path).toBe('externalUrl');
    expect((await admin.post('courses', { title: 'C', format: 'external', externalUrl: 'http://example.com' })).status).toBe(400);
    expect((await admin.post('courses', { title: 'C', format: 'external', externalUrl: 'https://example.com/c' })).status).toBe(201);
    expect((await admin.raw.post('courses', { title: ' ', colour: 1 })).status).toBe(400);

    const a = (await admin.post('courses', { title: 'A' })).body.id;
    const b = (await admin.post('courses', { title: 'B', prerequisiteIds: [a] })).body.id;
    const c = (await admin.post('courses', { title: 'C', prerequisiteIds: [b] })).body;
    expect(c.prerequisites.map((p: { title: string }) => p.title)).toEqual(['B']);
    const loop = await admin.patch(`courses/${a}`, { prerequisiteIds: [c.id] });
    expect(loop.status).toBe(422);
    expect((await admin.patch(`courses/${a}`, { prerequisiteIds: [a] })).status).toBe(400);
    expect((await admin.patch(`courses/${c.id}`, { prerequisiteIds: [a, b] })).status).toBe(200);
  });

  it('lists with search and filters, archives, and is hidden from everyone but learning admins', async () => {
    const { admin, learner, org } = await authoringOrg(t);
    const manager = await createUser(t, org.id);
    await createUser(t, org.id, { managerId: manager.person.id });
    const hr = await signInAs(t, await createUser(t, org.id, { roles: ['hr_admin'] }));
    const mgr = await signInAs(t, manager);
    const one = (await admin.post('courses', { title: 'Negotiation essentials', summary: 'Win-win' })).body.id;
    await admin.post('courses', { title: 'Data literacy', format: 'live' });
    expect((await admin.get('courses?q=win')).body.data.map((c: { id: string }) => c.id)).toEqual([one]);
    expect((await admin.get('courses?format=live')).body.data).toHaveLength(1);
    const archived = await admin.post(`courses/${one}/archive`);
    expect(archived.body.status).toBe('archived');
    expect((await admin.get('courses?status=archived')).body.data).toHaveLength(1);
    const page1 = await admin.get('courses?limit=1');
    expect(page1.body.nextCursor).toBeTruthy();
    expect((await admin.get(`courses?limit=1&cursor=${page1.body.nextCursor}`)).body.data).toHaveLength(1);

    for (const c of [learner, mgr, hr]) {
      expect((await c.get('courses')).status).toBe(404);
      expect((await c.get(`courses/${one}`)).status).toBe(404);
      expect((await c.get(`courses/${one}/draft`)).status).toBe(404);
      expect((await c.post('courses', { title: 'Mine' })).status).toBe(404);
      expect((await c.patch(`courses/${one}`, { title: 'Mine' })).status).toBe(404);
      expect((await c.post(`courses/${one}/publish`, {})).status).toBe(404);
    }
    // Another organisation's admin cannot reach it either.
    const { admin: stranger } = await authoringOrg(t);
    expect((await stranger.get(`courses/${one}`)).status).toBe(404);
    expect((await stranger.put(`courses/${one}/draft`, { content: { sections: [] }, revision: 1 })).status).toBe(404);
  });

  it('documents the authoring, catalog, skills and file endpoints', async () => {
    const res = await client(t).get('openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/skills',
        '/skills/{id}',
        '/courses',
        '/courses/{id}',
        '/courses/{id}/archive',
        '/courses/{id}/draft',
        '/courses/{id}/publish',
        '/courses/{id}/versions',
        '/catalog',
        '/catalog/tags',
        '/catalog/courses/{id}',
        '/catalog/courses/{id}/enroll',
        '/catalog/programs/{id}/enroll',
        '/learning/files',
        '/learning/files/{id}',
      ]),
    );
    expect(res.body.components.schemas).toHaveProperty('CourseContent');
  });
});
