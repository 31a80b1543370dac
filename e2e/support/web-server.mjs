// Starts `tandem start` on a fresh PGlite data directory for the browser journeys and removes
// the directory when Playwright stops the server (SIGTERM), so no run leaves data behind.
// Mail goes over SMTP to a local sink that writes each message under E2E_MAIL_DIR, where the
// journeys read it as the recipient would (e2e/support/mail.ts).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tmp = path.join(root, '.tmp');

// Directories of earlier runs that were killed outright (their process is gone).
if (existsSync(tmp)) {
  for (const name of readdirSync(tmp)) {
    const m = /^e2e-data-(\d+)$/.exec(name);
    if (m && !isAlive(Number(m[1]))) rmSync(path.join(tmp, name), { recursive: true, force: true });
  }
}

const dataDir = path.join(tmp, `e2e-data-${process.pid}`);
rmSync(dataDir, { recursive: true, force: true });
const mailDir = process.env.E2E_MAIL_DIR;
if (!mailDir) throw new Error('E2E_MAIL_DIR is not set (playwright.config.ts sets it)');
rmSync(mailDir, { recursive: true, force: true });
register();
const { startMailSink } = await import('./mail-sink.ts');
const sink = await startMailSink(mailDir);

const child = spawn(process.execPath, [path.join(root, 'bin/tandem.js'), 'start'], {
  cwd: root,
  env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', SMTP_URL: `smtp://127.0.0.1:${sink.port}` },
  stdio: 'inherit',
});

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    child.kill('SIGTERM');
  });
}
child.on('exit', async (code, signal) => {
  rmSync(dataDir, { recursive: true, force: true });
  await Promise.race([sink.close(), new Promise((resolve) => setTimeout(resolve, 2000))]);
  rmSync(mailDir, { recursive: true, force: true });
  process.exit(code ?? (signal ? 0 : 1));
});

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
