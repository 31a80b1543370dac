import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { reviewCycle, reviewTemplate } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { escapeLike } from '../../../platform/db/sql.ts';

export type TemplateRow = typeof reviewTemplate.$inferSelect;
export type TemplateWithUse = TemplateRow & { cycles: number };

const cyclesLaunched = sql<number>`(select count(*)::int from ${reviewCycle} c where c.org_id = ${reviewTemplate.orgId} and c.template_id = ${reviewTemplate.id} and c.launched_at is not null)`;

export async function listTemplates(db: DbOrTx, orgId: string, opts: { q?: string; includeArchived: boolean }): Promise<TemplateWithUse[]> {
  const found = await db
    .select({ t: reviewTemplate, cycles: cyclesLaunched })
    .from(reviewTemplate)
    .where(
      and(
        eq(reviewTemplate.orgId, orgId),
        opts.includeArchived ? undefined : isNull(reviewTemplate.archivedAt),
        opts.q ? sql`${reviewTemplate.name} ilike ${'%' + escapeLike(opts.q) + '%'}` : undefined,
      ),
    )
    .orderBy(asc(sql`lower(${reviewTemplate.name})`), asc(reviewTemplate.id))
    .limit(200);
  return found.map((r) => ({ ...r.t, cycles: r.cycles }));
}

export async function findTemplate(db: DbOrTx, orgId: string, id: string, lock = false): Promise<TemplateWithUse | undefined> {
  const q = db
    .select({ t: reviewTemplate, cycles: cyclesLaunched })
    .from(reviewTemplate)
    .where(and(eq(reviewTemplate.orgId, orgId), eq(reviewTemplate.id, id)))
    .limit(1);
  const [row] = lock ? await q.for('update', { of: reviewTemplate }) : await q;
  return row ? { ...row.t, cycles: row.cycles } : undefined;
}

export async function insertTemplate(db: DbOrTx, values: typeof reviewTemplate.$inferInsert): Promise<TemplateRow> {
  const [row] = await db.insert(reviewTemplate).values(values).returning();
  return row!;
}

export async function updateTemplate(db: DbOrTx, orgId: string, id: string, values: Partial<typeof reviewTemplate.$inferInsert>): Promise<TemplateRow> {
  const [row] = await db
    .update(reviewTemplate)
    .set(values)
    .where(and(eq(reviewTemplate.orgId, orgId), eq(reviewTemplate.id, id)))
    .returning();
  return row!;
}
