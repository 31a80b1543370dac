// The bench's child processes: every task, server and load generator runs in a process of its
// own, so its memory and CPU are its own and nothing of the runner's is measured with it.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A database to measure on: the tasks' environment and `tandem serve`'s. */
export type Target = {
  name: string;
  env: Record<string, string>;
  serveEnv: Record<string, string>;
  cleanup: () => Promise<void>;
};

export function log(msg: string) {
  process.stderr.write(`[bench] ${msg}\n`);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Runs `node --import tsx <script> …args` and returns the JSON of its `BENCH_RESULT` line. */
export function runScript(script: string, args: string[], env: Record<string, string>): Promise<any> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, script), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
      if (code === 0 && line) resolve(JSON.parse(line.slice('BENCH_RESULT '.length)));
      else reject(new Error(`${script} ${args.join(' ')} failed (exit ${code}):\n${out}`));
    });
  });
}

export type Server = { url: string; pid: number; stop: () => Promise<void> };

/** Starts a Node server process listening on `port` and waits until `readyPath` answers 200. */
export async function startServer(args: string[], env: Record<string, string>, port: number, readyPath: string): Promise<Server> {
  // BENCH_CPU_PROFILE=dir writes a V8 CPU profile of each server (open it in Chrome's DevTools).
  const profile = process.env.BENCH_CPU_PROFILE;
  if (profile) args = ['--cpu-prof', `--cpu-prof-dir=${profile}`, ...args];
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  let exited = false;
  child.on('exit', () => (exited = true));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    for (let i = 0; i < 100 && !exited; i++) await sleep(100);
    if (!exited) child.kill('SIGKILL');
  };
  const started = performance.now();
  while (!exited && performance.now() - started < 120_000) {
    try {
      const res = await fetch(url + readyPath);
      await res.arrayBuffer();
      if (res.status === 200) return { url, pid: child.pid!, stop };
    } catch {
      /* not listening yet */
    }
    await sleep(50);
  }
  await stop();
  throw new Error(`${args.join(' ')} did not answer ${readyPath} with 200`);
}
