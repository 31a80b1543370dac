import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { checkpointSubmission, person, program, programStep } from '../../src/server/db/schema/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signInAs, type Body } from '../support/client.ts';
import { createUser } from '../support/factories.ts';
import { authoringOrg, enrollPeople, tinyPng, uploadFile } from '../support/learning.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ maxUploadBytes: 64 * 1024 });
});

const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2mp41'), Buffer.alloc(64)]);
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);

describe('learning uploads', () => {
  it('stores allowed types by their content and serves them back safely', async () => {
    const { admin, learner } = await authoringOrg(t);
    const cover = await uploadFile(admin, tinyPng, 'cover.png', 'cover', 'image/png');
    expect(cover.status).toBe(201);
    expect(cover.body).toMatchObject({ name: 'cover.png', contentType: 'image/png', size: tinyPng.length, purpose: 'cover' });
    expect(cover.body.url).toBe(`/api/v1/learning/files/${cover.body.id}`);

    const got = await learner.get(`learning/files/${cover.body.id}`);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-disposition')).toContain('filename="cover.png"');

    const video = await uploadFile(admin, mp4, 'intro.mp4', 'video', 'video/mp4');
    expect(video.body.contentType).toBe('video/mp4');
    // Players seek with byte ranges.
    const part = await admin.get(`learning/files/${video.body.id}`, { range: 'bytes=4-11' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 4-11/${mp4.length}`);
    expect(part.body).toBe('ftypisom');
    expect((await admin.get(`learning/files/${video.body.id}`, { range: 'bytes=9999-' })).status).toBe(416);
    const vtt = await uploadFile(admin, 'WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n', 'intro.vtt', 'captions', 'text/vtt');
    expect(vtt.status).toBe(201);
    expect(vtt.body.contentType).toBe('text/vtt; charset=utf-8');
    expect((await uploadFile(admin, pdf, 'Handbook 2026.pdf', 'document', 'application/pdf')).status).toBe(201);
    const csv = await uploadFile(admin, 'name,score\nAda,3\n', 'scores.csv', 'document', 'text/csv');
    expect(csv.body.contentType).toBe('text/csv; charset=utf-8');
    const doc = await admin.get(`learning/files/${csv.body.id}`);
    expect(doc.headers.get('content-disposition')).toMatch(/^attachment/);
  });

  it('serves lesson material only to learning admins and learners enrolled in a course that uses it', async () => {
    const { admin, learner, learnerUser, org } = await authoringOrg(t);
    const handout = (await uploadFile(admin, pdf, 'handout.pdf', 'document', 'application/pdf')).body.id;
    const url = `learning/files/${handout}`;
    expect((await learner.get(url)).status).toBe(404);
    const id = (await admin.post('courses', { title: 'With a handout' })).body.id;
    const content: Body<'/courses/:id/draft', 'put'>['content'] = { sections: [{ id: 's', title: 'S', lessons: [{ id: 'l', title: 'L', blocks: [{ id: 'f', type: 'file', fileId: handout }] }] }] };
    expect((await admin.put(`courses/${id}/draft`, { content, revision: 1 })).status).toBe(200);
    // In a draft only: still not the learner's.
    await enrollPeople(t, org.id, { courseId: id }, [learnerUser.person.id]);
    expect((await learner.get(url)).status).toBe(404);
    await admin.post(`courses/${id}/publish`, {});
    expect((await learner.get(url)).status).toBe(200);
    expect((await admin.get(url)).status).toBe(200);
  });

  it('refuses types not allowed, mismatched content and oversize files', async () => {
    const { admin } = await authoringOrg(t);
    const cases: Array<[Uint8Array | string, string, string, string]> = [
      [exe, 'setup.pdf', 'document', 'application/pdf'],
      [exe, 'setup.exe', 'document', ''],
      [tinyPng, 'photo.pdf', 'document', 'application/pdf'],
      [tinyPng, 'photo.png', 'document', 'application/pdf'],
      [pdf, 'cover.png', 'cover', 'image/png'],
      [pdf, 'slides.pdf', 'video', 'application/pdf'],
      ['Hello there', 'captions.vtt', 'captions', 'text/vtt'],
      ['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'logo.svg', 'cover', 'image/svg+xml'],
      ['just text', 'notes.txt', 'cover', 'text/plain'],
      [new Uint8Array([0xff, 0xfe, 0x00, 0x41]), 'notes.txt', 'document', 'text/plain'],
    ];
    for (const [bytes, name, purpose, type] of cases) {
      const res = await uploadFile(admin, bytes, name, purpose, type);
      expect(res.status, `${name} as ${purpose}`).toBe(415);
      expect(res.body.error.code).toBe('unsupported_media_type');
    }
    const big = await uploadFile(admin, Buffer.concat([tinyPng, Buffer.alloc(70 * 1024)]), 'big.png', 'cover', 'image/png');
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload_too_large');
    const noPurpose = await uploadFile(admin, pdf, 'a.pdf', 'selfie', 'application/pdf');
    expect(noPurpose.status).toBe(400);
    expect(noPurpose.body.error.details[0].path).toBe('purpose');
    const empty = await uploadFile(admin, '', 'a.txt', 'document', 'text/plain');
    expect(empty.status).toBe(400);
  });

  it('course material is uploaded by learning admins; evidence by anyone and read only by those entitled', async () => {
    const { admin, org, learnerUser, learner } = await authoringOrg(t);
    expect((await uploadFile(learner, tinyPng, 'cover.png', 'cover', 'image/png')).status).toBe(404);
    const manager = await createUser(t, org.id);
    const { ctx } = t;
    await ctx.db.update(person).set({ managerId: manager.person.id }).where(eq(person.id, learnerUser.person.id));
    const approver = await createUser(t, org.id);
    const colleague = await createUser(t, org.id);
    const hr = await createUser(t, org.id, { roles: ['hr_admin'] });

    const ev = await uploadFile(learner, pdf, 'certificate.pdf', 'evidence', 'application/pdf');
    expect(ev.status).toBe(201);
    const url = `learning/files/${ev.body.id}`;
    expect((await learner.get(url)).status).toBe(200);
    expect((await (await signInAs(t, manager)).get(url)).status).toBe(200);
    expect((await (await signInAs(t, hr)).get(url)).status).toBe(200);
    expect((await admin.get(url)).status).toBe(200);
    expect((await (await signInAs(t, colleague)).get(url)).status).toBe(404);
    const approverClient = await signInAs(t, approver);
    expect((await approverClient.get(url)).status).toBe(404);

    // Once it is handed in for a checkpoint the named approver may read it.
    const [p] = await ctx.db.insert(program).values({ orgId: org.id, title: 'Onboarding', status: 'published' }).returning();
    const [step] = await ctx.db
      .insert(programStep)
      .values({ orgId: org.id, programId: p!.id, position: 1, kind: 'checkpoint', title: 'Shadow a call', approver: 'person', approverPersonId: approver.person.id })
      .returning();
    const [pe] = await enrollPeople(t, org.id, { programId: p!.id }, [learnerUser.person.id]);
    await ctx.db.insert(checkpointSubmission).values({
      orgId: org.id,
      enrollmentId: pe!.id,
      stepId: step!.id,
      personId: learnerUser.person.id,
      evidenceFileId: ev.body.id,
      status: 'submitted',
      submittedAt: t.clock.now(),
    });
    expect((await approverClient.get(url)).status).toBe(200);
    expect((await (await signInAs(t, colleague)).get(url)).status).toBe(404);

    // Another organisation never sees it.
    const { admin: stranger } = await authoringOrg(t);
    expect((await stranger.get(url)).status).toBe(404);
  });
});
