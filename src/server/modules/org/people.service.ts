import type { z } from '@hono/zod-openapi';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/types.ts';
import { listDepartmentRefs } from './departments.repo.ts';
import { readableGroup } from './groups.service.ts';
import type { PeopleQuery } from './org.schemas.ts';
import { getPersonDetail, pagePeople, peopleByIds, type PersonDetailDto, type PersonDto } from './people.queries.ts';
import * as repo from './people.repo.ts';
import * as chain from './reporting-chain.repo.ts';

/**
 * Person profile basics are visible to everyone in the organisation (DESIGN.md §5); custom fields
 * as their visibility says; group membership to those who may read the group's rule. The
 * directory has no custom-field filter or search (search covers name, email, employee number and
 * job title), so values cannot be probed through it.
 */
export async function listPeople(ctx: AppContext, actor: Actor, query: z.infer<typeof PeopleQuery>) {
  if (query.groupId) await readableGroup(ctx.db, actor, query.groupId);
  return pagePeople(ctx.db, actor, { ...query, status: query.status ?? 'active' }, query);
}

export async function getPerson(ctx: AppContext, actor: Actor, id: string): Promise<PersonDetailDto> {
  return getPersonDetail(ctx.db, actor, id);
}

export async function listReports(
  ctx: AppContext,
  actor: Actor,
  id: string,
  query: { limit?: number; cursor?: string; status?: 'active' | 'inactive' | 'all' },
) {
  if (!(await repo.findPerson(ctx.db, actor.orgId, id))) throw notFound('Person');
  return pagePeople(ctx.db, actor, { managerId: id, status: query.status ?? 'active' }, query);
}

/** The reporting chain above a person: direct manager first, the top last. */
export async function managerChain(ctx: AppContext, actor: Actor, id: string): Promise<{ data: PersonDto[] }> {
  if (!(await repo.findPerson(ctx.db, actor.orgId, id))) throw notFound('Person');
  const above = await chain.managerChain(ctx.db, actor.orgId, id);
  return { data: await peopleByIds(ctx.db, actor, above.map((m) => m.id)) };
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
