import type { MailAttachment } from '../../db/schema/index.ts';
import type { AppContext } from '../../context.ts';
import type { DbOrTx } from '../../platform/db/index.ts';
import * as repo from './platform.repo.ts';

export type OutgoingMail = { orgId: string | null; to: string; subject: string; text: string; html?: string; attachments?: MailAttachment[] };

/**
 * Queues an email in the caller's transaction. With SMTP configured the worker delivers it;
 * without, it stays in the outbox that admins read in the web app.
 */
export async function queueMail(ctx: AppContext, tx: DbOrTx, mail: OutgoingMail): Promise<string> {
  const [id] = await queueMails(ctx, tx, [mail]);
  return id!;
}

export async function queueMails(ctx: AppContext, tx: DbOrTx, mails: OutgoingMail[]): Promise<string[]> {
  if (!mails.length) return [];
  const status = ctx.config.smtpUrl ? ('queued' as const) : ('outbox' as const);
  return repo.insertMails(
    tx,
    mails.map((m) => ({ ...m, html: m.html ?? null, attachments: m.attachments?.length ? m.attachments : null, status })),
  );
}
