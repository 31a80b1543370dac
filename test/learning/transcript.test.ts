import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvent } from '../../src/server/db/schema/index.ts';
import { storeFile } from '../../src/server/modules/platform/index.ts';
import { createTestApp } from '../support/app.ts';
import { signInAs, type Body } from '../support/client.ts';
import { createOrg, createUser } from '../support/factories.ts';
import { createPublishedCourse, enrollPeople } from '../support/learning.ts';

async function setup() {
  const t = await createTestApp();
  const org = await createOrg(t);
  const manager = await createUser(t, org.id);
  const learner = await createUser(t, org.id, { managerId: manager.person.id, firstName: 'Grace', lastName: 'Hopper' });
  const me = await signInAs(t, learner);
  return { t, org, manager, learner, me };
}

const book: Body<'/people/:id/external-learning', 'post'> = { title: 'Thinking in Systems', provider: 'Donella Meadows', kind: 'book', completedOn: '2026-01-10', durationMinutes: 300 };

describe('transcript', () => {
  it('holds completed courses and external learning, newest first, as JSON, CSV and PDF', async () => {
    const { t, org, learner, me } = await setup();
    const { course } = await createPublishedCourse(t, org.id, { title: '=Negotiation', format: 'external' });
    const { course: open } = await createPublishedCourse(t, org.id, { title: 'Not done yet' });
    const [e] = await enrollPeople(t, org.id, { courseId: course.id }, [learner.person.id]);
    await enrollPeople(t, org.id, { courseId: open.id }, [learner.person.id]);
    await me.post(`enrollments/${e!.id}/complete-external`);
    expect((await me.post(`people/${learner.person.id}/external-learning`, book)).status).toBe(201);

    const r = await me.get(`people/${learner.person.id}/transcript`);
    expect(r.status).toBe(200);
    expect(r.body.person).toMatchObject({ name: 'Grace Hopper' });
    expect(r.body.items.map((i: any) => [i.kind, i.title])).toEqual([
      ['course', '=Negotiation'],
      ['external', 'Thinking in Systems'],
    ]);
    expect(r.body.items[0]!.certificateId).toBeTruthy();

    const csv = await me.get(`people/${learner.person.id}/transcript.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('transcript-grace-hopper.csv');
    const lines = String(csv.body).trim().split('\n');
    expect(lines[0]).toBe('Kind,Title,Provider,Completed on,Duration (minutes),Score (%),Status,Expires on,Evidence link');
    expect(lines[1]).toContain("'=Negotiation"); // no formula injection
    expect(lines[2]).toContain('Thinking in Systems,Donella Meadows,2026-01-10,300');

    const pdf = await me.call('GET', `people/${learner.person.id}/transcript.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(String(pdf.body).startsWith('%PDF')).toBe(true);
  });

  it('is visible to the person, their manager and admins; 404 to peers and other organisations', async () => {
    const { t, org, manager, learner } = await setup();
    for (const u of [manager, await createUser(t, org.id, { roles: ['learning_admin'] }), await createUser(t, org.id, { roles: ['hr_admin'] })]) {
      const c = await signInAs(t, u);
      expect((await c.get(`people/${learner.person.id}/transcript`)).status).toBe(200);
      expect((await c.get(`people/${learner.person.id}/external-learning`)).status).toBe(200);
    }
    const peer = await signInAs(t, await createUser(t, org.id));
    for (const path of ['transcript', 'transcript.csv', 'transcript.pdf', 'external-learning']) {
      expect((await peer.get(`people/${learner.person.id}/${path}`)).status).toBe(404);
    }
    const outsider = await signInAs(t, await createUser(t, (await createOrg(t)).id, { roles: ['admin'] }));
    expect((await outsider.get(`people/${learner.person.id}/transcript`)).status).toBe(404);
  });
});

describe('external learning', () => {
  it('is recorded by the learner or an admin, not by a manager or a peer, and removed with an audit trail', async () => {
    const { t, org, manager, learner, me } = await setup();
    const admin = await signInAs(t, await createUser(t, org.id, { roles: ['hr_admin'] }));
    const byAdmin = await admin.post(`people/${learner.person.id}/external-learning`, { ...book, evidenceUrl: 'https://example.com/cert' });
    expect(byAdmin.status).toBe(201);
    expect(byAdmin.body).toMatchObject({ title: book.title, kind: 'book', evidenceUrl: 'https://example.com/cert' });

    const boss = await signInAs(t, manager);
    expect((await boss.post(`people/${learner.person.id}/external-learning`, book)).status).toBe(403);
    expect((await boss.delete(`external-learning/${byAdmin.body.id}`)).status).toBe(403);
    const peer = await signInAs(t, await createUser(t, org.id));
    expect((await peer.post(`people/${learner.person.id}/external-learning`, book)).status).toBe(404);
    expect((await peer.delete(`external-learning/${byAdmin.body.id}`)).status).toBe(404);

    expect((await me.delete(`external-learning/${byAdmin.body.id}`)).status).toBe(204);
    expect((await me.get(`people/${learner.person.id}/external-learning`)).body.data).toEqual([]);
    const audits = await t.ctx.db.select().from(auditEvent).where(and(eq(auditEvent.orgId, org.id), eq(auditEvent.recordId, byAdmin.body.id)));
    expect(audits.map((a) => a.action).sort()).toEqual(['external_learning.created', 'external_learning.deleted']);
  });

  it('refuses a future date, bad links, unknown fields and evidence files that are not the learner’s evidence', async () => {
    const { t, org, learner, me } = await setup();
    t.clock.set(new Date('2026-03-01T12:00:00Z'));
    const bad = await me.raw.post(`people/${learner.person.id}/external-learning`, {
      title: ' ',
      completedOn: '2026-02-30',
      evidenceUrl: 'javascript:alert(1)',
      durationMinutes: -5,
      colour: 'red',
    });
    expect(bad.status).toBe(400);
    const paths = bad.body.error.details.map((d: any) => d.path);
    for (const p of ['title', 'completedOn', 'evidenceUrl', 'durationMinutes', 'colour']) expect(paths).toContain(p);

    const future = await me.post(`people/${learner.person.id}/external-learning`, { ...book, completedOn: '2026-03-05' });
    expect(future.status).toBe(400);
    expect(future.body.error.details).toEqual([expect.objectContaining({ path: 'completedOn' })]);

    const cover = await t.ctx.db.transaction((tx) =>
      storeFile(t.ctx, tx, { orgId: org.id, name: 'a.png', contentType: 'image/png', bytes: new Uint8Array([1]), createdBy: learner.person.id, purpose: 'cover' }),
    );
    const wrong = await me.post(`people/${learner.person.id}/external-learning`, { ...book, evidenceFileId: cover.id });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0].path).toBe('evidenceFileId');

    const evidence = await t.ctx.db.transaction((tx) =>
      storeFile(t.ctx, tx, { orgId: org.id, name: 'cert.pdf', contentType: 'application/pdf', bytes: new Uint8Array([1]), createdBy: learner.person.id, purpose: 'evidence' }),
    );
    const ok = await me.post(`people/${learner.person.id}/external-learning`, { ...book, evidenceFileId: evidence.id });
    expect(ok.status).toBe(201);
    expect(ok.body.evidenceFileUrl).toBe(`/api/v1/learning/files/${evidence.id}`);
  });
});
