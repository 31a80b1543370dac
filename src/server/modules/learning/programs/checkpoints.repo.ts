import { and, eq, sql } from 'drizzle-orm';
import { afterKey, rows, withDates } from '../../../platform/db/sql.ts';
import { checkpointSubmission, enrollment, person, program, programStep, storedFile } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import type { SubmissionRow } from './programs.repo.ts';

export async function insertSubmission(db: DbOrTx, values: typeof checkpointSubmission.$inferInsert): Promise<SubmissionRow> {
  const [row] = await db.insert(checkpointSubmission).values(values).returning();
  return row!;
}

export async function findSubmission(db: DbOrTx, orgId: string, id: string, lock = false): Promise<SubmissionRow | undefined> {
  const q = db
    .select()
    .from(checkpointSubmission)
    .where(and(eq(checkpointSubmission.orgId, orgId), eq(checkpointSubmission.id, id)))
    .limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function updateSubmission(db: DbOrTx, orgId: string, id: string, patch: Partial<typeof checkpointSubmission.$inferInsert>) {
  const [row] = await db
    .update(checkpointSubmission)
    .set(patch)
    .where(and(eq(checkpointSubmission.orgId, orgId), eq(checkpointSubmission.id, id)))
    .returning();
  return row!;
}

export async function findStep(db: DbOrTx, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(programStep)
    .where(and(eq(programStep.orgId, orgId), eq(programStep.id, id)))
    .limit(1);
  return row;
}

export async function findPersonContact(db: DbOrTx, orgId: string, id: string) {
  const [row] = await db
    .select({ id: person.id, firstName: person.firstName, lastName: person.lastName, email: person.email, managerId: person.managerId, status: person.status })
    .from(person)
    .where(and(eq(person.orgId, orgId), eq(person.id, id)))
    .limit(1);
  return row;
}

export async function findFile(db: DbOrTx, orgId: string, id: string) {
  const [row] = await db
    .select({ id: storedFile.id, purpose: storedFile.purpose, createdBy: storedFile.createdBy, name: storedFile.name })
    .from(storedFile)
    .where(and(eq(storedFile.orgId, orgId), eq(storedFile.id, id)))
    .limit(1);
  return row;
}

/**
 * Whose approval a step's submissions wait for, as SQL over `st` (step) and `lp` (learner): the
 * named person, else the learner's manager; a named approver who is the learner falls back to
 * the manager (as `approverOf` in the service).
 */
const approverIs = (personId: string) => sql`(
  (st.approver = 'person' and st.approver_person_id = ${personId} and st.approver_person_id <> lp.id)
  or ((st.approver = 'manager' or st.approver_person_id = lp.id) and lp.manager_id = ${personId}))`;

/** The approval queue: submissions the person approves (all of them for admins), oldest first. */
export async function listQueue(
  db: DbOrTx,
  orgId: string,
  f: { approverId: string; everyone: boolean; status?: SubmissionRow['status'] },
  p: { limit: number; after?: [string, string] },
) {
  const r = await db.execute(sql`
    select cs.id, cs.enrollment_id as "enrollmentId", cs.step_id as "stepId", cs.person_id as "personId", cs.status,
      cs.evidence_text as "evidenceText", cs.evidence_url as "evidenceUrl", cs.evidence_file_id as "evidenceFileId",
      cs.reviewer_id as "reviewerId", cs.review_comment as "reviewComment", cs.submitted_at as "submittedAt", cs.reviewed_at as "reviewedAt",
      lp.first_name || ' ' || lp.last_name as "learnerName", lp.job_title as "learnerJobTitle",
      st.title as "stepTitle", st.instructions as "stepInstructions", st.evidence_kinds as "evidenceKinds",
      pr.id as "programId", pr.title as "programTitle"
    from ${checkpointSubmission} cs
    join ${programStep} st on st.id = cs.step_id and st.org_id = ${orgId}
    join ${person} lp on lp.id = cs.person_id and lp.org_id = ${orgId}
    join ${program} pr on pr.id = st.program_id and pr.org_id = ${orgId}
    where cs.org_id = ${orgId}
      and cs.person_id <> ${f.approverId}
      ${f.everyone ? sql`` : sql`and ${approverIs(f.approverId)}`}
      ${f.status ? sql`and cs.status = ${f.status}` : sql``}
      ${p.after ? sql`and ${afterKey([sql`cs.submitted_at`, sql`cs.id`], p.after)}` : sql``}
    order by cs.submitted_at, cs.id
    limit ${p.limit}`);
  return rows<QueueRow>(r).map((x) => withDates(x, ['submittedAt', 'reviewedAt']));
}
export type QueueRow = Omit<SubmissionRow, 'orgId'> & {
  learnerName: string;
  learnerJobTitle: string | null;
  stepTitle: string | null;
  stepInstructions: string | null;
  evidenceKinds: string[] | null;
  programId: string;
  programTitle: string;
};

/** Is the person the approver of a submission that carries this evidence file? */
export async function approvesSubmissionWithFile(db: DbOrTx, orgId: string, personId: string, fileId: string): Promise<boolean> {
  const r = await db.execute(sql`
    select 1 from ${checkpointSubmission} cs
    join ${programStep} st on st.id = cs.step_id and st.org_id = ${orgId}
    join ${person} lp on lp.id = cs.person_id and lp.org_id = ${orgId}
    where cs.org_id = ${orgId} and cs.evidence_file_id = ${fileId} and ${approverIs(personId)}
    limit 1`);
  return rows<unknown>(r).length > 0;
}

export async function programEnrollmentOf(db: DbOrTx, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(enrollment)
    .where(and(eq(enrollment.orgId, orgId), eq(enrollment.id, id)))
    .for('update')
    .limit(1);
  return row;
}
