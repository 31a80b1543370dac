import { z } from 'zod';
import type { AppContext } from '../../../context.ts';
import { forgetActors } from '../../../platform/http/actor-cache.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import type { Actor, ActorRef } from '../../../platform/http/types.ts';
import { actorRef, defineJob, emit, recordChange, recordChanges, type Change } from '../../platform/index.ts';
import { PEOPLE_IMPORTED } from '../people.events.ts';
import { listCustomFields } from '../custom-fields.repo.ts';
import { canImportPeople, requirePermission } from '../org.policy.ts';
import { refreshSmartGroups } from '../smart-groups.ts';
import { CsvError, parsePeopleCsv } from './import.parse.ts';
import { planImport, type ImportReport } from './import.plan.ts';
import * as repo from './import.repo.ts';

export type ImportOptions = { dryRun: boolean; deactivateMissing: boolean };
/** Told how many of the file's rows are done; background imports store it for the progress bar. */
export type ImportProgress = (processedRows: number, totalRows: number) => Promise<void>;

/** Past this many written rows the planner statistics are refreshed (PGlite has no autovacuum). */
const ANALYZE_AFTER_ROWS = 1000;

/** The file itself is unusable (not CSV, no header, required columns missing). */
function fileError(message: string, details: unknown[] = []) {
  return new AppError('validation_failed', message, details);
}

/**
 * Checks the whole file against the organisation and, unless it is a dry run, applies it in one
 * transaction: any error row means nothing changes (the process dying midway changes nothing too).
 */
export async function importPeople(
  ctx: AppContext,
  by: ActorRef,
  csv: string | Buffer,
  opts: ImportOptions,
  progress?: ImportProgress,
): Promise<ImportReport> {
  const orgId = by.orgId;
  const defs = await listCustomFields(ctx.db, orgId);
  let file;
  try {
    file = parsePeopleCsv(csv, defs);
  } catch (err) {
    if (err instanceof CsvError) throw fileError(err.message);
    throw err;
  }
  if (file.missingColumns.length) {
    throw fileError(`The file needs the columns ${file.missingColumns.join(', ')}`, file.missingColumns.map((c) => ({ path: c, message: 'Column missing' })));
  }
  const total = file.rows.length;
  await progress?.(0, total);
  const plan = async (db: typeof ctx.db) => {
    const [people, depts, beyondImporter, profileRows] = await Promise.all([
      repo.loadPeople(db, orgId),
      repo.loadDepartments(db, orgId),
      ctx.signInAccounts.beyond(db, by),
      repo.loadJobProfiles(db, orgId),
    ]);
    const departments = new Map(depts.map((d) => [d.name.toLowerCase(), d]));
    const profiles = new Map(profileRows.map((p) => [p.name.toLowerCase(), p]));
    return { departments, plan: planImport(file, people, departments, defs, { ...opts, importerId: by.personId, beyondImporter, profiles }) };
  };
  if (opts.dryRun) return (await plan(ctx.db)).plan.report;

  const committed = await ctx.db.transaction(async (tx) => {
    // One commit per organisation at a time (a second waits), and planned again inside the
    // transaction, so the writes match the data they were checked against.
    await repo.lockImports(tx, orgId);
    const { departments, plan: p } = await plan(tx as unknown as typeof ctx.db);
    const report = { ...p.report, dryRun: false };
    if (report.summary.error > 0) {
      throw new AppError('unprocessable', `${report.summary.error} row${report.summary.error === 1 ? ' has' : 's have'} errors; nothing was imported`, report.rows.filter((r) => r.action === 'error'), { report });
    }
    const now = ctx.clock.now();
    for (const d of await repo.insertDepartments(tx, orgId, p.newDepartments)) departments.set(d.name.toLowerCase(), d);
    const resolved = p.writes.map((w) => ({ ...w, departmentId: w.values.department ? departments.get(w.values.department.toLowerCase())!.id : null }));
    // Progress goes through another connection while the transaction writes: PostgreSQL only,
    // since PGlite's single connection belongs to the transaction until it ends.
    let done = total - resolved.length;
    const onBatch = progress && ctx.database.kind === 'postgres' ? (n: number) => progress((done += n), total) : undefined;
    await repo.insertPeople(tx, orgId, managersFirst(resolved.filter((w) => w.isNew)), now, onBatch);
    await repo.updatePeople(tx, orgId, resolved.filter((w) => !w.isNew), now, onBatch);
    await repo.deactivatePeople(tx, orgId, p.deactivate.map((d) => d.id), now);
    await ctx.signInAccounts.emailsChanged(ctx, tx, by, resolved.filter((w) => !w.isNew && w.changes.email).map((w) => w.id));

    const changes: Change[] = [
      ...resolved.map((w): Change => ({
        action: w.isNew ? 'person.created' : 'person.updated',
        recordType: 'person',
        recordId: w.id,
        before: w.isNew ? undefined : Object.fromEntries(Object.entries(w.changes).map(([k, c]) => [k, c.from])),
        after: w.isNew ? { ...w.values } : Object.fromEntries(Object.entries(w.changes).map(([k, c]) => [k, c.to])),
        event: false,
      })),
      ...p.deactivate.map((d): Change => ({ action: 'person.deactivated', recordType: 'person', recordId: d.id, before: { status: 'active' }, after: { status: 'inactive' }, event: false })),
    ];
    await recordChanges(tx, by, changes);
    await recordChange(tx, by, {
      action: 'people.imported',
      recordType: 'person_import',
      recordId: null,
      after: { ...report.summary, departmentsCreated: p.newDepartments },
      emits: emit(PEOPLE_IMPORTED, {
        summary: report.summary,
        created: resolved.filter((w) => w.isNew).map((w) => w.id),
        managerChanged: resolved.filter((w) => !w.isNew && w.changes.manager).map((w) => w.id),
        profileChanged: resolved.filter((w) => !w.isNew && w.changes.jobProfile).map((w) => ({ personId: w.id, jobProfileId: w.values.jobProfileId ?? null })),
      }),
    });
    await refreshSmartGroups(tx, orgId, by, { now });
    return { ...report, committed: true };
  });
  // People deactivated or renamed: their signed-in actors are read again (identity resolves them).
  forgetActors(ctx, orgId);
  // A large import changes the table's shape; stale statistics make the directory choose slow
  // plans (a 100,000-row import measured 300 ms instead of 1 ms for the first page).
  if (committed.summary.create + committed.summary.update >= ANALYZE_AFTER_ROWS) await repo.refreshPeopleStats(ctx.db);
  return committed;
}

/**
 * Orders new people so that each comes after a new manager: one write per person instead of an
 * insert and a later manager update (which would rewrite every index entry, trigram included).
 * The plan has already refused cycles, so the walk up the chain ends.
 */
function managersFirst<T extends { id: string; values: { managerId: string | null } }>(rows: T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const depth = new Map<string, number>();
  const depthOf = (r: T): number => {
    const known = depth.get(r.id);
    if (known !== undefined) return known;
    const chain: T[] = [];
    let cur: T | undefined = r;
    let base = 0;
    while (cur) {
      const d = depth.get(cur.id);
      if (d !== undefined) {
        base = d + 1;
        break;
      }
      chain.push(cur);
      cur = cur.values.managerId ? byId.get(cur.values.managerId) : undefined;
    }
    for (let i = chain.length - 1; i >= 0; i--) depth.set(chain[i]!.id, base + (chain.length - 1 - i));
    return depth.get(r.id)!;
  };
  return rows.map((r) => [depthOf(r), r] as const).sort((a, b) => a[0] - b[0]).map(([, r]) => r);
}

/** The HTTP use case: HR admins only; large files go to a background job. */
export async function runImport(ctx: AppContext, actor: Actor, csv: string, opts: ImportOptions, requestId?: string) {
  requirePermission(actor, canImportPeople);
  return importPeople(ctx, actorRef(actor, requestId), csv, opts);
}

export async function startImport(ctx: AppContext, actor: Actor, csv: string, opts: ImportOptions) {
  requirePermission(actor, canImportPeople);
  const totalRows = Math.max(0, csv.split('\n').filter((l) => l.trim()).length - 1);
  const row = await repo.insertImport(ctx.db, {
    orgId: actor.orgId,
    dryRun: opts.dryRun,
    deactivateMissing: opts.deactivateMissing,
    csv,
    totalRows,
    createdBy: actor.personId,
  });
  await ctx.jobs.send(IMPORT_JOB, { importId: row.id, orgId: actor.orgId, personId: actor.personId, label: actor.label });
  return { id: row.id };
}

export async function getImport(ctx: AppContext, actor: Actor, id: string) {
  requirePermission(actor, canImportPeople);
  const row = await repo.findImport(ctx.db, actor.orgId, id);
  if (!row) throw notFound('Import');
  return {
    id: row.id,
    status: row.status,
    dryRun: row.dryRun,
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    report: (row.report as ImportReport | null) ?? null,
    error: row.error,
  };
}

/**
 * A background import of a stored file, as the HR admin who started it. Idempotent: it runs
 * only while the import is still queued, and marks it running first.
 */
export const IMPORT_JOB = defineJob({
  name: 'people.import',
  schema: z.object({ importId: z.uuid(), orgId: z.uuid(), personId: z.uuid(), label: z.string() }),
  handler: runImportJob,
});

async function runImportJob(ctx: AppContext, job: { importId: string; orgId: string; personId: string; label: string }) {
  const row = await repo.findImport(ctx.db, job.orgId, job.importId);
  if (!row || row.status !== 'queued') return;
  await repo.updateImport(ctx.db, row.orgId, row.id, { status: 'running' });
  const by: ActorRef = { orgId: job.orgId, personId: job.personId, label: job.label };
  try {
    const progress: ImportProgress = (processedRows, totalRows) => repo.updateImport(ctx.db, row.orgId, row.id, { processedRows, totalRows });
    const report = await importPeople(ctx, by, row.csv, { dryRun: row.dryRun, deactivateMissing: row.deactivateMissing }, progress);
    await repo.updateImport(ctx.db, row.orgId, row.id, { status: 'done', report, processedRows: report.summary.total, totalRows: report.summary.total, finishedAt: ctx.clock.now(), csv: '' });
  } catch (err) {
    const e = err instanceof AppError ? err : null;
    const report = (e?.extra?.report as ImportReport | undefined) ?? null;
    await repo.updateImport(ctx.db, row.orgId, row.id, {
      status: 'failed',
      error: e?.message ?? 'The import failed; nothing was changed',
      report,
      ...(report ? { processedRows: report.summary.total, totalRows: report.summary.total } : {}),
      finishedAt: ctx.clock.now(),
      csv: '',
    });
    if (!e) ctx.log.error({ err, importId: row.id }, 'people import failed');
  }
}
