import type { AppContext } from '../../../context.ts';
import type { HurdleCategory } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { notFound, validationFailed } from '../../../platform/http/errors.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { readableGoal } from '../../performance/index.ts';
import { actorRef, emit, notify, recordChange } from '../../platform/index.ts';
import { HURDLE_RAISED } from '../talent.events.ts';
import { canRaiseHurdleFor, canReadHurdlesOf } from '../talent.policy.ts';
import * as repo from './hurdles.repo.ts';

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 5000;
export const RESOLUTION_MAX = 2000;
export const HURDLES_LINK = '/hurdles';

const name = (first: string | null, last: string | null) => (first ? `${first} ${last ?? ''}`.trim() : null);

export const hurdleDto = (h: repo.HurdleView) => ({
  id: h.id,
  personId: h.personId,
  personName: `${h.personFirstName} ${h.personLastName}`,
  title: h.title,
  description: h.description,
  category: h.category,
  skillId: h.skillId,
  skillName: h.skillName,
  status: h.status,
  /** The linked goal, when the viewer may read it. */
  goal: h.goalId && h.goalTitle !== null ? { id: h.goalId, title: h.goalTitle } : null,
  /** A goal is linked that the viewer may not read: shown as "a goal you cannot see". */
  goalHidden: !!h.goalId && h.goalTitle === null,
  source: h.source,
  sourceRecordId: h.sourceRecordId,
  raisedBy: h.raisedBy ? { id: h.raisedBy, name: name(h.raiserFirstName, h.raiserLastName) ?? 'Someone' } : null,
  resolvedAt: h.resolvedAt?.toISOString() ?? null,
  resolution: h.resolution,
  createdAt: h.createdAt.toISOString(),
  updatedAt: h.updatedAt.toISOString(),
});
export type HurdleDto = ReturnType<typeof hurdleDto>;

/** What the audit keeps of a hurdle. */
export const hurdleAudit = (h: repo.HurdleRow) => ({
  personId: h.personId,
  title: h.title,
  description: h.description,
  category: h.category,
  skillId: h.skillId,
  status: h.status,
  goalId: h.goalId,
  source: h.source,
  sourceRecordId: h.sourceRecordId,
  resolvedAt: h.resolvedAt?.toISOString() ?? null,
  resolution: h.resolution,
});

export type RaiseHurdleInput = {
  personId: string;
  /** Trimmed; longer than 200 characters it is cut, and the whole text kept as the description when there is none. */
  title: string;
  description?: string | null;
  category: HurdleCategory;
  skillId?: string | null;
  goalId?: string | null;
  source: 'self' | 'check_in' | 'one_on_one';
  /** The check-in or 1:1 talking point it came from. */
  sourceRecordId?: string | null;
  requestId?: string;
};

const invalid = (path: string, message: string) => validationFailed(message, [{ path, message }]);

/** A linked goal must be one the actor may read (else they could attach, and learn of, any goal). */
export async function requireReadableGoal(db: DbOrTx, actor: Actor, goalId: string) {
  if (!(await readableGoal(db, actor, goalId))) throw invalid('goalId', 'Choose a goal you can see');
}

export async function requireSkill(db: DbOrTx, orgId: string, skillId: string) {
  if (!(await repo.findSkill(db, orgId, skillId))) throw invalid('skillId', 'Choose a skill of the organisation');
}

/**
 * Raises a hurdle for a person in the caller's transaction: the person themself, anyone in their
 * manager chain or an HR admin may (404 `Person` otherwise). Audited, emits `HURDLE_RAISED`, and
 * tells the person's direct manager in-app unless the manager raised it.
 */
export async function raiseHurdle(ctx: AppContext, tx: DbOrTx, actor: Actor, input: RaiseHurdleInput): Promise<HurdleDto> {
  const orgId = actor.orgId;
  const who = await repo.findPerson(tx, orgId, input.personId);
  if (!who || !(await canRaiseHurdleFor(tx, actor, input.personId))) throw notFound('Person');

  let title = input.title.trim();
  let description = input.description?.trim() || null;
  if (!title) throw invalid('title', 'Enter what is in the way');
  if (title.length > TITLE_MAX) {
    description ??= title;
    title = `${title.slice(0, TITLE_MAX - 1).trimEnd()}…`;
  }
  if (description && description.length > DESCRIPTION_MAX) throw invalid('description', `At most ${DESCRIPTION_MAX} characters`);
  if (input.goalId) await requireReadableGoal(tx, actor, input.goalId);
  if (input.skillId) await requireSkill(tx, orgId, input.skillId);

  const now = ctx.clock.now();
  const row = await repo.insert(tx, {
    orgId,
    personId: input.personId,
    title,
    description,
    category: input.category,
    skillId: input.skillId ?? null,
    goalId: input.goalId ?? null,
    source: input.source,
    sourceRecordId: input.sourceRecordId ?? null,
    raisedBy: actor.personId,
    status: 'open',
    createdAt: now,
    updatedAt: now,
  });
  await recordChange(tx, actorRef(actor, input.requestId), {
    action: 'hurdle.created',
    recordType: 'hurdle',
    recordId: row.id,
    after: hurdleAudit(row),
    emits: emit(HURDLE_RAISED, {
      hurdleId: row.id,
      personId: row.personId,
      category: row.category,
      status: row.status,
      goalId: row.goalId,
      skillId: row.skillId,
      source: row.source,
      raisedBy: row.raisedBy,
    }),
  });
  const view = (await repo.findView(tx, actor, row.id))!;
  if (who.managerId && who.managerId !== actor.personId) {
    const raisedBySelf = actor.personId === who.id;
    await notify(ctx, tx, {
      orgId,
      personId: who.managerId,
      kind: 'talent.hurdle_raised',
      title: raisedBySelf ? `${who.firstName} ${who.lastName} raised a hurdle` : `A hurdle was raised for ${who.firstName} ${who.lastName}`,
      body: title,
      link: HURDLES_LINK,
    });
  }
  return hurdleDto(view);
}

/** The hurdle when the actor may read it (the person, their manager chain, HR admins); null otherwise (callers answer 404). */
export async function readableHurdle(db: DbOrTx, actor: Actor, id: string): Promise<repo.HurdleRow | null> {
  const row = await repo.find(db, actor.orgId, id);
  if (!row || !(await canReadHurdlesOf(db, actor, row.personId))) return null;
  return row;
}

/** What an enrolment's reason shows of its hurdle: the title, to those who may read it (registered with learning). */
export async function describeHurdles(db: DbOrTx, actor: Actor, ids: string[]) {
  const found = await repo.readableAmong(db, actor, ids);
  return new Map(found.map((h) => [h.id, { label: `Hurdle: ${h.title}`, href: HURDLES_LINK }]));
}
