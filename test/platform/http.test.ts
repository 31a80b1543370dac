import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { client, signInAs } from '../support/client.ts';
import { createOrg, createUser, PASSWORD } from '../support/factories.ts';
import { tinyPng, uploadFile } from '../support/learning.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ maxUploadBytes: 1024 });
});

describe('platform HTTP', () => {
  it('answers health and readiness', async () => {
    expect((await client(t).get('/healthz')).status).toBe(200);
    const ready = await client(t).get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready' });
  });

  it('sends security headers and a request id', async () => {
    const res = await client(t).get('/healthz');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBeTruthy();
    expect(res.headers.get('x-request-id')).toMatch(/.{8,}/);
  });

  it('lets no browser or proxy keep an API answer, files aside', async () => {
    const org = await createOrg(t);
    const me = await signInAs(t, await createUser(t, org.id, { roles: ['learning_admin'] }));
    expect((await me.get('auth/me')).headers.get('cache-control')).toBe('no-store');
    expect((await client(t).get('auth/me')).headers.get('cache-control')).toBe('no-store');
    expect((await client(t).get('certificates/verify/NOPE-0000')).headers.get('cache-control')).toBe('no-store');
    // A file chooses for itself: the browser keeps it privately, so a video can seek.
    const uploads = await createTestApp(); // this file's app takes bodies of 1 kB at most
    const admin = await signInAs(uploads, await createUser(uploads, (await createOrg(uploads)).id, { roles: ['learning_admin'] }));
    const file = await uploadFile(admin, tinyPng, 'cover.png', 'cover');
    expect((await admin.get(`learning/files/${file.body.id}`)).headers.get('cache-control')).toBe('private, max-age=3600');
  });

  it('turns off browser features Tandem does not use, keeps those the embedded players ask for, and posts forms only to itself', async () => {
    const res = await client(t).get('/healthz');
    const policy = res.headers.get('permissions-policy')!;
    for (const off of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()', 'usb=()']) expect(policy).toContain(off);
    expect(policy).toMatch(/fullscreen=\(self [^)]*"https:\/\/www\.youtube\.com"/);
    expect(res.headers.get('content-security-policy')).toContain("form-action 'self'");
  });

  it('sends HSTS only over HTTPS: its own, or a trusted proxy’s', async () => {
    const hsts = (res: Response) => res.headers.get('strict-transport-security');
    expect(hsts(await t.app.request('/healthz'))).toBeNull();
    expect(hsts(await t.app.request('https://tandem.example/healthz'))).toMatch(/max-age=\d+/);
    expect(hsts(await t.app.request('/healthz', { headers: { 'x-forwarded-proto': 'https' } }))).toMatch(/max-age=\d+/);
    expect(hsts(await t.app.request('/healthz', { headers: { 'x-forwarded-proto': 'http' } }))).toBeNull();
    const direct = await createTestApp({ trustProxy: 0 });
    expect(hsts(await direct.app.request('/healthz', { headers: { 'x-forwarded-proto': 'https' } }))).toBeNull();
  });

  it('refuses an oversized body with 413 in the error format', async () => {
    const res = await client(t).post('auth/sign-in', { email: 'a@b.c', password: 'x'.repeat(4000) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('answers unknown API paths with a 404 error body', async () => {
    const org = await createOrg(t);
    const user = await createUser(t, org.id);
    void user;
    const res = await client(t).get('nope/nothing');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('publishes an OpenAPI 3.1 document and a rendered reference', async () => {
    const doc = await client(t).get('openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    for (const p of ['/auth/sign-in', '/people', '/people/{id}', '/audit-events', '/notifications', '/mail-outbox']) {
      expect(Object.keys(doc.body.paths)).toContain(p);
    }
    const html = await client(t).get('/api/docs');
    expect(html.status).toBe(200);
    expect(String(html.body)).toContain('swagger-ui');
  });
});

describe('answers served by Node', () => {
  // Served by @hono/node-server, the headers go on the Node response before the handler runs
  // (answer-headers.ts); under app.request() they are set on the answer. Both must say the same.
  it('carry the same headers as in-process answers: security, request id, HSTS, no-store, and a file’s own Cache-Control', async () => {
    const uploads = await createTestApp();
    const user = await createUser(uploads, (await createOrg(uploads)).id, { roles: ['learning_admin'] });
    const cookie = (await client(uploads).post('auth/sign-in', { email: user.email, password: PASSWORD })).headers.get('set-cookie')!.split(';')[0]!;
    const file = await uploadFile(client(uploads, { cookie }), tinyPng, 'cover.png', 'cover');
    const server = serve({ fetch: uploads.app.fetch, port: 0, hostname: '127.0.0.1' });
    try {
      await new Promise((resolve) => server.once('listening', resolve));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const varying = new Set(['date', 'content-length', 'x-request-id', 'connection', 'keep-alive', 'transfer-encoding', 'set-cookie']);
      const cases: Array<[string, Record<string, string>]> = [
        ['/healthz', {}],
        ['/healthz', { 'x-forwarded-proto': 'https' }],
        ['/api/v1/auth/me', {}],
        ['/api/v1/auth/me', { cookie }],
        ['/api/v1/nope', {}],
        [`/api/v1/learning/files/${file.body.id}`, { cookie }],
        ['/some/page/of/the/app', {}],
      ];
      for (const [path, headers] of cases) {
        const served = await fetch(base + path, { headers: { ...headers, 'x-request-id': 'given-id-1' } });
        await served.arrayBuffer();
        const inProcess = await uploads.app.request(path, { headers });
        expect(served.status, path).toBe(inProcess.status);
        const names = [...inProcess.headers.keys()].filter((n) => !varying.has(n));
        expect(names.length, path).toBeGreaterThan(10);
        for (const name of names) expect(served.headers.get(name), `${path} ${name}`).toBe(inProcess.headers.get(name));
        expect(served.headers.get('x-request-id')).toBe('given-id-1');
      }
      expect((await fetch(`${base}/api/v1/auth/me`)).headers.get('cache-control')).toBe('no-store');
      expect((await fetch(`${base}/api/v1/learning/files/${file.body.id}`, { headers: { cookie } })).headers.get('cache-control')).toBe('private, max-age=3600');
      expect((await fetch(`${base}/healthz`, { headers: { 'x-forwarded-proto': 'https' } })).headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    } finally {
      server.close();
    }
  });
});

describe('files', () => {
  it('stores bytes on disk and reads them back within the organisation only', async () => {
    const { storeFile, openFile } = await import('../../src/server/modules/platform/index.ts');
    const org = await createOrg(t);
    const other = await createOrg(t);
    const bytes = new TextEncoder().encode('evidence of completion');
    const row = await t.ctx.db.transaction((tx) =>
      storeFile(t.ctx, tx, { orgId: org.id, name: 'evidence.txt', contentType: 'text/plain', bytes, createdBy: null }),
    );
    expect(row.size).toBe(bytes.byteLength);
    const back = await openFile(t.ctx, org.id, row.id);
    expect(new TextDecoder().decode(back.bytes)).toBe('evidence of completion');
    await expect(openFile(t.ctx, other.id, row.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(t.ctx.files.get('../../etc/passwd')).rejects.toThrow(/Invalid storage key/);
  });
});
