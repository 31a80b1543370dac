import { sql, type SQL } from 'drizzle-orm';
import { rows } from '../../../platform/db/sql.ts';
import { complianceRule, course, enrollment, isOpenStatus, learningReminder, organisation, person, program } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';


export type ReminderKind = 'due_soon' | 'overdue' | 'escalation';

export type ClaimedReminder = {
  enrollmentId: string;
  personId: string;
  personName: string;
  managerId: string | null;
  courseId: string | null;
  programId: string | null;
  title: string | null;
  dueAt: Date | string;
};

/** The sweep visits every organisation; each query below is scoped to one. */
export async function organisationIds(db: DbOrTx): Promise<string[]> {
  const r = await db.execute(sql`select id from ${organisation} order by id`);
  return rows<{ id: string }>(r).map((x) => x.id);
}

/** Escalation waits 7 days after the due date, or what the enrolment's compliance rule says (null: never). */
const ESCALATE_AFTER = sql`(case when e.compliance_rule_id is null then 7 else r.escalate_after_days end) * interval '1 day'`;

function window(kind: ReminderKind, now: Date, soon: Date): SQL {
  switch (kind) {
    case 'due_soon':
      return sql`e.due_at > ${now} and e.due_at <= ${soon}`;
    case 'overdue':
      return sql`e.due_at <= ${now}`;
    case 'escalation':
      return sql`p.manager_id is not null and e.due_at + ${ESCALATE_AFTER} <= ${now}`;
  }
}

/**
 * Records up to `limit` reminders of one kind that are now due and not sent yet, and returns
 * what to send. Recording first (in the caller's transaction) means a re-run never sends twice.
 * Program steps share their program's date, so only top-level enrolments are reminded.
 */
export async function claimReminders(db: DbOrTx, orgId: string, kind: ReminderKind, now: Date, soon: Date, limit: number) {
  const r = await db.execute(sql`
    with due as (
      select e.id from ${enrollment} e
      join ${person} p on p.org_id = e.org_id and p.id = e.person_id and p.status = 'active'
      left join ${complianceRule} r on r.org_id = e.org_id and r.id = e.compliance_rule_id
      where e.org_id = ${orgId} and ${isOpenStatus(sql`e.status`)}
        and e.parent_enrollment_id is null and e.due_at is not null and ${window(kind, now, soon)}
        and not exists (select 1 from ${learningReminder} lr where lr.enrollment_id = e.id and lr.kind = ${kind})
      order by e.due_at, e.id
      limit ${limit}
    ), claimed as (
      insert into ${learningReminder} (org_id, enrollment_id, kind, sent_at)
      select ${orgId}, id, ${kind}, ${now} from due
      on conflict do nothing
      returning enrollment_id
    )
    select e.id as "enrollmentId", e.person_id as "personId", p.first_name || ' ' || p.last_name as "personName",
      p.manager_id as "managerId", e.course_id as "courseId", e.program_id as "programId",
      coalesce(c.title, pr.title) as title, e.due_at as "dueAt"
    from claimed
    join ${enrollment} e on e.org_id = ${orgId} and e.id = claimed.enrollment_id
    join ${person} p on p.org_id = ${orgId} and p.id = e.person_id
    left join ${course} c on c.org_id = ${orgId} and c.id = e.course_id
    left join ${program} pr on pr.org_id = ${orgId} and pr.id = e.program_id`);
  return rows<ClaimedReminder>(r);
}
