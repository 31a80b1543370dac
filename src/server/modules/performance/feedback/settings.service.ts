import type { z } from '@hono/zod-openapi';
import type { AppContext } from '../../../context.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { requirePermission } from '../../org/index.ts';
import { actorRef, recordChange } from '../../platform/index.ts';
import { canManagePerformanceSettings } from '../performance.policy.ts';
import type { SettingsUpdate } from './feedback.schemas.ts';
import * as repo from './settings.repo.ts';

/** What an organisation without a settings row gets (the column defaults). */
export const DEFAULT_PERFORMANCE_SETTINGS = { anonymousFeedback: true, checkInReminderWeekday: 5, oneOnOneReminderHours: 24 } as const;

export type PerformanceSettings = { anonymousFeedback: boolean; checkInReminderWeekday: number; oneOnOneReminderHours: number };

/** The organisation's performance settings, the defaults where it has saved none. */
export async function performanceSettingsOf(db: DbOrTx, orgId: string, lock = false): Promise<PerformanceSettings> {
  const row = await repo.findSettings(db, orgId, lock);
  return row
    ? { anonymousFeedback: row.anonymousFeedback, checkInReminderWeekday: row.checkInReminderWeekday, oneOnOneReminderHours: row.oneOnOneReminderHours }
    : { ...DEFAULT_PERFORMANCE_SETTINGS };
}

export async function getSettings(ctx: AppContext, actor: Actor) {
  return performanceSettingsOf(ctx.db, actor.orgId);
}

export async function updateSettings(ctx: AppContext, actor: Actor, input: z.infer<typeof SettingsUpdate>, requestId?: string) {
  requirePermission(actor, canManagePerformanceSettings);
  return ctx.db.transaction(async (tx) => {
    const before = await performanceSettingsOf(tx, actor.orgId, true);
    const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    if (!Object.keys(patch).length) return before;
    const row = await repo.upsertSettings(tx, actor.orgId, patch, ctx.clock.now());
    const after = { anonymousFeedback: row.anonymousFeedback, checkInReminderWeekday: row.checkInReminderWeekday, oneOnOneReminderHours: row.oneOnOneReminderHours };
    await recordChange(tx, actorRef(actor, requestId), { action: 'performance_settings.updated', recordType: 'performance_settings', recordId: actor.orgId, before, after });
    return after;
  });
}
