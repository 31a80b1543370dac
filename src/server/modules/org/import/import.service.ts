import type { AppContext } from '../../../context.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import type { Actor, ActorRef } from '../../../platform/http/types.ts';
import { actorRef, recordChange, recordChanges, type Change } from '../../platform/index.ts';
import { listCustomFields } from '../custom-fields.repo.ts';
import { requireRole } from '../org.policy.ts';
import { refreshSmartGroups } from '../smart-groups.ts';
import { CsvError, parsePeopleCsv } from './import.parse.ts';
import { planImport, type ImportReport } from './import.plan.ts';
import * as repo from './import.repo.ts';

export type ImportOptions = { dryRun: boolean; deactivateMissing: boolean };
export const IMPORT_JOB = 'people.import';

/** The file itself is unusable (not CSV, no header, required columns missing). */
function fileError(message: string, details: unknown[] = []) {
  return new AppError('validation_failed', message, details);
}

/**
 * Checks the whole file against the organisation and, unless it is a dry run, applies it in one
 * transaction: any error row means nothing changes (the process dying midway changes nothing too).
 */
export async function importPeople(ctx: AppContext, by: ActorRef, csv: string | Buffer, opts: ImportOptions): Promise<ImportReport> {
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
  const plan = async (db: typeof ctx.db) => {
    const [people, depts] = await Promise.all([repo.loadPeople(db, orgId), repo.loadDepartments(db, orgId)]);
    const departments = new Map(depts.map((d) => [d.name.toLowerCase(), d]));
    return { departments, plan: planImport(file, people, departments, defs, opts) };
  };
  if (opts.dryRun) return (await plan(ctx.db)).plan.report;

  return ctx.db.transaction(async (tx) => {
    // Planned again inside the transaction, so the writes match the data they were checked against.
    const { departments, plan: p } = await plan(tx as unknown as typeof ctx.db);
    const report = { ...p.report, dryRun: false };
    if (report.summary.error > 0) {
      throw new AppError('unprocessable', `${report.summary.error} row${report.summary.error === 1 ? ' has' : 's have'} errors; nothing was imported`, report.rows.filter((r) => r.action === 'error'), { report });
    }
    const now = ctx.clock.now();
    for (const d of await repo.insertDepartments(tx, orgId, p.newDepartments)) departments.set(d.name.toLowerCase(), d);
    const resolved = p.writes.map((w) => ({ ...w, departmentId: w.values.department ? departments.get(w.values.department.toLowerCase())!.id : null }));
    await repo.insertPeople(tx, orgId, resolved.filter((w) => w.isNew), now);
    await repo.updatePeople(tx, orgId, resolved, now);
    await repo.deactivatePeople(tx, orgId, p.deactivate.map((d) => d.id), now);

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
      event: { summary: report.summary },
    });
    await refreshSmartGroups(tx, orgId, by, { now });
    return { ...report, committed: true };
  });
}

/** The HTTP use case: HR admins only; large files go to a background job. */
export async function runImport(ctx: AppContext, actor: Actor, csv: string, opts: ImportOptions, requestId?: string) {
  requireRole(actor, 'hr_admin');
  return importPeople(ctx, actorRef(actor, requestId), csv, opts);
}

export async function startImport(ctx: AppContext, actor: Actor, csv: string, opts: ImportOptions) {
  requireRole(actor, 'hr_admin');
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
  requireRole(actor, 'hr_admin');
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

type ImportJob = { importId: string; orgId: string; personId: string; label: string };

export async function runImportJob(ctx: AppContext, job: ImportJob) {
  const row = await repo.findImport(ctx.db, job.orgId, job.importId);
  if (!row || row.status !== 'queued') return;
  await repo.updateImport(ctx.db, row.id, { status: 'running' });
  const by: ActorRef = { orgId: job.orgId, personId: job.personId, label: job.label };
  try {
    const report = await importPeople(ctx, by, row.csv, { dryRun: row.dryRun, deactivateMissing: row.deactivateMissing });
    await repo.updateImport(ctx.db, row.id, { status: 'done', report, processedRows: row.totalRows, finishedAt: ctx.clock.now(), csv: '' });
  } catch (err) {
    const e = err instanceof AppError ? err : null;
    const report = (e?.extra?.report as ImportReport | undefined) ?? null;
    await repo.updateImport(ctx.db, row.id, {
      status: 'failed',
      error: e?.message ?? 'The import failed; nothing was changed',
      report,
      processedRows: row.totalRows,
      finishedAt: ctx.clock.now(),
      csv: '',
    });
    if (!e) ctx.log.error({ err, importId: row.id }, 'people import failed');
  }
}
