import { and, eq, sql } from 'drizzle-orm';
import { rows } from '../../../platform/db/sql.ts';
import { checkpointSubmission, courseVersion, enrollment, externalLearning, person, programStep, storedFile } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';

export async function findFile(db: DbOrTx, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(storedFile)
    .where(and(eq(storedFile.orgId, orgId), eq(storedFile.id, id)))
    .limit(1);
  return row;
}

/** Checkpoint submissions carrying this evidence file, with who approves them. */
export async function evidenceSubmissions(db: DbOrTx, orgId: string, fileId: string) {
  return db
    .select({
      personId: checkpointSubmission.personId,
      reviewerId: checkpointSubmission.reviewerId,
      approver: programStep.approver,
      approverPersonId: programStep.approverPersonId,
      learnerManagerId: sql<string | null>`(select p.manager_id from ${person} p where p.id = ${checkpointSubmission.personId})`,
    })
    .from(checkpointSubmission)
    .innerJoin(programStep, eq(programStep.id, checkpointSubmission.stepId))
    .where(and(eq(checkpointSubmission.orgId, orgId), eq(checkpointSubmission.evidenceFileId, fileId)));
}

/** People whose external learning record carries this evidence file. */
export async function externalLearningOwners(db: DbOrTx, orgId: string, fileId: string): Promise<string[]> {
  const found = await db
    .select({ personId: externalLearning.personId })
    .from(externalLearning)
    .where(and(eq(externalLearning.orgId, orgId), eq(externalLearning.evidenceFileId, fileId)));
  return found.map((f) => f.personId);
}

/** Whether the person is enrolled in a course whose published or past content uses this file. */
export async function enrolledWithFile(db: DbOrTx, orgId: string, personId: string, fileId: string): Promise<boolean> {
  const r = await db.execute(sql`
    select exists(
      select 1 from ${enrollment} e
      join ${courseVersion} v on v.course_id = e.course_id and v.org_id = ${orgId}
      where e.org_id = ${orgId} and e.person_id = ${personId} and v.status <> 'draft'
        and strpos(v.content::text, ${fileId}) > 0
    ) as found`);
  return Boolean(rows<{ found: boolean }>(r)[0]?.found);
}
