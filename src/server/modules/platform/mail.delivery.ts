import nodemailer, { type Transporter } from 'nodemailer';
import type { AppContext } from '../../context.ts';
import { redactMail } from './mail.redact.ts';
import * as repo from './platform.repo.ts';

const transports = new Map<string, Transporter>();

function transport(url: string) {
  let t = transports.get(url);
  if (!t) {
    t = nodemailer.createTransport(url);
    transports.set(url, t);
  }
  return t;
}

/** A delivery that has not recorded its outcome by then is taken to have died with its process. */
export const ABANDONED_DELIVERY_MS = 10 * 60 * 1000;

/**
 * Sends queued mail over SMTP. Messages are claimed in one committed statement, sent with no
 * transaction open, and each outcome recorded on its own: on PGlite, with its one connection, a
 * transaction held across SMTP round trips made every request wait for the mail server. A crash
 * after the claim leaves messages `sending`; the sweep takes them again once the claim is
 * ABANDONED_DELIVERY_MS old (so mail is delivered at least once, rarely twice).
 */
export async function deliverQueuedMail(ctx: AppContext, batch = 20): Promise<{ sent: number; failed: number }> {
  const url = ctx.config.smtpUrl;
  if (!url) return { sent: 0, failed: 0 };
  let sent = 0;
  let failed = 0;
  for (;;) {
    const now = ctx.clock.now();
    const rows = await repo.claimQueuedMail(ctx.db, batch, now, new Date(now.getTime() - ABANDONED_DELIVERY_MS));
    for (const m of rows) {
      // Once SMTP has the message (or refused it: failed mail is not retried) the stored copy
      // needs its links no more; keeping them would leave live sign-in links in the database.
      const { subject, text, html } = redactMail(m);
      try {
        await transport(url).sendMail({ from: ctx.config.mailFrom, to: m.to, subject: m.subject, text: m.text, html: m.html ?? undefined, attachments: m.attachments ?? undefined });
        await repo.markMail(ctx.db, m.id, { status: 'sent', sentAt: ctx.clock.now(), error: null, subject, text, html });
        sent++;
      } catch (err) {
        await repo.markMail(ctx.db, m.id, { status: 'failed', error: (err as Error).message.slice(0, 500), subject, text, html });
        failed++;
        ctx.log.warn({ err, mailId: m.id }, 'mail delivery failed');
      }
    }
    if (rows.length < batch) return { sent, failed };
  }
}
