import type { Page } from '@playwright/test';

/** Keeps a picture of the page under e2e/screenshots/ (git-ignored) for review. */
export async function snap(page: Page, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
}
