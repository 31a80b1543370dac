import { expect, test, type Browser, type Page } from '@playwright/test';
import { callApi } from './support/api.ts';
import { signIn } from './support/auth.ts';
import { expectAccessible } from './support/axe.ts';
import { linkIn, mailTo } from './support/mail.ts';
import { expectNotice } from './support/notice.ts';
import { snap } from './support/screenshot.ts';

// The journey makes its own team and cycle, so neither the demo's people nor other journeys
// change what it sees: a department of two participants whose manager (outside it) writes their
// reviews and calibrates with HR. Only the manager relationship reviews, so one account writes all.

const PASSWORD = 'calibration-journey-password';

async function invite(hr: Page, browser: Browser, baseURL: string | undefined, p: { id: string; email: string }, viewport?: { width: number; height: number }) {
  const since = new Date();
  await callApi(hr, 'POST', `people/${p.id}/invitation`);
  const link = linkIn(await mailTo(baseURL, p.email, { since, subject: /You are invited to/ }), '/accept-invitation');
  const context = await browser.newContext({ baseURL, ...(viewport && { viewport }) });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await callApi(page, 'POST', `auth/links/${link.searchParams.get('token')}/complete`, { password: PASSWORD });
  return page;
}

test('HR opens a calibration session, reads the grid and the distribution, adjusts a final with a reason, sets potential and sees people move on the 9-box, then locks; the calibrating manager works on a phone', async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  const tag = Date.now().toString(36).slice(-6);
  const hr = page;
  await signIn(hr, 'hr');

  // Setup through the API: the team, a template rated by managers only, a cycle launched over the
  // department, both reviews submitted by the manager, the cycle moved to calibration.
  const dept = await callApi<{ id: string; name: string }>(hr, 'POST', 'departments', { name: `Calibration journey ${tag}` });
  const make = async (firstName: string, lastName: string, extra: Record<string, unknown> = {}) => {
    const email = `${firstName.toLowerCase()}.${tag}@calibration.example`;
    const p = await callApi<{ id: string }>(hr, 'POST', 'people', { email, firstName, lastName: `${lastName} ${tag}`, jobTitle: 'Analyst', ...extra });
    return { id: p.id, name: `${firstName} ${lastName} ${tag}`, email };
  };
  const manager = await make('Mirela', 'Castell');
  const ann = await make('Anouk', 'Brandt', { departmentId: dept.id, managerId: manager.id });
  const ben = await make('Bastien', 'Okoro', { departmentId: dept.id, managerId: manager.id });
  const template = await callApi<{ id: string }>(hr, 'POST', 'review-templates', {
    name: `Calibration journey ${tag}`,
    body: {
      scale: [1, 2, 3, 4, 5].map((value) => ({ value, label: ['Well below', 'Below', 'Meets', 'Exceeds', 'Far exceeds'][value - 1] })),
      sections: [{ id: 'overall', title: 'Overall', questions: [{ id: 'rating', kind: 'rating', prompt: 'Overall performance', relationships: ['manager'] }] }],
      formula: { parts: [{ source: 'manager', weight: 100 }] },
    },
  });
  const cycleName = `Year end ${tag}`;
  const cycle = await callApi<{ id: string }>(hr, 'POST', 'review-cycles', {
    name: cycleName,
    templateId: template.id,
    periodStartsOn: '2026-01-01',
    periodEndsOn: '2026-12-31',
    writingEndsOn: '2027-01-31',
    participants: { departmentIds: [dept.id] },
    relationships: { self: false, manager: true, upward: false, peers: null },
  });
  await callApi(hr, 'POST', `review-cycles/${cycle.id}/launch`, {});
  const m = await invite(hr, browser, baseURL, manager, { width: 375, height: 800 });
  const mine = await callApi<{ data: { id: string; subject: { id: string } }[] }>(m, 'GET', `reviews?cycleId=${cycle.id}`);
  for (const [subject, value] of [
    [ann, 4],
    [ben, 2],
  ] as const) {
    const r = mine.data.find((x) => x.subject.id === subject.id)!;
    await callApi(m, 'PUT', `reviews/${r.id}/answers`, { answers: { rating: { rating: value } } });
    await callApi(m, 'POST', `reviews/${r.id}/submit`);
  }
  await callApi(hr, 'POST', `review-cycles/${cycle.id}/phase`, { phase: 'calibration' });

  // HR reaches the cycle's calibration from its page and opens a session over the department,
  // with the manager calibrating and the default guideline.
  await hr.goto(`/admin/reviews/cycles/${cycle.id}`);
  await hr.getByRole('link', { name: 'Calibration sessions' }).click();
  await expect(hr.getByRole('heading', { name: `Calibration: ${cycleName}`, level: 1 })).toBeVisible();
  await expect(hr.getByText('No calibration sessions yet')).toBeVisible();
  await expectAccessible(hr);
  await hr.getByRole('button', { name: 'New session' }).click();
  const dialog = hr.getByRole('dialog', { name: 'New calibration session' });
  const sessionName = `Analysts ${tag}`;
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(sessionName);
  await dialog.getByRole('combobox', { name: 'Department' }).click();
  await dialog.getByRole('combobox', { name: 'Department' }).fill(dept.name);
  await hr.getByRole('option', { name: dept.name }).click();
  const calibrators = dialog.getByRole('combobox', { name: 'Calibrators' });
  await calibrators.click();
  await calibrators.fill(`Mirela Castell ${tag}`);
  await hr.getByRole('option', { name: manager.name }).click();
  await hr.keyboard.press('Escape');
  await dialog.getByRole('switch', { name: 'Aim at a distribution of final ratings' }).check();
  await expect(dialog.getByLabel('Band 3 share')).toHaveValue('40 %');
  await expectAccessible(hr);
  await snap(hr, 'calibration-new-session');
  await dialog.getByRole('button', { name: 'Open session' }).click();
  await expectNotice(hr, `Session ${sessionName} opened.`);

  // The session page: the grid with proposed scores, the distribution against the guideline, the
  // manager's leniency (too few ratings to say), nobody on the 9-box yet.
  await expect(hr.getByRole('heading', { name: sessionName, level: 1 })).toBeVisible();
  const grid = hr.getByRole('table', { name: 'Calibration grid' });
  const annRow = grid.getByTestId('calibration-row').filter({ hasText: ann.name });
  const benRow = grid.getByTestId('calibration-row').filter({ hasText: ben.name });
  await expect(annRow).toContainText('4.00');
  await expect(benRow).toContainText('2.00');
  await annRow.getByRole('button', { name: `4.00 parts of ${ann.name}’s score` }).click();
  await expect(hr.getByRole('table', { name: `Parts of ${ann.name}’s score` })).toContainText('Manager');
  await expect(hr.getByRole('table', { name: `Parts of ${ann.name}’s score` })).toContainText('100%');
  await hr.keyboard.press('Escape');
  const distribution = hr.getByRole('table', { name: 'Distribution of final ratings' });
  await expect(distribution.getByRole('row', { name: /Exceeds \(4 to under 5\)/ })).toContainText('50%');
  await expect(distribution.getByRole('row', { name: /Meets \(3 to under 4\)/ })).toContainText('40%');
  // The manager's ratings are the finals so far (offsets 0 and 0); nobody else rated the two.
  const managerRow = hr.getByRole('table', { name: 'Managers' }).getByRole('row', { name: new RegExp(manager.name) });
  await expect(managerRow).toContainText('0.00 (95% 0.00 to 0.00, n = 2)');
  await expect(managerRow).toContainText('No ratings');
  const unplaced = hr.getByText(/^Not placed yet/);
  for (const p of [ann, ben]) await expect(unplaced).toContainText(p.name);
  // Sorting by the proposed score puts the higher one first.
  await grid.getByRole('button', { name: 'Proposed' }).click();
  await expect(grid.getByTestId('calibration-row').first()).toContainText(ann.name);
  await expect(grid.getByRole('columnheader', { name: 'Proposed' })).toHaveAttribute('aria-sort', 'descending');
  await grid.getByRole('button', { name: 'Proposed' }).click();
  await expect(grid.getByTestId('calibration-row').first()).toContainText(ben.name);
  await hr.getByRole('textbox', { name: 'Search this session' }).fill('anouk');
  await expect(grid.getByTestId('calibration-row')).toHaveCount(1);
  await hr.getByRole('textbox', { name: 'Search this session' }).fill('');
  await expectAccessible(hr);
  await snap(hr, 'calibration-session');

  // HR raises Bastien's final: without a reason the dialog says one is needed; with one it saves.
  await benRow.getByRole('button', { name: `Calibrate ${ben.name}` }).click();
  const adjust = hr.getByRole('dialog', { name: `Calibrate ${ben.name}` });
  await adjust.getByLabel('Final rating').fill('3');
  await adjust.getByRole('radio', { name: 'High' }).check();
  await adjust.getByRole('button', { name: 'Save' }).click();
  await expect(adjust.getByText('Say why the final rating differs from the proposed score')).toBeVisible();
  await adjust.getByLabel('Reason').fill('Carried the migration when the team was short.');
  await expectAccessible(hr);
  await adjust.getByRole('button', { name: 'Save' }).click();
  await expectNotice(hr, `${ben.name}: saved, now in High potential.`);
  await expect(benRow).toContainText('3.00');
  await expect(benRow).toContainText('Adjusted by');
  await expect(hr.getByTestId('nine-box-7')).toContainText(ben.name);
  await expect(distribution.getByRole('row', { name: /Meets \(3 to under 4\)/ })).toContainText('50%');
  // Offsets from the finals now 4 − 4 = 0 and 2 − 3 = −1: mean −0.5, sd 0.71, ±12.71 · 0.5 over n = 2.
  await expect(managerRow).toContainText('−0.50 (95% −6.85 to +5.85, n = 2)');

  // Anouk gets a moderate potential, lands on High performer, and is moved from the 9-box itself.
  await annRow.getByRole('button', { name: `Calibrate ${ann.name}` }).click();
  const annDialog = hr.getByRole('dialog', { name: `Calibrate ${ann.name}` });
  await annDialog.getByRole('radio', { name: 'Moderate' }).check();
  await annDialog.getByRole('button', { name: 'Save' }).click();
  await expectNotice(hr, `${ann.name}: saved, now in High performer.`);
  await expect(hr.getByTestId('nine-box-5')).toContainText(ann.name);
  await hr.getByTestId('nine-box-5').getByRole('button', { name: ann.name }).click();
  await annDialog.getByRole('radio', { name: 'High', exact: true }).check();
  await annDialog.getByRole('button', { name: 'Save' }).click();
  await expectNotice(hr, `${ann.name}: saved, now in Star.`);
  await expect(hr.getByTestId('nine-box-8')).toContainText(ann.name);
  await expect(hr.getByTestId('nine-box-5')).not.toContainText(ann.name);
  await expect(annRow).not.toContainText('Adjusted');
  await expectAccessible(hr);
  await snap(hr, 'calibration-nine-box');

  // The calibrating manager, on a phone, finds the session and reads the same grid.
  await m.goto('/calibration');
  await m.getByRole('link', { name: sessionName }).click();
  await expect(m.getByRole('heading', { name: sessionName, level: 1 })).toBeVisible();
  await expect(m.getByRole('table', { name: 'Calibration grid' }).getByTestId('calibration-row').filter({ hasText: ben.name })).toContainText('3.00');
  await expect(m.getByRole('button', { name: 'Lock session' })).toHaveCount(0);
  await expectAccessible(m);
  await snap(m, 'calibration-session-mobile');

  // HR locks: the grid turns read-only, and the manager's leniency of this cycle is written.
  await hr.getByRole('button', { name: 'Lock session' }).click();
  await hr.getByRole('dialog', { name: `Lock ${sessionName}?` }).getByRole('button', { name: 'Lock' }).click();
  await expectNotice(hr, 'Session locked: the finals are fixed.');
  await expect(hr.getByText(/the finals are fixed and the cycle’s rater leniency is written/)).toBeVisible();
  await expect(hr.getByRole('button', { name: /^Calibrate/ })).toHaveCount(0);
  await expect(hr.getByTestId('nine-box-8').getByRole('button')).toHaveCount(0);
  // The lock wrote the figure the session showed: the cycle's row in the manager's history.
  await hr.getByRole('button', { name: 'Leniency across cycles' }).click();
  const drawer = hr.getByRole('dialog', { name: `${manager.name} as a rater` });
  await expect(drawer.getByRole('row', { name: new RegExp(cycleName) })).toContainText('−0.50 (95% −6.85 to +5.85, n = 2)');
  await expectAccessible(hr);
  await snap(hr, 'calibration-rater-leniency');
  await hr.keyboard.press('Escape');
  await hr.getByRole('link', { name: 'Back to the cycle’s sessions' }).click();
  await expect(hr.getByRole('table', { name: 'Calibration sessions' }).getByRole('row', { name: new RegExp(sessionName) })).toContainText('Locked');

  // The 9-box names: HR renames a box, sees the name saved, and restores the defaults.
  await hr.getByRole('link', { name: '9-box names' }).click();
  await expect(hr.getByRole('heading', { name: '9-box names', level: 1 })).toBeVisible();
  await expect(hr.getByLabel('Name of box 9')).toHaveValue('Star');
  await hr.getByLabel('Name of box 9').fill(`Star ${tag}`);
  await hr.getByRole('button', { name: 'Save names' }).click();
  await expectNotice(hr, '9-box names saved.');
  await expect(hr.getByText('Your names')).toBeVisible();
  await expectAccessible(hr);
  await hr.setViewportSize({ width: 375, height: 800 });
  await expectAccessible(hr);
  await snap(hr, 'calibration-nine-box-names-mobile');
  await hr.getByRole('button', { name: 'Restore defaults' }).click();
  await hr.getByRole('dialog', { name: 'Restore the default names?' }).getByRole('button', { name: 'Restore defaults' }).click();
  await expectNotice(hr, '9-box names back to the defaults.');
  await expect(hr.getByLabel('Name of box 9')).toHaveValue('Star');

  await m.context().close();
});
