import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { afterKey, rows } from '../../../platform/db/sql.ts';
import { complianceRule, course, department, enrollment, group, groupMember, isOpenStatus, person, program } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { departmentsBelowSql } from '../../org/index.ts';
import { audienceSql, type Audience } from '../enrollment/index.ts';

export type RuleRow = typeof complianceRule.$inferSelect;
export type RuleWithNames = RuleRow & { targetTitle: string | null; audienceName: string | null };

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const isOpen = isOpenStatus(sql`e.status`);

export const ruleAudience = (r: Pick<RuleRow, 'audienceType' | 'audienceId'>): Audience =>
  r.audienceType === 'everyone' ? { type: 'everyone' } : { type: r.audienceType, id: r.audienceId! };

const targetTitle = sql<string | null>`coalesce(
  (select c.title from ${course} c where c.id = ${complianceRule.courseId} and c.org_id = ${complianceRule.orgId}),
  (select pr.title from ${program} pr where pr.id = ${complianceRule.programId} and pr.org_id = ${complianceRule.orgId}))`;
const audienceName = sql<string | null>`case ${complianceRule.audienceType}
  when 'group' then (select g.name from ${group} g where g.id = ${complianceRule.audienceId} and g.org_id = ${complianceRule.orgId})
  when 'department' then (select d.name from ${department} d where d.id = ${complianceRule.audienceId} and d.org_id = ${complianceRule.orgId})
  end`;

export async function listRules(
  db: DbOrTx,
  orgId: string,
  f: { q?: string; active?: boolean; onlyIds?: string[] },
  pageArgs: { limit: number; after?: [string, string] },
): Promise<RuleWithNames[]> {
  const where: SQL[] = [eq(complianceRule.orgId, orgId)];
  if (f.active !== undefined) where.push(eq(complianceRule.active, f.active));
  if (f.q) where.push(sql`strpos(lower(${complianceRule.name}), ${f.q.toLowerCase()}) > 0`);
  const after = afterKey([sql`lower(${complianceRule.name})`, complianceRule.id], pageArgs.after);
  if (after) where.push(after);
  const found = await db
    .select({ rule: complianceRule, targetTitle, audienceName })
    .from(complianceRule)
    .where(and(...where))
    .orderBy(sql`lower(${complianceRule.name})`, asc(complianceRule.id))
    .limit(pageArgs.limit);
  return found.map((r) => ({ ...r.rule, targetTitle: r.targetTitle, audienceName: r.audienceName }));
}

export async function findRule(db: DbOrTx, orgId: string, id: string): Promise<RuleWithNames | undefined> {
  const [r] = await db
    .select({ rule: complianceRule, targetTitle, audienceName })
    .from(complianceRule)
    .where(and(eq(complianceRule.orgId, orgId), eq(complianceRule.id, id)))
    .limit(1);
  return r && { ...r.rule, targetTitle: r.targetTitle, audienceName: r.audienceName };
}

export async function findRuleByName(db: DbOrTx, orgId: string, name: string): Promise<RuleRow | undefined> {
  const [row] = await db
    .select()
    .from(complianceRule)
    .where(and(eq(complianceRule.orgId, orgId), sql`lower(${complianceRule.name}) = lower(${name})`))
    .limit(1);
  return row;
}

export async function insertRule(db: DbOrTx, values: typeof complianceRule.$inferInsert): Promise<RuleRow> {
  const [row] = await db.insert(complianceRule).values(values).returning();
  return row!;
}

export async function updateRule(db: DbOrTx, orgId: string, id: string, patch: Partial<RuleRow>, now: Date): Promise<void> {
  await db
    .update(complianceRule)
    .set({ ...patch, updatedAt: now })
    .where(and(eq(complianceRule.orgId, orgId), eq(complianceRule.id, id)));
}

export async function deleteRule(db: DbOrTx, orgId: string, id: string): Promise<void> {
  await db.delete(complianceRule).where(and(eq(complianceRule.orgId, orgId), eq(complianceRule.id, id)));
}

/** Active rules, by name; with `groupId`, only those whose audience is that group. */
export async function activeRules(db: DbOrTx, orgId: string, groupId?: string): Promise<RuleRow[]> {
  const where = [eq(complianceRule.orgId, orgId), eq(complianceRule.active, true)];
  if (groupId) where.push(eq(complianceRule.audienceType, 'group'), eq(complianceRule.audienceId, groupId));
  return db
    .select()
    .from(complianceRule)
    .where(and(...where))
    .orderBy(sql`lower(${complianceRule.name})`);
}

/** Is this course (or program) published in the organisation? */
export async function isPublished(db: DbOrTx, orgId: string, t: { courseId?: string; programId?: string }): Promise<boolean> {
  const table = t.courseId ? course : program;
  const id = (t.courseId ?? t.programId)!;
  const [row] = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.orgId, orgId), eq(table.id, id), eq(table.status, 'published')))
    .limit(1);
  return !!row;
}

export async function audienceExists(db: DbOrTx, orgId: string, a: { type: 'group' | 'department'; id: string }): Promise<boolean> {
  const table = a.type === 'group' ? group : department;
  const [row] = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.orgId, orgId), eq(table.id, a.id)))
    .limit(1);
  return !!row;
}

// ---- status of each person of a rule's audience, in SQL ------------------------------------

/**
 * One row per person of the rule's audience with what their enrolments in its course (or
 * program) say: the latest validity of a completion, the open enrolment. A completion made
 * outside the rule counts too, valid for the rule's months from its completion.
 */
function ruleFactsSql(orgId: string, rule: RuleRow): SQL {
  const target = rule.courseId ? sql`e.course_id = ${rule.courseId}` : sql`e.program_id = ${rule.programId}`;
  return sql`select a.id as person_id, x.valid_until, x.open_id, x.open_status, x.open_due
    from (${audienceSql(orgId, ruleAudience(rule))}) a
    left join (
      select e.person_id,
        max(coalesce(e.expires_at, e.completed_at + make_interval(months => ${rule.validForMonths}::int)))
          filter (where e.status = 'completed') as valid_until,
        (array_agg(e.id) filter (where ${isOpen}))[1] as open_id,
        min(e.status) filter (where ${isOpen}) as open_status,
        min(e.due_at) filter (where ${isOpen}) as open_due
      from ${enrollment} e where e.org_id = ${orgId} and ${target}
      group by e.person_id
    ) x on x.person_id = a.id`;
}

/** The person's standing for one rule; ranks order them worst-last so several rules combine by max. */
function statusSql(now: Date): SQL {
  return sql`case
    when f.valid_until > ${ts(now)} + interval '30 days' then 'compliant'
    when f.valid_until > ${ts(now)} then 'expiring'
    when f.open_id is not null and f.open_due < ${ts(now)} then 'overdue'
    when f.open_status in ('in_progress', 'failed') then 'in_progress'
    else 'not_started' end`;
}

export type DepartmentCounts = {
  departmentId: string | null;
  departmentName: string | null;
  people: number;
  compliant: number;
  expiring: number;
  overdue: number;
  inProgress: number;
  notStarted: number;
};

/** Active people of the audience with their department (the dashboard groups by it). */
function audienceWithDepartmentSql(orgId: string, rule: RuleRow): SQL {
  const base = sql`select p.id, p.department_id from ${person} p where p.org_id = ${orgId} and p.status = 'active'`;
  switch (rule.audienceType) {
    case 'everyone':
      return base;
    case 'group':
      return sql`${base} and p.id in (select gm.person_id from ${group} g join ${groupMember} gm on gm.group_id = g.id
        where g.org_id = ${orgId} and g.id = ${rule.audienceId})`;
    case 'department':
      return sql`${base} and p.department_id in (${departmentsBelowSql(orgId, [rule.audienceId!])})`;
  }
}

/** Per person, only what the standing needs (no ids to carry): one hash aggregate over the course's enrolments. */
function standingSql(orgId: string, rule: RuleRow, now: Date): SQL {
  const target = rule.courseId ? sql`e.course_id = ${rule.courseId}` : sql`e.program_id = ${rule.programId}`;
  return sql`select a.id as person_id, a.department_id, case
      when f.valid_until > ${ts(now)} + interval '30 days' then 1
      when f.valid_until > ${ts(now)} then 2
      when f.open_due < ${ts(now)} then 5
      when f.started then 3
      else 4 end as rank
    from (${audienceWithDepartmentSql(orgId, rule)}) a
    left join (
      select e.person_id,
        max(coalesce(e.expires_at, e.completed_at + make_interval(months => ${rule.validForMonths}::int)))
          filter (where e.status = 'completed') as valid_until,
        min(e.due_at) filter (where ${isOpen}) as open_due,
        bool_or(e.status in ('in_progress', 'failed')) as started
      from ${enrollment} e where e.org_id = ${orgId} and ${target}
      group by e.person_id
    ) f on f.person_id = a.id`;
}

/**
 * Counts per department in one statement: people counted by standing per department first,
 * names joined to the few resulting rows. Under several rules a person counts by their worst standing.
 */
export async function dashboard(db: DbOrTx, orgId: string, rules: RuleRow[], now: Date): Promise<DepartmentCounts[]> {
  if (!rules.length) return [];
  const perPerson =
    rules.length === 1
      ? standingSql(orgId, rules[0]!, now)
      : sql`select person_id, department_id, max(rank) as rank from (${sql.join(
          rules.map((r) => standingSql(orgId, r, now)),
          sql` union all `,
        )}) s group by person_id, department_id`;
  const r = await db.execute(sql`
    with counted as (select department_id, rank, count(*) as n from (${perPerson}) pp group by department_id, rank)
    select c.department_id as "departmentId", d.name as "departmentName",
      sum(c.n)::int as people,
      coalesce(sum(c.n) filter (where c.rank <= 2), 0)::int as compliant,
      coalesce(sum(c.n) filter (where c.rank = 2), 0)::int as expiring,
      coalesce(sum(c.n) filter (where c.rank = 3), 0)::int as "inProgress",
      coalesce(sum(c.n) filter (where c.rank = 4), 0)::int as "notStarted",
      coalesce(sum(c.n) filter (where c.rank = 5), 0)::int as overdue
    from counted c
    left join ${department} d on d.id = c.department_id and d.org_id = ${orgId}
    group by c.department_id, d.name
    order by d.name nulls last`);
  return rows<DepartmentCounts>(r);
}

export type RulePersonRow = {
  personId: string;
  firstName: string;
  lastName: string;
  email: string;
  jobTitle: string | null;
  departmentId: string | null;
  departmentName: string | null;
  status: 'compliant' | 'expiring' | 'in_progress' | 'not_started' | 'overdue';
  validUntil: Date | string | null;
  enrollmentId: string | null;
  dueAt: Date | string | null;
};

export async function rulePeople(
  db: DbOrTx,
  orgId: string,
  rule: RuleRow,
  now: Date,
  f: { status?: string; departmentId?: string },
  pageArgs: { limit: number; after?: [string, string, string] },
): Promise<RulePersonRow[]> {
  const where: SQL[] = [sql`p.org_id = ${orgId}`];
  if (f.status) where.push(sql`s.status = ${f.status}`);
  if (f.departmentId === 'none') where.push(sql`p.department_id is null`);
  else if (f.departmentId) where.push(sql`p.department_id = ${f.departmentId}`);
  const after = afterKey([sql`p.last_name`, sql`p.first_name`, sql`p.id`], pageArgs.after);
  if (after) where.push(after);
  const r = await db.execute(sql`
    select p.id as "personId", p.first_name as "firstName", p.last_name as "lastName", p.email, p.job_title as "jobTitle",
      p.department_id as "departmentId", d.name as "departmentName", s.status, s.valid_until as "validUntil",
      s.open_id as "enrollmentId", s.open_due as "dueAt"
    from (select f.*, ${statusSql(now)} as status from (${ruleFactsSql(orgId, rule)}) f) s
    join ${person} p on p.id = s.person_id
    left join ${department} d on d.id = p.department_id and d.org_id = ${orgId}
    where ${sql.join(where, sql` and `)}
    order by p.last_name, p.first_name, p.id
    limit ${pageArgs.limit}`);
  return rows<RulePersonRow>(r);
}

/**
 * People of the rule's audience who need enrolling now: no open enrolment, and no valid
 * completion or one that expires within the rule's re-enrolment window.
 */
export async function peopleToEnroll(db: DbOrTx, orgId: string, rule: RuleRow, now: Date): Promise<string[]> {
  const r = await db.execute(sql`
    select f.person_id as id from (${ruleFactsSql(orgId, rule)}) f
    where f.open_id is null
      and (f.valid_until is null or f.valid_until <= ${ts(now)} + make_interval(days => ${rule.reenrollDaysBefore}::int))`);
  return rows<{ id: string }>(r).map((x) => x.id);
}

/**
 * Gives the rule's new enrolments (made without a date) their due date: the expiry of the
 * completion they renew, or the rule's due days from now.
 */
export async function setRuleDueDates(db: DbOrTx, orgId: string, rule: RuleRow, now: Date): Promise<number> {
  const r = await db.execute(sql`
    update ${enrollment} e set due_at = case when f.valid_until > ${ts(now)} then f.valid_until
        else ${ts(now)} + make_interval(days => ${rule.dueDays}::int) end
    from (${ruleFactsSql(orgId, rule)}) f
    where e.org_id = ${orgId} and e.compliance_rule_id = ${rule.id} and ${isOpen}
      and e.due_at is null and f.person_id = e.person_id
    returning e.id`);
  return rows(r).length;
}

export type ExpiredRow = {
  id: string;
  personId: string;
  courseId: string | null;
  programId: string | null;
  complianceRuleId: string | null;
  expiresAt: Date | string;
  parentEnrollmentId: string | null;
  title: string | null;
  /** The person already holds a newer valid completion: nothing to tell them. */
  renewed: boolean;
};

/** Completions past their expiry become expired, in one statement. */
export async function expireCompletions(db: DbOrTx, orgId: string, now: Date): Promise<ExpiredRow[]> {
  const r = await db.execute(sql`
    with x as (
      update ${enrollment} set status = 'expired', updated_at = ${ts(now)}
      where org_id = ${orgId} and status = 'completed' and expires_at is not null and expires_at <= ${ts(now)}
      returning id, person_id, course_id, program_id, compliance_rule_id, expires_at, parent_enrollment_id
    )
    select x.id, x.person_id as "personId", x.course_id as "courseId", x.program_id as "programId",
      x.compliance_rule_id as "complianceRuleId", x.expires_at as "expiresAt", x.parent_enrollment_id as "parentEnrollmentId",
      coalesce(c.title, pr.title) as title,
      exists (select 1 from ${enrollment} r where r.org_id = ${orgId} and r.person_id = x.person_id and r.id <> x.id
        and r.status = 'completed' and (r.expires_at is null or r.expires_at > ${ts(now)})
        and (r.course_id = x.course_id or r.program_id = x.program_id)) as renewed
    from x
    left join ${course} c on c.id = x.course_id and c.org_id = ${orgId}
    left join ${program} pr on pr.id = x.program_id and pr.org_id = ${orgId}`);
  return rows<ExpiredRow>(r);
}
