import { defineConfig } from 'vitest/config';

const integration = ['test/**/*.test.ts'];
const postgres = process.env.TEST_DATABASE_URL;

export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest leaves one core free by default: on a 2-core CI machine that is one file at a time.
    // The files wait on the database as much as on the CPU, so two run side by side.
    maxWorkers: 2,
    projects: [
      { extends: true as const, test: { name: 'pglite', include: integration, env: { TANDEM_TEST_DB: 'pglite' } } },
      ...(postgres
        ? [{ extends: true as const, test: { name: 'postgres', include: integration, env: { TANDEM_TEST_DB: 'postgres' } } }]
        : []),
    ],
  },
});
