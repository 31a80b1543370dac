import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { buildContext } from './bootstrap.ts';
import { scheduleJobs } from './jobs.ts';
import { startPlatformWorker } from './modules/platform/index.ts';
import { OffsetClock } from './platform/clock.ts';
import { ConfigError, loadConfig, type Config } from './platform/config.ts';

export type StartOptions = { seedDemo?: boolean };

/** Starts the roles this process runs (ROLE=web|worker|all) and stops them cleanly on a signal. */
export async function startServer(config: Config, opts: StartOptions = {}) {
  const started = performance.now();
  const ctx = await buildContext(config, { jobs: 'boss', clock: config.testClock ? new OffsetClock() : undefined });
  if (opts.seedDemo) {
    const { seedDemoIfEmpty } = await import('./seed/demo.ts');
    await seedDemoIfEmpty(ctx);
  }
  let stopWorker: (() => Promise<void>) | undefined;
  if (config.role !== 'web') {
    await ctx.jobs.start();
    await scheduleJobs(ctx);
    stopWorker = startPlatformWorker(ctx);
  }
  let server: ReturnType<typeof serve> | undefined;
  if (config.role !== 'worker') {
    const app = createApp(ctx);
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve());
    });
  }
  const ms = Math.round(performance.now() - started);
  ctx.log.info({ role: config.role, db: ctx.database.kind, ms }, 'Tandem started');
  const stop = async () => {
    ctx.log.info('stopping');
    server?.close();
    await stopWorker?.().catch(() => undefined);
    await ctx.jobs.stop().catch(() => undefined);
    await ctx.database.close().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return { ctx, ms };
}

export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await startServer(configOrExit(), { seedDemo: true });
}
