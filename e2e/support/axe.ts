import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Runs axe-core on the page as it is now and fails on any serious or critical violation,
 * listing each rule with the elements it found, so the failure says what to fix.
 * Rules are chosen by WCAG tag, which leaves out axe's experimental ones; WCAG 2.5.3 (a control's
 * name holds the text it shows, so a voice-control user can say what they see) is one of them and
 * is switched on by id.
 */
export async function expectAccessible(page: Page, opts: { exclude?: string[] } = {}) {
  await notificationsSettled(page);
  let builder = new AxeBuilder({ page }).options({
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    rules: { 'label-content-name-mismatch': { enabled: true } },
  });
  for (const selector of opts.exclude ?? []) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  const blocking = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n')}`);
  expect(blocking, `accessibility violations on ${page.url()}`).toEqual([]);
}

/**
 * Waits until no notification is fading in or out. Half-way through a fade axe blends the toast's
 * colours with whatever it covers, and reports the covered text (a badge under the toast) as too
 * faint, though neither fails once settled.
 */
async function notificationsSettled(page: Page) {
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.mantine-Notification-root')].every((el) => {
      for (let e: Element | null = el; e && e !== document.body; e = e.parentElement) {
        if (getComputedStyle(e).opacity !== '1') return false;
      }
      return true;
    }),
  );
}
