import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  ROLE: z.enum(['web', 'worker', 'all']).default('all'),
  PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Tandem <no-reply@tandem.local>'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_UPLOAD_MB: z.coerce.number().positive().default(50),
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d{1,2})$/, 'must be the number of proxies in front of Tandem (true means 1, false 0)')
    .default('false'),
  DEV_ORIGIN: z.url().optional(),
  TANDEM_TEST_CLOCK: z.enum(['true', 'false']).default('false'),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  role: 'web' | 'worker' | 'all';
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  sessionSecret: string;
  logLevel: string;
  maxUploadBytes: number;
  /**
   * How many reverse proxies in front of Tandem append to X-Forwarded-For; the client address is
   * the right-most hop they did not add. 0: the socket's address.
   */
  trustProxy: number;
  /** Development only: the Vite dev server's origin, allowed for cookie writes beside PUBLIC_URL. */
  devOrigin: string | undefined;
  /**
   * Without PUBLIC_URL, Tandem is the laptop's own: the other loopback names of its address
   * (127.0.0.1, [::1]) are its origin too, so opening it by either does not refuse every change.
   */
  loopbackOrigins: string[];
  /** Browser tests only: a clock they can move through `POST /api/v1/testing/clock`. */
  testClock: boolean;
};

export class ConfigError extends Error {}

/** Parses the environment; a wrong value throws a ConfigError naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')),
  );
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.TANDEM_TEST_CLOCK === 'true' && e.NODE_ENV === 'production') {
    throw new ConfigError('Invalid configuration:\n  TANDEM_TEST_CLOCK: not allowed in production');
  }
  if (e.DEV_ORIGIN && e.NODE_ENV === 'production') {
    throw new ConfigError('Invalid configuration:\n  DEV_ORIGIN: not allowed in production');
  }
  const dataDir = path.resolve(e.DATA_DIR);
  let sessionSecret = e.SESSION_SECRET;
  if (!sessionSecret) {
    if (e.DATABASE_URL && e.NODE_ENV === 'production') {
      throw new ConfigError('Invalid configuration:\n  SESSION_SECRET: required with DATABASE_URL in production');
    }
    sessionSecret = readOrCreateSecret(dataDir);
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    role: e.ROLE,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    sessionSecret,
    logLevel: e.LOG_LEVEL,
    maxUploadBytes: Math.round(e.MAX_UPLOAD_MB * 1024 * 1024),
    trustProxy: e.TRUST_PROXY === 'true' ? 1 : e.TRUST_PROXY === 'false' ? 0 : Number(e.TRUST_PROXY),
    devOrigin: e.DEV_ORIGIN ? new URL(e.DEV_ORIGIN).origin : undefined,
    loopbackOrigins: e.PUBLIC_URL ? [] : [`http://127.0.0.1:${e.PORT}`, `http://[::1]:${e.PORT}`],
    testClock: e.TANDEM_TEST_CLOCK === 'true',
  };
}

/** In embedded mode the secret is generated once and kept beside the data. */
function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    env: 'test',
    port: 3000,
    host: '127.0.0.1',
    databaseUrl: undefined,
    dataDir: path.resolve('.tmp/test-data'),
    role: 'all',
    publicUrl: 'http://localhost:3000',
    smtpUrl: undefined,
    mailFrom: 'Tandem <no-reply@tandem.local>',
    sessionSecret: 'test-secret-test-secret-test-secret-0000',
    logLevel: 'silent',
    maxUploadBytes: 10 * 1024 * 1024,
    trustProxy: 1,
    devOrigin: undefined,
    loopbackOrigins: [],
    testClock: false,
    ...overrides,
  };
}
