import type { z } from '@hono/zod-openapi';
import { z as zod } from 'zod';
import type { AppContext } from '../../../context.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { conflict, notFound, validationFailed } from '../../../platform/http/errors.ts';
import { decodeCursor, keysetPage } from '../../../platform/http/openapi.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { requirePermission } from '../../org/index.ts';
import { actorRef, emit, notifyMany, recordChange } from '../../platform/index.ts';
import { findSkills } from '../../talent/index.ts';
import { canChangePraise, canManagePerformanceSettings, canReadPraise } from '../performance.policy.ts';
import { PRAISE_GIVEN } from './praise.events.ts';
import type { CommentBody, CompanyValueCreate, CompanyValueUpdate, PraiseCreate } from './praise.schemas.ts';
import * as repo from './praise.repo.ts';

const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === '23505' || (e as { cause?: { code?: string } })?.cause?.code === '23505';

// ---- company values ---------------------------------------------------------------------------

const valueDto = (r: { value: repo.CompanyValueRow; used: boolean }) => ({
  id: r.value.id,
  name: r.value.name,
  description: r.value.description,
  position: r.value.position,
  archived: r.value.archivedAt !== null,
  used: Boolean(r.used),
});
const valueAudit = (v: repo.CompanyValueRow) => ({ name: v.name, description: v.description, position: v.position, archivedAt: v.archivedAt });
const nameTaken = () => conflict('A company value with this name exists', [{ path: 'name', message: 'Choose another name' }]);

export async function listCompanyValues(ctx: AppContext, actor: Actor, includeArchived: boolean) {
  const rows = await repo.listValues(ctx.db, actor.orgId, includeArchived && canManagePerformanceSettings(actor));
  return { data: rows.map(valueDto), nextCursor: null };
}

export async function createCompanyValue(ctx: AppContext, actor: Actor, input: z.infer<typeof CompanyValueCreate>, requestId?: string) {
  requirePermission(actor, canManagePerformanceSettings);
  try {
    return await ctx.db.transaction(async (tx) => {
      const row = await repo.insertValue(tx, {
        orgId: actor.orgId,
        name: input.name,
        description: input.description || null,
        position: input.position ?? 0,
        createdAt: ctx.clock.now(),
      });
      await recordChange(tx, actorRef(actor, requestId), { action: 'company_value.created', recordType: 'company_value', recordId: row.id, after: valueAudit(row) });
      return valueDto({ value: row, used: false });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw nameTaken();
    throw e;
  }
}

export async function updateCompanyValue(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof CompanyValueUpdate>, requestId?: string) {
  requirePermission(actor, canManagePerformanceSettings);
  try {
    return await ctx.db.transaction(async (tx) => {
      const found = await repo.findValue(tx, actor.orgId, id, true);
      if (!found) throw notFound('Company value');
      const now = ctx.clock.now();
      const patch = {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.description !== undefined && { description: input.description || null }),
        ...(input.position !== undefined && { position: input.position }),
        ...(input.archived !== undefined && { archivedAt: input.archived ? (found.value.archivedAt ?? now) : null }),
      };
      if (!Object.keys(patch).length) return valueDto(found);
      const after = await repo.updateValue(tx, actor.orgId, id, patch);
      await recordChange(tx, actorRef(actor, requestId), {
        action: 'company_value.updated',
        recordType: 'company_value',
        recordId: id,
        before: valueAudit(found.value),
        after: valueAudit(after),
      });
      return valueDto({ value: after, used: found.used });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw nameTaken();
    throw e;
  }
}

/** A value nothing names is deleted; one that praise or feedback names is archived, so the old records keep their words. */
export async function removeCompanyValue(ctx: AppContext, actor: Actor, id: string, requestId?: string) {
  requirePermission(actor, canManagePerformanceSettings);
  return ctx.db.transaction(async (tx) => {
    const found = await repo.findValue(tx, actor.orgId, id, true);
    if (!found) throw notFound('Company value');
    if (found.used) {
      const after = found.value.archivedAt ? found.value : await repo.updateValue(tx, actor.orgId, id, { archivedAt: ctx.clock.now() });
      await recordChange(tx, actorRef(actor, requestId), {
        action: 'company_value.archived',
        recordType: 'company_value',
        recordId: id,
        before: valueAudit(found.value),
        after: valueAudit(after),
      });
      return { deleted: false as const, value: valueDto({ value: after, used: true }) };
    }
    await repo.deleteValue(tx, actor.orgId, id);
    await recordChange(tx, actorRef(actor, requestId), { action: 'company_value.deleted', recordType: 'company_value', recordId: id, before: valueAudit(found.value) });
    return { deleted: true as const, value: null };
  });
}

/** Checks values (active, of the organisation) and skills named by praise or feedback. */
export async function requireValuesAndSkills(db: DbOrTx, orgId: string, valueIds: string[], skillIds: string[], skillPath = 'skillIds') {
  const values = await repo.activeValueIds(db, orgId, valueIds);
  const badValue = valueIds.findIndex((v) => !values.has(v));
  if (badValue >= 0) throw validationFailed('Unknown company value', [{ path: `valueIds.${badValue}`, message: 'Choose one of the company values' }]);
  const skills = new Set((await findSkills(db, orgId, skillIds)).filter((s) => !(s as { archivedAt?: Date | null }).archivedAt).map((s) => s.id));
  const badSkill = skillIds.findIndex((s) => !skills.has(s));
  if (badSkill >= 0) throw validationFailed('Unknown skill', [{ path: `${skillPath}.${badSkill}`, message: 'Choose a skill of the skills library' }]);
}

// ---- praise -------------------------------------------------------------------------------------

const FeedCursor = zod.tuple([zod.string(), zod.uuid()]);
const uniq = (ids: string[]) => [...new Set(ids)];

/** The answer's shape for a page of praise, with names, reactions and comment counts. */
async function present(db: DbOrTx, actor: Actor, list: repo.PraiseRow[]) {
  const ids = list.map((p) => p.id);
  const extras = await repo.praiseExtras(db, actor.orgId, ids, actor.personId);
  const recipientsOf = new Map<string, string[]>();
  for (const r of extras.recipients) recipientsOf.set(r.praiseId, [...(recipientsOf.get(r.praiseId) ?? []), r.personId]);
  const [people, values, skills] = await Promise.all([
    repo.peopleNames(db, actor.orgId, uniq([...list.flatMap((p) => (p.giverId ? [p.giverId] : [])), ...extras.recipients.map((r) => r.personId)])),
    repo.valueNames(db, actor.orgId, uniq(list.flatMap((p) => p.valueIds))),
    repo.skillNames(db, actor.orgId, uniq(list.flatMap((p) => p.skillIds))),
  ]);
  const named = (m: Map<string, string>, ids: string[]) => ids.flatMap((id) => (m.has(id) ? [{ id, name: m.get(id)! }] : []));
  return list.map((p) => ({
    id: p.id,
    giver: (p.giverId && people.get(p.giverId)) || null,
    recipients: (recipientsOf.get(p.id) ?? []).flatMap((id) => people.get(id) ?? []).sort((a, b) => a.name.localeCompare(b.name)),
    message: p.message,
    visibility: p.visibility,
    values: named(values, p.valueIds),
    skills: named(skills, p.skillIds),
    reactions: extras.reactions.filter((r) => r.praiseId === p.id).map((r) => ({ emoji: r.emoji, count: r.count, mine: Boolean(r.mine) })),
    commentCount: extras.comments.find((c) => c.praiseId === p.id)?.count ?? 0,
    createdAt: p.createdAt.toISOString(),
  }));
}

export async function givePraise(ctx: AppContext, actor: Actor, input: z.infer<typeof PraiseCreate>, requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    const recipientIds = uniq(input.recipientIds);
    const active = await repo.activePeopleIds(tx, actor.orgId, recipientIds);
    const bad = recipientIds.findIndex((id) => !active.has(id) || id === actor.personId);
    if (bad >= 0) {
      const self = recipientIds[bad] === actor.personId;
      throw validationFailed(self ? 'You cannot praise yourself' : 'Unknown person', [
        { path: `recipientIds.${bad}`, message: self ? 'Choose someone else' : 'Choose an active person of the organisation' },
      ]);
    }
    const valueIds = uniq(input.valueIds);
    const skillIds = uniq(input.skillIds);
    await requireValuesAndSkills(tx, actor.orgId, valueIds, skillIds);
    const now = ctx.clock.now();
    const row = await repo.insertPraise(
      tx,
      { orgId: actor.orgId, giverId: actor.personId, message: input.message, visibility: input.visibility, valueIds, skillIds, createdAt: now, updatedAt: now },
      recipientIds,
    );
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'praise.created',
      recordType: 'praise',
      recordId: row.id,
      after: { giverId: actor.personId, recipientIds, visibility: row.visibility, valueIds, skillIds, message: row.message },
      emits: emit(PRAISE_GIVEN, { praiseId: row.id, recipientIds, visibility: row.visibility, valueIds, skillIds }),
    });
    const [dto] = await present(tx, actor, [row]);
    const from = dto!.giver?.name ?? 'A colleague';
    await notifyMany(
      ctx,
      tx,
      recipientIds.map((personId) => ({
        orgId: actor.orgId,
        personId,
        kind: 'performance.praise_received',
        title: `${from} praised you`,
        body: `${input.message.length > 280 ? `${input.message.slice(0, 279)}…` : input.message}${dto!.values.length ? `\n\nValues: ${dto!.values.map((v) => v.name).join(', ')}` : ''}`,
        link: '/feedback?tab=praise',
        email: true,
      })),
    );
    return dto!;
  });
}

export async function praiseFeed(ctx: AppContext, actor: Actor, q: { limit?: number; cursor?: string }) {
  const limit = q.limit ?? 20;
  const after = decodeCursor(q.cursor, FeedCursor);
  const list = await repo.publicFeed(ctx.db, actor.orgId, limit + 1, after);
  const pageRows = keysetPage(list, limit, (last) => [last.createdAt.toISOString(), last.id]);
  return { data: await present(ctx.db, actor, pageRows.data), nextCursor: pageRows.nextCursor };
}

export async function praiseOfPerson(ctx: AppContext, actor: Actor, personId: string, q: { limit?: number; cursor?: string }) {
  const limit = q.limit ?? 20;
  const after = decodeCursor(q.cursor, FeedCursor);
  const list = await repo.receivedBy(ctx.db, actor.orgId, personId, actor.personId, limit + 1, after);
  const pageRows = keysetPage(list, limit, (last) => [last.createdAt.toISOString(), last.id]);
  return { data: await present(ctx.db, actor, pageRows.data), nextCursor: pageRows.nextCursor };
}

/** The praise when the actor may read it; 404 otherwise (private praise does not exist for others). */
async function readable(db: DbOrTx, actor: Actor, id: string) {
  const p = await repo.findPraise(db, actor.orgId, id);
  if (!p || !canReadPraise(actor, p)) throw notFound('Praise');
  return p;
}

async function detail(db: DbOrTx, actor: Actor, p: repo.PraiseRow) {
  const [dto] = await present(db, actor, [p]);
  const comments = await repo.listComments(db, actor.orgId, p.id, 500);
  const names = await repo.peopleNames(db, actor.orgId, uniq(comments.flatMap((c) => (c.authorId ? [c.authorId] : []))));
  return {
    ...dto!,
    comments: comments.map((c) => ({
      id: c.id,
      author: (c.authorId && names.get(c.authorId)) || null,
      body: c.body,
      createdAt: c.createdAt.toISOString(),
      mine: c.authorId === actor.personId,
    })),
  };
}

export async function getPraise(ctx: AppContext, actor: Actor, id: string) {
  return detail(ctx.db, actor, await readable(ctx.db, actor, id));
}

export async function toggleReaction(ctx: AppContext, actor: Actor, id: string, emoji: string, requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    const p = await readable(tx, actor, id);
    const on = await repo.toggleReaction(tx, actor.orgId, id, actor.personId, emoji, ctx.clock.now());
    await recordChange(tx, actorRef(actor, requestId), {
      action: on ? 'praise.reaction_added' : 'praise.reaction_removed',
      recordType: 'praise',
      recordId: id,
      after: { emoji, personId: actor.personId },
    });
    return detail(tx, actor, p);
  });
}

export async function addComment(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof CommentBody>, requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    const p = await readable(tx, actor, id);
    const c = await repo.insertComment(tx, { orgId: actor.orgId, praiseId: id, authorId: actor.personId, body: input.body, createdAt: ctx.clock.now() });
    await recordChange(tx, actorRef(actor, requestId), { action: 'praise_comment.created', recordType: 'praise_comment', recordId: c.id, after: { praiseId: id, body: c.body } });
    // The giver and recipients hear of comments on their praise (not the commenter).
    const names = await repo.peopleNames(tx, actor.orgId, [actor.personId]);
    const who = names.get(actor.personId)?.name ?? 'Someone';
    const told = uniq([...(p.giverId ? [p.giverId] : []), ...p.recipientIds]).filter((pid) => pid !== actor.personId);
    await notifyMany(
      ctx,
      tx,
      told.map((personId) => ({
        orgId: actor.orgId,
        personId,
        kind: 'performance.praise_commented',
        title: `${who} commented on praise`,
        body: input.body.length > 280 ? `${input.body.slice(0, 279)}…` : input.body,
        link: '/feedback?tab=praise',
      })),
    );
    return detail(tx, actor, p);
  });
}

export async function deleteComment(ctx: AppContext, actor: Actor, praiseId: string, commentId: string, requestId?: string) {
  await ctx.db.transaction(async (tx) => {
    await readable(tx, actor, praiseId);
    const c = await repo.findComment(tx, actor.orgId, commentId);
    if (!c || c.praiseId !== praiseId || c.authorId !== actor.personId) throw notFound('Comment');
    await repo.deleteComment(tx, actor.orgId, commentId);
    await recordChange(tx, actorRef(actor, requestId), { action: 'praise_comment.deleted', recordType: 'praise_comment', recordId: commentId, before: { praiseId, body: c.body } });
  });
}

export async function deletePraise(ctx: AppContext, actor: Actor, id: string, requestId?: string) {
  await ctx.db.transaction(async (tx) => {
    const p = await readable(tx, actor, id);
    if (!canChangePraise(actor, p)) throw notFound('Praise');
    await repo.deletePraise(tx, actor.orgId, id);
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'praise.deleted',
      recordType: 'praise',
      recordId: id,
      before: { giverId: p.giverId, recipientIds: p.recipientIds, visibility: p.visibility, message: p.message },
    });
  });
}
