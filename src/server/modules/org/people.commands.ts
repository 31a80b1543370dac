import type { z } from '@hono/zod-openapi';
import type { AppContext } from '../../context.ts';
import type { CustomFieldValues } from '../../db/schema/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';
import { forgetActors } from '../../platform/http/actor-cache.ts';
import { AppError, conflict, forbidden, notFound, validationFailed, type ErrorDetail } from '../../platform/http/errors.ts';
import type { Actor, ActorRef } from '../../platform/http/types.ts';
import { actorRef, recordChange } from '../platform/index.ts';
import { listCustomFields } from './custom-fields.repo.ts';
import { mergeCustomFields, validateCustomFields } from './custom-fields.validate.ts';
import { canManagePeople, requirePermission } from './org.policy.ts';
import type { PersonCreate, PersonUpdate } from './org.schemas.ts';
import * as repo from './people.repo.ts';
import { getPersonDetail, type PersonDetailDto } from './people.queries.ts';
import { isInChainOf } from './reporting-chain.repo.ts';
import { rolesPhrase } from './sign-in-accounts.ts';
import { refreshSmartGroups } from './smart-groups.ts';

/** What the audit log keeps of a person. */
const snapshot = (p: repo.PersonRow) => ({
  email: p.email,
  firstName: p.firstName,
  lastName: p.lastName,
  employeeNumber: p.employeeNumber,
  jobTitle: p.jobTitle,
  departmentId: p.departmentId,
  managerId: p.managerId,
  location: p.location,
  timeZone: p.timeZone,
  locale: p.locale,
  hireDate: p.hireDate,
  status: p.status,
  customFields: p.customFields,
});

const emailTaken = (email: string) =>
  conflict(`Another person already uses the email ${email}`, [{ path: 'email', message: 'Already used in this organisation' }]);
const numberTaken = (n: string) =>
  conflict(`Another person already has the employee number ${n}`, [
    { path: 'employeeNumber', message: 'Already used in this organisation' },
  ]);

async function assertUnique(db: DbOrTx, orgId: string, selfId: string | null, email?: string, employeeNumber?: string | null) {
  if (email) {
    const other = await repo.findPersonByEmail(db, orgId, email);
    if (other && other.id !== selfId) throw emailTaken(email);
  }
  if (employeeNumber) {
    const other = await repo.findPersonByEmployeeNumber(db, orgId, employeeNumber);
    if (other && other.id !== selfId) throw numberTaken(employeeNumber);
  }
}

/** Department and manager must be of the same organisation; a manager may not sit below the person. */
async function checkReferences(db: DbOrTx, orgId: string, selfId: string | null, departmentId?: string | null, managerId?: string | null) {
  const errors: ErrorDetail[] = [];
  if (departmentId && !(await repo.findDepartmentRef(db, orgId, departmentId))) {
    errors.push({ path: 'departmentId', message: 'No such department in this organisation' });
  }
  if (managerId) {
    const m = await repo.findPerson(db, orgId, managerId);
    if (!m) errors.push({ path: 'managerId', message: 'No such person in this organisation' });
    else if (m.status !== 'active') errors.push({ path: 'managerId', message: `${m.firstName} ${m.lastName} is inactive` });
    else if (selfId && (managerId === selfId || (await isInChainOf(db, orgId, selfId, managerId)))) {
      errors.push({
        path: 'managerId',
        message:
          managerId === selfId
            ? 'A person cannot be their own manager'
            : `${m.firstName} ${m.lastName} reports to this person, so they cannot be this person's manager (reporting lines would form a cycle)`,
      });
    }
  }
  if (errors.length) throw new AppError('unprocessable', errors.map((e) => e.message).join('; '), errors);
}

async function checkCustomFields(db: DbOrTx, orgId: string, values: Record<string, unknown>): Promise<CustomFieldValues> {
  const defs = await listCustomFields(db, orgId);
  const { values: checked, errors } = validateCustomFields(defs, values);
  if (errors.length) throw validationFailed('Some custom field values are not valid', errors);
  return checked;
}

/** Refuses a change to who can sign in as a person whose account holds roles the actor lacks. */
async function assertCanManageSignIn(ctx: AppContext, db: DbOrTx, by: ActorRef, p: repo.PersonRow, what: string) {
  const missing = (await ctx.signInAccounts.beyond(db, by, [p.id])).get(p.id);
  if (missing) {
    throw forbidden(`${p.firstName} ${p.lastName} has ${rolesPhrase(missing)}, which you do not have: only someone who has it can ${what}`);
  }
}

/** A race past the pre-checks still lands on the unique indexes: name the field. */
function mapUniqueViolation(err: unknown, email?: string, employeeNumber?: string | null): never {
  const e = ((err as { cause?: unknown })?.cause ?? err) as { code?: string; constraint?: string; message?: string };
  if (e?.code === '23505') {
    const which = `${e.constraint ?? ''} ${e.message ?? ''}`;
    if (which.includes('person_org_email_uq')) throw emailTaken(email ?? '');
    if (which.includes('person_org_employee_number_uq')) throw numberTaken(employeeNumber ?? '');
  }
  throw err;
}

export async function createPerson(
  ctx: AppContext,
  actor: Actor,
  input: z.infer<typeof PersonCreate>,
  requestId?: string,
): Promise<PersonDetailDto> {
  requirePermission(actor, canManagePeople);
  try {
    return await ctx.db.transaction(async (tx) => {
      await assertUnique(tx, actor.orgId, null, input.email, input.employeeNumber);
      await checkReferences(tx, actor.orgId, null, input.departmentId, input.managerId);
      const customFields = mergeCustomFields({}, await checkCustomFields(tx, actor.orgId, input.customFields ?? {}));
      const now = ctx.clock.now();
      const row = await repo.insertPerson(tx, {
        ...input,
        orgId: actor.orgId,
        employeeNumber: input.employeeNumber || null,
        customFields,
        status: 'active',
        createdAt: now,
        updatedAt: now,
      });
      const by = actorRef(actor, requestId);
      await recordChange(tx, by, { action: 'person.created', recordType: 'person', recordId: row.id, after: snapshot(row) });
      await refreshSmartGroups(tx, actor.orgId, by, { now, scope: { personId: row.id, withReports: false } });
      return getPersonDetail(tx, actor, row.id);
    });
  } catch (err) {
    mapUniqueViolation(err, input.email, input.employeeNumber);
  }
}

export async function updatePerson(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.infer<typeof PersonUpdate>,
  requestId?: string,
): Promise<PersonDetailDto> {
  requirePermission(actor, canManagePeople);
  try {
    const shown = await ctx.db.transaction(async (tx) => {
      const before = await repo.findPerson(tx, actor.orgId, id);
      if (!before) throw notFound('Person');
      const { customFields: cf, ...fields } = input;
      const patch: repo.PersonPatch = { ...fields };
      if ('employeeNumber' in patch) patch.employeeNumber = patch.employeeNumber || null;
      await assertUnique(tx, actor.orgId, id, input.email, input.employeeNumber);
      // Only what changes is checked: a form resending an unchanged (since deactivated) manager still saves.
      await checkReferences(
        tx,
        actor.orgId,
        id,
        input.departmentId !== before.departmentId ? input.departmentId : undefined,
        input.managerId !== before.managerId ? input.managerId : undefined,
      );
      if (cf) patch.customFields = mergeCustomFields(before.customFields, await checkCustomFields(tx, actor.orgId, cf));
      const changed = (Object.keys(patch) as (keyof repo.PersonPatch)[]).filter(
        (k) => JSON.stringify(patch[k] ?? null) !== JSON.stringify(before[k] ?? null),
      );
      if (!changed.length) return getPersonDetail(tx, actor, id);
      const by = actorRef(actor, requestId);
      // The email is the sign-in email: whoever changes it could receive the account's sign-in links.
      if (changed.includes('email')) await assertCanManageSignIn(ctx, tx, by, before, 'change their email');
      const now = ctx.clock.now();
      const after = await repo.updatePerson(tx, actor.orgId, id, patch, now);
      if (changed.includes('email')) await ctx.signInAccounts.emailsChanged(ctx, tx, by, [id]);
      await recordChange(tx, by, {
        action: 'person.updated',
        recordType: 'person',
        recordId: id,
        before: snapshot(before),
        after: snapshot(after),
        event: { changed },
      });
      // "Reports to (chain)" rules see everyone below a person whose manager changed.
      const scope = { personId: id, withReports: changed.includes('managerId') };
      await refreshSmartGroups(tx, actor.orgId, by, { now, scope });
      return getPersonDetail(tx, actor, id);
    });
    // Signed-in actors carry the person's name (audit labels).
    forgetActors(ctx, actor.orgId);
    return shown;
  } catch (err) {
    mapUniqueViolation(err, input.email, input.employeeNumber);
  }
}

/** Deactivation keeps the person's history and reporting lines; smart groups drop them. */
export async function setPersonStatus(
  ctx: AppContext,
  actor: Actor,
  id: string,
  status: 'active' | 'inactive',
  requestId?: string,
): Promise<PersonDetailDto> {
  requirePermission(actor, canManagePeople);
  const shown = await ctx.db.transaction(async (tx) => {
    const before = await repo.findPerson(tx, actor.orgId, id);
    if (!before) throw notFound('Person');
    if (before.status === status) return getPersonDetail(tx, actor, id);
    const by = actorRef(actor, requestId);
    if (status === 'inactive') {
      if (id === actor.personId) throw conflict('You cannot deactivate yourself; ask another HR admin');
      await assertCanManageSignIn(ctx, tx, by, before, 'deactivate them');
    }
    const now = ctx.clock.now();
    const after = await repo.updatePerson(tx, actor.orgId, id, { status }, now);
    await recordChange(tx, by, {
      action: status === 'inactive' ? 'person.deactivated' : 'person.reactivated',
      recordType: 'person',
      recordId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
    await refreshSmartGroups(tx, actor.orgId, by, { now, scope: { personId: id, withReports: false } });
    return getPersonDetail(tx, actor, id);
  });
  // A deactivated person's sessions and tokens stop at once in this process (identity resolves them).
  forgetActors(ctx, actor.orgId);
  return shown;
}
