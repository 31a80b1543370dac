import type { z } from '@hono/zod-openapi';
import { z as zod } from 'zod';
import type { AppContext } from '../../context.ts';
import type { DbOrTx } from '../../platform/db/index.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/openapi.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/types.ts';
import { listDepartmentRefs } from './departments.repo.ts';
import { hasRole } from './org.policy.ts';
import type { PeopleQuery, PersonSchema } from './org.schemas.ts';
import * as repo from './people.repo.ts';

export type PersonDto = z.infer<typeof PersonSchema>;
export type PersonDetailDto = PersonDto & { directReportCount: number };

export function toPersonDto(r: repo.PersonViewRow): PersonDto {
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
  orgId: string,
  filter: repo.PeopleFilter,
  query: { limit?: number; cursor?: string },
): Promise<{ data: PersonDto[]; nextCursor: string | null }> {
  const limit = query.limit ?? 50;
  const rows = await repo.listPeople(db, orgId, filter, { limit: limit + 1, after: decodeCursor(query.cursor, NameCursor) });
  const data = rows.slice(0, limit);
  const last = data.at(-1);
  return {
    data: data.map(toPersonDto),
    nextCursor: rows.length > limit && last ? encodeCursor([last.lastName, last.firstName, last.id]) : null,
  };
}

/** People by id, in the order given (any status). */
export async function peopleByIds(db: DbOrTx, orgId: string, ids: string[]): Promise<PersonDto[]> {
  if (!ids.length) return [];
  const rows = await repo.listPeople(db, orgId, { ids, status: 'all' }, { limit: ids.length });
  const byId = new Map(rows.map((r) => [r.id, toPersonDto(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Person profile basics are visible to everyone in the organisation (DESIGN.md §5); group membership is not. */
export async function listPeople(ctx: AppContext, actor: Actor, query: z.infer<typeof PeopleQuery>) {
  if (query.groupId && !hasRole(actor, 'hr_admin', 'learning_admin')) throw notFound('Group');
  return pagePeople(ctx.db, actor.orgId, { ...query, status: query.status ?? 'active' }, query);
}

export async function getPersonDetail(db: DbOrTx, orgId: string, id: string): Promise<PersonDetailDto> {
  const [row, reports] = await Promise.all([repo.findPersonView(db, orgId, id), repo.countDirectReports(db, orgId, id)]);
  if (!row) throw notFound('Person');
  return { ...toPersonDto(row), directReportCount: reports };
}

export async function getPerson(ctx: AppContext, actor: Actor, id: string): Promise<PersonDetailDto> {
  return getPersonDetail(ctx.db, actor.orgId, id);
}

export async function listReports(
  ctx: AppContext,
  actor: Actor,
  id: string,
  query: { limit?: number; cursor?: string; status?: 'active' | 'inactive' | 'all' },
) {
  if (!(await repo.findPerson(ctx.db, actor.orgId, id))) throw notFound('Person');
  return pagePeople(ctx.db, actor.orgId, { managerId: id, status: query.status ?? 'active' }, query);
}

/** The reporting chain above a person: direct manager first, the top last. */
export async function managerChain(ctx: AppContext, actor: Actor, id: string): Promise<{ data: PersonDto[] }> {
  if (!(await repo.findPerson(ctx.db, actor.orgId, id))) throw notFound('Person');
  const ids = await repo.managerChainIds(ctx.db, actor.orgId, id);
  return { data: await peopleByIds(ctx.db, actor.orgId, ids) };
}

export async function peopleFilters(ctx: AppContext, actor: Actor) {
  const [departments, locations] = await Promise.all([
    listDepartmentRefs(ctx.db, actor.orgId),
    repo.distinctLocations(ctx.db, actor.orgId),
  ]);
  return { departments, locations };
}

/** The signed-in person's summary used by the shell: name, organisation, whether they manage anyone. */
export async function getOrgProfile(ctx: AppContext, actor: Actor) {
  const [p, org, reports] = await Promise.all([
    repo.findPerson(ctx.db, actor.orgId, actor.personId),
    repo.findOrganisation(ctx.db, actor.orgId),
    repo.countDirectReports(ctx.db, actor.orgId, actor.personId),
  ]);
  if (!p || !org) throw notFound('Person');
  return {
    personId: p.id,
    orgId: org.id,
    orgName: org.name,
    name: `${p.firstName} ${p.lastName}`,
    email: p.email,
    isManager: reports > 0,
  };
}
