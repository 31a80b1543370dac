import { and, eq, inArray, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { rows, uuidArray } from '../../../platform/db/sql.ts';
import {
  certificate,
  complianceRule,
  course,
  department,
  enrollment,
  groupMember,
  person,
  program,
  programStep,
  checkpointSubmission,
  group,
  learningAssignment,
  learningReminder,
  lessonProgress,
  quizAttempt,
  type ReasonType,
  type EnrollmentBaselineSignal,
  isOpenStatus,
} from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { preparedSql } from '../../../platform/db/prepared.ts';
import { chainBelowSql, departmentsBelowSql } from '../../org/index.ts';

export type EnrollmentRow = typeof enrollment.$inferSelect;


/** Who an assignment or rule reaches: chosen people, a group's members, a department with its sub-departments, or everyone. */
export type Audience =
  | { type: 'people'; personIds: string[] }
  | { type: 'group'; id: string }
  | { type: 'department'; id: string }
  | { type: 'everyone' };

/** Active people of the audience, as a subquery of person ids (org tables are read here, set-based, for speed). */
export function audienceSql(orgId: string, a: Audience): SQL {
  switch (a.type) {
    case 'people':
      return a.personIds.length
        ? sql`select p.id from ${person} p where p.org_id = ${orgId} and p.status = 'active' and p.id in (${sql.join(
            a.personIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`
        : sql`select null::uuid as id where false`;
    case 'group':
      return sql`select p.id from ${groupMember} gm join ${person} p on p.id = gm.person_id
        where gm.org_id = ${orgId} and gm.group_id = ${a.id} and p.org_id = ${orgId} and p.status = 'active'`;
    case 'department':
      return sql`select p.id from ${person} p where p.org_id = ${orgId} and p.status = 'active'
        and p.department_id in (${departmentsBelowSql(orgId, [a.id])})`;
    case 'everyone':
      return sql`select p.id from ${person} p where p.org_id = ${orgId} and p.status = 'active'`;
  }
}

export type NewEnrollments = {
  orgId: string;
  audience: Audience;
  courseId?: string | null;
  programId?: string | null;
  versionId?: string | null;
  parentEnrollmentId?: string | null;
  reasonType: ReasonType;
  reasonRecordType?: string | null;
  reasonRecordId?: string | null;
  reasonNote?: string | null;
  source: 'assigned' | 'self' | 'rule' | 'recommendation';
  assignedBy?: string | null;
  assignmentId?: string | null;
  complianceRuleId?: string | null;
  /** A fixed due date, or null. */
  dueAt?: Date | null;
  /** Skill id → the learner's current level when enrolled (null when never assessed), for the closed loop. */
  baselineLevels?: Record<string, number | null> | null;
  /** The reason record's own signal when enrolled (a goal's progress, a hurdle's status), for the closed loop. */
  baselineSignal?: EnrollmentBaselineSignal | null;
  now: Date;
};

/**
 * Enrols every active person of the audience who has no open enrolment in the course (or
 * program) yet, in one statement. The partial unique index makes retries and races no-ops.
 * Returns the enrolments it created.
 */
export async function insertEnrollments(db: DbOrTx, n: NewEnrollments): Promise<Array<{ id: string; personId: string }>> {
  const r = await db.execute(sql`
    insert into ${enrollment} (id, org_id, person_id, course_id, program_id, version_id, parent_enrollment_id,
      reason_type, reason_record_type, reason_record_id, reason_note, source, assigned_by, assignment_id,
      compliance_rule_id, status, due_at, baseline_levels, baseline_signal, created_at, updated_at)
    select tandem_uuid_v7(), ${n.orgId}, a.id, ${n.courseId ?? null}, ${n.programId ?? null}, ${n.versionId ?? null},
      ${n.parentEnrollmentId ?? null}, ${n.reasonType}, ${n.reasonRecordType ?? null}, ${n.reasonRecordId ?? null},
      ${n.reasonNote ?? null}, ${n.source}, ${n.assignedBy ?? null}, ${n.assignmentId ?? null}, ${n.complianceRuleId ?? null},
      'not_started', ${n.dueAt ?? null}, ${n.baselineLevels ? JSON.stringify(n.baselineLevels) : null}::jsonb,
      ${n.baselineSignal ? JSON.stringify(n.baselineSignal) : null}::jsonb, ${n.now}, ${n.now}
    from (${audienceSql(n.orgId, n.audience)}) a
    on conflict do nothing
    returning id, person_id as "personId"`);
  return rows<{ id: string; personId: string }>(r);
}

/**
 * Enrols the people of the given program enrolments in one course step, each course enrolment
 * pointing at its program enrolment: one statement per step, whatever the number of people.
 * The ids travel as one array parameter: a list of 100,000 would pass PostgreSQL's 65,535.
 */
export async function insertStepEnrollments(db: DbOrTx, orgId: string, parentIds: string[], courseId: string, now: Date): Promise<void> {
  if (!parentIds.length) return;
  await db.execute(sql`
    insert into ${enrollment} (id, org_id, person_id, course_id, parent_enrollment_id, reason_type, reason_record_type,
      reason_record_id, reason_note, source, assigned_by, assignment_id, compliance_rule_id, status, due_at, created_at, updated_at)
    select tandem_uuid_v7(), pe.org_id, pe.person_id, ${courseId}, pe.id, pe.reason_type, pe.reason_record_type,
      pe.reason_record_id, pe.reason_note, pe.source, pe.assigned_by, pe.assignment_id, pe.compliance_rule_id,
      'not_started', pe.due_at, ${now}, ${now}
    from ${enrollment} pe
    where pe.org_id = ${orgId} and pe.id = any(${uuidArray(parentIds)})
    on conflict do nothing`);
}

export async function findEnrollment(db: DbOrTx, orgId: string, id: string): Promise<EnrollmentRow | undefined> {
  const [row] = await db
    .select()
    .from(enrollment)
    .where(and(eq(enrollment.orgId, orgId), eq(enrollment.id, id)))
    .limit(1);
  return row;
}

export async function findEnrollmentForUpdate(db: DbOrTx, orgId: string, id: string): Promise<EnrollmentRow | undefined> {
  const [row] = await db
    .select()
    .from(enrollment)
    .where(and(eq(enrollment.orgId, orgId), eq(enrollment.id, id)))
    .for('update')
    .limit(1);
  return row;
}

/** The person's open enrolment in a course or program, if any. */
export async function findOpenEnrollment(
  db: DbOrTx,
  orgId: string,
  personId: string,
  target: { courseId?: string | null; programId?: string | null },
): Promise<EnrollmentRow | undefined> {
  const [row] = await db
    .select()
    .from(enrollment)
    .where(
      and(
        eq(enrollment.orgId, orgId),
        eq(enrollment.personId, personId),
        target.courseId ? eq(enrollment.courseId, target.courseId) : eq(enrollment.programId, target.programId!),
        isOpenStatus(enrollment.status),
      ),
    )
    .limit(1);
  return row;
}

export type EnrollmentPatch = Partial<
  Pick<
    EnrollmentRow,
    | 'status'
    | 'versionId'
    | 'dueAt'
    | 'startedAt'
    | 'completedAt'
    | 'expiresAt'
    | 'score'
    | 'progress'
    | 'timeSpentSeconds'
    | 'lastLessonId'
    | 'lastActivityAt'
  >
>;

export async function updateEnrollment(db: DbOrTx, orgId: string, id: string, patch: EnrollmentPatch, now: Date): Promise<EnrollmentRow> {
  const [row] = await db
    .update(enrollment)
    .set({ ...patch, updatedAt: now })
    .where(and(eq(enrollment.orgId, orgId), eq(enrollment.id, id)))
    .returning();
  return row!;
}

export async function deleteEnrollment(db: DbOrTx, orgId: string, id: string): Promise<void> {
  await db.delete(enrollment).where(and(eq(enrollment.orgId, orgId), eq(enrollment.id, id)));
}

export async function findComplianceValidity(db: DbOrTx, orgId: string, ruleId: string): Promise<number | undefined> {
  const [row] = await db
    .select({ months: complianceRule.validForMonths })
    .from(complianceRule)
    .where(and(eq(complianceRule.orgId, orgId), eq(complianceRule.id, ruleId)))
    .limit(1);
  return row?.months;
}

/** Title of the course or program of an enrolment, for certificates and messages. */
export async function learningTitle(db: DbOrTx, orgId: string, e: Pick<EnrollmentRow, 'courseId' | 'programId'>): Promise<string> {
  if (e.courseId) {
    const [c] = await db.select({ title: course.title }).from(course).where(and(eq(course.orgId, orgId), eq(course.id, e.courseId)));
    return c?.title ?? 'Course';
  }
  const [p] = await db.select({ title: program.title }).from(program).where(and(eq(program.orgId, orgId), eq(program.id, e.programId!)));
  return p?.title ?? 'Program';
}

export async function personName(db: DbOrTx, orgId: string, personId: string): Promise<string> {
  const [p] = await db
    .select({ firstName: person.firstName, lastName: person.lastName })
    .from(person)
    .where(and(eq(person.orgId, orgId), eq(person.id, personId)));
  return p ? `${p.firstName} ${p.lastName}` : 'Unknown';
}

export async function insertCertificate(db: DbOrTx, values: typeof certificate.$inferInsert) {
  const [row] = await db
    .insert(certificate)
    .values(values)
    .onConflictDoUpdate({
      target: certificate.enrollmentId,
      set: { issuedAt: values.issuedAt, expiresAt: values.expiresAt ?? null, title: values.title, personName: values.personName },
    })
    .returning();
  return row!;
}

export async function programSteps(db: DbOrTx, orgId: string, programId: string) {
  return db
    .select()
    .from(programStep)
    .where(and(eq(programStep.orgId, orgId), eq(programStep.programId, programId)))
    .orderBy(programStep.position);
}

/** Open program enrolments of a person whose program has a step for this course. */
export async function openProgramEnrollmentsWithCourse(db: DbOrTx, orgId: string, personId: string, courseId: string) {
  return db
    .select()
    .from(enrollment)
    .where(
      and(
        eq(enrollment.orgId, orgId),
        eq(enrollment.personId, personId),
        sql`${enrollment.programId} in (select program_id from ${programStep} where org_id = ${orgId} and course_id = ${courseId})`,
        isOpenStatus(enrollment.status),
      ),
    );
}

/** Which of the courses the person holds a valid (completed, unexpired) completion of. */
export async function completedCourseIds(db: DbOrTx, orgId: string, personId: string, courseIds: string[], now: Date): Promise<Set<string>> {
  if (!courseIds.length) return new Set();
  const found = await db
    .selectDistinct({ courseId: enrollment.courseId })
    .from(enrollment)
    .where(
      and(
        eq(enrollment.orgId, orgId),
        eq(enrollment.personId, personId),
        inArray(enrollment.courseId, courseIds),
        eq(enrollment.status, 'completed'),
        sql`(${enrollment.expiresAt} is null or ${enrollment.expiresAt} > ${now})`,
      ),
    );
  return new Set(found.map((f) => f.courseId!));
}

export async function approvedCheckpointStepIds(db: DbOrTx, orgId: string, enrollmentId: string): Promise<Set<string>> {
  const found = await db
    .select({ stepId: checkpointSubmission.stepId })
    .from(checkpointSubmission)
    .where(
      and(eq(checkpointSubmission.orgId, orgId), eq(checkpointSubmission.enrollmentId, enrollmentId), eq(checkpointSubmission.status, 'approved')),
    );
  return new Set(found.map((f) => f.stepId));
}

// ---- views: My learning, a person's learning, lists, the team ---------------------------------

/** One enrolment as learners and managers see it: titles, reason, assigner, certificate. */
export type LearningItemRow = {
  id: string;
  personId: string;
  personName: string;
  courseId: string | null;
  programId: string | null;
  title: string | null;
  format: string | null;
  status: EnrollmentRow['status'];
  overdue: boolean;
  dueAt: Date | string | null;
  progress: number;
  reasonType: ReasonType;
  reasonRecordType: string | null;
  reasonRecordId: string | null;
  reasonNote: string | null;
  source: EnrollmentRow['source'];
  assignedById: string | null;
  assignedByName: string | null;
  startedAt: Date | string | null;
  completedAt: Date | string | null;
  expiresAt: Date | string | null;
  lastActivityAt: Date | string | null;
  certificateId: string | null;
  parentEnrollmentId: string | null;
  parentTitle: string | null;
  createdAt: Date | string;
};

const isOpen = isOpenStatus(sql`e.status`);

/**
 * The select list of a learning item. Titles, assigner, certificate and parent program are scalar
 * subqueries by primary or unique key rather than joins: eight joined tables took PostgreSQL about
 * 4 ms to plan per request (an exhaustive join order search), ten times what it takes to run.
 */
function itemsSql(orgId: string | Placeholder, now: Date | Placeholder, where: SQL, tail: SQL = sql``): SQL {
  return sql`
    select e.id, e.person_id as "personId",
      (select lp.first_name || ' ' || lp.last_name from ${person} lp where lp.org_id = e.org_id and lp.id = e.person_id) as "personName",
      e.course_id as "courseId", e.program_id as "programId",
      coalesce(c.title, (select pr.title from ${program} pr where pr.org_id = e.org_id and pr.id = e.program_id)) as title, c.format,
      e.status, coalesce(${isOpen} and e.due_at < ${now}, false) as overdue, e.due_at as "dueAt", e.progress,
      e.reason_type as "reasonType", e.reason_record_type as "reasonRecordType", e.reason_record_id as "reasonRecordId",
      e.reason_note as "reasonNote", e.source, e.assigned_by as "assignedById",
      (select ab.first_name || ' ' || ab.last_name from ${person} ab where ab.org_id = e.org_id and ab.id = e.assigned_by) as "assignedByName",
      e.started_at as "startedAt", e.completed_at as "completedAt", e.expires_at as "expiresAt",
      e.last_activity_at as "lastActivityAt",
      (select cert.id from ${certificate} cert where cert.enrollment_id = e.id and cert.revoked_at is null) as "certificateId",
      e.parent_enrollment_id as "parentEnrollmentId",
      (select pp.title from ${enrollment} pe join ${program} pp on pp.org_id = pe.org_id and pp.id = pe.program_id
        where pe.org_id = e.org_id and pe.id = e.parent_enrollment_id) as "parentTitle",
      e.created_at as "createdAt"
    from ${enrollment} e
    left join ${course} c on c.org_id = e.org_id and c.id = e.course_id
    where e.org_id = ${orgId} and ${where}
    ${tail}`;
}

/**
 * Every enrolment of one person, in one prepared statement (served by enrollment_person_idx), as
 * one json value: the driver parses it once instead of twenty-five columns of every row.
 */
const ofPerson = preparedSql<{ items: LearningItemRow[] }, { orgId: string; now: Date; personId: string }>(
  'learning_of_person',
  sql`select coalesce(json_agg(x order by x."createdAt" desc), '[]'::json) as items from (${itemsSql(
    sql.placeholder('orgId'),
    sql.placeholder('now'),
    sql`e.person_id = ${sql.placeholder('personId')}`,
    sql`order by e.created_at desc limit 1000`,
  )}) x`,
);

export async function learningOfPerson(db: DbOrTx, orgId: string, personId: string, now: Date): Promise<LearningItemRow[]> {
  return (await ofPerson(db, { orgId, now, personId }))[0]?.items ?? [];
}

export async function learningItem(db: DbOrTx, orgId: string, id: string, now: Date): Promise<LearningItemRow | undefined> {
  const r = await db.execute(itemsSql(orgId, now, sql`e.id = ${id}`));
  return rows<LearningItemRow>(r)[0];
}

export type EnrollmentFilter = {
  personId?: string;
  courseId?: string;
  programId?: string;
  status?: EnrollmentRow['status'];
  overdue?: boolean;
  /** Only the people below this manager, and the manager themself. */
  visibleTo?: string;
  /** Keyset: ids (time-ordered) below this one. */
  beforeId?: string;
};

export async function listEnrollments(db: DbOrTx, orgId: string, now: Date, f: EnrollmentFilter, limit: number): Promise<LearningItemRow[]> {
  const conds: SQL[] = [sql`true`];
  if (f.personId) conds.push(sql`e.person_id = ${f.personId}`);
  if (f.courseId) conds.push(sql`e.course_id = ${f.courseId}`);
  if (f.programId) conds.push(sql`e.program_id = ${f.programId}`);
  if (f.status) conds.push(sql`e.status = ${f.status}`);
  if (f.overdue === true) conds.push(sql`(${isOpen} and e.due_at < ${now})`);
  if (f.overdue === false) conds.push(sql`not (${isOpen} and e.due_at is not null and e.due_at < ${now})`);
  if (f.visibleTo) conds.push(sql`(e.person_id = ${f.visibleTo} or e.person_id in (${chainBelowSql(orgId, f.visibleTo)}))`);
  if (f.beforeId) conds.push(sql`e.id < ${f.beforeId}`);
  const r = await db.execute(itemsSql(orgId, now, sql.join(conds, sql` and `), sql`order by e.id desc limit ${limit}`));
  return rows<LearningItemRow>(r);
}

export type TeamRow = {
  id: string;
  name: string;
  jobTitle: string | null;
  direct: boolean;
  notStarted: number;
  inProgress: number;
  completed: number;
  overdue: number;
};

/** A page of the manager's active reports (whole chain) with counts of their top-level enrolments, overdue first. */
export async function teamPage(db: DbOrTx, orgId: string, managerId: string, now: Date, limit: number, offset: number): Promise<TeamRow[]> {
  const r = await db.execute(sql`
    select p.id, p.first_name || ' ' || p.last_name as name, p.job_title as "jobTitle",
      coalesce(p.manager_id = ${managerId}, false) as direct,
      (count(e.id) filter (where e.status = 'not_started'))::int as "notStarted",
      (count(e.id) filter (where e.status in ('in_progress', 'failed')))::int as "inProgress",
      (count(e.id) filter (where e.status = 'completed'))::int as completed,
      (count(e.id) filter (where ${isOpen} and e.due_at < ${now}))::int as overdue
    from ${person} p
    left join ${enrollment} e on e.org_id = ${orgId} and e.person_id = p.id and e.parent_enrollment_id is null
    where p.org_id = ${orgId} and p.status = 'active' and p.id in (${chainBelowSql(orgId, managerId)})
    group by p.id
    order by overdue desc, p.last_name, p.first_name, p.id
    limit ${limit} offset ${offset}`);
  return rows<TeamRow>(r);
}

/** Top-level enrolments of these people, overdue first, then open by due date, then the rest. */
export async function topLevelLearningOf(db: DbOrTx, orgId: string, personIds: string[], now: Date): Promise<LearningItemRow[]> {
  if (!personIds.length) return [];
  const r = await db.execute(
    itemsSql(
      orgId,
      now,
      sql`e.person_id in (${sql.join(personIds.map((id) => sql`${id}::uuid`), sql`, `)}) and e.parent_enrollment_id is null`,
      sql`order by coalesce(${isOpen} and e.due_at < ${now}, false) desc, (${isOpen}) desc, e.due_at asc nulls last, e.id desc`,
    ),
  );
  return rows<LearningItemRow>(r);
}

// ---- assignment ------------------------------------------------------------------------------

export async function findCatalogItem(db: DbOrTx, orgId: string, target: { courseId?: string; programId?: string }) {
  if (target.courseId) {
    const [c] = await db
      .select({ id: course.id, title: course.title, status: course.status, dueDays: sql<number | null>`null::int` })
      .from(course)
      .where(and(eq(course.orgId, orgId), eq(course.id, target.courseId)));
    return c;
  }
  const [p] = await db
    .select({ id: program.id, title: program.title, status: program.status, dueDays: program.dueDays })
    .from(program)
    .where(and(eq(program.orgId, orgId), eq(program.id, target.programId!)));
  return p;
}

/** How many active people an audience reaches. */
export async function audienceSize(db: DbOrTx, orgId: string, a: Audience): Promise<number> {
  const r = await db.execute(sql`select count(*)::int as n from (${audienceSql(orgId, a)}) a`);
  return rows<{ n: number }>(r)[0]?.n ?? 0;
}

/** Which of the ids are active people of the organisation (and, with a manager, below them). */
export async function activePeopleAmong(db: DbOrTx, orgId: string, ids: string[], underManager?: string): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const list = sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);
  const r = await db.execute(sql`
    select p.id from ${person} p where p.org_id = ${orgId} and p.status = 'active' and p.id in (${list})
    ${underManager ? sql`and p.id in (${chainBelowSql(orgId, underManager)})` : sql``}`);
  return new Set(rows<{ id: string }>(r).map((x) => x.id));
}

export async function groupExists(db: DbOrTx, orgId: string, id: string): Promise<boolean> {
  const r = await db.execute(sql`select 1 from ${group} where org_id = ${orgId} and id = ${id}`);
  return rows(r).length > 0;
}

export async function departmentExists(db: DbOrTx, orgId: string, id: string): Promise<boolean> {
  const r = await db.execute(sql`select 1 from ${department} where org_id = ${orgId} and id = ${id}`);
  return rows(r).length > 0;
}

export type AssignmentRow = typeof learningAssignment.$inferSelect;

export async function insertAssignment(db: DbOrTx, values: typeof learningAssignment.$inferInsert): Promise<AssignmentRow> {
  const [row] = await db.insert(learningAssignment).values(values).returning();
  return row!;
}

/** Group assignments that enrol newcomers, whose course or program is still published. */
export async function newcomerAssignments(db: DbOrTx, orgId: string, groupId: string): Promise<AssignmentRow[]> {
  return db
    .select()
    .from(learningAssignment)
    .where(
      and(
        eq(learningAssignment.orgId, orgId),
        eq(learningAssignment.targetType, 'group'),
        eq(learningAssignment.targetId, groupId),
        eq(learningAssignment.enrollNewcomers, true),
        sql`coalesce(
          (select status from ${course} where org_id = ${orgId} and id = ${learningAssignment.courseId}),
          (select status from ${program} where org_id = ${orgId} and id = ${learningAssignment.programId})
        ) = 'published'`,
      ),
    )
    .orderBy(learningAssignment.createdAt);
}

// ---- notices ---------------------------------------------------------------------------------

/**
 * Records that these enrolments' learners are being told of them and returns the ids not told
 * before, in the caller's transaction: a notice job that runs again tells nobody twice.
 */
export async function claimEnrolledNotices(db: DbOrTx, orgId: string, ids: string[], now: Date): Promise<string[]> {
  if (!ids.length) return [];
  const r = await db.execute(sql`
    insert into ${learningReminder} (org_id, enrollment_id, kind, sent_at)
    select ${orgId}, e.id, 'enrolled', ${now} from ${enrollment} e
    where e.org_id = ${orgId} and e.id = any(${uuidArray(ids)})
    on conflict do nothing
    returning enrollment_id as id`);
  return rows<{ id: string }>(r).map((x) => x.id);
}

// ---- reset and unenrol -----------------------------------------------------------------------

/** Removes what a learner did in an enrolment: lesson progress, quiz attempts, certificate, reminders, checkpoint evidence. */
export async function clearEnrollmentActivity(db: DbOrTx, orgId: string, id: string): Promise<void> {
  await db.delete(lessonProgress).where(and(eq(lessonProgress.orgId, orgId), eq(lessonProgress.enrollmentId, id)));
  await db.delete(quizAttempt).where(and(eq(quizAttempt.orgId, orgId), eq(quizAttempt.enrollmentId, id)));
  await db.delete(certificate).where(and(eq(certificate.orgId, orgId), eq(certificate.enrollmentId, id)));
  await db.delete(checkpointSubmission).where(and(eq(checkpointSubmission.orgId, orgId), eq(checkpointSubmission.enrollmentId, id)));
  await clearReminders(db, orgId, id);
}

export async function clearReminders(db: DbOrTx, orgId: string, id: string): Promise<void> {
  await db.delete(learningReminder).where(and(eq(learningReminder.orgId, orgId), eq(learningReminder.enrollmentId, id)));
}

/** Open course enrolments that are steps of this program enrolment. */
export async function deleteOpenChildren(db: DbOrTx, orgId: string, parentId: string): Promise<string[]> {
  const r = await db
    .delete(enrollment)
    .where(and(eq(enrollment.orgId, orgId), eq(enrollment.parentEnrollmentId, parentId), isOpenStatus(enrollment.status)))
    .returning({ id: enrollment.id });
  return r.map((x) => x.id);
}

/** Another open enrolment of the same person in the same course or program (blocks reopening this one). */
export async function otherOpenEnrollment(db: DbOrTx, e: EnrollmentRow): Promise<boolean> {
  const r = await db.execute(sql`
    select 1 from ${enrollment} where org_id = ${e.orgId} and person_id = ${e.personId} and id <> ${e.id}
      and ${e.courseId ? sql`course_id = ${e.courseId}` : sql`program_id = ${e.programId}`}
      and ${isOpenStatus(sql`status`)} limit 1`);
  return rows(r).length > 0;
}

export async function learningItemsByIds(db: DbOrTx, orgId: string, ids: string[], now: Date): Promise<LearningItemRow[]> {
  if (!ids.length) return [];
  const r = await db.execute(itemsSql(orgId, now, sql`e.id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`));
  return rows<LearningItemRow>(r);
}
