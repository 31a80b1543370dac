import { and, asc, eq } from 'drizzle-orm';
import { mailMessage } from '../../src/server/db/schema/index.ts';
import type { TestApp } from './app.ts';

/** Every email queued to an address in an organisation, oldest first, as the recipient would read them. */
export function mailsTo(t: TestApp, orgId: string, to: string) {
  return t.ctx.db
    .select()
    .from(mailMessage)
    .where(and(eq(mailMessage.orgId, orgId), eq(mailMessage.to, to)))
    .orderBy(asc(mailMessage.createdAt));
}
