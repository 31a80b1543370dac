import { execFile } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export type Run = { code: number; stdout: string; stderr: string };

/** Runs the real `tandem` command in a child process on a PGlite data directory of the test's. */
export function tandem(dataDir: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  const { DATABASE_URL: _db, TEST_DATABASE_URL: _testDb, ...base } = process.env;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(root, 'bin/tandem.js'), ...args],
      { cwd: root, env: { ...base, DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'development', ...env }, timeout: 90_000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}
