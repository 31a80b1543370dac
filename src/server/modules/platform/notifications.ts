import type { AppContext } from '../../context.ts';
import type { DbOrTx } from '../../platform/db/index.ts';
import { queueMails } from './mail.ts';
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
  const [row] = await notifyMany(ctx, tx, [n]);
  return row!;
}

/**
 * Many notifications in three statements whatever their number (notifications, the recipients'
 * addresses, the emails), so a 10,000-person assignment does not make 30,000 round trips.
 * Emails go to active people only. All of one organisation.
 */
export async function notifyMany(ctx: AppContext, tx: DbOrTx, list: NewNotification[]) {
  if (!list.length) return [];
  if (list.some((n) => n.orgId !== list[0]!.orgId)) throw new Error('notifyMany: notifications of one organisation only');
  // Stamped from the app's clock like the records they tell of, so "reminded since" reads one time line.
  const createdAt = ctx.clock.now();
  const rows = await repo.insertNotifications(
    tx,
    list.map((n) => ({ orgId: n.orgId, personId: n.personId, kind: n.kind, title: n.title, body: n.body ?? null, link: n.link ?? null, createdAt })),
  );
  const mailed = list.filter((n) => n.email);
  if (mailed.length) {
    const addresses = await repo.activePeopleEmails(tx, mailed[0]!.orgId, [...new Set(mailed.map((n) => n.personId))]);
    const mails = mailed.flatMap((n) => {
      const to = addresses.get(n.personId);
      if (!to) return [];
      const url = n.link ? `${ctx.config.publicUrl}${n.link}` : ctx.config.publicUrl;
      return [{ orgId: n.orgId, to, subject: n.title, text: `${n.body ?? n.title}\n\n${url}\n` }];
    });
    await queueMails(ctx, tx, mails);
  }
  return rows;
}
