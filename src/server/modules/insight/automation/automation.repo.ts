import { and, eq, sql, type SQL } from 'drizzle-orm';
import {
  automationRule, automationRun, certificate, course, customField, department, enrollment, group, groupMember, jobProfile, person, program, skill,
  type AutomationEvent,
} from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { rows, uuidArray, withDates } from '../../../platform/db/sql.ts';
import { departmentsBelowSql } from '../../org/index.ts';
import type { Condition } from './automation.schemas.ts';
import { isPersonCondition } from './automation.match.ts';

// The only SQL of automation rules. People are read set-based from org's person table (as
// learning's audiences are); every statement is scoped by org_id.

export type RuleRow = typeof automationRule.$inferSelect;
export type RunRow = typeof automationRun.$inferSelect;

export async function listRules(db: DbOrTx, orgId: string): Promise<RuleRow[]> {
  return db.select().from(automationRule).where(and(eq(automationRule.orgId, orgId), sql`${automationRule.archivedAt} is null`)).orderBy(automationRule.name, automationRule.id);
}

export async function findRule(db: DbOrTx, orgId: string, id: string, forUpdate = false): Promise<RuleRow | undefined> {
  const q = db.select().from(automationRule).where(and(eq(automationRule.orgId, orgId), eq(automationRule.id, id), sql`${automationRule.archivedAt} is null`)).limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function activeRules(db: DbOrTx, orgId: string, event: AutomationEvent): Promise<RuleRow[]> {
  return db
    .select()
    .from(automationRule)
    .where(and(eq(automationRule.orgId, orgId), eq(automationRule.event, event), eq(automationRule.status, 'active'), sql`${automationRule.archivedAt} is null`));
}

/** Organisations with an active rule on the event (the daily sweep visits only these). */
export async function orgsWithActiveRules(db: DbOrTx, events: AutomationEvent[]): Promise<string[]> {
  const r = await db.execute(sql`select distinct org_id as "orgId" from ${automationRule}
    where status = 'active' and archived_at is null and event in (${sql.join(events.map((e) => sql`${e}`), sql`, `)})`);
  return rows<{ orgId: string }>(r).map((x) => x.orgId);
}

export async function insertRule(db: DbOrTx, v: typeof automationRule.$inferInsert): Promise<RuleRow> {
  const [row] = await db.insert(automationRule).values(v).returning();
  return row!;
}

export async function updateRule(db: DbOrTx, orgId: string, id: string, patch: Partial<typeof automationRule.$inferInsert>): Promise<RuleRow> {
  const [row] = await db.update(automationRule).set(patch).where(and(eq(automationRule.orgId, orgId), eq(automationRule.id, id))).returning();
  return row!;
}

export async function runCounts(db: DbOrTx, orgId: string, ruleIds: string[]): Promise<Map<string, { done: number; skipped: number; failed: number }>> {
  const out = new Map<string, { done: number; skipped: number; failed: number }>();
  if (!ruleIds.length) return out;
  const r = await db.execute(sql`select rule_id as "ruleId", status, count(*)::int as n from ${automationRun}
    where org_id = ${orgId} and rule_id = any(${uuidArray(ruleIds)}) group by rule_id, status`);
  for (const x of rows<{ ruleId: string; status: 'done' | 'skipped' | 'failed'; n: number }>(r)) {
    const c = out.get(x.ruleId) ?? { done: 0, skipped: 0, failed: 0 };
    c[x.status] = x.n;
    out.set(x.ruleId, c);
  }
  return out;
}

export type RunView = RunRow & { personName: string | null };

/** A rule's runs, newest first, keyset-paged on (ran_at, id). */
export async function listRuns(db: DbOrTx, orgId: string, ruleId: string, limit: number, after?: [string, string]): Promise<RunView[]> {
  const r = await db.execute(sql`
    select r.id, r.org_id as "orgId", r.rule_id as "ruleId", r.trigger_key as "triggerKey", r.person_id as "personId", r.status,
      r.detail, r.error, r.ran_at as "ranAt", case when p.id is null then null else p.first_name || ' ' || p.last_name end as "personName"
    from ${automationRun} r left join ${person} p on p.id = r.person_id and p.org_id = r.org_id
    where r.org_id = ${orgId} and r.rule_id = ${ruleId}
      ${after ? sql`and (r.ran_at, r.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : sql``}
    order by r.ran_at desc, r.id desc limit ${limit}`);
  return rows<RunView>(r).map((x) => withDates(x, ['ranAt']));
}

// ---- who the conditions select -------------------------------------------------------------------

/** The SQL test of one condition on the person `p`; event conditions are tested in code. */
function personTest(orgId: string, c: Condition): SQL | undefined {
  if (!isPersonCondition(c)) return undefined;
  switch (c.field) {
    case 'department':
      return sql`p.department_id in (${departmentsBelowSql(orgId, c.value)})`;
    case 'group':
      return sql`exists (select 1 from ${groupMember} gm where gm.org_id = ${orgId} and gm.person_id = p.id and gm.group_id = any(${uuidArray(c.value)}))`;
    case 'jobProfile':
      return sql`p.job_profile_id = any(${uuidArray(c.value)})`;
    case 'location':
      return sql`lower(p.location) = lower(${c.value})`;
    case 'customField':
      return sql`p.custom_fields ->> ${c.value.key} = ${c.value.value}`;
    case 'hiredAfter':
      return sql`p.hire_date > ${c.value}::date`;
  }
}

/** `p` is an active person of the organisation passing every condition on the person. */
export function selectedSql(orgId: string, conditions: readonly Condition[]): SQL {
  const tests = conditions.map((c) => personTest(orgId, c)).filter((t): t is SQL => !!t);
  return sql.join([sql`p.org_id = ${orgId} and p.status = 'active'`, ...tests], sql` and `);
}

export async function countSelected(db: DbOrTx, orgId: string, conditions: readonly Condition[]): Promise<number> {
  const r = await db.execute(sql`select count(*)::int as n from ${person} p where ${selectedSql(orgId, conditions)}`);
  return rows<{ n: number }>(r)[0]!.n;
}

export async function firstSelected(db: DbOrTx, orgId: string, conditions: readonly Condition[], limit: number) {
  const r = await db.execute(sql`select p.id, p.first_name || ' ' || p.last_name as name, p.job_title as "jobTitle"
    from ${person} p where ${selectedSql(orgId, conditions)} order by p.last_name, p.first_name, p.id limit ${limit}`);
  return rows<{ id: string; name: string; jobTitle: string | null }>(r);
}

export async function personSelected(db: DbOrTx, orgId: string, personId: string, conditions: readonly Condition[]): Promise<boolean> {
  const r = await db.execute(sql`select 1 from ${person} p where p.id = ${personId} and ${selectedSql(orgId, conditions)}`);
  return rows(r).length > 0;
}

export async function managerOf(db: DbOrTx, orgId: string, personId: string): Promise<string | null> {
  const r = await db.execute(sql`select p.manager_id as "managerId" from ${person} p
    join ${person} m on m.id = p.manager_id and m.org_id = p.org_id and m.status = 'active'
    where p.org_id = ${orgId} and p.id = ${personId}`);
  return rows<{ managerId: string }>(r)[0]?.managerId ?? null;
}

// ---- runs ---------------------------------------------------------------------------------------

/** Claims (rule, trigger): the unique index makes a second delivery of the same trigger a no-op (undefined). */
export async function claimRun(db: DbOrTx, orgId: string, ruleId: string, triggerKey: string, personId: string | null, now: Date): Promise<string | undefined> {
  const r = await db.execute(sql`insert into ${automationRun} (id, org_id, rule_id, trigger_key, person_id, status, detail, ran_at)
    values (tandem_uuid_v7(), ${orgId}, ${ruleId}, ${triggerKey}, ${personId}, 'done', '[]'::jsonb, ${now})
    on conflict (rule_id, trigger_key) do nothing returning id`);
  return rows<{ id: string }>(r)[0]?.id;
}

export async function finishRun(db: DbOrTx, orgId: string, id: string, status: 'done' | 'skipped' | 'failed', detail: Array<Record<string, unknown>>, error: string | null = null) {
  await db.update(automationRun).set({ status, detail, error }).where(and(eq(automationRun.orgId, orgId), eq(automationRun.id, id)));
}

/** Records a run in one statement, whatever it was (a failure after its transaction rolled back). */
export async function upsertRun(db: DbOrTx, orgId: string, ruleId: string, triggerKey: string, personId: string | null, status: 'failed' | 'skipped', detail: unknown[], error: string | null, now: Date) {
  await db.execute(sql`insert into ${automationRun} (id, org_id, rule_id, trigger_key, person_id, status, detail, error, ran_at)
    values (tandem_uuid_v7(), ${orgId}, ${ruleId}, ${triggerKey}, ${personId}, ${status}, ${JSON.stringify(detail)}::jsonb, ${error}, ${now})
    on conflict (rule_id, trigger_key) do nothing`);
}

/**
 * Of the ids, those this rule wrote (recorded in its runs' detail as `{ id }`): the loop guard.
 * One containment test per id on the rule's own runs.
 */
export async function writtenByRule(db: DbOrTx, orgId: string, ruleId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const r = await db.execute(sql`select x.id from unnest(${uuidArray(ids)}) as x(id)
    where exists (select 1 from ${automationRun} r where r.org_id = ${orgId} and r.rule_id = ${ruleId}
      and r.detail @> jsonb_build_array(jsonb_build_object('id', x.id::text)))`);
  return new Set(rows<{ id: string }>(r).map((x) => x.id));
}

/**
 * The first run's claim for a batch of the selected people, in one statement: a run per person
 * (`first-run:<id>`) not yet run, in id order after `afterId`. Returns the people claimed and
 * the last id looked at (the next batch starts after it), or null when none were left.
 */
export async function claimFirstRunBatch(db: DbOrTx, orgId: string, ruleId: string, conditions: readonly Condition[], afterId: string | null, limit: number, now: Date) {
  const r = await db.execute(sql`
    with batch as (
      select p.id from ${person} p where ${selectedSql(orgId, conditions)} ${afterId ? sql`and p.id > ${afterId}` : sql``}
      order by p.id limit ${limit}
    ), claimed as (
      insert into ${automationRun} (id, org_id, rule_id, trigger_key, person_id, status, detail, ran_at)
      select tandem_uuid_v7(), ${orgId}, ${ruleId}, 'first-run:' || b.id, b.id, 'done', '[]'::jsonb, ${now} from batch b
      on conflict (rule_id, trigger_key) do nothing returning id, person_id
    )
    select (select max(id::text) from batch) as "lastId", coalesce((select json_agg(json_build_object('runId', id, 'personId', person_id)) from claimed), '[]'::json) as claimed`);
  const row = rows<{ lastId: string | null; claimed: Array<{ runId: string; personId: string }> | string }>(r)[0]!;
  const claimed = typeof row.claimed === 'string' ? (JSON.parse(row.claimed) as Array<{ runId: string; personId: string }>) : row.claimed;
  return { lastId: row.lastId, claimed };
}

/** Sets many runs' details in one statement (one array parameter each). */
export async function setRunDetails(db: DbOrTx, orgId: string, runIds: string[], details: unknown[]) {
  if (!runIds.length) return;
  await db.execute(sql`update ${automationRun} r set detail = d.detail::jsonb
    from unnest(${uuidArray(runIds)}, ${`{${details.map((d) => JSON.stringify(JSON.stringify(d))).join(',')}}`}::text[]) as d(id, detail)
    where r.org_id = ${orgId} and r.id = d.id`);
}

// ---- references a rule names ----------------------------------------------------------------------

/** Of the ids, those that exist in the organisation and are usable (not archived; courses and programs published). */
export async function usableIds(db: DbOrTx, orgId: string, kind: 'department' | 'group' | 'jobProfile' | 'skill' | 'course' | 'program' | 'person', ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const list = uuidArray(ids);
  const q = {
    department: sql`select id from ${department} where org_id = ${orgId} and id = any(${list})`,
    group: sql`select id from ${group} where org_id = ${orgId} and id = any(${list})`,
    jobProfile: sql`select id from ${jobProfile} where org_id = ${orgId} and id = any(${list}) and archived_at is null`,
    skill: sql`select id from ${skill} where org_id = ${orgId} and id = any(${list}) and archived_at is null`,
    course: sql`select id from ${course} where org_id = ${orgId} and id = any(${list}) and status = 'published'`,
    program: sql`select id from ${program} where org_id = ${orgId} and id = any(${list}) and status = 'published'`,
    person: sql`select id from ${person} where org_id = ${orgId} and id = any(${list}) and status = 'active'`,
  }[kind];
  return new Set(rows<{ id: string }>(await db.execute(q)).map((x) => x.id));
}

export async function customFieldKeys(db: DbOrTx, orgId: string): Promise<Set<string>> {
  const r = await db.select({ key: customField.key }).from(customField).where(eq(customField.orgId, orgId));
  return new Set(r.map((x) => x.key));
}

// ---- the daily sweep's triggers -----------------------------------------------------------------

export type SweepTrigger = { id: string; personId: string; courseId: string | null; programId: string | null; enrollmentId: string };

/** Open enrolments past their due date (one trigger each, whatever the number of sweeps). */
export async function overdueEnrollments(db: DbOrTx, orgId: string, now: Date): Promise<SweepTrigger[]> {
  const r = await db.execute(sql`select e.id, e.person_id as "personId", e.course_id as "courseId", e.program_id as "programId", e.id as "enrollmentId"
    from ${enrollment} e join ${person} p on p.id = e.person_id and p.org_id = e.org_id and p.status = 'active'
    where e.org_id = ${orgId} and e.status in ('not_started', 'in_progress', 'failed') and e.due_at < ${now} and e.parent_enrollment_id is null`);
  return rows<SweepTrigger>(r);
}

/** Certificates expiring within the window and not revoked (one trigger each). */
export async function expiringCertificates(db: DbOrTx, orgId: string, now: Date, until: Date): Promise<SweepTrigger[]> {
  const r = await db.execute(sql`select c.id, c.person_id as "personId", c.course_id as "courseId", c.program_id as "programId", c.enrollment_id as "enrollmentId"
    from ${certificate} c join ${person} p on p.id = c.person_id and p.org_id = c.org_id and p.status = 'active'
    where c.org_id = ${orgId} and c.revoked_at is null and c.expires_at > ${now} and c.expires_at <= ${until}`);
  return rows<SweepTrigger>(r);
}

