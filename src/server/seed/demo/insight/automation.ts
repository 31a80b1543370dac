import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../../context.ts';
import { course, program, skill, userAccount } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { createRule, setRuleStatus } from '../../../modules/insight/index.ts';
import type { DemoInsightInput } from './index.ts';

/**
 * The two rules Acme's HR runs, built and switched on as HR would (through the rules' own use
 * cases, so they are validated, audited and acted on like any other): a new hire gets the
 * onboarding program; a check-in blocker about giving feedback enrols the feedback course and puts
 * it on the next 1:1. Switched on for new events only, so no one in the demo is enrolled by them yet.
 */
export async function seedDemoAutomation(ctx: AppContext, tx: DbOrTx, input: DemoInsightInput): Promise<void> {
  const { orgId, org } = input;
  const hr = org.people.find((p) => p.demoRole === 'hr')!;
  const [account] = await tx.select({ id: userAccount.id }).from(userAccount).where(and(eq(userAccount.orgId, orgId), eq(userAccount.personId, hr.id)));
  const actor: Actor = { orgId, userId: account!.id, personId: hr.id, roles: ['hr_admin'], via: 'session', scopes: ['read', 'write', 'admin'], label: `${hr.firstName} ${hr.lastName}` };
  const inTx = { ...ctx, db: tx as AppContext['db'] };

  const [onboarding] = await tx.select({ id: program.id }).from(program).where(and(eq(program.orgId, orgId), eq(program.title, 'Your first 30 days at Acme')));
  const [feedbackCourse] = await tx.select({ id: course.id }).from(course).where(and(eq(course.orgId, orgId), eq(course.title, 'Giving and receiving feedback')));
  const [feedbackSkill] = await tx.select({ id: skill.id }).from(skill).where(and(eq(skill.orgId, orgId), eq(skill.name, 'Giving feedback')));
  if (!onboarding || !feedbackCourse || !feedbackSkill) throw new Error('demo automation: the onboarding program, feedback course or skill is missing');

  const hired = await createRule(inTx, actor, {
    name: 'New hires get their first 30 days',
    description: 'Everyone who joins is enrolled in the onboarding program, due in 30 days.',
    event: 'person_hired',
    conditions: [],
    actions: [{ type: 'enroll', programId: onboarding.id, dueDays: 30 }],
  });
  const blocker = await createRule(inTx, actor, {
    name: 'A feedback blocker becomes learning and a 1:1 point',
    description: 'When a check-in names giving feedback as a skill blocker, enrol the feedback course and raise it at the next 1:1.',
    event: 'check_in_blocker',
    conditions: [
      { field: 'hurdleCategory', op: 'in', value: ['skill'] },
      { field: 'skill', op: 'in', value: [feedbackSkill.id] },
    ],
    actions: [
      { type: 'enroll', courseId: feedbackCourse.id, dueDays: 30 },
      { type: 'talkingPoint', body: 'Your check-in named giving feedback as a blocker: the feedback course is assigned. What would help most?' },
    ],
  });
  for (const r of [hired, blocker]) await setRuleStatus(inTx, actor, r.id, 'active');
}
