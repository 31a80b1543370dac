import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import {
  assessmentRound,
  assessmentRoundMember,
  jobProfileSkill,
  notification,
  person,
  personSkill,
  skill,
} from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { recordAssessments, type SystemAssessment } from '../../../modules/talent/assessments/index.ts';
import type { DemoTalentInput } from './index.ts';

const DAY = 86_400_000;

/**
 * One open self-assessment round of the demo manager for their team, four days old and due in
 * ten: about half the team has rated themselves and one of them has the manager's rating too;
 * the demo employee has not, so My growth shows them the request. The ratings go through
 * recordAssessments (so person_skill follows the rule) without per-row audit, as the assessments
 * seed does; the notifications the API would have sent are written as they would be.
 */
export async function seedDemoRound(tx: DbOrTx, input: DemoTalentInput, today: Date): Promise<void> {
  const { orgId, org } = input;
  const managerId = org.people.find((p) => p.demoRole === 'manager')?.id;
  const employeeId = org.people.find((p) => p.demoRole === 'employee')?.id;
  if (!managerId) return;
  const manager = org.people.find((p) => p.id === managerId)!;
  const team = await tx
    .select({ id: person.id, firstName: person.firstName, lastName: person.lastName, jobProfileId: person.jobProfileId })
    .from(person)
    .where(and(eq(person.orgId, orgId), eq(person.managerId, managerId), eq(person.status, 'active')))
    .orderBy(asc(person.lastName), asc(person.firstName));
  const profileIds = [...new Set(team.map((p) => p.jobProfileId).filter((x): x is string => !!x))];
  if (!profileIds.length) return;
  const expected = await tx
    .select({ profileId: jobProfileSkill.profileId, skillId: jobProfileSkill.skillId, level: jobProfileSkill.level, maxLevel: skill.maxLevel })
    .from(jobProfileSkill)
    .innerJoin(skill, and(eq(skill.orgId, jobProfileSkill.orgId), eq(skill.id, jobProfileSkill.skillId)))
    .where(and(eq(jobProfileSkill.orgId, orgId), inArray(jobProfileSkill.profileId, profileIds), isNull(skill.archivedAt), isNull(skill.mergedIntoId)));
  const skillsOf = new Map<string, typeof expected>();
  for (const e of expected) skillsOf.set(e.profileId, [...(skillsOf.get(e.profileId) ?? []), e]);
  const members = team.filter((p) => p.jobProfileId && skillsOf.has(p.jobProfileId));
  if (!members.length) return;
  const current = await tx
    .select({ personId: personSkill.personId, skillId: personSkill.skillId, level: personSkill.level })
    .from(personSkill)
    .where(and(eq(personSkill.orgId, orgId), inArray(personSkill.personId, members.map((m) => m.id))));
  const levelOf = new Map(current.map((c) => [`${c.personId}:${c.skillId}`, c.level]));

  const roundId = uuidv7();
  const startedAt = new Date(today.getTime() - 4 * DAY);
  const title = 'Spring skills check';
  await tx.insert(assessmentRound).values({ id: roundId, orgId, managerId, title, dueAt: new Date(today.getTime() + 10 * DAY), status: 'open', createdAt: startedAt });

  const others = members.filter((m) => m.id !== employeeId);
  const selfRated = others.filter((_, i) => i % 2 === 0);
  const managerRated = selfRated.slice(0, 1);
  const selfAt = (i: number) => new Date(startedAt.getTime() + (1 + (i % 3)) * DAY);
  const managerAt = new Date(today.getTime() - DAY / 2);
  const ratings: SystemAssessment[] = [];
  selfRated.forEach((m, i) => {
    for (const s of skillsOf.get(m.jobProfileId!)!) {
      // People rate themselves near their current level, a little generously where it is low.
      const now = Math.round(levelOf.get(`${m.id}:${s.skillId}`) ?? s.level);
      const level = Math.max(1, Math.min(s.maxLevel, now + (now < s.level ? 1 : 0)));
      ratings.push({ personId: m.id, skillId: s.skillId, level, source: 'self', assessorId: m.id, assessedAt: selfAt(i), roundId });
    }
  });
  for (const m of managerRated) {
    for (const s of skillsOf.get(m.jobProfileId!)!) {
      const level = Math.max(1, Math.min(s.maxLevel, Math.round(levelOf.get(`${m.id}:${s.skillId}`) ?? s.level)));
      ratings.push({ personId: m.id, skillId: s.skillId, level, source: 'manager', assessorId: managerId, assessedAt: managerAt, roundId });
    }
  }
  await recordAssessments(tx, orgId, ratings, { now: today, record: false });

  const selfIndex = new Map(selfRated.map((m, i) => [m.id, i]));
  await tx.insert(assessmentRoundMember).values(
    members.map((m) => ({
      orgId,
      roundId,
      personId: m.id,
      selfSubmittedAt: selfIndex.has(m.id) ? selfAt(selfIndex.get(m.id)!) : null,
      managerSubmittedAt: managerRated.some((x) => x.id === m.id) ? managerAt : null,
    })),
  );

  const by = `${manager.firstName} ${manager.lastName}`;
  await tx.insert(notification).values([
    ...members.map((m) => ({
      orgId,
      personId: m.id,
      kind: 'talent.assessment_round_started',
      title: `${by} asked you to rate your skills`,
      body: `${title}: rate the skills of your job profile on My growth. ${by} will then add their rating.`,
      link: '/skills',
      createdAt: startedAt,
    })),
    ...selfRated.map((m, i) => ({
      orgId,
      personId: managerId,
      kind: 'talent.assessment_round_self_submitted',
      title: `${m.firstName} ${m.lastName} rated their skills`,
      body: `${title}: add your rating of ${m.firstName}.`,
      link: `/skill-rounds/${roundId}`,
      createdAt: selfAt(i),
    })),
  ]);
}
