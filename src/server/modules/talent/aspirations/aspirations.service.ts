import type { z } from '@hono/zod-openapi';
import type { AppContext } from '../../../context.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { notFound, validationFailed } from '../../../platform/http/errors.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { actorRef, emit, recordChange } from '../../platform/index.ts';
import { ASPIRATION_CHANGED } from '../talent.events.ts';
import { canEditDevelopmentOf, canReadTalentOf } from '../talent.policy.ts';
import type { AspirationCreate, AspirationUpdate } from './aspirations.schemas.ts';
import * as repo from './aspirations.repo.ts';

const MAX_PER_PERSON = 100;

export const aspirationDto = (a: repo.AspirationView) => ({
  id: a.id,
  personId: a.personId,
  targetProfileId: a.targetProfileId,
  targetProfileName: a.targetProfileName,
  description: a.description,
  timeFrame: a.timeFrame,
  willingToChangeTeam: a.willingToChangeTeam,
  willingToRelocate: a.willingToRelocate,
  interests: a.interests ?? [],
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});
export type AspirationDto = ReturnType<typeof aspirationDto>;

const audit = (a: repo.AspirationRow) => ({
  personId: a.personId,
  targetProfileId: a.targetProfileId,
  description: a.description,
  timeFrame: a.timeFrame,
  willingToChangeTeam: a.willingToChangeTeam,
  willingToRelocate: a.willingToRelocate,
  interests: a.interests,
});

async function requireProfile(db: DbOrTx, orgId: string, id: string) {
  const p = await repo.findActiveProfile(db, orgId, id);
  if (!p) throw validationFailed('Unknown job profile', [{ path: 'targetProfileId', message: 'Choose an active job profile of the organisation' }]);
  return p;
}

/** Deduplicates interests, ignoring case, keeping the first spelling. */
function cleanInterests(list: string[] | undefined): string[] | undefined {
  if (!list) return undefined;
  const seen = new Set<string>();
  return list.filter((i) => !seen.has(i.toLowerCase()) && seen.add(i.toLowerCase()));
}

/** The person's talent is the actor's to see (or change): in the organisation, and the policy allows. */
async function allowed(db: DbOrTx, actor: Actor, personId: string, edit = false) {
  return edit ? canEditDevelopmentOf(db, actor, personId) : canReadTalentOf(db, actor, personId);
}

export async function listAspirations(ctx: AppContext, actor: Actor, personId: string) {
  if (!(await allowed(ctx.db, actor, personId))) throw notFound('Person');
  const rows = await repo.listForPerson(ctx.db, actor.orgId, personId, MAX_PER_PERSON);
  return { data: rows.map(aspirationDto), nextCursor: null };
}

export async function createAspiration(ctx: AppContext, actor: Actor, personId: string, input: z.infer<typeof AspirationCreate>, requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    if (!(await allowed(tx, actor, personId, true))) throw notFound('Person');
    if (input.targetProfileId) await requireProfile(tx, actor.orgId, input.targetProfileId);
    const now = ctx.clock.now();
    const row = await repo.insert(tx, {
      orgId: actor.orgId,
      personId,
      targetProfileId: input.targetProfileId ?? null,
      description: input.description || null,
      timeFrame: input.timeFrame ?? null,
      willingToChangeTeam: input.willingToChangeTeam ?? false,
      willingToRelocate: input.willingToRelocate ?? false,
      interests: cleanInterests(input.interests) ?? [],
      createdAt: now,
      updatedAt: now,
    });
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'aspiration.created',
      recordType: 'aspiration',
      recordId: row.id,
      after: audit(row),
      emits: emit(ASPIRATION_CHANGED, { personId }),
    });
    return aspirationDto((await repo.findView(tx, actor.orgId, row.id))!);
  });
}

/** The aspiration, locked, when the actor may change it; 404 otherwise. */
async function editable(tx: DbOrTx, actor: Actor, id: string) {
  const before = await repo.findForUpdate(tx, actor.orgId, id);
  if (!before || !(await allowed(tx, actor, before.personId, true))) throw notFound('Aspiration');
  return before;
}

export async function updateAspiration(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof AspirationUpdate>, requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    const before = await editable(tx, actor, id);
    if (input.targetProfileId) await requireProfile(tx, actor.orgId, input.targetProfileId);
    const patch = {
      ...(input.targetProfileId !== undefined && { targetProfileId: input.targetProfileId }),
      ...(input.description !== undefined && { description: input.description || null }),
      ...(input.timeFrame !== undefined && { timeFrame: input.timeFrame }),
      ...(input.willingToChangeTeam !== undefined && { willingToChangeTeam: input.willingToChangeTeam }),
      ...(input.willingToRelocate !== undefined && { willingToRelocate: input.willingToRelocate }),
      ...(input.interests !== undefined && { interests: cleanInterests(input.interests) }),
    };
    const targetAfter = patch.targetProfileId !== undefined ? patch.targetProfileId : before.targetProfileId;
    const descriptionAfter = patch.description !== undefined ? patch.description : before.description;
    if (!targetAfter && !descriptionAfter) {
      throw validationFailed('An aspiration needs a target profile or a description', [
        { path: 'targetProfileId', message: 'Choose a target profile or describe the aspiration' },
      ]);
    }
    if (Object.keys(patch).length) {
      const after = await repo.update(tx, actor.orgId, id, patch, ctx.clock.now());
      await recordChange(tx, actorRef(actor, requestId), {
        action: 'aspiration.updated',
        recordType: 'aspiration',
        recordId: id,
        before: audit(before),
        after: audit(after),
        emits: emit(ASPIRATION_CHANGED, { personId: before.personId }),
      });
    }
    return aspirationDto((await repo.findView(tx, actor.orgId, id))!);
  });
}

export async function deleteAspiration(ctx: AppContext, actor: Actor, id: string, requestId?: string) {
  await ctx.db.transaction(async (tx) => {
    const before = await editable(tx, actor, id);
    await repo.remove(tx, actor.orgId, id);
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'aspiration.deleted',
      recordType: 'aspiration',
      recordId: id,
      before: audit(before),
      emits: emit(ASPIRATION_CHANGED, { personId: before.personId }),
    });
  });
}
