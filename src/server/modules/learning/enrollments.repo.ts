import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
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
  type ReasonType,
} from '../../db/schema/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';

export type EnrollmentRow = typeof enrollment.$inferSelect;

const rows = <T>(r: unknown): T[] => (r as { rows: T[] }).rows;

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
      return sql`with recursive below(id, depth) as (
          select id, 0 from ${department} where org_id = ${orgId} and id = ${a.id}
          union all
          select d.id, below.depth + 1 from ${department} d join below on d.parent_id = below.id
          where d.org_id = ${orgId} and below.depth < 100
        )
        select p.id from ${person} p where p.org_id = ${orgId} and p.status = 'active' and p.department_id in (select id from below)`;
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
      compliance_rule_id, status, due_at, created_at, updated_at)
    select tandem_uuid_v7(), ${n.orgId}, a.id, ${n.courseId ?? null}, ${n.programId ?? null}, ${n.versionId ?? null},
      ${n.parentEnrollmentId ?? null}, ${n.reasonType}, ${n.reasonRecordType ?? null}, ${n.reasonRecordId ?? null},
      ${n.reasonNote ?? null}, ${n.source}, ${n.assignedBy ?? null}, ${n.assignmentId ?? null}, ${n.complianceRuleId ?? null},
      'not_started', ${n.dueAt ?? null}, ${n.now}, ${n.now}
    from (${audienceSql(n.orgId, n.audience)}) a
    on conflict do nothing
    returning id, person_id as "personId"`);
  return rows<{ id: string; personId: string }>(r);
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
        sql`${enrollment.status} in ('not_started', 'in_progress', 'failed')`,
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
        sql`${enrollment.status} in ('not_started', 'in_progress', 'failed')`,
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
