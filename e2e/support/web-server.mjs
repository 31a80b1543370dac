// Starts `tandem start` on a fresh PGlite data directory for the browser journeys and removes
// the directory when Playwright stops the server (SIGTERM), so no run leaves data behind.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
const child = spawn(process.execPath, [path.join(root, 'bin/tandem.js'), 'start'], {
  cwd: root,
  env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
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
child.on('exit', (code, signal) => {
  rmSync(dataDir, { recursive: true, force: true });
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
