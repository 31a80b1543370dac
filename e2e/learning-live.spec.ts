import { expect, test } from '@playwright/test';
import { publishCourse, uniqueTitle } from './support/api.ts';
import { signedInAs, signIn } from './support/auth.ts';
import { expectAccessible } from './support/axe.ts';
import { snap } from './support/screenshot.ts';

/** A wall-clock time `days` from now at 10:00, as a datetime-local input takes it. */
function localDateTime(days: number, hour: number) {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(hour)}:00`;
}

// A live session with one seat: the first learner takes it, the second waits, and gets the seat
// as soon as the first cancels.
test('a learner waitlisted for a full live session is promoted when someone cancels', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const title = uniqueTitle('Facilitation workshop');
  await signIn(page, 'learning');
  const courseId = await publishCourse(page, { title, format: 'live' });

  // The learning admin schedules a session with a single seat.
  await page.goto('/admin/live-sessions');
  await page.getByRole('combobox', { name: 'Live course' }).fill(title);
  await page.getByRole('option', { name: title }).click();
  await page.getByRole('button', { name: 'New session' }).click();
  const drawer = page.getByRole('dialog', { name: 'New session' });
  await drawer.getByLabel('Starts').fill(localDateTime(60, 10));
  await drawer.getByLabel('Ends').fill(localDateTime(60, 12));
  await drawer.getByLabel('Place').fill('Room 4.02, London office');
  await drawer.getByRole('textbox', { name: 'Capacity' }).fill('1');
  await expectAccessible(page);
  await drawer.getByRole('button', { name: 'Schedule session' }).click();
  await expect(page.getByText('Session scheduled')).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'Room 4.02, London office' });
  await expect(row).toContainText('0/1');

  // The employee takes the seat.
  const first = await signedInAs(browser, baseURL, 'employee');
  await first.goto(`/learning/catalog/courses/${courseId}`);
  const firstSessions = first.getByRole('region', { name: 'Sessions' });
  await expect(firstSessions).toContainText('1 of 1 seats left');
  await firstSessions.getByRole('button', { name: 'Register' }).click();
  await expect(firstSessions.getByText('You are registered.')).toBeVisible();

  // The manager finds it full and joins the waitlist.
  const second = await signedInAs(browser, baseURL, 'manager');
  await second.goto(`/learning/catalog/courses/${courseId}`);
  const secondSessions = second.getByRole('region', { name: 'Sessions' });
  await expect(secondSessions).toContainText('Full · 0 waiting');
  await secondSessions.getByRole('button', { name: 'Join waitlist' }).click();
  await expect(secondSessions.getByText('You are on the waitlist (position 1).')).toBeVisible();
  await expectAccessible(second);
  await snap(second, 'learning-session-waitlisted');

  // The employee cancels; the seat goes to the manager at once.
  await first.reload();
  await firstSessions.getByRole('button', { name: 'Cancel my registration' }).click();
  await expect(first.getByText('Your registration is cancelled.')).toBeVisible();
  await expect(firstSessions.getByRole('button', { name: 'Join waitlist' })).toBeVisible();
  await first.context().close();

  await second.reload();
  await expect(secondSessions.getByText('You are registered.')).toBeVisible();
  await expect(secondSessions.getByRole('button', { name: 'Cancel my registration' })).toBeVisible();
  await snap(second, 'learning-session-promoted');
  await second.context().close();

  // The roster agrees.
  await page.reload();
  await page.getByRole('combobox', { name: 'Live course' }).fill(title);
  await page.getByRole('option', { name: title }).click();
  await expect(row).toContainText('1/1');
  const roster = page.getByRole('dialog', { name: 'Roster' });
  // The session list can still be settling after the course is picked (a click on a row that is
  // being replaced opens nothing), so the click is repeated until the roster opens.
  await expect(async () => {
    await row.getByRole('button', { name: 'Roster' }).click();
    await expect(roster).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await expect(roster.getByRole('row', { name: /Kwame Lund .*from the waitlist/ })).toBeVisible();
  await expect(roster.getByText('Nobody is waiting.')).toBeVisible();
  await expectAccessible(page);
  await snap(page, 'learning-session-roster');
});
