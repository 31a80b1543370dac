import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { certificate } from '../../src/server/db/schema/index.ts';
import { createTestApp } from '../support/app.ts';
import { client, signInAs } from '../support/client.ts';
import { createOrg, createUser } from '../support/factories.ts';
import { createPublishedCourse, enrollPeople } from '../support/learning.ts';

async function completed() {
  const t = await createTestApp();
  const org = await createOrg(t);
  const manager = await createUser(t, org.id);
  const learner = await createUser(t, org.id, { managerId: manager.person.id, firstName: 'Ada', lastName: 'Lovelace' });
  const { course } = await createPublishedCourse(t, org.id, { title: 'Security awareness', format: 'external' });
  const [e] = await enrollPeople(t, org.id, { courseId: course.id }, [learner.person.id]);
  const me = await signInAs(t, learner);
  const done = await me.post(`enrollments/${e!.id}/complete-external`);
  expect(done.status).toBe(200);
  return { t, org, manager, learner, me, course, certificateId: done.body.certificateId as string };
}

describe('certificates', () => {
  it('lists my certificates with a verification link', async () => {
    const { t, me, certificateId, org } = await completed();
    const r = await me.get('certificates');
    expect(r.status).toBe(200);
    expect(r.body.data).toHaveLength(1);
    expect(r.body.data[0]).toMatchObject({ id: certificateId, title: 'Security awareness', status: 'valid', expiresAt: null });
    expect(r.body.data[0]!.verifyUrl).toBe(`${t.ctx.config.publicUrl}/verify/${r.body.data[0]!.verificationCode}`);
    const someoneElse = await signInAs(t, await createUser(t, org.id));
    expect((await someoneElse.get('certificates')).body.data).toEqual([]);
  });

  it('serves the PDF to the learner, their manager and learning admins, and 404 to others', async () => {
    const { t, org, manager, me, certificateId } = await completed();
    const own = await me.call('GET', `certificates/${certificateId}/pdf`);
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('application/pdf');
    expect(own.headers.get('content-disposition')).toContain('certificate-security-awareness.pdf');
    expect(String(own.body).startsWith('%PDF')).toBe(true);

    expect((await (await signInAs(t, manager)).get(`certificates/${certificateId}/pdf`)).status).toBe(200);
    const admin = await signInAs(t, await createUser(t, org.id, { roles: ['learning_admin'] }));
    expect((await admin.get(`certificates/${certificateId}/pdf`)).status).toBe(200);
    const peer = await signInAs(t, await createUser(t, org.id));
    expect((await peer.get(`certificates/${certificateId}/pdf`)).status).toBe(404);
    const org2 = await createOrg(t);
    const outsider = await signInAs(t, await createUser(t, org2.id, { roles: ['admin'] }));
    expect((await outsider.get(`certificates/${certificateId}/pdf`)).status).toBe(404);
    expect((await client(t).get(`certificates/${certificateId}/pdf`)).status).toBe(401);
  });

  it('verifies publicly, signed out, with name, title, dates and validity only', async () => {
    const { t, certificateId } = await completed();
    const [row] = await t.ctx.db.select().from(certificate).where(eq(certificate.id, certificateId));
    const anon = client(t);
    const r = await anon.get(`certificates/verify/${row!.verificationCode}`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ name: 'Ada Lovelace', title: 'Security awareness', issuedAt: row!.issuedAt.toISOString(), expiresAt: null, status: 'valid' });

    const expires = new Date(t.clock.now().getTime() + 86_400_000);
    await t.ctx.db.update(certificate).set({ expiresAt: expires }).where(eq(certificate.id, certificateId));
    t.clock.advance(2 * 86_400_000);
    expect((await anon.get(`certificates/verify/${row!.verificationCode}`)).body.status).toBe('expired');
    await t.ctx.db.update(certificate).set({ revokedAt: t.clock.now() }).where(eq(certificate.id, certificateId));
    expect((await anon.get(`certificates/verify/${row!.verificationCode}`)).body.status).toBe('revoked');

    expect((await anon.get('certificates/verify/doesnotexist123')).status).toBe(404);
    expect((await anon.get('certificates/verify/bad%20code!')).status).toBe(400);
  });
});
