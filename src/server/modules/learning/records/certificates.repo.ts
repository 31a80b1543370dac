import { beforeKey } from '../../../platform/db/sql.ts';
import { and, desc, eq, sql } from 'drizzle-orm';
import { certificate, organisation } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';

export type CertificateRow = typeof certificate.$inferSelect;

export async function listForPerson(
  db: DbOrTx,
  orgId: string,
  personId: string,
  page: { limit: number; after?: [string, string] },
): Promise<CertificateRow[]> {
  return db
    .select()
    .from(certificate)
    .where(
      and(
        eq(certificate.orgId, orgId),
        eq(certificate.personId, personId),
        beforeKey([certificate.issuedAt, certificate.id], page.after),
      ),
    )
    .orderBy(desc(certificate.issuedAt), desc(certificate.id))
    .limit(page.limit);
}

export async function findCertificate(db: DbOrTx, orgId: string, id: string): Promise<(CertificateRow & { orgName: string }) | undefined> {
  const [row] = await db
    .select({ c: certificate, orgName: organisation.name })
    .from(certificate)
    .innerJoin(organisation, eq(organisation.id, certificate.orgId))
    .where(and(eq(certificate.orgId, orgId), eq(certificate.id, id)))
    .limit(1);
  return row && { ...row.c, orgName: row.orgName };
}

/**
 * The public verification page has no organisation to scope by: the code itself (96 random
 * bits, unique across organisations) is the only key, which is what makes it safe to share.
 */
export async function findByCode(db: DbOrTx, code: string): Promise<CertificateRow | undefined> {
  const [row] = await db.select().from(certificate).where(eq(certificate.verificationCode, code)).limit(1);
  return row;
}
