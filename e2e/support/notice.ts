import { expect, type Page } from '@playwright/test';

/**
 * A notification the page shows, once it has faded in: axe judges colours, and text half-way
 * through the fade fails the contrast check that the settled notification passes.
 */
export async function expectNotice(page: Page, text: string | RegExp) {
  const notice = page.getByRole('alert').filter({ hasText: text });
  await expect(notice).toBeVisible();
  await expect(notice).toHaveCSS('opacity', '1');
}
