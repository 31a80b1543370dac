import { defineConfig, devices } from '@playwright/test';
import { mailDirFor } from './e2e/support/mail.ts';

// The product runs as a user would start it (`tandem start`: build, migrate, demo seed) on a
// fresh PGlite data directory that e2e/support/web-server.mjs creates and removes.
const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;
const ci = !!process.env.CI;
// The server sends its mail over SMTP to a local sink (started by e2e/support/web-server.mjs on a
// free port, which sets SMTP_URL for it) that stores each message here for the journeys to read.
const mailDir = mailDirFor(port);

export default defineConfig({
  testDir: 'e2e',
  outputDir: '.tmp/e2e-results',
  fullyParallel: false,
  workers: ci ? 1 : 2,
  retries: ci ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: ci ? [['list'], ['html', { open: 'never', outputFolder: '.tmp/e2e-report' }]] : 'list',
  use: {
    ...devices['Desktop Chrome'],
    baseURL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    // Debian's Chromium: Playwright's own browser downloads are not used.
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  // Journeys that move the server's clock (*.clock.spec.ts) change time for everyone on the shared
  // server: they run last, once every other journey is done.
  projects: [
    { name: 'journeys', testIgnore: /\.clock\.spec\.ts$/ },
    { name: 'clock', testMatch: /\.clock\.spec\.ts$/, dependencies: ['journeys'] },
  ],
  webServer: {
    command: 'node e2e/support/web-server.mjs',
    url: `${baseURL}/readyz`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseURL,
      LOG_LEVEL: 'warn',
      // Lets the compliance journey move the server's time (POST /api/v1/testing/clock).
      TANDEM_TEST_CLOCK: 'true',
      E2E_MAIL_DIR: mailDir,
    },
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
  },
});
