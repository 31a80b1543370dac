import { expect, test } from '@playwright/test';
import { demo, DEMO_PASSWORD } from './support/auth.ts';
import { expectAccessible } from './support/axe.ts';
import { snap } from './support/screenshot.ts';

// The demo has one organisation, so the server's answer for an email whose password opens
// accounts in several (409 listing them) is stood in for once; choosing one signs in for real
// (the server takes an organisation's slug as well as its id).
test('a person whose email signs in to several organisations chooses one on the sign-in page', async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 375, height: 800 });
  let asked = false;
  await page.route('**/api/v1/auth/sign-in', async (route) => {
    const body = route.request().postDataJSON() as { organisation?: string };
    if (asked || body.organisation) return route.continue();
    asked = true;
    const organisations = [
      { id: 'acme', slug: 'acme', name: 'Acme Corporation' },
      { id: 'globex', slug: 'globex', name: 'Globex' },
    ];
    await route.fulfill({
      status: 409,
      contentType: 'application/json',
      body: JSON.stringify({
        error: {
          organisations,
          code: 'conflict',
          message: 'This email signs in to several organisations; choose one and sign in again',
          details: [{ path: 'organisation', message: 'Choose an organisation', organisations }],
        },
      }),
    });
  });

  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(demo.employee);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const choice = page.getByRole('radiogroup', { name: /Organisation/ });
  await expect(choice).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  await expectAccessible(page);
  await snap(page, 'sign-in-choose-organisation');

  // Signing in again without a choice asks for one rather than guessing.
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Choose the organisation to sign in to')).toBeVisible();
  await choice.getByRole('radio', { name: 'Acme Corporation' }).check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
});
