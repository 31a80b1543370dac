import type { AppContext } from '../../context.ts';
import type { DbOrTx } from '../../platform/db/index.ts';
import { queueMail } from './mail.ts';
import * as repo from './platform.repo.ts';

export type NewNotification = {
  orgId: string;
  personId: string;
  kind: string;
  title: string;
  body?: string;
  /** A path inside the app, e.g. `/learning/…`. */
  link?: string;
  email?: boolean;
};

/** In-app notification, and an email too when asked, in the caller's transaction. */
export async function notify(ctx: AppContext, tx: DbOrTx, n: NewNotification) {
  const row = await repo.insertNotification(tx, {
    orgId: n.orgId,
    personId: n.personId,
    kind: n.kind,
    title: n.title,
    body: n.body ?? null,
    link: n.link ?? null,
  });
  if (n.email) {
    const p = await repo.findPersonEmail(tx, n.orgId, n.personId);
    if (p && p.status === 'active') {
      const url = n.link ? `${ctx.config.publicUrl}${n.link}` : ctx.config.publicUrl;
      await queueMail(ctx, tx, { orgId: n.orgId, to: p.email, subject: n.title, text: `${n.body ?? n.title}\n\n${url}\n` });
    }
  }
  return row;
}
