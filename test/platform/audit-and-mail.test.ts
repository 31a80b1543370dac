import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { and, desc, eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { beforeAll, describe, expect, it } from 'vitest';
import { readMails, startMailSink } from '../../e2e/support/mail-sink.ts';
import { mailMessage } from '../../src/server/db/schema/index.ts';
import { changeEvent, defineSubscriber, deliverQueuedMail, dispatchEvents, notify, queueMail } from '../../src/server/modules/platform/index.ts';
import { ABANDONED_DELIVERY_MS } from '../../src/server/modules/platform/mail.delivery.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { client, signInAs } from '../support/client.ts';
import { createOrg, createPerson, createUser } from '../support/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

describe('audit log', () => {
  it('records who changed what, and only admins can read it', async () => {
    const org = await createOrg(t);
    const admin = await createUser(t, org.id, { roles: ['admin'], firstName: 'Ada', lastName: 'Admin' });
    const hr = await createUser(t, org.id, { roles: ['hr_admin'] });
    const asAdmin = await signInAs(t, admin);
    const created = await asAdmin.post('people', { email: 'new.hire@example.test', firstName: 'New', lastName: 'Hire' });
    expect(created.status).toBe(201);

    const log = await asAdmin.get(`audit-events?recordType=person&recordId=${created.body.id}`);
    expect(log.status).toBe(200);
    expect(log.body.data).toHaveLength(1);
    expect(log.body.data[0]).toMatchObject({ action: 'person.created', actor: { id: admin.person.id, name: 'Ada Admin' } });
    expect(log.body.data[0]!.after).toMatchObject({ email: 'new.hire@example.test' });

    const facets = await asAdmin.get('audit-events/facets');
    expect(facets.body.actions).toContain('person.created');

    expect((await (await signInAs(t, hr)).get('audit-events')).status).toBe(404);
  });

  it('pages newest first without gaps or repeats', async () => {
    const org = await createOrg(t);
    const admin = await createUser(t, org.id, { roles: ['admin'] });
    const c = await signInAs(t, admin);
    for (let i = 0; i < 5; i++) await c.post('people', { email: `p${i}@example.test`, firstName: 'P', lastName: String(i) });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { data: { id: string; action: string }[]; nextCursor: string | null } } = await c.get(
        `audit-events?action=person.created&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...res.body.data.map((e) => e.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it('never shows another organisation’s events', async () => {
    const a = await createOrg(t);
    const b = await createOrg(t);
    const adminA = await createUser(t, a.id, { roles: ['admin'] });
    const adminB = await createUser(t, b.id, { roles: ['admin'] });
    const created = await (await signInAs(t, adminA)).post('people', { email: 'x@example.test', firstName: 'X', lastName: 'Y' });
    const res = await (await signInAs(t, adminB)).get(`audit-events?recordId=${created.body.id}`);
    expect(res.body.data).toEqual([]);
  });
});

describe('notifications', () => {
  it('shows a person their own notifications and lets them mark them read', async () => {
    const org = await createOrg(t);
    const me = await createUser(t, org.id);
    const other = await createUser(t, org.id);
    const theirs = await t.ctx.db.transaction((tx) =>
      notify(t.ctx, tx, { orgId: org.id, personId: other.person.id, kind: 'test', title: 'Not yours' }),
    );
    await t.ctx.db.transaction(async (tx) => {
      await notify(t.ctx, tx, { orgId: org.id, personId: me.person.id, kind: 'test', title: 'First', link: '/people' });
      await notify(t.ctx, tx, { orgId: org.id, personId: me.person.id, kind: 'test', title: 'Second', email: true });
    });
    const c = await signInAs(t, me);
    expect((await c.get('notifications/unread-count')).body).toEqual({ count: 2 });
    const list = await c.get('notifications');
    expect(list.body.data.map((n: { title: string }) => n.title).sort()).toEqual(['First', 'Second']);
    expect((await c.post(`notifications/${theirs.id}/read`)).status).toBe(404);
    expect((await c.post(`notifications/${list.body.data[0]!.id}/read`)).status).toBe(204);
    expect((await c.get('notifications/unread-count')).body).toEqual({ count: 1 });
    expect((await c.post('notifications/read-all')).status).toBe(204);
    expect((await c.get('notifications?unreadOnly=true')).body.data).toEqual([]);
  });
});

/** The stored copy of the newest email to an address: what the recipient was sent. */
async function storedMailTo(app: TestApp, orgId: string, to: string) {
  const [m] = await app.ctx.db
    .select()
    .from(mailMessage)
    .where(and(eq(mailMessage.orgId, orgId), eq(mailMessage.to, to)))
    .orderBy(desc(mailMessage.createdAt))
    .limit(1);
  return m!;
}
const tokenIn = (text: string) => /token=([A-Za-z0-9_-]+)/.exec(text)?.[1];

describe('mail', () => {
  it('keeps mail in the outbox without SMTP, readable by admins only', async () => {
    const org = await createOrg(t);
    const admin = await createUser(t, org.id, { roles: ['admin'] });
    const employee = await createUser(t, org.id);
    await t.ctx.db.transaction((tx) =>
      queueMail(t.ctx, tx, { orgId: org.id, to: 'someone@example.test', subject: 'Welcome aboard', text: 'Hello <b>there</b>' }),
    );
    const c = await signInAs(t, admin);
    const list = await c.get('mail-outbox?q=welcome');
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0]).toMatchObject({ status: 'outbox', to: 'someone@example.test' });
    const one = await c.get(`mail-outbox/${list.body.data[0]!.id}`);
    expect(one.body).toMatchObject({ text: 'Hello <b>there</b>', hiddenLinks: 0 });
    expect((await (await signInAs(t, employee)).get('mail-outbox')).status).toBe(404);
  });

  it('shows admins invitation and reset emails with the sign-in link hidden, so they cannot use it', async () => {
    const org = await createOrg(t);
    const admin = await createUser(t, org.id, { roles: ['admin'] });
    const newcomer = await createPerson(t, org.id, { email: 'newcomer@outbox.test' });
    const c = await signInAs(t, admin);
    expect((await c.post(`people/${newcomer.id}/invitation`)).status).toBe(202);
    expect((await client(t).post('auth/password-reset', { email: admin.email })).status).toBe(202);

    for (const to of ['newcomer@outbox.test', admin.email]) {
      const token = tokenIn((await storedMailTo(t, org.id, to)).text)!;
      expect(token, 'the recipient’s email holds a live link').toBeTruthy();
      const list = await c.get(`mail-outbox?q=${encodeURIComponent(to)}`);
      expect(list.body.data).toHaveLength(1);
      const one = await c.get(`mail-outbox/${list.body.data[0]!.id}`);
      expect(one.status).toBe(200);
      expect(one.body.text).toMatch(/\/(accept-invitation|reset-password)\?token=\[link hidden\]/);
      expect(one.body.hiddenLinks).toBe(1);
      expect(JSON.stringify([list.body, one.body])).not.toContain(token);
    }
  });

  it('audits every read of a message, by whom, and shows it in the audit log', async () => {
    const org = await createOrg(t);
    const admin = await createUser(t, org.id, { roles: ['admin'], firstName: 'Ada', lastName: 'Reader' });
    const id = await t.ctx.db.transaction((tx) => queueMail(t.ctx, tx, { orgId: org.id, to: 'kim@example.test', subject: 'Hi', text: 'Hello' }));
    const c = await signInAs(t, admin);
    expect((await c.get(`mail-outbox/${id}`)).status).toBe(200);
    expect((await c.get(`mail-outbox/${id}`)).status).toBe(200);
    // Listing shows no bodies and is not a read of a message.
    expect((await c.get('mail-outbox')).status).toBe(200);

    const log = await c.get(`audit-events?action=mail.read&recordId=${id}`);
    expect(log.body.data).toHaveLength(2);
    expect(log.body.data[0]).toMatchObject({ action: 'mail.read', recordType: 'mail_message', recordId: id, actor: { id: admin.person.id, name: 'Ada Reader' }, after: { to: 'kim@example.test' } });

    const other = await createOrg(t);
    const outsider = await signInAs(t, await createUser(t, other.id, { roles: ['admin'] }));
    expect((await outsider.get(`mail-outbox/${id}`)).status).toBe(404);
    expect((await c.get(`audit-events?action=mail.read&recordId=${id}`)).body.data).toHaveLength(2);
  });

  it('delivers queued mail over SMTP with its link, and keeps no live link once sent', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tandem-mail-'));
    const sink = await startMailSink(dir);
    try {
      const smtp = await createTestApp({ smtpUrl: `smtp://127.0.0.1:${sink.port}` });
      const org = await createOrg(smtp);
      const link = 'http://localhost:3000/accept-invitation?token=Zr4mQ9xK2b7LpW0sVtY3nE8cHjU5aD1fGiOkMqRwS_x';
      await smtp.ctx.db.transaction((tx) =>
        queueMail(smtp.ctx, tx, { orgId: org.id, to: 'grace@example.test', subject: 'Your invitation – welcome', text: `Join us, Grâce:\n\n${link}\n` }),
      );
      const result = await deliverQueuedMail(smtp.ctx);
      expect(result.sent).toBeGreaterThanOrEqual(1);
      const got = readMails(dir).filter((m) => m.to.includes('grace@example.test'));
      expect(got).toHaveLength(1);
      expect(got[0]).toMatchObject({ subject: 'Your invitation – welcome' });
      expect(got[0]!.text).toContain(`Join us, Grâce:\n\n${link}`);

      const stored = await storedMailTo(smtp, org.id, 'grace@example.test');
      expect(stored).toMatchObject({ status: 'sent', text: 'Join us, Grâce:\n\nhttp://localhost:3000/accept-invitation?token=[link hidden]\n' });
      const admin = await createUser(smtp, org.id, { roles: ['admin'] });
      const list = await (await signInAs(smtp, admin)).get('mail-outbox');
      expect(list.body.data[0]).toMatchObject({ status: 'sent' });
      expect(list.body.data[0]!.sentAt).not.toBeNull();
    } finally {
      await sink.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('mail delivery and the database', () => {
  it('holds no transaction or lock while the mail server answers', async () => {
    // A mail server that takes the message and answers only when the test lets it.
    let release!: () => void;
    const answered = new Promise<void>((resolve) => (release = resolve));
    let received!: () => void;
    const arrived = new Promise<void>((resolve) => (received = resolve));
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, callback) {
        stream.resume();
        stream.on('end', () => {
          received();
          void answered.then(() => callback());
        });
      },
    });
    server.listen(0, '127.0.0.1');
    await once(server.server, 'listening');
    try {
      const smtp = await createTestApp({ smtpUrl: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}` });
      const org = await createOrg(smtp);
      await smtp.ctx.db.transaction((tx) => queueMail(smtp.ctx, tx, { orgId: org.id, to: 'slow@example.test', subject: 'Slow', text: 'Hello' }));
      const delivery = deliverQueuedMail(smtp.ctx);
      await arrived;
      // The message's row is written to while SMTP still has it: nothing waits on the delivery.
      const write = smtp.ctx.db.update(mailMessage).set({ error: null }).where(eq(mailMessage.to, 'slow@example.test'));
      const outcome = await Promise.race([write.then(() => 'written'), new Promise((r) => setTimeout(() => r('blocked'), 3000))]);
      release();
      await delivery;
      expect(outcome).toBe('written');
      expect(await storedMailTo(smtp, org.id, 'slow@example.test')).toMatchObject({ status: 'sent' });
    } finally {
      release();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('sends again a message whose delivery died after claiming it, once the claim is old, and only once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tandem-mail-'));
    const sink = await startMailSink(dir);
    try {
      const smtp = await createTestApp({ smtpUrl: `smtp://127.0.0.1:${sink.port}` });
      const org = await createOrg(smtp);
      await smtp.ctx.db.transaction((tx) => queueMail(smtp.ctx, tx, { orgId: org.id, to: 'crash@example.test', subject: 'Again', text: 'Hello' }));
      // A delivery claimed it, then its process died before it recorded anything.
      await smtp.ctx.db
        .update(mailMessage)
        .set({ status: 'sending', sentAt: smtp.clock.now() })
        .where(eq(mailMessage.to, 'crash@example.test'));
      await deliverQueuedMail(smtp.ctx);
      expect(readMails(dir).filter((m) => m.to.includes('crash@example.test'))).toHaveLength(0);

      smtp.clock.advance(ABANDONED_DELIVERY_MS + 60_000);
      await deliverQueuedMail(smtp.ctx);
      await deliverQueuedMail(smtp.ctx);
      expect(readMails(dir).filter((m) => m.to.includes('crash@example.test'))).toHaveLength(1);
      expect(await storedMailTo(smtp, org.id, 'crash@example.test')).toMatchObject({ status: 'sent' });
    } finally {
      await sink.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('outbox', () => {
  const seen: string[] = [];
  const personCreated = defineSubscriber({
    event: changeEvent('person.created'),
    name: 'test-person-created',
    async handler(_ctx, event) {
      seen.push(String(event.payload.recordId));
    },
  });

  it('hands committed events to subscribers once', async () => {
    const app = await createTestApp({}, { subscribers: [personCreated] });
    const org = await createOrg(app);
    const admin = await createUser(app, org.id, { roles: ['admin'] });
    const created = await (await signInAs(app, admin)).post('people', { email: 'o@example.test', firstName: 'O', lastName: 'B' });
    await dispatchEvents(app.ctx);
    await app.ctx.jobs.drain();
    expect(seen).toContain(created.body.id);
    const before = seen.length;
    await dispatchEvents(app.ctx);
    await app.ctx.jobs.drain();
    expect(seen.length).toBe(before);
  });
});
