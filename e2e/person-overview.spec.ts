import { expect, test } from '@playwright/test';
import { callApi, uniqueTitle } from './support/api.ts';
import { signIn } from './support/auth.ts';
import { expectAccessible } from './support/axe.ts';
import { snap } from './support/screenshot.ts';

type Team = { data: Array<{ person: { id: string; name: string; firstName: string }; oneOnOne: { nextMeetingId: string | null } }> };
type Overview = { oneOnOne: { nextMeetingId: string | null } | null };

test("the manager opens a report's page from My team, sees the parts and adds a 1:1 talking point from it", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, 'manager');
  await page.goto('/team');
  await expect(page.getByRole('heading', { name: 'My team', level: 1 })).toBeVisible();
  // A report with an upcoming 1:1, where a talking point can go.
  const team = await callApi<Team>(page, 'GET', '/team');
  const report = team.data.find((m) => m.oneOnOne.nextMeetingId) ?? team.data[0]!;
  await page.getByRole('article', { name: report.person.name }).getByRole('link', { name: report.person.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: report.person.name })).toBeVisible();

  for (const part of ['Strengths and gaps', 'Goals', 'Hurdles', 'Learning', 'Feedback and praise', '1:1s']) {
    await expect(page.getByRole('region', { name: part, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('region', { name: 'Learning', exact: true }).getByRole('button', { name: 'Assign learning' })).toBeVisible();
  await snap(page, 'person-overview-manager');
  await expectAccessible(page);

  const overview = await callApi<Overview>(page, 'GET', `/people/${report.person.id}/overview`);
  expect(overview.oneOnOne?.nextMeetingId, 'the demo gives the report an upcoming 1:1').toBeTruthy();
  const oneOnOnes = page.getByRole('region', { name: '1:1s', exact: true });
  await oneOnOnes.getByRole('button', { name: 'Add a talking point' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a 1:1 talking point' });
  const point = uniqueTitle('From the profile: the roadmap');
  await dialog.getByLabel('Talking point').fill(point);
  await dialog.getByRole('button', { name: 'Add to next 1:1' }).click();
  await expect(dialog.getByText(/on the agenda of your next 1:1/)).toBeVisible();
  await snap(page, 'person-overview-talking-point');
  await dialog.getByRole('button', { name: /close|done/i }).first().click();

  // The point is on the next meeting's agenda.
  await oneOnOnes.getByRole('link', { name: 'Open the 1:1' }).click();
  await expect(page.getByText(point)).toBeVisible();
});

test('an employee opening a peer sees the basics and public goals only', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, 'employee');
  const me = await callApi<{ personId: string }>(page, 'GET', '/auth/me');
  const mine = await callApi<{ manager: { id: string } | null }>(page, 'GET', `/people/${me.personId}`);
  const reports = await callApi<{ data: Array<{ id: string; name: string }> }>(page, 'GET', `/people/${mine.manager!.id}/reports?limit=50`);
  const peer = reports.data.find((r) => r.id !== me.personId)!;
  await page.goto(`/people/${peer.id}`);
  await expect(page.getByRole('heading', { level: 1, name: peer.name })).toBeVisible();
  await expect(page.getByRole('region', { name: 'About' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Goals', exact: true })).toBeVisible();
  for (const part of ['Strengths and gaps', 'Hurdles', 'Learning', 'Feedback and praise', '1:1s', 'Skills', 'Development plan']) {
    await expect(page.getByRole('region', { name: part, exact: true })).toHaveCount(0);
  }
  await snap(page, 'person-overview-peer');
  await expectAccessible(page);
});
