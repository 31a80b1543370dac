import type { z } from '@hono/zod-openapi';
import type { AppContext } from '../../context.ts';
import { conflict, notFound, validationFailed } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/types.ts';
import { actorRef, recordChange } from '../platform/index.ts';
import type { CustomFieldCreate, CustomFieldUpdate } from './custom-fields.schemas.ts';
import { forgetFieldDefs } from './custom-fields.cache.ts';
import * as repo from './custom-fields.repo.ts';
import { readableFields } from './custom-fields.visibility.ts';
import { canManageCustomFields, requirePermission } from './org.policy.ts';

const dto = (r: repo.CustomFieldRow) => ({
  id: r.id,
  key: r.key,
  label: r.label,
  type: r.type,
  options: r.options,
  visibility: r.visibility,
});
type Dto = ReturnType<typeof dto>;

/**
 * Profiles show fields by their labels, so everyone reads the definitions of the fields they may
 * read of someone (at least of themself); HR-only fields are not even listed to others, so a
 * filter on one answers "unknown" just as for a key that does not exist.
 */
export async function listCustomFields(ctx: AppContext, actor: Actor): Promise<{ data: Dto[] }> {
  return { data: readableFields(await repo.listCustomFields(ctx.db, actor.orgId), actor, 'self').map(dto) };
}

export async function createCustomField(
  ctx: AppContext,
  actor: Actor,
  input: z.infer<typeof CustomFieldCreate>,
  requestId?: string,
): Promise<Dto> {
  requirePermission(actor, canManageCustomFields);
  const created = await ctx.db.transaction(async (tx) => {
    if (await repo.findCustomFieldByKey(tx, actor.orgId, input.key)) {
      throw conflict(`A custom field with the key "${input.key}" already exists`, [
        { path: 'key', message: 'Already used in this organisation' },
      ]);
    }
    const row = await repo.insertCustomField(tx, { orgId: actor.orgId, ...input, options: input.options ?? [] });
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'custom_field.created',
      recordType: 'custom_field',
      recordId: row.id,
      after: dto(row),
    });
    return dto(row);
  });
  forgetFieldDefs(ctx.db, actor.orgId);
  return created;
}

export async function updateCustomField(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.infer<typeof CustomFieldUpdate>,
  requestId?: string,
): Promise<Dto> {
  requirePermission(actor, canManageCustomFields);
  const updated = await ctx.db.transaction(async (tx) => {
    const before = await repo.findCustomField(tx, actor.orgId, id);
    if (!before) throw notFound('Custom field');
    if (input.options && before.type !== 'choice') {
      throw validationFailed('Only choice fields have options', [{ path: 'options', message: 'Only choice fields have options' }]);
    }
    if (input.options && input.options.length === 0) {
      throw validationFailed('A choice field needs at least one option', [{ path: 'options', message: 'Add at least one option' }]);
    }
    if (input.label === undefined && input.options === undefined && input.visibility === undefined) return dto(before);
    const row = await repo.updateCustomField(tx, actor.orgId, id, input);
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'custom_field.updated',
      recordType: 'custom_field',
      recordId: id,
      before: dto(before),
      after: dto(row),
    });
    return dto(row);
  });
  forgetFieldDefs(ctx.db, actor.orgId);
  return updated;
}

/** Deleting a definition removes its values; a smart group still reading it must change first. */
export async function deleteCustomField(ctx: AppContext, actor: Actor, id: string, requestId?: string): Promise<void> {
  requirePermission(actor, canManageCustomFields);
  await ctx.db.transaction(async (tx) => {
    const before = await repo.findCustomField(tx, actor.orgId, id);
    if (!before) throw notFound('Custom field');
    const groups = await repo.smartGroupsUsingField(tx, actor.orgId, before.key);
    if (groups.length) {
      throw conflict(`Smart groups use this field: ${groups.join(', ')}. Change their rules first.`);
    }
    await repo.stripCustomFieldValues(tx, actor.orgId, before.key);
    await repo.deleteCustomField(tx, actor.orgId, id);
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'custom_field.deleted',
      recordType: 'custom_field',
      recordId: id,
      before: dto(before),
    });
  });
  forgetFieldDefs(ctx.db, actor.orgId);
}
