import type { AppContext } from '../../../context.ts';
import type { AutomationEvent } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { decodeCursor, keysetPage } from '../../../platform/http/openapi.ts';
import { AppError, forbidden, notFound, type ErrorDetail } from '../../../platform/http/errors.ts';
import type { Actor, ActorRef } from '../../../platform/http/types.ts';
import { enroll } from '../../learning/index.ts';
import { requirePermission } from '../../org/index.ts';
import { addToNextOneOnOne } from '../../performance/index.ts';
import { actorRef, notifyMany, recordChange, systemRef, type NewNotification } from '../../platform/index.ts';
import { addPlanItem } from '../../talent/index.ts';
import { causedByRule, enrollmentReason, eventConditionsPass, impossibleConditions, type TriggerFacts } from './automation.match.ts';
import { canManageRule, canUseAutomation } from './automation.policy.ts';
import * as repo from './automation.repo.ts';
import type { Action, Condition, RuleBody } from './automation.schemas.ts';
import { z } from 'zod';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function ruleDto(r: repo.RuleRow, runs = { done: 0, skipped: 0, failed: 0 }) {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    event: r.event,
    conditions: r.conditions as Condition[],
    actions: r.actions as Action[],
    status: r.status,
    lastError: r.lastError,
    failedAt: iso(r.failedAt),
    activatedAt: iso(r.activatedAt),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    runs,
  };
}

/** A rule the actor may see: HR admins every rule, learning admins the enrolment-only ones; others 404. */
async function visibleRule(db: DbOrTx, actor: Actor, id: string, forUpdate = false) {
  requirePermission(actor, canUseAutomation);
  const r = await repo.findRule(db, actor.orgId, id, forUpdate);
  if (!r || !canManageRule(actor, r.actions as Action[])) throw notFound('Automation rule');
  return r;
}

export async function listRules(ctx: AppContext, actor: Actor) {
  requirePermission(actor, canUseAutomation);
  const list = (await repo.listRules(ctx.db, actor.orgId)).filter((r) => canManageRule(actor, r.actions as Action[]));
  const counts = await repo.runCounts(ctx.db, actor.orgId, list.map((r) => r.id));
  return { data: list.map((r) => ruleDto(r, counts.get(r.id))) };
}

export async function getRule(ctx: AppContext, actor: Actor, id: string) {
  const r = await visibleRule(ctx.db, actor, id);
  const counts = await repo.runCounts(ctx.db, actor.orgId, [r.id]);
  return ruleDto(r, counts.get(r.id));
}

/**
 * Refuses a rule that could never act as written: a condition the event cannot answer, or a
 * department, group, job profile, custom field, skill, course, program or person that does not
 * exist or is archived (422, each problem with its path).
 */
export async function ruleProblems(db: DbOrTx, orgId: string, rule: Pick<RuleBody, 'event' | 'conditions' | 'actions'>): Promise<ErrorDetail[]> {
  const problems: ErrorDetail[] = impossibleConditions(rule.event, rule.conditions).map(({ index, field }) => ({
    path: `conditions.${index}.field`,
    message: `A ${rule.event.replaceAll('_', ' ')} event has no ${field} to test`,
  }));
  const wanted: Record<'department' | 'group' | 'jobProfile' | 'skill' | 'course' | 'program' | 'person', Array<{ id: string; path: string }>> = {
    department: [], group: [], jobProfile: [], skill: [], course: [], program: [], person: [],
  };
  const keys: Array<{ key: string; path: string }> = [];
  rule.conditions.forEach((c, i) => {
    const at = `conditions.${i}.value`;
    if (c.field === 'department' || c.field === 'group' || c.field === 'jobProfile' || c.field === 'skill' || c.field === 'course') {
      c.value.forEach((id, j) => wanted[c.field].push({ id, path: `${at}.${j}` }));
    }
    if (c.field === 'customField') keys.push({ key: c.value.key, path: `${at}.key` });
  });
  rule.actions.forEach((a, i) => {
    const at = `actions.${i}`;
    if (a.type === 'enroll') {
      if (a.courseId) wanted.course.push({ id: a.courseId, path: `${at}.courseId` });
      if (a.programId) wanted.program.push({ id: a.programId, path: `${at}.programId` });
    }
    if (a.type === 'planItem' && a.skillId) wanted.skill.push({ id: a.skillId, path: `${at}.skillId` });
    if (a.type === 'selfAssessment') (a.skillIds ?? []).forEach((id, j) => wanted.skill.push({ id, path: `${at}.skillIds.${j}` }));
    if (a.type === 'notify') {
      if (a.to === 'someone' && !a.personId) problems.push({ path: `${at}.personId`, message: 'Choose who to notify' });
      if (a.personId) wanted.person.push({ id: a.personId, path: `${at}.personId` });
    }
  });
  const what = {
    department: 'No such department', group: 'No such group', jobProfile: 'No such job profile (or it is archived)',
    skill: 'No such skill (or it is archived)', course: 'No such published course (it may be archived)',
    program: 'No such published program (it may be archived)', person: 'No such active person',
  } as const;
  for (const kind of Object.keys(wanted) as Array<keyof typeof wanted>) {
    const list = wanted[kind];
    if (!list.length) continue;
    const ok = await repo.usableIds(db, orgId, kind, [...new Set(list.map((w) => w.id))]);
    for (const w of list) if (!ok.has(w.id)) problems.push({ path: w.path, message: what[kind] });
  }
  if (keys.length) {
    const known = await repo.customFieldKeys(db, orgId);
    for (const k of keys) if (!known.has(k.key)) problems.push({ path: k.path, message: `No custom field "${k.key}"` });
  }
  return problems;
}

async function requireSound(db: DbOrTx, orgId: string, rule: Pick<RuleBody, 'event' | 'conditions' | 'actions'>) {
  const problems = await ruleProblems(db, orgId, rule);
  if (problems.length) throw new AppError('unprocessable', 'This rule could never act as written', problems);
}

const snapshot = (r: repo.RuleRow) => ({ name: r.name, event: r.event, conditions: r.conditions, actions: r.actions, status: r.status });

export async function createRule(ctx: AppContext, actor: Actor, body: RuleBody, requestId?: string) {
  requirePermission(actor, canUseAutomation);
  if (!canManageRule(actor, body.actions)) throw forbidden('Only HR admins manage rules with actions other than enrolments');
  return ctx.db.transaction(async (tx) => {
    await requireSound(tx, actor.orgId, body);
    const now = ctx.clock.now();
    const r = await repo.insertRule(tx, {
      orgId: actor.orgId, name: body.name, description: body.description ?? null, event: body.event,
      conditions: body.conditions, actions: body.actions, status: 'draft', createdBy: actor.personId, createdAt: now, updatedAt: now,
    });
    await recordChange(tx, actorRef(actor, requestId), { action: 'automation_rule.created', recordType: 'automation_rule', recordId: r.id, after: snapshot(r) });
    return ruleDto(r);
  });
}

export async function updateRule(ctx: AppContext, actor: Actor, id: string, patch: Partial<RuleBody>, requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    const before = await visibleRule(tx, actor, id, true);
    const next = {
      event: patch.event ?? before.event,
      conditions: patch.conditions ?? (before.conditions as Condition[]),
      actions: patch.actions ?? (before.actions as Action[]),
    };
    if (!canManageRule(actor, next.actions)) throw forbidden('Only HR admins manage rules with actions other than enrolments');
    await requireSound(tx, actor.orgId, next);
    const r = await repo.updateRule(tx, actor.orgId, id, {
      ...next,
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.description !== undefined ? { description: patch.description ?? null } : {}),
      updatedAt: ctx.clock.now(),
    });
    await recordChange(tx, actorRef(actor, requestId), { action: 'automation_rule.updated', recordType: 'automation_rule', recordId: id, before: snapshot(before), after: snapshot(r) });
    return ruleDto(r);
  });
}

/** Archives the rule (its runs stay, for the audit trail); it stops acting at once. */
export async function deleteRule(ctx: AppContext, actor: Actor, id: string, requestId?: string) {
  await ctx.db.transaction(async (tx) => {
    const before = await visibleRule(tx, actor, id, true);
    await repo.updateRule(tx, actor.orgId, id, { archivedAt: ctx.clock.now(), status: 'paused', updatedAt: ctx.clock.now() });
    await recordChange(tx, actorRef(actor, requestId), { action: 'automation_rule.deleted', recordType: 'automation_rule', recordId: id, before: snapshot(before) });
  });
}

/**
 * Switches a rule on (checked again: what it names may have gone since it was saved; a failed
 * rule is switched on again once mended) or pauses it. Switching on with `actNow` queues the first run.
 */
export async function setStatus(ctx: AppContext, actor: Actor, id: string, status: 'active' | 'paused', requestId?: string, opts: { actNow?: boolean } = {}) {
  const r = await ctx.db.transaction(async (tx) => {
    const before = await visibleRule(tx, actor, id, true);
    if (status === 'active') await requireSound(tx, actor.orgId, { event: before.event, conditions: before.conditions as Condition[], actions: before.actions as Action[] });
    if (before.status === status) return { row: before, changed: false };
    const now = ctx.clock.now();
    const row = await repo.updateRule(tx, actor.orgId, id, {
      status,
      updatedAt: now,
      ...(status === 'active' ? { activatedAt: now, lastError: null, failedAt: null } : {}),
    });
    await recordChange(tx, actorRef(actor, requestId), {
      action: status === 'active' ? 'automation_rule.activated' : 'automation_rule.paused',
      recordType: 'automation_rule', recordId: id, before: { status: before.status }, after: { status },
    });
    return { row, changed: true };
  });
  if (r.changed && status === 'active' && opts.actNow) {
    const { FIRST_RUN } = await import('./automation.jobs.ts');
    await ctx.jobs.send(FIRST_RUN, { orgId: actor.orgId, ruleId: id });
  }
  const counts = await repo.runCounts(ctx.db, actor.orgId, [id]);
  return ruleDto(r.row, counts.get(id));
}

const PREVIEW_PAGE = 20;

/** How many people (and the first of them) the rule's conditions on the person select now; a GET-like read. */
export async function preview(ctx: AppContext, actor: Actor, rule: Pick<RuleBody, 'event' | 'conditions' | 'actions'>) {
  requirePermission(actor, canUseAutomation);
  await requireSound(ctx.db, actor.orgId, rule);
  const [count, people] = await Promise.all([
    repo.countSelected(ctx.db, actor.orgId, rule.conditions),
    repo.firstSelected(ctx.db, actor.orgId, rule.conditions, PREVIEW_PAGE),
  ]);
  return { count, people };
}

export async function previewRule(ctx: AppContext, actor: Actor, id: string) {
  const r = await visibleRule(ctx.db, actor, id);
  return preview(ctx, actor, { event: r.event, conditions: r.conditions as Condition[], actions: r.actions as Action[] });
}

const RunCursor = z.tuple([z.string(), z.string()]);

export async function listRuns(ctx: AppContext, actor: Actor, id: string, q: { limit?: number; cursor?: string }) {
  const r = await visibleRule(ctx.db, actor, id);
  const limit = q.limit ?? 50;
  const list = await repo.listRuns(ctx.db, actor.orgId, r.id, limit + 1, decodeCursor(q.cursor, RunCursor));
  const page = keysetPage(list, limit, (x) => [x.ranAt.toISOString(), x.id]);
  return {
    data: page.data.map((x) => ({
      id: x.id, triggerKey: x.triggerKey, person: x.personId ? { id: x.personId, name: x.personName ?? '' } : null,
      status: x.status, detail: x.detail, error: x.error, ranAt: x.ranAt.toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}

// ---- the engine -----------------------------------------------------------------------------------

/** Something a rule names is gone (a course archived): the rule stops, with this as its visible error. */
class RuleStopped extends Error {}

const ruleRef = (r: repo.RuleRow): ActorRef => systemRef(r.orgId, `automation:${r.id}`);

/** The actor a rule acts as where the use case it calls takes a person: the system's label, the given person's id. */
const actingAs = (r: repo.RuleRow, personId: string, roles: Actor['roles'] = []): Actor => ({
  orgId: r.orgId, userId: '', personId, roles, via: 'session', scopes: ['read', 'write', 'admin'], label: `automation:${r.id}`,
});

async function stopIfBroken(tx: DbOrTx, r: repo.RuleRow) {
  const problems = await ruleProblems(tx, r.orgId, { event: r.event, conditions: r.conditions as Condition[], actions: r.actions as Action[] });
  if (problems.length) throw new RuleStopped(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
}

type Detail = Record<string, unknown>;

/** Takes the rule's actions for one person, in the caller's transaction; returns what each did. */
async function act(ctx: AppContext, tx: DbOrTx, r: repo.RuleRow, personId: string, reason: ReturnType<typeof enrollmentReason>): Promise<Detail[]> {
  const by = ruleRef(r);
  const out: Detail[] = [];
  const notes: NewNotification[] = [];
  for (const a of r.actions as Action[]) {
    switch (a.type) {
      case 'enroll': {
        const made = await enroll(ctx, tx, by, {
          audience: { type: 'people', personIds: [personId] }, courseId: a.courseId ?? null, programId: a.programId ?? null,
          ...reason, source: 'rule', dueDays: a.dueDays ?? null,
        });
        out.push(made[0] ? { action: 'enroll', type: 'enrollment', id: made[0].id } : { action: 'enroll', skipped: 'already enrolled' });
        break;
      }
      case 'talkingPoint': {
        const managerId = await repo.managerOf(tx, r.orgId, personId);
        if (!managerId) { out.push({ action: 'talkingPoint', skipped: 'no manager' }); break; }
        try {
          const p = await addToNextOneOnOne(ctx, tx, actingAs(r, managerId), {
            withPersonId: personId, body: a.body, sourceRecordType: reason.reasonRecordType, sourceRecordId: reason.reasonRecordId,
          });
          out.push({ action: 'talkingPoint', type: 'agenda_item', id: p.agendaItemId });
        } catch (e) {
          if (e instanceof AppError && e.code === 'no_one_on_one') out.push({ action: 'talkingPoint', skipped: 'no 1:1 series with the manager' });
          else throw e;
        }
        break;
      }
      case 'planItem': {
        if (!r.createdBy) { out.push({ action: 'planItem', skipped: 'the rule has no author' }); break; }
        // The plan's use case opens its own transaction: given this one as its database, it is a savepoint of it.
        const item = await addPlanItem({ ...ctx, db: tx } as AppContext, actingAs(r, r.createdBy, ['hr_admin']), personId, {
          title: a.title, actionType: a.actionType, skillId: a.skillId ?? null,
        });
        out.push({ action: 'planItem', type: 'development_plan_item', id: item.id });
        break;
      }
      case 'selfAssessment':
        notes.push({ orgId: r.orgId, personId, kind: 'automation.self_assessment', title: 'Please rate your skills', body: r.name, link: '/me/skills', email: true });
        out.push({ action: 'selfAssessment', notified: personId });
        break;
      case 'notify': {
        const to = a.to === 'person' ? personId : a.to === 'manager' ? await repo.managerOf(tx, r.orgId, personId) : a.personId!;
        if (!to) { out.push({ action: 'notify', skipped: 'no manager' }); break; }
        notes.push({ orgId: r.orgId, personId: to, kind: 'automation.notice', title: r.name, body: a.message, link: `/people/${personId}` });
        out.push({ action: 'notify', notified: to });
        break;
      }
    }
  }
  await notifyMany(ctx, tx, notes);
  return out;
}

/** After a rolled-back run: the rule stops with its error, and the run says why (one transaction). */
async function failRule(ctx: AppContext, r: repo.RuleRow, triggerKey: string, personId: string | null, error: string) {
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    await repo.updateRule(tx, r.orgId, r.id, { status: 'failed', lastError: error, failedAt: now, updatedAt: now });
    await repo.upsertRun(tx, r.orgId, r.id, triggerKey, personId, 'failed', [], error, now);
    await recordChange(tx, ruleRef(r), { action: 'automation_rule.failed', recordType: 'automation_rule', recordId: r.id, after: { status: 'failed', lastError: error, triggerKey } });
  });
}

/**
 * One rule on one trigger, in one transaction: claim the run (a second delivery finds it taken
 * and does nothing), test the conditions, guard against the rule's own writes, act, audit.
 * Something the rule names being gone rolls it all back and stops the rule.
 */
export async function runTrigger(ctx: AppContext, r: repo.RuleRow, triggerKey: string, facts: TriggerFacts): Promise<'done' | 'skipped' | 'failed' | 'duplicate'> {
  try {
    return await ctx.db.transaction(async (tx) => {
      const current = await repo.findRule(tx, r.orgId, r.id);
      if (!current || current.status !== 'active') return 'skipped';
      const now = ctx.clock.now();
      const runId = await repo.claimRun(tx, r.orgId, r.id, triggerKey, facts.personId, now);
      if (!runId) return 'duplicate';
      const conditions = current.conditions as Condition[];
      const skip = async (why: string) => {
        await repo.finishRun(tx, r.orgId, runId, 'skipped', [{ skipped: why }]);
        return 'skipped' as const;
      };
      if (!eventConditionsPass(conditions, facts)) return skip('the event does not match the conditions');
      if (!(await repo.personSelected(tx, r.orgId, facts.personId, conditions))) return skip('the person does not match the conditions');
      const written = await repo.writtenByRule(tx, r.orgId, r.id, [facts.recordId, ...(facts.sourceIds ?? [])]);
      if (causedByRule(facts, written)) return skip('caused by this rule (loop guard)');
      await stopIfBroken(tx, current);
      const detail = await act(ctx, tx, current, facts.personId, enrollmentReason(current.event, facts));
      await repo.finishRun(tx, r.orgId, runId, 'done', detail);
      await recordChange(tx, ruleRef(current), {
        action: 'automation_rule.acted', recordType: 'automation_run', recordId: runId,
        after: { ruleId: r.id, triggerKey, personId: facts.personId, detail },
      });
      return 'done';
    });
  } catch (e) {
    if (!(e instanceof RuleStopped)) throw e;
    await failRule(ctx, r, triggerKey, facts.personId, e.message);
    return 'failed';
  }
}

/** Every active rule of the organisation on the event, for one trigger. */
export async function runEvent(ctx: AppContext, orgId: string, event: AutomationEvent, triggerKey: string, facts: TriggerFacts) {
  for (const r of await repo.activeRules(ctx.db, orgId, event)) await runTrigger(ctx, r, triggerKey, facts);
}

/** One event for many people (an import): the active rules are read once, each person is its own trigger. */
export async function runEventForEach(ctx: AppContext, orgId: string, event: AutomationEvent, triggers: ReadonlyArray<{ key: string; facts: TriggerFacts }>) {
  if (!triggers.length) return;
  const rules = await repo.activeRules(ctx.db, orgId, event);
  for (const r of rules) for (const t of triggers) await runTrigger(ctx, r, t.key, t.facts);
}

export const FIRST_RUN_BATCH = 5000;

/**
 * The first run of a rule switched on: everyone its conditions on the person select now (the
 * event's own conditions have no event to test), a batch per transaction, set-based within it:
 * one statement claims the batch's runs (`first-run:<person id>`, so a repeated first run acts
 * on nobody twice), one `enroll` per enrol action for the whole batch. The enrolment's reason
 * is the rule itself. A rule found broken stops, with what its last batch did rolled back.
 */
export async function firstRun(ctx: AppContext, orgId: string, ruleId: string): Promise<number> {
  let after: string | null = null;
  let total = 0;
  for (;;) {
    const rule = await repo.findRule(ctx.db, orgId, ruleId);
    if (!rule || rule.status !== 'active') return total;
    let res: { lastId: string | null; n: number };
    try {
      res = await ctx.db.transaction(async (tx) => {
        const now = ctx.clock.now();
        const { lastId, claimed } = await repo.claimFirstRunBatch(tx, orgId, ruleId, rule.conditions as Condition[], after, FIRST_RUN_BATCH, now);
        if (!claimed.length) return { lastId, n: 0 };
        await stopIfBroken(tx, rule);
        const details = await actOnBatch(ctx, tx, rule, claimed.map((c) => c.personId));
        await repo.setRunDetails(tx, orgId, claimed.map((c) => c.runId), claimed.map((c) => details.get(c.personId) ?? []));
        await recordChange(tx, ruleRef(rule), {
          action: 'automation_rule.first_run', recordType: 'automation_rule', recordId: ruleId,
          after: { people: claimed.length, runIds: claimed.map((c) => c.runId) }, event: false,
        });
        return { lastId, n: claimed.length };
      });
    } catch (e) {
      if (!(e instanceof RuleStopped)) throw e;
      await failRule(ctx, rule, `first-run:${after ?? 'start'}`, null, e.message);
      return total;
    }
    total += res.n;
    if (!res.lastId) return total;
    after = res.lastId;
  }
}

/** The rule's actions for a batch of people: enrolments and notifications set-based, 1:1 points and plan items one by one. */
async function actOnBatch(ctx: AppContext, tx: DbOrTx, r: repo.RuleRow, personIds: string[]): Promise<Map<string, Detail[]>> {
  const details = new Map<string, Detail[]>(personIds.map((id) => [id, []]));
  const reason = { ...enrollmentReason(r.event, { personId: '', recordType: 'automation_rule', recordId: r.id }), reasonRecordType: 'automation_rule', reasonRecordId: r.id };
  const by = ruleRef(r);
  const perPerson = (r.actions as Action[]).filter((a) => a.type === 'talkingPoint' || a.type === 'planItem' || a.type === 'notify');
  for (const a of r.actions as Action[]) {
    if (a.type === 'enroll') {
      const made = await enroll(ctx, tx, by, {
        audience: { type: 'people', personIds }, courseId: a.courseId ?? null, programId: a.programId ?? null, ...reason, source: 'rule', dueDays: a.dueDays ?? null,
      });
      const byPerson = new Map(made.map((m) => [m.personId, m.id]));
      for (const id of personIds) {
        const e = byPerson.get(id);
        details.get(id)!.push(e ? { action: 'enroll', type: 'enrollment', id: e } : { action: 'enroll', skipped: 'already enrolled' });
      }
    }
    if (a.type === 'selfAssessment') {
      await notifyMany(ctx, tx, personIds.map((personId) => ({ orgId: r.orgId, personId, kind: 'automation.self_assessment', title: 'Please rate your skills', body: r.name, link: '/me/skills' })));
      for (const id of personIds) details.get(id)!.push({ action: 'selfAssessment', notified: id });
    }
  }
  if (perPerson.length) {
    const only = { ...r, actions: perPerson };
    for (const id of personIds) details.get(id)!.push(...(await act(ctx, tx, only, id, reason)));
  }
  return details;
}
