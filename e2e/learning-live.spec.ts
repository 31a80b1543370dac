import { expect, test, type Route } from '@playwright/test';
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
  await row.getByRole('button', { name: 'Roster' }).click();
  const roster = page.getByRole('dialog', { name: 'Roster' });
  await expect(roster).toBeVisible();
  await expect(roster.getByRole('row', { name: /Kwame Lund .*from the waitlist/ })).toBeVisible();
  await expect(roster.getByText('Nobody is waiting.')).toBeVisible();
  await expectAccessible(page);
  await snap(page, 'learning-session-roster');
});

// The course search runs again for the typed title and often answers after the course is picked;
// the sessions below must not move when it does, or a click aimed at a button lands elsewhere.
test('the sessions of a picked course stay put while the course search answers', async ({ page }) => {
  const title = uniqueTitle('Steady workshop');
  await signIn(page, 'learning');
  await publishCourse(page, { title, format: 'live' });
  const search = /\/api\/v1\/courses\?(.*&)?q=[^&]/;
  // The search for the typed title is held until the course is picked, as on a slow server (the
  // first list, of every live course by title, already offers it).
  let hold!: (route: Route) => void;
  const held = new Promise<Route>((resolve) => (hold = resolve));
  await page.route(search, (route) => hold(route), { times: 1 });
  await page.goto('/admin/live-sessions');
  await page.getByRole('combobox', { name: 'Live course' }).fill(title);
  await page.getByRole('option', { name: title }).click();
  const button = page.getByRole('button', { name: 'New session' });
  await expect(button).toBeVisible();
  const route = await held;
  // Had the options emptied for the new search, the loading line would be back above the
  // sessions now, and go when the search answers: about 100 px of movement under the pointer.
  const loading = page.getByRole('status').filter({ hasText: 'Loading live courses' });
  await expect(loading).toHaveCount(0);
  const answered = page.waitForResponse(search);
  await route.continue();
  await answered;
  await expect(loading).toHaveCount(0);
  await button.click();
  await expect(page.getByRole('dialog', { name: 'New session' }).getByLabel('Starts')).toBeVisible();
});
