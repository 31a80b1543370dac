import path from 'node:path';
import { expect } from '@playwright/test';
import { readMails, type SunkMail } from './mail-sink.ts';

/** Where the e2e server's SMTP sink stores mail: one directory per server port (runs side by side). */
export const mailDirFor = (port: number | string) => path.resolve('.tmp', `e2e-mail-${port}`);

/**
 * The newest email to `to` received since `since` (and matching `subject`), as its recipient got
 * it. Waits for it: the server's worker sends queued mail every few seconds.
 */
export async function mailTo(baseURL: string | undefined, to: string, opts: { since: Date; subject?: RegExp }): Promise<SunkMail> {
  const dir = mailDirFor(new URL(baseURL ?? 'http://127.0.0.1:3210').port);
  const find = () =>
    readMails(dir)
      .filter((m) => m.to.includes(to.toLowerCase()) && new Date(m.receivedAt) >= opts.since && (!opts.subject || opts.subject.test(m.subject)))
      .at(-1);
  await expect.poll(() => find()?.subject ?? null, { message: `an email to ${to}`, timeout: 30_000, intervals: [250, 500, 1000] }).not.toBeNull();
  return find()!;
}

/** The first link in a message's text that leads to `pathname` on the server. */
export function linkIn(mail: SunkMail, pathname: string): URL {
  const found = mail.text.match(/https?:\/\/\S+/g)?.map((u) => new URL(u)).find((u) => u.pathname === pathname);
  expect(found, `a ${pathname} link in “${mail.subject}”`).toBeTruthy();
  return found!;
}
