import { expect, test } from '@playwright/test';
import { signIn } from './support/auth.ts';
import { expectAccessible } from './support/axe.ts';

test('employee raises a hurdle; the manager sees it with the team and assigns learning from it', async ({ page, browser }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, 'employee');
  await page.goto('/hurdles');
  await expect(page.getByRole('heading', { name: 'Hurdles', level: 1 })).toBeVisible();
  await expect(page.getByText('Not confident writing SQL').first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Raise a hurdle' }).click();
  const dialog = page.getByRole('dialog', { name: 'Raise a hurdle' });
  await dialog.getByLabel('What is in the way?').fill('The build takes forty minutes');
  await dialog.getByRole('combobox', { name: 'Category' }).click();
  await page.getByRole('option', { name: 'Tools' }).click();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Raise hurdle' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('The build takes forty minutes')).toBeVisible();
  await page.goto('/skills');
  await expect(page.getByRole('heading', { name: 'Hurdles' })).toBeVisible();

  const ctx = await browser.newContext();
  const m = await ctx.newPage();
  await signIn(m, 'manager');
  await m.goto('/hurdles');
  await expect(m.getByRole('heading', { name: "My team's open hurdles" })).toBeVisible();
  await expect(m.getByText('The build takes forty minutes')).toBeVisible();
  await expectAccessible(m);
  const row = m.getByTestId('hurdle-row').filter({ hasText: 'The build takes forty minutes' });
  await row.getByRole('button', { name: 'Assign learning' }).click();
  const assign = m.getByRole('dialog', { name: 'Assign learning for this hurdle' });
  await expectAccessible(m);
  // The first course the employee is not enrolled in yet (409 names the one they are).
  for (let i = 0; i < 8; i++) {
    const picker = assign.getByRole('combobox', { name: 'Course or program' });
    await picker.click();
    await picker.fill('');
    await expect(m.getByRole('option').nth(i)).toBeVisible();
    await m.getByRole('option').nth(i).click();
    await assign.getByRole('button', { name: 'Assign' }).click();
    await expect(assign.getByText(/is enrolled|already enrolled/).first()).toBeVisible();
    if (await assign.getByText('is enrolled.', { exact: false }).isVisible()) break;
  }
  await expect(assign.getByText(/is enrolled\./)).toBeVisible();
  await page.goto('/learning');
  await expect(page.getByText('(Hurdle: The build takes forty minutes)').first()).toBeVisible();
  await expectAccessible(page);
});
