import type { z } from '@hono/zod-openapi';
import { z as zod } from 'zod';
import type { DbOrTx } from '../../platform/db/index.ts';
import { decodeCursor, keysetPage } from '../../platform/http/openapi.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/types.ts';
import { fieldDefsOf } from './custom-fields.cache.ts';
import { visibleValues, type FieldDef, type Relation } from './custom-fields.visibility.ts';
import { canReadEveryField } from './org.policy.ts';
import type { PersonSchema } from './org.schemas.ts';
import * as repo from './people.repo.ts';
import { reportsAmong } from './reporting-chain.repo.ts';

export type PersonDto = z.infer<typeof PersonSchema>;
export type PersonDetailDto = PersonDto & { directReportCount: number };

/**
 * The only way people leave the org module: every list, profile, preview and command answer goes
 * through here (or, for one profile read in one statement, `showPerson` with what it read), so each
 * person's custom fields are those the viewer may read of them.
 */
export async function showPeople(db: DbOrTx, viewer: Actor, rows: repo.PersonViewRow[]): Promise<PersonDto[]> {
  if (!rows.length) return [];
  const defs = await fieldDefsOf(db, viewer.orgId);
  // Whose manager the viewer is matters only for `chain` fields, and only to those not reading all.
  const chainFields = !canReadEveryField(viewer) && defs.some((d) => d.visibility === 'chain');
  const others = rows.filter((r) => r.id !== viewer.personId && Object.keys(r.customFields ?? {}).length).map((r) => r.id);
  const reports = chainFields ? await reportsAmong(db, viewer.orgId, viewer.personId, others) : new Set<string>();
  return rows.map((r) => showPerson(viewer, r, defs, reports.has(r.id)));
}

/** One person as the viewer may see them, given the field definitions and whether the viewer is above them. */
function showPerson(viewer: Actor, r: repo.PersonShownRow, defs: readonly FieldDef[], viewerAbove: boolean): PersonDto {
  const relation: Relation = r.id === viewer.personId ? 'self' : viewerAbove ? 'chain' : 'other';
  return { ...toPersonDto(r), customFields: visibleValues(r.customFields ?? {}, defs, viewer, relation) };
}

function toPersonDto(r: repo.PersonShownRow): PersonDto {
  return {
    id: r.id,
    email: r.email,
    firstName: r.firstName,
    lastName: r.lastName,
    name: `${r.firstName} ${r.lastName}`,
    employeeNumber: r.employeeNumber,
    jobTitle: r.jobTitle,
    department: r.departmentId && r.departmentName ? { id: r.departmentId, name: r.departmentName } : null,
    manager:
      r.managerId && r.managerFirstName != null
        ? { id: r.managerId, name: `${r.managerFirstName} ${r.managerLastName}` }
        : null,
    location: r.location,
    timeZone: r.timeZone,
    locale: r.locale,
    hireDate: r.hireDate,
    status: r.status,
    customFields: r.customFields ?? {},
  };
}

const NameCursor = zod.tuple([zod.string(), zod.string(), zod.uuid()]);

/** One page of people ordered by name, with a keyset cursor (stable under inserts). */
export async function pagePeople(
  db: DbOrTx,
  viewer: Actor,
  filter: repo.PeopleFilter,
  query: { limit?: number; cursor?: string },
): Promise<{ data: PersonDto[]; nextCursor: string | null }> {
  const limit = query.limit ?? 50;
  const rows = await repo.listPeople(db, viewer.orgId, filter, { limit: limit + 1, after: decodeCursor(query.cursor, NameCursor) });
  const { data, nextCursor } = keysetPage(rows, limit, (last) => [last.lastName, last.firstName, last.id]);
  return { data: await showPeople(db, viewer, data), nextCursor };
}

/** People by id, in the order given (any status). */
export async function peopleByIds(db: DbOrTx, viewer: Actor, ids: string[]): Promise<PersonDto[]> {
  if (!ids.length) return [];
  const rows = await repo.listPeople(db, viewer.orgId, { ids, status: 'all' }, { limit: ids.length });
  const byId = new Map((await showPeople(db, viewer, rows)).map((p) => [p.id, p]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function getPersonDetail(db: DbOrTx, viewer: Actor, id: string): Promise<PersonDetailDto> {
  // The profile statement reads the definitions itself: one round trip (measured faster than the cache here).
  const chainMatters = id !== viewer.personId && !canReadEveryField(viewer);
  const row = await repo.findPersonDetail(db, viewer.orgId, id, { personId: viewer.personId, chainMatters });
  if (!row) throw notFound('Person');
  return { ...showPerson(viewer, row, row.fieldDefs, row.viewerAbove), directReportCount: row.directReportCount };
}
