import type { AppContext } from '../../../context.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Actor, ActorRef } from '../../../platform/http/types.ts';
import { requirePermission } from '../../org/index.ts';
import { actorRef, emit, recordChange, recordChanges, type Change } from '../../platform/index.ts';
import { insertProfile, insertStep, listSteps, replaceExpectedSkills, updateProfile } from '../job-profiles/index.ts';
import { insertSkill, updateSkill } from '../skills/index.ts';
import { JOB_PROFILE_CHANGED, SKILLS_CHANGED } from '../talent.events.ts';
import { canManageJobProfiles, canManageSkills } from '../talent.policy.ts';
import { CsvError, parseCsv, profileColumns, skillColumns, type ParsedFile } from './skills-import.parse.ts';
import { planProfiles, planSkills, type ImportReport } from './skills-import.plan.ts';
import * as repo from './skills-import.repo.ts';

export type ImportOptions = { dryRun: boolean };

function parseOrThrow<C extends string>(csv: string | Buffer, spec: Record<C, readonly string[]>, required: C[], withLevels: boolean): ParsedFile<C> {
  let file: ParsedFile<C>;
  try {
    file = parseCsv(csv, spec, required, { withLevels });
  } catch (err) {
    if (err instanceof CsvError) throw new AppError('validation_failed', err.message, [{ path: 'file', message: err.message }]);
    throw err;
  }
  if (file.missingColumns.length) {
    throw new AppError(
      'validation_failed',
      `The file needs the column${file.missingColumns.length === 1 ? '' : 's'} ${file.missingColumns.join(', ')}`,
      file.missingColumns.map((c) => ({ path: c, message: 'Column missing' })),
    );
  }
  return file;
}

/** Any error row: nothing is written, and the answer carries the whole report (as the people import's). */
function refuse(report: ImportReport): never {
  const n = report.summary.error;
  throw new AppError('unprocessable', `${n} row${n === 1 ? ' has' : 's have'} errors; nothing was imported`, report.rows.filter((r) => r.action === 'error'), {
    report,
  });
}

/**
 * A skills file: checked against the organisation's library and, unless a dry run, applied in one
 * transaction (planned again inside it, under a per-organisation lock, so the writes match what
 * was checked). Audited per skill; one SKILLS_CHANGED names every skill written.
 */
export async function importSkills(ctx: AppContext, by: ActorRef, csv: string | Buffer, opts: ImportOptions): Promise<ImportReport> {
  const file = parseOrThrow(csv, skillColumns, ['name'], true);
  const plan = async (db: DbOrTx) => planSkills(file, await repo.loadSkills(db, by.orgId));
  if (opts.dryRun) return (await plan(ctx.db)).report;
  return ctx.db.transaction(async (tx) => {
    await repo.lockImports(tx, by.orgId);
    const p = await plan(tx);
    const report = { ...p.report, dryRun: false };
    if (report.summary.error > 0) refuse(report);
    const now = ctx.clock.now();
    const changes: Change[] = [];
    for (const w of p.writes) {
      if (w.isNew) {
        await insertSkill(tx, { id: w.id, orgId: by.orgId, ...w.values, createdAt: now, updatedAt: now });
        changes.push({ action: 'skill.created', recordType: 'skill', recordId: w.id, after: { ...w.values }, event: false });
      } else {
        const { category, description, levels } = w.values;
        await updateSkill(tx, by.orgId, w.id, { category, description, levels }, now);
        changes.push({
          action: 'skill.updated',
          recordType: 'skill',
          recordId: w.id,
          before: Object.fromEntries(Object.entries(w.changes).map(([k, c]) => [k, c.from])),
          after: Object.fromEntries(Object.entries(w.changes).map(([k, c]) => [k, c.to])),
          event: false,
        });
      }
    }
    await recordChanges(tx, by, changes);
    const skillIds = p.writes.map((w) => w.id);
    const summary = { recordType: 'skill_import', recordId: null, action: 'skills.imported', after: { ...report.summary } };
    await recordChange(tx, by, skillIds.length ? { ...summary, emits: emit(SKILLS_CHANGED, { skillIds }) } : { ...summary, event: { summary: report.summary } });
    return { ...report, committed: true };
  });
}

/**
 * A job profiles file: profiles created or updated, each profile's expected skills replaced by the
 * file's set, new career steps added. One transaction; JOB_PROFILE_CHANGED for each profile whose
 * expected skills changed, so the recommendations of its holders and aspirants recompute.
 */
export async function importJobProfiles(ctx: AppContext, by: ActorRef, csv: string | Buffer, opts: ImportOptions): Promise<ImportReport> {
  const file = parseOrThrow(csv, profileColumns, ['profile', 'skill', 'expected_level'], false);
  const plan = async (db: DbOrTx) => {
    const [profiles, skills, expectations, steps] = await Promise.all([
      repo.loadProfiles(db, by.orgId),
      repo.loadSkills(db, by.orgId),
      repo.loadExpectations(db, by.orgId),
      listSteps(db, by.orgId),
    ]);
    return planProfiles(file, { profiles, skills, expectations, steps });
  };
  if (opts.dryRun) return (await plan(ctx.db)).report;
  return ctx.db.transaction(async (tx) => {
    await repo.lockImports(tx, by.orgId);
    const p = await plan(tx);
    const report = { ...p.report, dryRun: false };
    if (report.summary.error > 0) refuse(report);
    const now = ctx.clock.now();
    const changes: Change[] = [];
    for (const w of p.profiles) {
      const skillsChanged = w.skills !== null;
      if (w.isNew) {
        await insertProfile(tx, { id: w.id, orgId: by.orgId, name: w.name, family: w.family, description: w.description, createdAt: now, updatedAt: now });
      } else if (Object.keys(w.changes).length || skillsChanged) {
        await updateProfile(tx, by.orgId, w.id, { family: w.family, description: w.description }, now);
      } else continue;
      if (w.skills) await replaceExpectedSkills(tx, by.orgId, w.id, w.skills);
      const after = { name: w.name, family: w.family, description: w.description, skills: w.skills ?? w.skillsBefore };
      const change = {
        action: w.isNew ? 'job_profile.created' : 'job_profile.updated',
        recordType: 'job_profile',
        recordId: w.id,
        before: w.before ? { name: w.before.name, family: w.before.family, description: w.before.description, skills: w.skillsBefore } : undefined,
        after,
      };
      changes.push(skillsChanged ? { ...change, emits: emit(JOB_PROFILE_CHANGED, { profileId: w.id }) } : { ...change, event: false });
    }
    for (const s of p.steps) {
      const row = await insertStep(tx, { orgId: by.orgId, fromProfileId: s.fromProfileId, toProfileId: s.toProfileId, kind: s.kind, note: null, createdAt: now });
      changes.push({
        action: 'career_path.created',
        recordType: 'career_path',
        recordId: row.id,
        after: { fromProfileId: s.fromProfileId, toProfileId: s.toProfileId, kind: s.kind, note: null },
        event: false,
      });
    }
    await recordChanges(tx, by, changes);
    await recordChange(tx, by, {
      action: 'job_profiles.imported',
      recordType: 'job_profile_import',
      recordId: null,
      after: { ...report.summary, careerStepsAdded: p.steps.length },
      event: { summary: report.summary },
    });
    return { ...report, committed: true };
  });
}

/**
 * The HTTP use cases: the skills library's and the job profiles' admins; 404 to anyone else,
 * before the file is read (so nobody else learns anything from how a file is judged).
 */
export async function runSkillsImport(ctx: AppContext, actor: Actor, read: () => Promise<string>, opts: ImportOptions, requestId?: string) {
  requirePermission(actor, canManageSkills);
  return importSkills(ctx, actorRef(actor, requestId), await read(), opts);
}

export async function runJobProfilesImport(ctx: AppContext, actor: Actor, read: () => Promise<string>, opts: ImportOptions, requestId?: string) {
  requirePermission(actor, canManageJobProfiles);
  return importJobProfiles(ctx, actorRef(actor, requestId), await read(), opts);
}
