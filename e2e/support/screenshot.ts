import type { Page } from '@playwright/test';

/** Keeps a picture of the page under e2e/screenshots/ (git-ignored) for review. */
export async function snap(page: Page, name: string) {
  // Full-page captures draw the fixed header where the page is scrolled to: start at the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
}
