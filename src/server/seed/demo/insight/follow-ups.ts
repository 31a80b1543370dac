import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../../context.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { createFollowUps, sweepOrganisation } from '../../../modules/insight/index.ts';
import { recordAssessments, type SystemAssessment } from '../../../modules/talent/index.ts';
import * as repo from './follow-ups.repo.ts';
import type { DemoInsightInput } from './index.ts';

const DAY = 86_400_000;
const STORY_NOTE = 'Agreed in our 1:1: work on this before next quarter';

/**
 * The closed loop as it stands after a year of Acme: each completed enrolment with a reason gets
 * its follow-up, then the sweep runs as it does every night. Where the window has ended, what the
 * record says decides it (a newer rating, the goal's progress, a resolved hurdle), or someone is
 * asked (the manager to re-rate, the person about the hurdle, the next 1:1); within the window it
 * is pending. The demo employee's data course closes its gap (her manager rated her higher since);
 * a teammate's course did not move the rating; the manager is asked to re-rate the others.
 */
export async function seedDemoFollowUps(ctx: AppContext, tx: DbOrTx, input: DemoInsightInput, today: Date): Promise<void> {
  const { orgId, org } = input;
  await repo.fillSkillBaselines(tx, orgId);

  const manager = org.people.find((p) => p.demoRole === 'manager')!;
  const employee = org.people.find((p) => p.demoRole === 'employee')!;
  const team = org.people.filter((p) => p.managerId === manager.id).map((p) => p.id);
  const nameOf = new Map(org.people.map((p) => [p.id, `${p.firstName} ${p.lastName}`]));
  const courseTitles = await repo.courseTitles(tx, orgId);
  // Four more of the manager's reports finished a course he assigned 63–72 days ago, on a skill
  // nobody has rated them on yet: the loop asks him to rate it now.
  const made = await repo.insertUnratedCompletions(tx, orgId, { team, except: employee.id, managerId: manager.id, note: STORY_NOTE, today });
  await repo.insertCertificates(
    tx,
    made.map((e) => ({
      orgId, enrollmentId: e.id, personId: e.person_id, courseId: e.course_id,
      title: courseTitles.get(e.course_id) ?? 'Course', personName: nameOf.get(e.person_id) ?? '',
      issuedAt: new Date(e.completed_at), verificationCode: randomBytes(12).toString('base64url'),
    })),
  );
  // The team's completed skill-gap courses, oldest completion first: the employee's first.
  const gaps = await repo.teamSkillGapCompletions(tx, orgId, { team, first: employee.id, before: new Date(today.getTime() - 60 * DAY) });
  const seen = new Set<string>();
  const ratings: SystemAssessment[] = [];
  for (const g of gaps) {
    if (seen.has(g.person_id) || seen.size >= 2) continue;
    seen.add(g.person_id);
    // The first closed her gap (rated a level higher since); the second did not move; the rest wait for the manager.
    const rose = seen.size === 1;
    const before = Math.round(g.baseline ?? 1);
    ratings.push({
      personId: g.person_id, skillId: g.skill_id, level: rose ? before + 1 : before, source: 'manager', assessorId: manager.id,
      assessedAt: new Date(today.getTime() - (20 + seen.size * 4) * DAY),
      note: rose ? 'Applies what the course taught without help now.' : 'Still needs support here.',
    });
  }
  await recordAssessments(tx, orgId, ratings, { now: today, record: false });

  const completed = await repo.completedWithFollowedReason(tx, orgId);
  await createFollowUps(tx, orgId, completed, today);
  // The nightly sweep, inside the seed's transaction (a nested transaction is a savepoint).
  await sweepOrganisation({ ...ctx, db: tx as AppContext['db'] }, orgId);
}
