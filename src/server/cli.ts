import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Command, InvalidArgumentError } from 'commander';
import { projectRoot } from './app.ts';
import { buildContext } from './bootstrap.ts';
import type { AppContext } from './context.ts';
import { configOrExit, startServer } from './main.ts';
import { recordChange, systemRef } from './modules/platform/index.ts';
import { AppError } from './platform/http/errors.ts';
import { DEMO_PASSWORD, findDemoAccounts, seedDemo } from './seed/demo.ts';
import * as orgs from './seed/seed.repo.ts';

/** A message for the person at the terminal: printed without a stack trace, exit code 1. */
class CliError extends Error {}

const program = new Command()
  .name('tandem')
  .description('Tandem: learning and performance management in one open platform')
  .showHelpAfterError();

// ---- serving ------------------------------------------------------------------------------

program
  .command('start')
  .description('Build the web app when needed, migrate, seed the demo organisation on first start and serve')
  .action(async () => {
    const config = configOrExit();
    await buildWebIfStale();
    const { ctx } = await startServer(config, { seedDemo: true });
    console.log(`\nTandem is running: sign in at ${config.publicUrl}/sign-in`);
    await printAccounts(ctx);
  });

program
  .command('serve')
  .description('Migrate and serve (production: no build, no demo data unless asked)')
  .option('--seed-demo', 'seed the demo organisation when the database has no organisation yet')
  .action(async (opts: { seedDemo?: boolean }) => {
    const config = configOrExit();
    await startServer(config, { seedDemo: !!opts.seedDemo });
    console.log(`Tandem is listening on ${config.publicUrl}`);
  });

// ---- one-shot commands ----------------------------------------------------------------------

program
  .command('migrate')
  .description('Apply pending database migrations and exit')
  .action(() =>
    oneShot(async (ctx) => {
      console.log(`Database migrated (${ctx.database.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${ctx.config.dataDir}`}).`);
    }),
  );

program
  .command('seed')
  .description('Seed sample data')
  .option('--demo', 'the demo organisation "Acme Corporation"')
  .action((opts: { demo?: boolean }) =>
    oneShot(async (ctx) => {
      if (!opts.demo) throw new CliError('Say what to seed: `tandem seed --demo` seeds the demo organisation.');
      const result = await seedDemo(ctx);
      console.log(
        `Seeded "Acme Corporation": ${result.people} people, ${result.departments} departments, ${result.groups} groups.`,
      );
      const l = result.learning;
      console.log(
        `Learning: ${l.courses} courses, ${l.programs} programs, ${l.liveSessions} live sessions, ${l.skills} skills, ` +
          `${l.enrollments} enrolments, ${l.certificates} certificates.`,
      );
      await printAccounts(ctx);
    }),
  );

const importCmd = program.command('import').description('Import data from files');
importCmd
  .command('people')
  .description('Import people from a CSV file (upsert by employee number, else email)')
  .argument('<file>', 'CSV file with a header row')
  .option('--dry-run', 'check the file and show what would change, without changing anything')
  .option('--deactivate-missing', 'deactivate active people absent from the file')
  .option('--org <slug>', 'organisation slug (needed when the database holds several)')
  .action((file: string, opts: { dryRun?: boolean; deactivateMissing?: boolean; org?: string }) =>
    oneShot(async (ctx) => {
      if (!existsSync(file)) throw new CliError(`No such file: ${file}`);
      const csv = readFileSync(file, 'utf8');
      const org = await resolveOrg(ctx, opts.org);
      const { importPeople } = await import('./modules/org/index.ts');
      const result = await importPeople(ctx, systemRef(org.id, 'cli import'), csv, {
        dryRun: !!opts.dryRun,
        deactivateMissing: !!opts.deactivateMissing,
      });
      const errorRows = printImportResult(result, !!opts.dryRun);
      if (errorRows > 0) process.exitCode = 1;
    }),
  );

program
  .command('create-admin')
  .description('Create a person with an admin account (and the organisation, when there is none)')
  .requiredOption('--email <email>', 'email address to sign in with')
  .requiredOption('--first-name <name>', 'first name')
  .requiredOption('--last-name <name>', 'last name')
  .option('--password <password>', 'password (prompted for, or generated, when omitted)')
  .option('--org <slug>', 'organisation slug (needed when the database holds several)')
  .option('--org-name <name>', 'create the organisation with this name when none exists')
  .action(
    (opts: { email: string; firstName: string; lastName: string; password?: string; org?: string; orgName?: string }) =>
      oneShot(async (ctx) => {
        const org = await resolveOrg(ctx, opts.org, opts.orgName);
        let password = opts.password ?? (await promptPassword());
        const generated = !password;
        if (!password) password = randomBytes(12).toString('base64url');
        const { createAdmin } = await import('./modules/identity/index.ts');
        await createAdmin(ctx, {
          orgId: org.id,
          email: opts.email,
          firstName: opts.firstName,
          lastName: opts.lastName,
          password,
        });
        console.log(`Admin account created in "${org.name}": ${opts.email}`);
        if (generated) console.log(`Password (shown once, change it after signing in): ${password}`);
      }),
  );

program
  .command('create-token')
  .description('Issue an API token for an account; the token is shown once')
  .requiredOption('--email <email>', 'the account the token acts as')
  .requiredOption('--name <name>', 'what the token is for, e.g. "HRIS sync"')
  .option('--scopes <scopes>', 'comma-separated: read, write, admin', parseScopes, ['read'] as Scope[])
  .option('--expires-in-days <n>', 'days until the token expires (default: never)', parsePositiveInt)
  .option('--org <slug>', 'organisation slug (needed when the email signs in to several)')
  .action((opts: { email: string; name: string; scopes: Scope[]; expiresInDays?: number; org?: string }) =>
    oneShot(async (ctx) => {
      const { issueApiToken } = await import('./modules/identity/index.ts');
      const issued = await issueApiToken(ctx, {
        email: opts.email,
        name: opts.name,
        scopes: opts.scopes,
        expiresInDays: opts.expiresInDays,
        org: opts.org,
      });
      console.log(`Token "${opts.name}" for ${opts.email} (${opts.scopes.join(', ')}). Shown once, keep it safe:`);
      console.log(issued.token);
    }),
  );

program
  .command('link')
  .description('Print a fresh single-use sign-in link for a person (when mail cannot reach them, e.g. without SMTP)')
  .requiredOption('--email <email>', 'the person’s email')
  .option('--org <slug>', 'organisation slug (needed when the database holds several)')
  .option('--kind <kind>', 'invitation or reset (default: invitation until they have a password, then reset)', parseLinkKind)
  .action((opts: { email: string; org?: string; kind?: 'invitation' | 'reset' }) =>
    oneShot(async (ctx) => {
      const org = await resolveOrg(ctx, opts.org);
      const { createSignInLinkFromCli } = await import('./modules/identity/index.ts');
      const link = await createSignInLinkFromCli(ctx, { orgId: org.id, email: opts.email, kind: opts.kind });
      const what = link.kind === 'invitation' ? 'Invitation' : 'Password reset';
      console.log(`${what} link for ${link.email} in "${org.name}", valid once until ${link.expiresAt.toISOString()}.`);
      console.log('Whoever opens it can sign in as this person: hand it to them only. Earlier links of this kind no longer work.');
      console.log(link.url);
    }),
  );

// ---- helpers ----------------------------------------------------------------------------------

/** Runs a command on a context with inline jobs and always closes the database. */
async function oneShot(run: (ctx: AppContext) => Promise<void>) {
  const config = configOrExit();
  const ctx = await buildContext(config, { jobs: 'inline' });
  try {
    await run(ctx);
    await ctx.jobs.drain();
  } finally {
    await ctx.database.close().catch(() => undefined);
  }
}

/** The organisation a command acts on: named by slug, the only one, or created by name. */
async function resolveOrg(ctx: AppContext, slug?: string, createName?: string) {
  if (slug) {
    const org = await orgs.findOrganisationBySlug(ctx.db, slug);
    if (!org) throw new CliError(`No organisation with the slug "${slug}".`);
    return org;
  }
  const all = await orgs.listOrganisations(ctx.db);
  if (all.length === 1) return all[0]!;
  if (all.length > 1) {
    throw new CliError(`Several organisations exist; name one with --org: ${all.map((o) => o.slug).join(', ')}`);
  }
  if (!createName) throw new CliError('No organisation exists yet: give --org-name to create one.');
  const name = createName.trim();
  const newSlug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'org';
  return ctx.db.transaction(async (tx) => {
    const org = await orgs.insertOrganisation(tx, { name, slug: newSlug });
    await recordChange(tx, systemRef(org.id, 'cli'), {
      action: 'organisation.created',
      recordType: 'organisation',
      recordId: org.id,
      after: { name, slug: newSlug },
    });
    return org;
  });
}

type Scope = 'read' | 'write' | 'admin';
function parseScopes(value: string): Scope[] {
  const scopes = value.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = scopes.filter((s) => !['read', 'write', 'admin'].includes(s));
  if (bad.length || !scopes.length) throw new InvalidArgumentError('Use read, write and/or admin, comma-separated.');
  return [...new Set(scopes)] as Scope[];
}

function parseLinkKind(value: string): 'invitation' | 'reset' {
  if (value !== 'invitation' && value !== 'reset') throw new InvalidArgumentError('Use invitation or reset.');
  return value;
}

function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('Use a whole number of days, 1 or more.');
  return n;
}

/** Asks for a password without echoing it; empty (or no terminal) means "generate one". */
async function promptPassword(): Promise<string> {
  if (!process.stdin.isTTY) return '';
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
  let muted = false;
  out._writeToOutput = (s: string) => {
    if (!muted) process.stdout.write(s);
  };
  const answer = new Promise<string>((resolve) => rl.question('Password (leave empty to generate one): ', resolve));
  muted = true;
  const password = await answer;
  rl.close();
  process.stdout.write('\n');
  return password;
}

type ImportRow = {
  row?: number;
  line?: number;
  action?: string;
  status?: string;
  email?: string | null;
  employeeNumber?: string | null;
  changes?: unknown;
  changedFields?: string[];
  errors?: Array<string | { path?: string; message: string }>;
  reasons?: string[];
};

/** Prints the summary table and every error row with its reasons; returns the number of error rows. */
function printImportResult(result: unknown, dryRun: boolean): number {
  const r = result as { summary?: Record<string, number>; rows?: ImportRow[]; committed?: boolean };
  const rows = r.rows ?? [];
  const kind = (row: ImportRow) => row.action ?? row.status ?? 'unknown';
  const counts: Record<string, number> = r.summary ?? {};
  if (!r.summary) for (const row of rows) counts[kind(row)] = (counts[kind(row)] ?? 0) + 1;
  console.log(dryRun ? 'Dry run: nothing was changed.' : 'Import');
  console.table(Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, { rows: n }])));
  const errors = rows.filter((row) => kind(row) === 'error' || (row.errors?.length ?? 0) > 0);
  for (const row of errors) {
    const who = row.employeeNumber || row.email || '';
    const reasons = [...(row.errors ?? []), ...(row.reasons ?? [])].map((e) =>
      typeof e === 'string' ? e : e.path ? `${e.path}: ${e.message}` : e.message,
    );
    console.log(`  row ${row.row ?? row.line ?? '?'}${who ? ` (${who})` : ''}: ${reasons.join('; ')}`);
  }
  const errorCount = r.summary?.error ?? r.summary?.errors ?? errors.length;
  if (errorCount > 0 && !dryRun) console.log('The file has errors: nothing was changed. Fix the rows above and run again.');
  else if (!dryRun) console.log('Import committed.');
  return errorCount;
}

async function printAccounts(ctx: AppContext) {
  const accounts = await findDemoAccounts(ctx);
  if (!accounts.length) return;
  console.log(`Demo accounts (password: ${DEMO_PASSWORD}):`);
  const width = Math.max(...accounts.map((a) => a.email.length));
  for (const a of accounts) console.log(`  ${a.email.padEnd(width)}  ${a.label}: ${a.name}, ${a.jobTitle ?? ''}`);
}

// ---- building the web app -------------------------------------------------------------------

const webIndex = path.join(projectRoot, 'dist/web/index.html');
const viteConfig = path.join(projectRoot, 'vite.config.ts');

/** Builds the web app when the build is missing or older than any of its sources. */
async function buildWebIfStale() {
  const sources = [path.join(projectRoot, 'src/web'), viteConfig, path.join(projectRoot, 'src/shared')];
  const newest = Math.max(0, ...sources.map(newestMtime));
  if (existsSync(webIndex) && statSync(webIndex).mtimeMs >= newest) return;
  if (!existsSync(viteConfig)) {
    console.warn('vite.config.ts is missing: serving without the web app.');
    return;
  }
  console.log('Building the web app…');
  const vite = await import('vite');
  await vite.build({ configFile: viteConfig, root: undefined, logLevel: 'warn' });
}

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

// ---- run ------------------------------------------------------------------------------------

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CliError) {
    console.error(err.message);
  } else if (err instanceof AppError) {
    console.error(`${err.message}`);
    for (const d of (err.details ?? []) as Array<{ path?: string; message?: string }>) {
      console.error(`  ${d.path ? `${d.path}: ` : ''}${d.message ?? JSON.stringify(d)}`);
    }
  } else {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  }
  process.exit(1);
}
