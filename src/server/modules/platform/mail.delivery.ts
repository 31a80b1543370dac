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

/**
 * Sends queued mail over SMTP. Rows are claimed with SKIP LOCKED inside the transaction that
 * records the outcome, so a crash leaves them queued for the next sweep rather than lost.
 */
export async function deliverQueuedMail(ctx: AppContext, batch = 20): Promise<{ sent: number; failed: number }> {
  const url = ctx.config.smtpUrl;
  if (!url) return { sent: 0, failed: 0 };
  let sent = 0;
  let failed = 0;
  for (;;) {
    const n = await ctx.db.transaction(async (tx) => {
      const rows = await repo.claimQueuedMail(tx, batch);
      for (const m of rows) {
        // Once SMTP has the message (or refused it: failed mail is not retried) the stored copy
        // needs its links no more; keeping them would leave live sign-in links in the database.
        const { subject, text, html } = redactMail(m);
        try {
          await transport(url).sendMail({ from: ctx.config.mailFrom, to: m.to, subject: m.subject, text: m.text, html: m.html ?? undefined, attachments: m.attachments ?? undefined });
          await repo.markMail(tx, m.id, { status: 'sent', sentAt: ctx.clock.now(), error: null, subject, text, html });
          sent++;
        } catch (err) {
          await repo.markMail(tx, m.id, { status: 'failed', error: (err as Error).message.slice(0, 500), subject, text, html });
          failed++;
          ctx.log.warn({ err, mailId: m.id }, 'mail delivery failed');
        }
      }
      return rows.length;
    });
    if (n < batch) return { sent, failed };
  }
}
