import { beforeAll, describe, expect, it } from 'vitest';
import { toAppError } from '../../src/server/platform/http/errors.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { client, signInAs, type Client } from '../support/client.ts';
import { createOrg, createUser } from '../support/factories.ts';
import { createPublishedCourse, enrollPeople, tinyPng } from '../support/learning.ts';

let t: TestApp;
let admin: Client;
let adminPersonId: string;
let orgId: string;
beforeAll(async () => {
  t = await createTestApp();
  const org = await createOrg(t);
  orgId = org.id;
  const user = await createUser(t, org.id, { roles: ['admin'] });
  adminPersonId = user.person.id;
  admin = await signInAs(t, user);
});

/** 400 validation_failed with a detail for `path` (and `code`, unless null). */
const refused = (res: { status: number; body: any }, path: string, code: string | null = 'invalid_characters') => {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body.error.code).toBe('validation_failed');
  expect(res.body.error.details).toContainEqual(expect.objectContaining(code ? { path, code } : { path }));
};

describe('control characters at the edge', () => {
  it('refuses a NUL byte in any string of a JSON body, before the database sees it, naming the field', async () => {
    refused(await client(t).post('auth/sign-in', { email: 'a\u0000b@example.test', password: 'x' }), 'email');
    refused(await client(t).post('auth/password-reset', { email: 'reset\u0000@example.test' }), 'email');
    refused(await admin.post('departments', { name: 'Sales\u0000' }), 'name');
    // Nested values and list items are named by their path.
    refused(
      await admin.post('groups/preview', { rule: { match: 'all', conditions: [{ field: 'jobTitle', op: 'contains', value: 'Eng\u0000' }] } }),
      'rule.conditions.0.value',
    );
    refused(await admin.post('courses', { title: 'Intro', tags: ['fine', 'not\u0000fine'] }), 'tags.1');
  });

  it('refuses a control character in a field name, shown escaped', async () => {
    refused(await admin.raw.post('departments', { name: 'Sales', 'evil\u0000': 1 }), 'evil\\u0000');
    refused(await admin.raw.post('departments', { name: 'Sales', nested: { 'a\u0007': 1 } }), 'nested.a\\u0007');
  });

  it('refuses the other C0 controls, DEL and lone surrogates, and keeps tab, newline, carriage return and emoji', async () => {
    for (const bad of ['\u0001', '\u0008', '\u000b', '\u000c', '\u001b[31m', '\u001f', '\u007f', '\ud800', 'x\udc00', '\udc00\ud800']) {
      refused(await admin.post('skills', { name: `Skill ${bad}` }), 'name');
    }
    const ok = await admin.post('skills', { name: 'Writing 😀', description: 'Line one\nline two\twith a tab\r\n' });
    expect(ok.status).toBe(201);
    expect(ok.body.description).toMatch(/^Line one\nline two\twith a tab/);
  });

  it('refuses control characters in query strings, query keys and path parameters', async () => {
    refused(await admin.get('people?q=a%00b'), 'q');
    refused(await admin.get('audit-events?action=x%1B'), 'action');
    refused(await admin.get('people?a%00=1'), 'a\\u0000');
    refused(await client(t).get('certificates/verify/AB%00CD'), 'code');
    refused(await client(t).get('auth/links/abc%7F'), 'token');
  });

  it('answers 400 for a malformed percent-encoding in a query or a path, not 500 or a silent pass', async () => {
    refused(await admin.get('people?q=%E0%A4%A'), 'q', 'invalid_encoding');
    refused(await admin.get('people?q=100%'), 'q', 'invalid_encoding');
    refused(await admin.get('people/%E0%A4%A'), 'id', 'invalid_encoding');
    // A percent-encoded surrogate half is not UTF-8 either.
    refused(await admin.get('people?q=%ED%A0%80'), 'q', 'invalid_encoding');
  });

  it('refuses control characters in multipart fields and file names', async () => {
    const form = (purpose: string, name: string) => {
      const f = new FormData();
      f.set('file', new File([new Uint8Array(tinyPng)], name, { type: 'image/png' }));
      f.set('purpose', purpose);
      return f;
    };
    refused(await admin.post('learning/files', form('cover\u0000', 'cover.png')), 'purpose');
    refused(await admin.post('learning/files', form('cover', 'cover\u0000.png')), 'file.name');
    expect((await admin.post('learning/files', form('cover', 'cover.png'))).status).toBe(201);
  });

  it('refuses a people import whose file holds control characters (a binary file is not a CSV)', async () => {
    const csv = 'email,firstName,lastName\nnul@example.test,A\u0000,B\n';
    refused(await admin.post('people/imports?dryRun=false', csv, { 'content-type': 'text/csv' }), 'file');
    const f = new FormData();
    f.set('file', new File([new Uint8Array(tinyPng)], 'people.csv', { type: 'text/csv' }));
    const binary = await admin.post('people/imports?async=true', f);
    refused(binary, 'file');
  });

  it('refuses JSON nested deeper than any request needs, and malformed JSON, with 400', async () => {
    const deep = await admin.post('departments', `{"name":"x","a":${'['.repeat(5000)}${']'.repeat(5000)}}`, { 'content-type': 'application/json' });
    expect(deep.status).toBe(400);
    expect(deep.body.error.details[0]).toMatchObject({ code: 'too_deep' });
    const broken = await admin.post('departments', '{"name":', { 'content-type': 'application/json' });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('bad_request');
    // An empty JSON body is no body: fine where none is taken, refused where one is.
    expect((await admin.post('notifications/read-all', '', { 'content-type': 'application/json' })).status).toBe(204);
    expect((await admin.post('departments', '', { 'content-type': 'application/json' })).status).toBe(400);
  });
});

describe('dates PostgreSQL cannot hold', () => {
  it('refuses year 0 and instants past the year 9999 where the runtime would accept them', async () => {
    const person = (hireDate: string) => admin.post('people', { email: `hire-${hireDate}@example.test`, firstName: 'Hal', lastName: 'Hire', hireDate });
    refused(await person('0000-01-01'), 'hireDate', 'custom');
    expect((await person('0001-01-01')).status).toBe(201);

    refused(await admin.get('audit-events?from=-271821-04-20T00:00:00.000Z'), 'from', 'too_small');
    refused(await admin.get('audit-events?to=%2B275760-09-13T00:00:00.000Z'), 'to', 'too_big');
    refused(await admin.get('audit-events?from=0000-01-01'), 'from', 'too_small');

    refused(await admin.post(`people/${adminPersonId}/external-learning`, { title: 'Old', completedOn: '0000-01-01' }), 'completedOn', 'custom');

    const { course } = await createPublishedCourse(t, orgId);
    const [e] = await enrollPeople(t, orgId, { courseId: course.id }, [adminPersonId]);
    // 23:59 at UTC-14 on the last day of 9999 is already the year 10000.
    refused(await admin.patch(`enrollments/${e!.id}`, { dueAt: '9999-12-31T23:59:59.999-14:00' }), 'dueAt', 'custom');
    expect((await admin.patch(`enrollments/${e!.id}`, { dueAt: '9999-12-31T23:59:59+14:00' })).status).toBe(200);

    const { course: live } = await createPublishedCourse(t, orgId, { format: 'live' });
    const session = (startsAt: string, endsAt: string) =>
      admin.post(`courses/${live.id}/sessions`, { startsAt, endsAt, timeZone: 'Europe/Berlin', location: 'Room 1', capacity: 5 });
    refused(await session('9999-12-31T20:00', '9999-12-31T23:59:59.999-14:00'), 'endsAt', null);
    // Year 0 used to be stored as 1900.
    refused(await session('0000-01-01T09:00', '2030-01-01T10:00'), 'startsAt', null);
  });

  it('refuses integers past what PostgreSQL’s integer holds, where zod alone would let them through', async () => {
    const { course } = await createPublishedCourse(t, orgId);
    refused(await admin.put(`courses/${course.id}/draft`, { content: { sections: [] }, revision: 2 ** 53 - 1 }), 'revision', 'too_big');
    refused(await admin.put(`courses/${course.id}/draft`, { content: { sections: [] }, revision: 2 ** 31 }), 'revision', 'too_big');
  });
});

describe('database data exceptions, as a last line of defence', () => {
  const pgError = (code: string) => Object.assign(new Error('Failed query'), { cause: Object.assign(new Error('refused'), { code, severity: 'ERROR' }) });

  it('answer 400 validation_failed for a value the database cannot hold, and stay 500 for the server’s own mistakes', () => {
    for (const code of ['22001', '22003', '22007', '22008', '22021', '22P02']) {
      expect(toAppError(pgError(code))).toMatchObject({ code: 'validation_failed', status: 400 });
    }
    expect(toAppError(pgError('22012'))).toMatchObject({ code: 'internal', status: 500 });
    expect(toAppError(pgError('42P01'))).toMatchObject({ code: 'internal', status: 500 });
  });
});
