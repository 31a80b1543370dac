import type { AppContext } from '../context.ts';

/** Seeds the demo organisation when the database holds no organisation yet. */
export async function seedDemoIfEmpty(_ctx: AppContext): Promise<boolean> {
  return false;
}
