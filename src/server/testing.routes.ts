import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from './platform/http/types.ts';
import { requireActor } from './platform/http/actor.ts';
import { notFound } from './platform/http/errors.ts';
import type { Clock } from './platform/clock.ts';
import { hasRole } from './modules/org/index.ts';
import { runLearningSweep } from './modules/learning/index.ts';
import { dispatchEvents } from './modules/platform/index.ts';
import { releaseAnonymousFeedback } from './modules/performance/index.ts';
import { sweepOrganisation } from './modules/insight/index.ts';

const Advance = z.strictObject({ days: z.number().int().min(1).max(3650) });

/**
 * Mounted only with TANDEM_TEST_CLOCK=true (never in production): browser journeys move the
 * server's time forward and run the time-driven work at once instead of waiting for cron: the
 * learning sweep of the caller's organisation, the daily release of anonymous feedback for each day that ended, and the
 * follow-up sweep of that organisation (so follow-ups whose window ended are asked or
 * decided), then the events those wrote, so their notifications are there when the page reloads.
 */
export const testingRoutes = new Hono<AppEnv>().post('/testing/clock', async (c) => {
  const actor = requireActor(c);
  const ctx = c.var.ctx;
  const clock = ctx.clock as Clock & { advance?: (ms: number) => void };
  if (!hasRole(actor, 'admin') || !ctx.config.testClock || !clock.advance) throw notFound();
  const { days } = Advance.parse(await c.req.json());
  const from = ctx.clock.now().getTime();
  clock.advance(days * 86_400_000);
  await runLearningSweep(ctx, [actor.orgId]);
  for (let d = 0; d < days; d++) await releaseAnonymousFeedback(ctx, new Date(from + d * 86_400_000).toISOString().slice(0, 10));
  await sweepOrganisation(ctx, actor.orgId);
  await dispatchEvents(ctx);
  return c.json({ now: ctx.clock.now().toISOString() });
});
