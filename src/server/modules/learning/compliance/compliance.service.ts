import type { z } from '@hono/zod-openapi';
import { iso } from '../../../platform/db/sql.ts';
import { stringify } from 'csv-stringify/sync';
import { z as zod } from 'zod';
import type { AppContext } from '../../../context.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { decodeCursor, keysetPage } from '../../../platform/http/openapi.ts';
import { conflict, notFound, validationFailed } from '../../../platform/http/errors.ts';
import type { Actor, ActorRef } from '../../../platform/http/types.ts';
import { actorRef, recordChange } from '../../platform/index.ts';
import type {
  ComplianceAudience,
  ComplianceRuleCreate,
  ComplianceRulesQuery,
  ComplianceRuleUpdate,
  RulePeopleQuery,
} from './compliance.schemas.ts';
import * as repo from './compliance.repo.ts';
import { enroll } from '../enrollment/index.ts';
import { requirePermission } from '../../org/index.ts';
import { canManageComplianceRules, canReadLearningReports } from '../learning.policy.ts';
import { cell } from '../reports/index.ts';


const dto = (r: repo.RuleWithNames) => ({
  id: r.id,
  name: r.name,
  courseId: r.courseId,
  programId: r.programId,
  targetTitle: r.targetTitle ?? '(deleted)',
  audience: { type: r.audienceType, id: r.audienceId, name: r.audienceName },
  validForMonths: r.validForMonths,
  reenrollDaysBefore: r.reenrollDaysBefore,
  dueDays: r.dueDays,
  escalateAfterDays: r.escalateAfterDays,
  active: r.active,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});
export type ComplianceRuleDto = ReturnType<typeof dto>;

const audit = (r: repo.RuleRow) => ({
  name: r.name,
  courseId: r.courseId,
  programId: r.programId,
  audienceType: r.audienceType,
  audienceId: r.audienceId,
  validForMonths: r.validForMonths,
  reenrollDaysBefore: r.reenrollDaysBefore,
  dueDays: r.dueDays,
  escalateAfterDays: r.escalateAfterDays,
  active: r.active,
});

type AudienceInput = z.infer<typeof ComplianceAudience>;
const audienceColumns = (a: AudienceInput) =>
  a.type === 'everyone'
    ? { audienceType: 'everyone' as const, audienceId: null }
    : a.type === 'group'
      ? { audienceType: 'group' as const, audienceId: a.groupId }
      : { audienceType: 'department' as const, audienceId: a.departmentId };

async function checkAudience(db: DbOrTx, orgId: string, a: AudienceInput) {
  if (a.type === 'everyone') return;
  const id = a.type === 'group' ? a.groupId : a.departmentId;
  if (!(await repo.audienceExists(db, orgId, { type: a.type, id }))) {
    const path = a.type === 'group' ? 'audience.groupId' : 'audience.departmentId';
    throw validationFailed('The audience does not exist', [{ path, message: `No such ${a.type}` }]);
  }
}

async function assertNameFree(db: DbOrTx, orgId: string, name: string, exceptId?: string) {
  const other = await repo.findRuleByName(db, orgId, name);
  if (other && other.id !== exceptId) {
    throw conflict(`A compliance rule named "${name}" already exists`, [{ path: 'name', message: 'Already used in this organisation' }]);
  }
}

/**
 * Enrols everyone of an active rule's audience who needs it now (newcomers, lapsed, or a
 * completion expiring within the window), set-based, then dates the new enrolments.
 */
export async function enrollDue(ctx: AppContext, tx: DbOrTx, by: ActorRef, rule: repo.RuleRow): Promise<number> {
  if (!rule.active) return 0;
  const now = ctx.clock.now();
  const ids = await repo.peopleToEnroll(tx, rule.orgId, rule, now);
  let count = 0;
  for (let i = 0; i < ids.length; i += 5000) {
    const created = await enroll(ctx, tx, by, {
      audience: { type: 'people', personIds: ids.slice(i, i + 5000) },
      courseId: rule.courseId,
      programId: rule.programId,
      reasonType: 'compliance',
      reasonRecordType: 'compliance_rule',
      reasonRecordId: rule.id,
      source: 'rule',
      assignedBy: by.personId,
      complianceRuleId: rule.id,
      // Dated below: a renewal is due when the completion it renews expires.
      dueAt: null,
    });
    count += created.length;
  }
  if (count) await repo.setRuleDueDates(tx, rule.orgId, rule, now);
  return count;
}

export async function listRules(ctx: AppContext, actor: Actor, query: z.infer<typeof ComplianceRulesQuery>) {
  requirePermission(actor, canReadLearningReports);
  const limit = query.limit ?? 50;
  const found = await repo.listRules(
    ctx.db,
    actor.orgId,
    { q: query.q, active: query.active === undefined ? undefined : query.active === 'true' },
    { limit: limit + 1, after: decodeCursor(query.cursor, zod.tuple([zod.string(), zod.uuid()])) },
  );
  const { data, nextCursor } = keysetPage(found, limit, (last) => [last.name.toLowerCase(), last.id]);
  return { data: data.map(dto), nextCursor };
}

export async function getRule(ctx: AppContext, actor: Actor, id: string) {
  requirePermission(actor, canReadLearningReports);
  const r = await repo.findRule(ctx.db, actor.orgId, id);
  if (!r) throw notFound('Compliance rule');
  return dto(r);
}

export async function createRule(ctx: AppContext, actor: Actor, input: z.infer<typeof ComplianceRuleCreate>, requestId?: string) {
  requirePermission(actor, canManageComplianceRules);
  return ctx.db.transaction(async (tx) => {
    await assertNameFree(tx, actor.orgId, input.name);
    const target = input.courseId ? { courseId: input.courseId } : { programId: input.programId! };
    if (!(await repo.isPublished(tx, actor.orgId, target))) {
      const path = input.courseId ? 'courseId' : 'programId';
      throw validationFailed('Choose a published course or program', [{ path, message: 'No such published course or program' }]);
    }
    await checkAudience(tx, actor.orgId, input.audience);
    const now = ctx.clock.now();
    const row = await repo.insertRule(tx, {
      orgId: actor.orgId,
      name: input.name,
      courseId: input.courseId ?? null,
      programId: input.programId ?? null,
      ...audienceColumns(input.audience),
      validForMonths: input.validForMonths,
      reenrollDaysBefore: input.reenrollDaysBefore,
      dueDays: input.dueDays,
      escalateAfterDays: input.escalateAfterDays ?? null,
      active: input.active,
      createdBy: actor.personId,
      createdAt: now,
      updatedAt: now,
    });
    const by = actorRef(actor, requestId);
    await recordChange(tx, by, { action: 'compliance_rule.created', recordType: 'compliance_rule', recordId: row.id, after: audit(row) });
    const enrolled = await enrollDue(ctx, tx, by, row);
    return { ...dto((await repo.findRule(tx, actor.orgId, row.id))!), enrolled };
  });
}

export async function updateRule(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.infer<typeof ComplianceRuleUpdate>,
  requestId?: string,
) {
  requirePermission(actor, canManageComplianceRules);
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findRule(tx, actor.orgId, id);
    if (!before) throw notFound('Compliance rule');
    if (input.name) await assertNameFree(tx, actor.orgId, input.name, id);
    if (input.audience) await checkAudience(tx, actor.orgId, input.audience);
    const { audience, ...rest } = input;
    const patch = Object.fromEntries(Object.entries({ ...rest, ...(audience ? audienceColumns(audience) : {}) }).filter(([, v]) => v !== undefined));
    if (!Object.keys(patch).length) return { ...dto(before), enrolled: 0 };
    await repo.updateRule(tx, actor.orgId, id, patch, ctx.clock.now());
    const after = (await repo.findRule(tx, actor.orgId, id))!;
    const by = actorRef(actor, requestId);
    await recordChange(tx, by, { action: 'compliance_rule.updated', recordType: 'compliance_rule', recordId: id, before: audit(before), after: audit(after) });
    // Activation or a wider audience enrols whoever now needs it; the sweep would, a little later.
    const enrolled = await enrollDue(ctx, tx, by, after);
    return { ...dto(after), enrolled };
  });
}

/** Deleting stops renewals; enrolments and completions it made stay on people's records. */
export async function deleteRule(ctx: AppContext, actor: Actor, id: string, requestId?: string) {
  requirePermission(actor, canManageComplianceRules);
  await ctx.db.transaction(async (tx) => {
    const before = await repo.findRule(tx, actor.orgId, id);
    if (!before) throw notFound('Compliance rule');
    await repo.deleteRule(tx, actor.orgId, id);
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'compliance_rule.deleted',
      recordType: 'compliance_rule',
      recordId: id,
      before: audit(before),
    });
  });
}

// ---- dashboard ------------------------------------------------------------------------------

const pct = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : 0);

export async function dashboard(ctx: AppContext, actor: Actor, ruleId?: string) {
  requirePermission(actor, canReadLearningReports);
  let rules: repo.RuleRow[];
  if (ruleId) {
    const r = await repo.findRule(ctx.db, actor.orgId, ruleId);
    if (!r) throw notFound('Compliance rule');
    rules = [r];
  } else {
    rules = await repo.activeRules(ctx.db, actor.orgId);
  }
  const now = ctx.clock.now();
  const depts = await repo.dashboard(ctx.db, actor.orgId, rules, now);
  const total = { people: 0, compliant: 0, expiring: 0, overdue: 0, inProgress: 0, notStarted: 0 };
  for (const d of depts) for (const k of Object.keys(total) as Array<keyof typeof total>) total[k] += d[k];
  return {
    ruleId: ruleId ?? null,
    rules: rules.map((r) => ({ id: r.id, name: r.name })),
    asOf: now.toISOString(),
    departments: depts.map((d) => ({ ...d, compliantPct: pct(d.compliant, d.people) })),
    total: { ...total, compliantPct: pct(total.compliant, total.people) },
  };
}

export async function dashboardCsv(ctx: AppContext, actor: Actor, ruleId?: string) {
  const d = await dashboard(ctx, actor, ruleId);
  const line = (name: string, r: typeof d.total) => [name, r.people, r.compliant, r.compliantPct, r.expiring, r.overdue, r.inProgress, r.notStarted];
  const csv = stringify([
    ['Department', 'People', 'Compliant', 'Compliant %', 'Expiring within 30 days', 'Overdue', 'In progress', 'Not started'],
    ...d.departments.map((x) => line(cell(x.departmentName ?? 'No department'), x)),
    line('Total', d.total),
  ]);
  const slug = ruleId ? (d.rules[0]?.name ?? 'rule').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') : 'all-rules';
  return { csv, filename: `compliance-${slug}-${d.asOf.slice(0, 10)}.csv` };
}

export async function rulePeople(ctx: AppContext, actor: Actor, id: string, query: z.infer<typeof RulePeopleQuery>) {
  requirePermission(actor, canReadLearningReports);
  const rule = await repo.findRule(ctx.db, actor.orgId, id);
  if (!rule) throw notFound('Compliance rule');
  const limit = query.limit ?? 50;
  const found = await repo.rulePeople(
    ctx.db,
    actor.orgId,
    rule,
    ctx.clock.now(),
    { status: query.status, departmentId: query.departmentId },
    { limit: limit + 1, after: decodeCursor(query.cursor, zod.tuple([zod.string(), zod.string(), zod.uuid()])) },
  );
  const { data, nextCursor } = keysetPage(found, limit, (last) => [last.lastName, last.firstName, last.personId]);
  return {
    data: data.map((p) => ({
      personId: p.personId,
      name: `${p.firstName} ${p.lastName}`,
      email: p.email,
      jobTitle: p.jobTitle,
      departmentId: p.departmentId,
      departmentName: p.departmentName,
      status: p.status,
      validUntil: iso(p.validUntil),
      enrollmentId: p.enrollmentId,
      dueAt: iso(p.dueAt),
    })),
    nextCursor,
  };
}
