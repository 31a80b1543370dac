import { mailMessage, type MailAttachment } from '../../db/schema/index.ts';
import type { AppContext } from '../../context.ts';
import type { DbOrTx } from '../../platform/db/index.ts';

export type OutgoingMail = { orgId: string | null; to: string; subject: string; text: string; html?: string; attachments?: MailAttachment[] };

export const MAIL_JOB = 'mail.deliver';

/**
 * Queues an email in the caller's transaction. With SMTP configured a job delivers it;
 * without, it stays in the outbox that admins read in the web app.
 */
export async function queueMail(ctx: AppContext, tx: DbOrTx, mail: OutgoingMail): Promise<string> {
  const [row] = await tx
    .insert(mailMessage)
    .values({ ...mail, html: mail.html ?? null, attachments: mail.attachments?.length ? mail.attachments : null, status: ctx.config.smtpUrl ? 'queued' : 'outbox' })
    .returning({ id: mailMessage.id });
  return row!.id;
}
