import { expect, test, type Page } from '@playwright/test';
import { sampleContent } from '../test/support/sample-course.ts';
import { callApi, publishCourse, uniqueTitle } from './support/api.ts';
import { signIn } from './support/auth.ts';
import { expectAccessible } from './support/axe.ts';
import { snap } from './support/screenshot.ts';

/** Answers the sample quiz (test/support/sample-course.ts) in the player, all wrong or all right. */
async function answerSampleQuiz(page: Page, how: 'right' | 'wrong') {
  const right = how === 'right';
  await page
    .getByRole('radiogroup', { name: '1. What should you do with a suspicious email?' })
    .getByRole('radio', { name: right ? 'Report it' : 'Forward it to colleagues' })
    .check();
  const signs = page.getByRole('group', { name: '2. Which are signs of phishing?' });
  for (const option of right ? ['Urgency', 'A mismatched sender domain'] : ['Your manager’s usual signature']) {
    await signs.getByRole('checkbox', { name: option }).check();
  }
  await page
    .getByRole('radiogroup', { name: '3. Passwords may be shared with IT support.' })
    .getByRole('radio', { name: right ? 'False' : 'True' })
    .check();
  await page.getByRole('textbox', { name: '4. What does MFA stand for?' }).fill(right ? 'Multi-factor authentication' : 'password');
  await expect(page.getByText('All questions answered')).toBeVisible();
  await page.getByRole('button', { name: 'Submit answers' }).click();
}

// A learner enrols in a course with a quiz, fails it, passes on the second attempt, rates the
// course, downloads the certificate and checks it on the public verification page.
test('a learner fails then passes a quiz, rates the course and verifies the certificate', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const title = uniqueTitle('Phishing refresher');
  await signIn(page, 'learning');
  const courseId = await publishCourse(page, { title, content: sampleContent() });

  await signIn(page, 'employee');
  await page.goto('/learning/catalog');
  await page.getByLabel('Search the catalog').fill(title);
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('button', { name: 'Enrol' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  // Two reading lessons, then the quiz.
  await expect(page.getByRole('heading', { name: 'Why it matters' })).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { name: 'Spotting it' })).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { name: 'Quiz', exact: true, level: 2 })).toBeVisible();
  await expect(page.getByText('4 questions · pass mark 75% · 0 of 3 attempts used')).toBeVisible();

  await page.getByRole('button', { name: 'Start quiz' }).click();
  await answerSampleQuiz(page, 'wrong');
  await expect(page.getByRole('alert').filter({ hasText: 'Not passed yet' })).toContainText('You scored 0% (pass mark 75%)');
  // Right or wrong per question, but no key while attempts remain.
  await expect(page.getByText('(incorrect)')).toHaveCount(4);
  await expect(page.getByText('The right answers are shown once you pass the quiz')).toBeVisible();
  await expect(page.getByText(/correct answer|Accepted:/)).toHaveCount(0);
  await expectAccessible(page);
  await snap(page, 'learning-quiz-failed');

  await page.getByRole('button', { name: 'Try again' }).click();
  await answerSampleQuiz(page, 'right');
  await expect(page.getByRole('alert').filter({ hasText: /^Passed/ })).toContainText('You scored 100%');
  await expect(page.getByText('Accepted: multi-factor authentication')).toBeVisible();

  // Passing the last lesson's quiz completes the course: the certificate and the survey.
  const completion = page.getByRole('region', { name: 'Course completed' });
  await expect(completion).toContainText(`You completed ${title}`);
  await expect(completion).toContainText('with a score of 100%');
  for (const [question, stars] of [
    ['How relevant was this course to your work?', 4],
    ['How confident do you feel applying what you learned?', 3],
    ['How likely are you to apply it in the next month?', 5],
  ] as const) {
    // The stars are radios kept off screen behind their pictures: choose one from the keyboard.
    const scale = completion.getByRole('group', { name: question });
    const star = scale.getByRole('radio', { name: `${stars} of 5` });
    await star.focus();
    await page.keyboard.press('Space');
    await expect(star).toBeChecked();
    await expect(scale).toContainText(`${stars} of 5`);
  }
  await completion.getByLabel('Anything else? (optional)').fill('Short and to the point.');
  await expectAccessible(page);
  await snap(page, 'learning-course-completed');
  await completion.getByRole('button', { name: 'Send rating' }).click();
  await expect(completion.getByText('Thank you for rating this course.')).toBeVisible();

  const downloading = page.waitForEvent('download');
  await completion.getByRole('link', { name: 'Download certificate (PDF)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const pdf = Buffer.concat(chunks);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(1000);

  // The verification link the PDF's QR code carries; anyone may open it, signed in or not.
  const mine = await callApi<{ data: Array<{ title: string; verifyUrl: string; issuedAt: string }> }>(page, 'GET', 'certificates');
  const certificate = mine.data.find((c) => c.title === title);
  expect(certificate, 'the certificate is listed among mine').toBeTruthy();
  const verifyPath = new URL(certificate!.verifyUrl).pathname;
  expect(verifyPath).toMatch(/^\/verify\/[A-Za-z0-9_-]{8,}$/);
  const stranger = await browser.newContext({ baseURL });
  const publicPage = await stranger.newPage();
  await publicPage.goto(verifyPath);
  await expect(publicPage.getByRole('heading', { level: 1, name: 'Certificate verification' })).toBeVisible();
  await expect(publicPage.getByText('Valid', { exact: true })).toBeVisible();
  await expect(publicPage.getByText('Camille Becker completed')).toBeVisible();
  await expect(publicPage.getByRole('heading', { name: title })).toBeVisible();
  const issued = new Date(certificate!.issuedAt).toLocaleDateString('en-US', { day: 'numeric', month: 'long', year: 'numeric' });
  await expect(publicPage.getByText(`Issued ${issued}`)).toBeVisible();
  await expectAccessible(publicPage);
  await snap(publicPage, 'learning-certificate-verified');
  await stranger.close();

  // The author reads the ratings in the course report, as given.
  await signIn(page, 'learning');
  await page.goto(`/admin/learning-reports/${courseId}`);
  await expect(page.getByText('From 1 response.')).toBeVisible();
  for (const score of ['4 / 5', '3 / 5', '5 / 5']) await expect(page.getByText(score, { exact: true })).toBeVisible();
  await expect(page.getByText('Short and to the point.')).toBeVisible();
});
