import type { AppContext } from '../../../context.ts';
import { forbidden, notFound, validationFailed, type ErrorDetail } from '../../../platform/http/errors.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { actorRef, recordChange } from '../../platform/index.ts';
import { learningFileUrl } from '../authoring/index.ts';
import { canReadLearningOf, canRecordLearningOf, visibleLearner } from '../learning.policy.ts';
import * as repo from './transcript.repo.ts';

export type ExternalInput = {
  title: string;
  provider?: string | null;
  kind?: 'course' | 'certification' | 'conference' | 'book' | 'other';
  completedOn: string;
  durationMinutes?: number | null;
  evidenceUrl?: string | null;
  evidenceFileId?: string | null;
  notes?: string | null;
};

export const externalDto = (x: repo.ExternalRow) => ({
  id: x.id,
  personId: x.personId,
  title: x.title,
  provider: x.provider,
  kind: x.kind,
  completedOn: x.completedOn,
  durationMinutes: x.durationMinutes,
  evidenceUrl: x.evidenceUrl,
  evidenceFileId: x.evidenceFileId,
  evidenceFileUrl: learningFileUrl(x.evidenceFileId),
  notes: x.notes,
  recordedBy: x.recordedBy,
  createdAt: x.createdAt.toISOString(),
});

/** Readers: whoever may see the person's learning; others learn nothing, not even that the person exists. */
const visiblePerson = (ctx: AppContext, actor: Actor, personId: string) => visibleLearner(ctx.db, actor, personId);

export async function listExternal(ctx: AppContext, actor: Actor, personId: string) {
  await visiblePerson(ctx, actor, personId);
  return { data: (await repo.externalOf(ctx.db, actor.orgId, personId)).map(externalDto) };
}

/**
 * The latest calendar date anywhere on earth (UTC+14), so a learner east of UTC can record
 * something finished today without it counting as the future.
 */
const latestToday = (now: Date) => new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);

export async function createExternal(ctx: AppContext, actor: Actor, personId: string, input: ExternalInput, requestId?: string) {
  await visiblePerson(ctx, actor, personId);
  if (!canRecordLearningOf(actor, personId)) throw forbidden('Only the learner or a learning or HR admin records external learning');
  const errors: ErrorDetail[] = [];
  if (input.completedOn > latestToday(ctx.clock.now())) errors.push({ path: 'completedOn', message: 'The completion date cannot be in the future' });
  return ctx.db.transaction(async (tx) => {
    if (input.evidenceFileId) {
      const f = await repo.findEvidenceFile(tx, actor.orgId, input.evidenceFileId);
      const mine = f && (f.createdBy === actor.personId || f.createdBy === actor.userId);
      if (!f || f.purpose !== 'evidence' || !mine) {
        errors.push({ path: 'evidenceFileId', message: 'Upload the evidence file first (purpose: evidence)' });
      }
    }
    if (errors.length) throw validationFailed('The external learning is not valid', errors);
    const row = await repo.insertExternal(tx, {
      orgId: actor.orgId,
      personId,
      title: input.title,
      provider: input.provider || null,
      kind: input.kind ?? 'course',
      completedOn: input.completedOn,
      durationMinutes: input.durationMinutes ?? null,
      evidenceUrl: input.evidenceUrl || null,
      evidenceFileId: input.evidenceFileId ?? null,
      notes: input.notes || null,
      recordedBy: actor.personId,
      createdAt: ctx.clock.now(),
    });
    const dto = externalDto(row);
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'external_learning.created',
      recordType: 'external_learning',
      recordId: row.id,
      after: dto,
    });
    return dto;
  });
}

export async function deleteExternal(ctx: AppContext, actor: Actor, id: string, requestId?: string) {
  await ctx.db.transaction(async (tx) => {
    const row = await repo.findExternal(tx, actor.orgId, id);
    if (!row || !(await canReadLearningOf(tx, actor, row.personId))) throw notFound('External learning');
    if (!canRecordLearningOf(actor, row.personId)) throw forbidden('Only the learner or a learning or HR admin removes external learning');
    await repo.deleteExternal(tx, actor.orgId, id);
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'external_learning.deleted',
      recordType: 'external_learning',
      recordId: id,
      before: externalDto(row),
    });
  });
}
