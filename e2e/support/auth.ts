import { expect, type Browser, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'tandem-demo';

export const demo = {
  admin: 'admin@acme.example',
  hr: 'hr@acme.example',
  learning: 'learning@acme.example',
  manager: 'manager@acme.example',
  employee: 'employee@acme.example',
} as const;

export type Persona = keyof typeof demo;

/** Signs in through the sign-in page, as a person would, and waits to leave it. */
export async function signIn(page: Page, who: Persona | string, password = DEMO_PASSWORD) {
  const email = who in demo ? demo[who as Persona] : who;
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** The main navigation: the landmark holding the Home link (the app may have several landmarks). */
export function mainNav(page: Page) {
  return page
    .getByRole('navigation')
    .filter({ has: page.getByRole('link', { name: 'Home', exact: true }) })
    .first();
}

/**
 * A second person in the same test: a browser context of their own (own cookies), signed in.
 * Close it with `page.context().close()` when done.
 */
export async function signedInAs(browser: Browser, baseURL: string | undefined, who: Persona | string, password = DEMO_PASSWORD) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, who, password);
  return page;
}
