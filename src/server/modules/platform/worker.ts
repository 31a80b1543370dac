import type { AppContext } from '../../context.ts';
import { dispatchEvents } from './events.ts';
import { deliverQueuedMail } from './mail.delivery.ts';

/**
 * The worker's background loops: hand outbox events to subscribers every second and sweep
 * queued mail every few seconds. Each tick is safe to run on several replicas at once.
 */
export function startPlatformWorker(ctx: AppContext): () => Promise<void> {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let ticks = 0;
  const timer = setInterval(() => {
    if (stopped) return;
    ticks++;
    running = running
      .then(async () => {
        await dispatchEvents(ctx);
        if (ticks % 5 === 0) await deliverQueuedMail(ctx);
      })
      .catch((err) => ctx.log.error({ err }, 'platform worker tick failed'));
  }, 1000);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
