import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { courseSkill, enrollment, jobProfileSkill, person, skill } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { recordAssessments, type SystemAssessment } from '../../../modules/talent/assessments/index.ts';
import { createRandom } from '../random.ts';
import type { DemoTalentInput } from './index.ts';

const DAY = 86_400_000;

/**
 * Assessments from several sources with history, and the current levels derived from them.
 * Everyone holding a job profile gets up to six of its skills (people without one: the skills of
 * the courses they completed) rated over the past year: an early self-assessment, a manager's
 * rating, sometimes a course quiz, then recent self and manager ratings ending below the expected
 * level (gaps) for some skills and at or above it (strengths) for others. Written through
 * recordAssessments, so person_skill comes out exactly as the rule computes it.
 */
export async function seedDemoAssessments(tx: DbOrTx, input: DemoTalentInput, today: Date): Promise<void> {
  const { orgId } = input;
  const rnd = createRandom(20_260_301);
  const people = await tx
    .select({ id: person.id, managerId: person.managerId, jobProfileId: person.jobProfileId })
    .from(person)
    .where(and(eq(person.orgId, orgId), eq(person.status, 'active')))
    .orderBy(asc(person.email));
  const skills = new Map(
    (await tx.select({ id: skill.id, maxLevel: skill.maxLevel, archivedAt: skill.archivedAt }).from(skill).where(eq(skill.orgId, orgId))).map((s) => [s.id, s]),
  );
  const expectedRows = await tx
    .select({ profileId: jobProfileSkill.profileId, skillId: jobProfileSkill.skillId, level: jobProfileSkill.level })
    .from(jobProfileSkill)
    .where(eq(jobProfileSkill.orgId, orgId))
    .orderBy(asc(jobProfileSkill.profileId), asc(jobProfileSkill.skillId));
  const byProfile = new Map<string, { skillId: string; level: number }[]>();
  for (const r of expectedRows) byProfile.set(r.profileId, [...(byProfile.get(r.profileId) ?? []), r]);

  // Fallback without profiles: the skills of courses each person completed, at the course's level.
  const completed = await tx
    .select({ personId: enrollment.personId, enrollmentId: enrollment.id, skillId: courseSkill.skillId, level: courseSkill.level })
    .from(enrollment)
    .innerJoin(courseSkill, eq(courseSkill.courseId, enrollment.courseId))
    .where(and(eq(enrollment.orgId, orgId), eq(enrollment.status, 'completed'), isNotNull(enrollment.courseId)))
    .orderBy(asc(enrollment.id), asc(courseSkill.skillId));
  const byPerson = new Map<string, { skillId: string; level: number; enrollmentId: string }[]>();
  for (const r of completed) byPerson.set(r.personId, [...(byPerson.get(r.personId) ?? []), r]);

  const ago = (min: number, max: number) => new Date(today.getTime() - rnd.int(min, max) * DAY - rnd.int(0, 8 * 60) * 60_000);
  const rows: SystemAssessment[] = [];
  for (const p of people) {
    const fromProfile = p.jobProfileId ? byProfile.get(p.jobProfileId) : undefined;
    const targets = (fromProfile?.length ? fromProfile : (byPerson.get(p.id) ?? []))
      .filter((t) => skills.has(t.skillId) && !skills.get(t.skillId)!.archivedAt)
      .slice(0, 6);
    for (const t of targets) {
      const max = skills.get(t.skillId)!.maxLevel;
      const clamp = (v: number) => Math.max(1, Math.min(max, v));
      const expected = clamp(t.level);
      // Where they end up against the expectation: mostly a little below or at it, some above.
      const final = clamp(expected + rnd.weighted([[-2, 2], [-1, 4], [0, 3], [1, 2]] as const));
      const base = { personId: p.id, skillId: t.skillId };
      if (rnd.chance(0.8)) rows.push({ ...base, source: 'self', assessorId: p.id, level: clamp(final - rnd.int(0, 2)), assessedAt: ago(300, 360) });
      if (p.managerId && rnd.chance(0.7)) {
        rows.push({ ...base, source: 'manager', assessorId: p.managerId, level: clamp(final - rnd.int(0, 1)), assessedAt: ago(180, 260) });
      }
      const enrolmentId = 'enrollmentId' in t ? (t as { enrollmentId: string }).enrollmentId : undefined;
      if (enrolmentId || rnd.chance(0.35)) {
        rows.push({
          ...base,
          source: 'quiz',
          level: clamp(enrolmentId ? t.level : final),
          assessedAt: ago(90, 170),
          sourceRecordType: enrolmentId ? 'enrollment' : null,
          sourceRecordId: enrolmentId ?? null,
        });
      }
      rows.push({ ...base, source: 'self', assessorId: p.id, level: clamp(final + rnd.int(0, 1)), assessedAt: ago(20, 80) });
      if (p.managerId) rows.push({ ...base, source: 'manager', assessorId: p.managerId, level: final, assessedAt: ago(3, 40) });
    }
  }
    // The seed records itself once (demo.ts); recommendations are computed from person_skill afterwards.
  await recordAssessments(tx, orgId, rows, { now: today, record: false });
}
