import { and, asc, eq, sql } from 'drizzle-orm';
import { customField, group, person } from '../../db/schema/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';

export type CustomFieldRow = typeof customField.$inferSelect;

export function listCustomFields(db: DbOrTx, orgId: string): Promise<CustomFieldRow[]> {
  return db.select().from(customField).where(eq(customField.orgId, orgId)).orderBy(asc(customField.key));
}

export async function findCustomField(db: DbOrTx, orgId: string, id: string): Promise<CustomFieldRow | undefined> {
  const [row] = await db
    .select()
    .from(customField)
    .where(and(eq(customField.orgId, orgId), eq(customField.id, id)))
    .limit(1);
  return row;
}

export async function findCustomFieldByKey(db: DbOrTx, orgId: string, key: string): Promise<CustomFieldRow | undefined> {
  const [row] = await db
    .select()
    .from(customField)
    .where(and(eq(customField.orgId, orgId), eq(customField.key, key)))
    .limit(1);
  return row;
}

export async function insertCustomField(db: DbOrTx, values: typeof customField.$inferInsert): Promise<CustomFieldRow> {
  const [row] = await db.insert(customField).values(values).returning();
  return row!;
}

export async function updateCustomField(
  db: DbOrTx,
  orgId: string,
  id: string,
  patch: Partial<Pick<CustomFieldRow, 'label' | 'options' | 'visibility'>>,
): Promise<CustomFieldRow> {
  const [row] = await db
    .update(customField)
    .set(patch)
    .where(and(eq(customField.orgId, orgId), eq(customField.id, id)))
    .returning();
  return row!;
}

export async function deleteCustomField(db: DbOrTx, orgId: string, id: string): Promise<void> {
  await db.delete(customField).where(and(eq(customField.orgId, orgId), eq(customField.id, id)));
}

/** Removes a field's stored values from every person of the organisation. */
export async function stripCustomFieldValues(db: DbOrTx, orgId: string, key: string): Promise<void> {
  await db
    .update(person)
    .set({ customFields: sql`${person.customFields} - ${key}::text` })
    .where(and(eq(person.orgId, orgId), sql`${person.customFields} ? ${key}::text`));
}

/** Names of smart groups whose rule reads the custom field. */
export async function smartGroupsUsingField(db: DbOrTx, orgId: string, key: string): Promise<string[]> {
  const rows = await db
    .select({ name: group.name })
    .from(group)
    .where(
      and(
        eq(group.orgId, orgId),
        eq(group.kind, 'smart'),
        sql`${group.rule}->'conditions' @> ${JSON.stringify([{ field: 'customField', key }])}::jsonb`,
      ),
    );
  return rows.map((r) => r.name);
}
