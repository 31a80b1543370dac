import type { z } from '@hono/zod-openapi';
import type { AppContext } from '../../../context.ts';
import type { ReviewTemplateBody } from '../../../db/schema/index.ts';
import { conflict, databaseCode, notFound } from '../../../platform/http/errors.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { requirePermission } from '../../org/index.ts';
import { actorRef, recordChange } from '../../platform/index.ts';
import { canManageReviews } from '../performance.policy.ts';
import type { TemplateCreate, TemplatesQuery, TemplateUpdate } from './templates.schemas.ts';
import * as repo from './templates.repo.ts';

export const templateDto = (t: repo.TemplateWithUse) => ({
  id: t.id,
  name: t.name,
  description: t.description,
  body: t.body,
  version: t.version,
  archived: t.archivedAt !== null,
  cycles: t.cycles,
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
});
const audit = (t: repo.TemplateRow) => ({ name: t.name, description: t.description, version: t.version, archivedAt: t.archivedAt, body: t.body });
const nameTaken = () => conflict('A review template with this name exists', [{ path: 'name', message: 'Choose another name' }]);

async function uniqueName<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (databaseCode(e) === '23505') throw nameTaken();
    throw e;
  }
}

/** Templates are HR admins' (they build and launch cycles); nobody else sees the list (404). */
export async function listTemplates(ctx: AppContext, actor: Actor, query: z.infer<typeof TemplatesQuery>) {
  requirePermission(actor, canManageReviews);
  const found = await repo.listTemplates(ctx.db, actor.orgId, { q: query.q, includeArchived: query.includeArchived === 'true' });
  return { data: found.map(templateDto), nextCursor: null };
}

export async function getTemplate(ctx: AppContext, actor: Actor, id: string) {
  requirePermission(actor, canManageReviews);
  const t = await repo.findTemplate(ctx.db, actor.orgId, id);
  if (!t) throw notFound('Review template');
  return templateDto(t);
}

export async function createTemplate(ctx: AppContext, actor: Actor, input: z.infer<typeof TemplateCreate>, requestId?: string) {
  requirePermission(actor, canManageReviews);
  return uniqueName(() =>
    ctx.db.transaction(async (tx) => {
      const now = ctx.clock.now();
      const row = await repo.insertTemplate(tx, {
        orgId: actor.orgId,
        name: input.name,
        description: input.description || null,
        body: input.body as ReviewTemplateBody,
        createdBy: actor.personId,
        createdAt: now,
        updatedAt: now,
      });
      await recordChange(tx, actorRef(actor, requestId), { action: 'review_template.created', recordType: 'review_template', recordId: row.id, after: audit(row), event: false });
      return templateDto({ ...row, cycles: 0 });
    }),
  );
}

/**
 * A change to the form bumps its version. Cycles launched before keep the copy they launched
 * with, so a submitted answer is never read against a question it was not written for.
 */
export async function updateTemplate(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof TemplateUpdate>, requestId?: string) {
  requirePermission(actor, canManageReviews);
  return uniqueName(() =>
    ctx.db.transaction(async (tx) => {
      const before = await repo.findTemplate(tx, actor.orgId, id, true);
      if (!before) throw notFound('Review template');
      const now = ctx.clock.now();
      const bodyChanged = input.body !== undefined && JSON.stringify(input.body) !== JSON.stringify(before.body);
      const after = await repo.updateTemplate(tx, actor.orgId, id, {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.description !== undefined && { description: input.description || null }),
        ...(bodyChanged && { body: input.body as ReviewTemplateBody, version: before.version + 1 }),
        ...(input.archived !== undefined && { archivedAt: input.archived ? (before.archivedAt ?? now) : null }),
        updatedAt: now,
      });
      await recordChange(tx, actorRef(actor, requestId), {
        action: 'review_template.updated',
        recordType: 'review_template',
        recordId: id,
        before: audit(before),
        after: audit(after),
        event: false,
      });
      return templateDto({ ...after, cycles: before.cycles });
    }),
  );
}
