import type { z } from '@hono/zod-openapi';
import { z as zod } from 'zod';
import type { AppContext } from '../../context.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/openapi.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/types.ts';
import type { PeopleQuery, PersonSchema } from './org.schemas.ts';
import * as repo from './people.repo.ts';

export type PersonDto = z.infer<typeof PersonSchema>;

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

/** Person profile basics are visible to everyone in the organisation (DESIGN.md §5). */
export async function listPeople(ctx: AppContext, actor: Actor, query: z.infer<typeof PeopleQuery>) {
  const limit = query.limit ?? 50;
  const rows = await repo.listPeople(
    ctx.db,
    actor.orgId,
    { ...query, status: query.status ?? 'active' },
    { limit: limit + 1, after: decodeCursor(query.cursor, NameCursor) },
  );
  const more = rows.length > limit;
  const data = rows.slice(0, limit);
  const last = data.at(-1);
  return {
    data: data.map(toPersonDto),
    nextCursor: more && last ? encodeCursor([last.lastName, last.firstName, last.id]) : null,
  };
}

export async function getPerson(ctx: AppContext, actor: Actor, id: string): Promise<PersonDto> {
  const row = await repo.findPersonView(ctx.db, actor.orgId, id);
  if (!row) throw notFound('Person');
  return toPersonDto(row);
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
