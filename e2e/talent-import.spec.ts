import { expect, test, type Locator, type Page } from '@playwright/test';
import { callApi } from './support/api.ts';
import { signIn } from './support/auth.ts';
import { expectAccessible } from './support/axe.ts';
import { expectNotice } from './support/notice.ts';
import { snap } from './support/screenshot.ts';

/** Chooses a file in the modal's "CSV file" field as a person would: through the file chooser. */
async function chooseCsv(page: Page, modal: Locator, name: string, csv: string) {
  const chooser = page.waitForEvent('filechooser');
  await modal.getByRole('button', { name: /CSV file/ }).click();
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(modal.getByRole('button', { name: /CSV file/ })).toContainText(name);
}

/** The row of the report for one key (a skill, or "profile · skill"). */
const reportRow = (modal: Locator, key: string) => modal.getByRole('table', { name: 'Rows of the file' }).getByRole('row').filter({ hasText: key });

// An HR admin brings a skills framework from a spreadsheet: the file is checked first, a bad row is
// reported and nothing is imported until it is fixed; then the skills are in the library.
test('an HR admin imports skills from CSV, fixing the row the check refuses', async ({ page }) => {
  test.setTimeout(120_000);
  // Names no earlier run has used: skills and profiles are matched by name.
  const run = Date.now().toString(36).slice(-5);
  const pricing = `Pricing ${run}`;
  const facilitation = `Facilitation ${run}`;
  const forecasting = `Forecasting ${run}`;
  const skillsCsv = (forecastingScale: string) =>
    'name,category,description,scale_max,level_1,level_2,level_3,level_4,level_5\n' +
    `${pricing},Commercial,Setting prices that hold,5,Knows the price list,Quotes with help,Prices routine deals,Prices complex deals,Sets the pricing policy\n` +
    `${facilitation},People,"Running meetings that decide, on time",3,Follows an agenda,Runs a meeting,Runs a workshop,,\n` +
    `${forecasting},Commercial,,${forecastingScale},,,,,\n`;

  await signIn(page, 'hr');
  await page.goto('/admin/skills');
  await expect(page.getByRole('heading', { level: 1, name: 'Skills' })).toBeVisible();
  await expectAccessible(page);

  // The first file has a scale no skill can have: the check says which row and why.
  await page.getByRole('button', { name: 'Import CSV' }).click();
  const skills = page.getByRole('dialog', { name: 'Import skills' });
  await expect(skills.getByRole('link', { name: 'Download the CSV template' })).toBeVisible();
  await expectAccessible(page);
  await chooseCsv(page, skills, 'skills.csv', skillsCsv('12'));
  await skills.getByRole('button', { name: 'Check file' }).click();
  await expect(skills.getByText('1 with errors', { exact: true })).toBeVisible();
  await expect(skills.getByText('2 new', { exact: true })).toBeVisible();
  const bad = reportRow(skills, forecasting);
  await expect(bad).toContainText('error');
  await expect(bad).toContainText('scale_max: "12" is not a whole number from 1 to 10');
  await expect(bad.getByRole('cell').first()).toHaveText('3');
  await expect(reportRow(skills, pricing)).toContainText('create');
  // Nothing is imported while a row is in error.
  await expect(skills.getByRole('button', { name: 'Import 2 skills' })).toBeDisabled();
  await expectAccessible(page);
  await snap(page, 'talent-import-skills-errors');

  // The fixed file checks clean and imports.
  await chooseCsv(page, skills, 'skills-fixed.csv', skillsCsv('4'));
  await skills.getByRole('button', { name: 'Check file' }).click();
  await expect(skills.getByText('3 new', { exact: true })).toBeVisible();
  await expect(skills.getByText('0 with errors', { exact: true })).toBeVisible();
  await skills.getByRole('button', { name: 'Import 3 skills' }).click();
  await expect(skills.getByRole('status').filter({ hasText: 'The file was imported.' })).toBeVisible();
  await expectNotice(page, 'Import finished: 3 created, 0 updated.');
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect(skills).toBeHidden();

  // The library has them, each with the scale of its row.
  await page.getByLabel('Search skills').fill(run);
  const library = page.getByRole('table');
  await expect(library.getByRole('row').filter({ hasText: pricing })).toContainText('1–5');
  await expect(library.getByRole('row').filter({ hasText: facilitation })).toContainText('1–3');
  await expect(library.getByRole('row').filter({ hasText: forecasting })).toContainText('1–4');
  await expect(library.getByRole('row').filter({ hasText: pricing })).toContainText('Commercial');
  await page.locator('body').focus();
  await expectAccessible(page);
  await snap(page, 'talent-import-skills-library');
});

// The job profiles that expect those skills, from a spreadsheet with one row per profile and skill:
// a level beyond a skill's scale is refused with its row, and the fixed file imports.
test('an HR admin imports job profiles from CSV, fixing the row the check refuses', async ({ page }) => {
  test.setTimeout(120_000);
  const run = Date.now().toString(36).slice(-5);
  const pricing = `Account planning ${run}`;
  const facilitation = `Presenting ${run}`;
  await signIn(page, 'hr');
  // The skills the profiles expect exist already (their import is the journey above).
  await callApi(page, 'POST', 'skills', { name: pricing, category: 'Commercial', maxLevel: 5 });
  await callApi(page, 'POST', 'skills', { name: facilitation, category: 'People', maxLevel: 3 });

  // One row asks for a level beyond the skill's scale.
  const associate = `Sales Associate ${run}`;
  const lead = `Sales Lead ${run}`;
  const profilesCsv = (leadPricing: string) =>
    'profile,profile_description,family,skill,expected_level,next_profiles,lateral_profiles\n' +
    `${associate},Sells and renews routine deals,Sales,${pricing},2,${lead},\n` +
    `${associate},,Sales,${facilitation},1,,\n` +
    `${lead},Leads the largest deals,Sales,${pricing},${leadPricing},,\n` +
    `${lead},,Sales,${facilitation},3,,\n`;
  await page.goto('/admin/job-profiles');
  await expect(page.getByRole('heading', { level: 1, name: 'Job profiles' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Import CSV' }).click();
  const profiles = page.getByRole('dialog', { name: 'Import job profiles' });
  await chooseCsv(page, profiles, 'profiles.csv', profilesCsv('7'));
  await profiles.getByRole('button', { name: 'Check file' }).click();
  await expect(profiles.getByText('1 with errors', { exact: true })).toBeVisible();
  const beyond = profiles.getByRole('table', { name: 'Rows of the file' }).getByRole('row').filter({ hasText: `"${pricing}" has levels 1 to 5` });
  await expect(beyond).toContainText(lead);
  await expect(beyond.getByRole('cell').first()).toHaveText('3');
  await expect(profiles.getByRole('button', { name: /^Import \d+ rows?$/ })).toBeDisabled();
  await expectAccessible(page);
  await snap(page, 'talent-import-profiles-errors');

  await chooseCsv(page, profiles, 'profiles-fixed.csv', profilesCsv('4'));
  await profiles.getByRole('button', { name: 'Check file' }).click();
  await expect(profiles.getByText('0 with errors', { exact: true })).toBeVisible();
  await profiles.getByRole('button', { name: /^Import \d+ rows?$/ }).click();
  await expect(profiles.getByRole('status').filter({ hasText: 'The file was imported.' })).toBeVisible();
  await expectNotice(page, /^Import finished: \d+ created, 0 updated\.$/);
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect(profiles).toBeHidden();

  // Both profiles are in the library, in their family, each expecting the two skills of its rows.
  await page.getByLabel('Search profiles').fill(run);
  const list = page.getByRole('table');
  for (const profile of [associate, lead]) {
    const row = list.getByRole('row').filter({ hasText: profile });
    await expect(row.getByRole('cell').nth(1)).toHaveText('Sales');
    await expect(row.getByRole('cell').nth(2)).toHaveText('2');
  }
  await page.locator('body').focus();
  await expectAccessible(page);
  await snap(page, 'talent-import-profiles-library');
});
