import { expect, test } from '@playwright/test';
import { callApi, publishCourse, uniqueTitle } from './support/api.ts';
import { signedInAs, signIn } from './support/auth.ts';
import { expectAccessible } from './support/axe.ts';
import { snap } from './support/screenshot.ts';

// Moves the server's clock, so it runs in the "clock" project after every other journey
// (playwright.config.ts). What the demo offers for Camille's gaps depends on what earlier journeys
// did, so the journey makes its own: a new skill, a job profile expecting level 2 of it (Camille's
// from now on), and a course teaching it, each under a name no run has used.

type Member = { person: { id: string; name: string }; gaps: Array<{ skillId: string; name: string; recommended: { id: string } | null }> };
type FollowUp = { status: string; skills: Array<{ name: string; before: number | null; after: number }> };

test('the manager assigns the recommended course for a gap, the employee completes it, and 60 days later his re-rating closes the loop', async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000);
  const title = uniqueTitle('Pairing on real code');

  // Setup: a skill and a job profile expecting it for Camille, a short course teaching it, and the
  // manager's rating of her (level 1), which recomputes her recommendations.
  await signIn(page, 'manager');
  const before = await callApi<{ data: Member[] }>(page, 'GET', 'team');
  const camille = before.data.find((m) => m.person.name === 'Camille Becker')!;
  const skillName = uniqueTitle('Pair programming');
  const hr = await signedInAs(browser, baseURL, 'hr');
  const skill = await callApi<{ id: string }>(hr, 'POST', 'skills', { name: skillName, category: 'Engineering', maxLevel: 5 });
  const profile = await callApi<{ id: string }>(hr, 'POST', 'job-profiles', { name: uniqueTitle('Software Engineer, pairing'), skills: [{ skillId: skill.id, level: 2 }] });
  await callApi(hr, 'PUT', `people/${camille.person.id}/job-profile`, { jobProfileId: profile.id });
  await hr.context().close();
  const learning = await signedInAs(browser, baseURL, 'learning');
  const courseId = await publishCourse(learning, {
    title,
    content: {
      sections: [{ id: 's-1', title: 'Pairing', lessons: [{ id: 'l-1', title: 'Driver and navigator', blocks: [{ id: 'b-1', type: 'text', doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Swap every 25 minutes.' }] }] } }] }] }],
    },
  });
  await callApi(learning, 'PATCH', `courses/${courseId}`, { skills: [{ skillId: skill.id, level: 2 }] });
  await learning.context().close();
  await callApi(page, 'POST', 'skill-assessments', { personId: camille.person.id, skillId: skill.id, level: 1, source: 'manager' });
  await expect
    .poll(async () => (await callApi<{ data: Member[] }>(page, 'GET', 'team')).data.find((m) => m.person.id === camille.person.id)!.gaps.find((g) => g.skillId === skill.id)?.recommended?.id, { timeout: 30_000 })
    .toBe(courseId);

  // The manager sees her gap on My team and assigns the recommended course, its reason pre-filled.
  await page.goto('/team');
  const card = page.getByRole('article', { name: 'Camille Becker' });
  const attention = card.getByRole('region', { name: 'Needs attention: Camille' });
  await expect(attention).toBeVisible();
  const more = card.getByRole('button', { name: /^\d+ more$/ });
  if (await more.count()) await more.click();
  await expect(attention).toContainText(skillName);
  await snap(page, 'loop-1-team-gap');
  await attention.getByRole('button', { name: `Assign ${title}` }).click();
  const dialog = page.getByRole('dialog', { name: /^Assign / });
  await expect(dialog.getByLabel('Note for the learner')).toHaveValue(`To reach level 2 in ${skillName} (now 1)`);
  await expectAccessible(page);
  await snap(page, 'loop-2-assign');
  await dialog.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(dialog.getByText(/1 enrolled, 0 already enrolled/)).toBeVisible();
  await dialog.getByRole('button', { name: /close|done/i }).first().click();

  // Camille completes it.
  const camillePage = await signedInAs(browser, baseURL, 'employee');
  await camillePage.goto('/learning');
  const assigned = camillePage.getByRole('article', { name: title });
  await expect(assigned).toContainText('Why: Closes a skill gap');
  await assigned.getByRole('link', { name: `Start ${title}` }).click();
  await camillePage.getByRole('button', { name: 'Finish course' }).click();
  await expect(camillePage.getByRole('region', { name: 'Course completed' })).toBeVisible();
  await camillePage.context().close();
  // The completion's follow-up is written by a background job: it must exist before time moves.
  await expect
    .poll(async () => (await callApi<{ data: FollowUp[] }>(page, 'GET', `follow-ups?personId=${camille.person.id}&courseId=${courseId}`)).data.length, { timeout: 30_000 })
    .toBe(1);

  // Sixty days pass: the follow-up falls due and asks the manager to re-rate.
  const admin = await signedInAs(browser, baseURL, 'admin');
  await callApi(admin, 'POST', 'testing/clock', { days: 60 });
  await admin.context().close();

  await signIn(page, 'manager'); // sessions do not last 60 days
  await page.goto('/follow-ups');
  const followUp = page.getByRole('region', { name: `Camille Becker · ${title}` });
  await expect(followUp).toContainText('Re-rate where they are now');
  await expectAccessible(page);
  await snap(page, 'loop-3-follow-up');
  await followUp.getByRole('button', { name: new RegExp(`^Re-rate ${skillName} \\(was .*\\) for Camille Becker$`) }).click();
  const rate = page.getByRole('dialog', { name: `Rate as manager: ${skillName}` });
  await rate.getByRole('radio', { name: /^3/ }).check();
  await rate.getByRole('button', { name: 'Save rating' }).click();
  await expect(rate).toBeHidden();

  // The loop is closed: improved, from the level at assignment to his new rating.
  await expect
    .poll(async () => (await callApi<{ data: FollowUp[] }>(page, 'GET', `follow-ups?personId=${camille.person.id}&courseId=${courseId}`)).data[0]?.status, { timeout: 30_000 })
    .toBe('improved');
  const closed = (await callApi<{ data: FollowUp[] }>(page, 'GET', `follow-ups?personId=${camille.person.id}&courseId=${courseId}`)).data[0]!;
  // After: her current level now (the newest rating, his 3, counting most); before: as stored at assignment.
  expect(closed.skills).toEqual([expect.objectContaining({ name: skillName })]);
  expect(closed.skills[0]!.after).toBeGreaterThan(closed.skills[0]!.before ?? 0);
  expect(closed.skills[0]!.after).toBeGreaterThanOrEqual(2);

  await page.goto('/team');
  const learningPart = page.getByRole('article', { name: 'Camille Becker' });
  // The completion is 60 days old, past "recently completed": the card shows the gap gone and the loop closed.
  await expect(learningPart).toContainText('No gaps');
  await expect(learningPart).toContainText(/Loop closure \d+%: \d+ of \d+ followed-up reasons improved/);
  await snap(page, 'loop-4-team-closed');

  await signIn(page, 'learning');
  await page.goto(`/admin/learning-reports/${courseId}`);
  const loop = page.getByRole('region', { name: 'Loop closure' });
  await expect(loop).toContainText('100%');
  await expect(loop).toContainText('1 improved · 0 not improved · 0 pending');
  await expectAccessible(page);
  await snap(page, 'loop-5-course-report');
});
