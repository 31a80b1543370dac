import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { rows } from '../../../platform/db/sql.ts';

// The demo's development SQL: reads of what profiles, assessments and learning seeded, and
// set-based inserts (one statement per table, rows travel as one JSON parameter).

export type SeedPerson = { id: string; managerId: string | null; jobProfileId: string | null };

export async function activePeople(tx: DbOrTx, orgId: string): Promise<SeedPerson[]> {
  return rows<SeedPerson>(
    await tx.execute(sql`select id, manager_id as "managerId", job_profile_id as "jobProfileId"
      from person where org_id = ${orgId} and status = 'active' order by email`),
  );
}

/** Each profile's first promotion step (by the target's name), where there is one. */
export async function promotions(tx: DbOrTx, orgId: string): Promise<Map<string, string>> {
  const r = rows<{ fromId: string; toId: string }>(
    await tx.execute(sql`select distinct on (cp.from_profile_id) cp.from_profile_id as "fromId", cp.to_profile_id as "toId"
      from career_path cp join job_profile jp on jp.id = cp.to_profile_id and jp.archived_at is null
      where cp.org_id = ${orgId} and cp.kind = 'promotion' order by cp.from_profile_id, jp.name`),
  );
  return new Map(r.map((x) => [x.fromId, x.toId]));
}

export type SeedLevel = { personId: string; skillId: string; skillName: string; level: number; basisAssessmentId: string | null; expected: number | null };

/** Current levels with the expected level of the person's profile (null when the profile does not ask for the skill). */
export async function currentLevels(tx: DbOrTx, orgId: string): Promise<SeedLevel[]> {
  return rows<SeedLevel>(
    await tx.execute(sql`select ps.person_id as "personId", ps.skill_id as "skillId", ps.level::float8 as level,
        ps.basis_assessment_id as "basisAssessmentId", jps.level as expected, s.name as "skillName"
      from person_skill ps
      join person p on p.id = ps.person_id
      join skill s on s.id = ps.skill_id and s.archived_at is null
      left join job_profile_skill jps on jps.profile_id = p.job_profile_id and jps.skill_id = ps.skill_id
      where ps.org_id = ${orgId} order by ps.person_id, ps.skill_id`),
  );
}

export type SeedCourse = { id: string; title: string; versionId: string | null; skills: Array<{ skillId: string; level: number }> };

/** Published courses with the skills they teach. */
export async function coursesWithSkills(tx: DbOrTx, orgId: string): Promise<SeedCourse[]> {
  return rows<SeedCourse>(
    await tx.execute(sql`select c.id, c.title, c.published_version_id as "versionId",
        json_agg(json_build_object('skillId', cs.skill_id, 'level', cs.level) order by cs.skill_id) as skills
      from course c join course_skill cs on cs.course_id = c.id
      where c.org_id = ${orgId} and c.status = 'published' group by c.id order by c.title`),
  );
}

/** Every course enrolment (program steps too), open ones last so they win a person's and course's slot. */
export async function courseEnrollments(tx: DbOrTx, orgId: string) {
  return rows<{ id: string; personId: string; courseId: string; status: string }>(
    await tx.execute(sql`select id, person_id as "personId", course_id as "courseId", status
      from enrollment where org_id = ${orgId} and course_id is not null
      order by case when status in ('not_started', 'in_progress', 'failed') then 1 else 0 end, id`),
  );
}

export type NewAspiration = {
  id: string;
  personId: string;
  targetProfileId: string | null;
  description: string | null;
  timeFrame: string | null;
  willingToChangeTeam: boolean;
  willingToRelocate: boolean;
  interests: string[];
  at: string;
};

export async function insertAspirations(tx: DbOrTx, orgId: string, list: NewAspiration[]): Promise<void> {
  if (!list.length) return;
  await tx.execute(sql`insert into aspiration (id, org_id, person_id, target_profile_id, description, time_frame,
      willing_to_change_team, willing_to_relocate, interests, created_at, updated_at)
    select x.id, ${orgId}, x."personId", x."targetProfileId", x.description, x."timeFrame", x."willingToChangeTeam",
      x."willingToRelocate", x.interests, x.at, x.at
    from jsonb_to_recordset(${JSON.stringify(list)}::jsonb) as x(id uuid, "personId" uuid, "targetProfileId" uuid,
      description text, "timeFrame" text, "willingToChangeTeam" boolean, "willingToRelocate" boolean, interests jsonb, at timestamptz)`);
}

export type NewEnrollment = {
  id: string;
  personId: string;
  courseId: string;
  versionId: string | null;
  reasonType: string;
  reasonRecordId: string;
  reasonNote: string;
  source: string;
  assignedBy: string | null;
  status: 'not_started' | 'in_progress';
  progress: number;
  dueAt: string | null;
  startedAt: string | null;
  baselineLevels: Record<string, number | null>;
  at: string;
};

export async function insertEnrollments(tx: DbOrTx, orgId: string, list: NewEnrollment[]): Promise<void> {
  if (!list.length) return;
  await tx.execute(sql`insert into enrollment (id, org_id, person_id, course_id, version_id, reason_type, reason_record_type,
      reason_record_id, reason_note, source, assigned_by, status, progress, time_spent_seconds, due_at, started_at, last_activity_at,
      baseline_levels, created_at, updated_at)
    select x.id, ${orgId}, x."personId", x."courseId", x."versionId", x."reasonType", 'development_plan_item',
      x."reasonRecordId", x."reasonNote", x.source, x."assignedBy", x.status, x.progress, x.progress * 45, x."dueAt", x."startedAt", x."startedAt",
      x."baselineLevels", x.at, x.at
    from jsonb_to_recordset(${JSON.stringify(list)}::jsonb) as x(id uuid, "personId" uuid, "courseId" uuid, "versionId" uuid,
      "reasonType" text, "reasonRecordId" uuid, "reasonNote" text, source text, "assignedBy" uuid, status text, progress int,
      "dueAt" timestamptz, "startedAt" timestamptz, "baselineLevels" jsonb, at timestamptz)
    on conflict do nothing`);
}

export type NewPlanItem = {
  id: string;
  personId: string;
  title: string;
  description: string | null;
  actionType: string;
  skillId: string | null;
  targetLevel: number | null;
  aspirationId: string | null;
  gapAssessmentId: string | null;
  courseId: string | null;
  enrollmentId: string | null;
  dueDate: string | null;
  status: string;
  approvalStatus: string;
  approvedBy: string | null;
  approvedAt: string | null;
  createdBy: string;
  at: string;
};

export async function insertPlanItems(tx: DbOrTx, orgId: string, list: NewPlanItem[]): Promise<void> {
  if (!list.length) return;
  await tx.execute(sql`insert into development_plan_item (id, org_id, person_id, title, description, action_type, skill_id,
      target_level, aspiration_id, gap_assessment_id, course_id, enrollment_id, due_date, status, approval_status,
      approved_by, approved_at, created_by, created_at, updated_at)
    select x.id, ${orgId}, x."personId", x.title, x.description, x."actionType", x."skillId", x."targetLevel", x."aspirationId",
      x."gapAssessmentId", x."courseId", x."enrollmentId", x."dueDate", x.status, x."approvalStatus", x."approvedBy",
      x."approvedAt", x."createdBy", x.at, x.at
    from jsonb_to_recordset(${JSON.stringify(list)}::jsonb) as x(id uuid, "personId" uuid, title text, description text,
      "actionType" text, "skillId" uuid, "targetLevel" smallint, "aspirationId" uuid, "gapAssessmentId" uuid, "courseId" uuid,
      "enrollmentId" uuid, "dueDate" date, status text, "approvalStatus" text, "approvedBy" uuid, "approvedAt" timestamptz,
      "createdBy" uuid, at timestamptz)`);
}
