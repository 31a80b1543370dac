import { expect, test } from '@playwright/test';
import { mainNav, signIn, type Persona } from './support/auth.ts';
import { expectAccessible } from './support/axe.ts';
import { snap } from './support/screenshot.ts';

// Sections everyone has; Admin depends on permission roles, My team on having reports.
const everyone = ['Home', 'Learning', 'Goals', '1:1s', 'Feedback', 'Reviews', 'My growth', 'People', 'Org chart'];

const personas: Array<{ who: Persona; admin: boolean; myTeam: boolean }> = [
  { who: 'admin', admin: true, myTeam: true },
  { who: 'hr', admin: true, myTeam: true },
  { who: 'learning', admin: true, myTeam: true },
  { who: 'manager', admin: false, myTeam: true },
  { who: 'employee', admin: false, myTeam: false },
];

for (const p of personas) {
  test(`${p.who} sees the navigation of their role`, async ({ page }) => {
    await signIn(page, p.who);
    const nav = mainNav(page);
    await expect(nav).toBeVisible();
    for (const name of everyone) await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();

    const admin = nav.getByRole('link', { name: 'Admin', exact: true });
    const myTeam = nav.getByRole('link', { name: 'My team', exact: true });
    if (p.admin) await expect(admin).toBeVisible();
    else await expect(admin).toHaveCount(0);
    if (p.myTeam) await expect(myTeam).toBeVisible();
    else await expect(myTeam).toHaveCount(0);
    // Calibration: managers and admins (the demo's admins all manage someone too).
    const calibration = nav.getByRole('link', { name: 'Calibration', exact: true });
    if (p.myTeam) await expect(calibration).toBeVisible();
    else await expect(calibration).toHaveCount(0);

    await expectAccessible(page);
    await snap(page, `home-${p.who}`);
  });
}

test('a wrong password keeps the person on the sign-in page with a message', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('employee@acme.example');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  await expectAccessible(page);
  await snap(page, 'sign-in-error');
});
