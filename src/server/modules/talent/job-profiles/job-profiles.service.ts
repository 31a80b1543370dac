import { z } from 'zod';
import type { z as zo } from '@hono/zod-openapi';
import type { AppContext } from '../../../context.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { conflict, notFound, validationFailed, type ErrorDetail } from '../../../platform/http/errors.ts';
import { decodeCursor, keysetPage } from '../../../platform/http/openapi.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { actorRef, emit, recordChange } from '../../platform/index.ts';
import { requirePermission } from '../../org/index.ts';
import { findSkills } from '../skills/index.ts';
import { JOB_PROFILE_CHANGED, PERSON_PROFILE_CHANGED } from '../talent.events.ts';
import { canAssignJobProfiles, canManageJobProfiles, canReadTalentOf } from '../talent.policy.ts';
import { compareToProfile } from './comparison.ts';
import type { CareerPathCreate, CareerPathsQuery, ComparisonQuery, JobProfileCreate, JobProfilesQuery, JobProfileUpdate } from './job-profiles.schemas.ts';
import * as repo from './job-profiles.repo.ts';

const profileDto = (p: repo.JobProfileListRow) => ({
  id: p.id,
  name: p.name,
  family: p.family,
  description: p.description,
  archivedAt: p.archivedAt?.toISOString() ?? null,
  skillCount: p.skillCount,
  holderCount: p.holderCount,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

const stepDto = (s: repo.CareerStepRow) => ({
  id: s.id,
  fromProfileId: s.fromProfileId,
  toProfileId: s.toProfileId,
  kind: s.kind,
  note: s.note,
  from: { id: s.fromProfileId, name: s.fromName, family: s.fromFamily, archived: Boolean(s.fromArchived) },
  to: { id: s.toProfileId, name: s.toName, family: s.toFamily, archived: Boolean(s.toArchived) },
  createdAt: s.createdAt.toISOString(),
});

const audit = (p: repo.JobProfileRow, skills: { skillId: string; level: number }[]) => ({
  name: p.name,
  family: p.family,
  description: p.description,
  archivedAt: p.archivedAt?.toISOString() ?? null,
  skills: skills.map((s) => ({ skillId: s.skillId, level: s.level })),
});

export async function listProfiles(ctx: AppContext, actor: Actor, query: zo.infer<typeof JobProfilesQuery>) {
  const limit = query.limit ?? 50;
  const rows = await repo.listProfiles(
    ctx.db,
    actor.orgId,
    { q: query.q, family: query.family, includeArchived: query.includeArchived },
    { limit: limit + 1, after: decodeCursor(query.cursor, z.tuple([z.string(), z.uuid()])) },
  );
  const { data, nextCursor } = keysetPage(rows, limit, (last) => [last.name.toLowerCase(), last.id]);
  return { data: data.map(profileDto), nextCursor };
}

async function detail(db: DbOrTx, orgId: string, id: string) {
  const p = await repo.findProfile(db, orgId, id);
  if (!p) throw notFound('Job profile');
  const [skills, steps] = await Promise.all([repo.expectedSkills(db, orgId, id), repo.listSteps(db, orgId, { profileId: id })]);
  return {
    ...profileDto(p),
    skills,
    nextSteps: steps.filter((s) => s.fromProfileId === id).map(stepDto),
    previousSteps: steps.filter((s) => s.toProfileId === id).map(stepDto),
  };
}
export type JobProfileDetailDto = Awaited<ReturnType<typeof detail>>;

export async function getProfile(ctx: AppContext, actor: Actor, id: string) {
  return detail(ctx.db, actor.orgId, id);
}

async function assertNameFree(db: DbOrTx, orgId: string, name: string, exceptId?: string) {
  const other = await repo.findProfileByName(db, orgId, name);
  if (other && other.id !== exceptId) {
    throw conflict(`A job profile named "${name}" already exists`, [{ path: 'name', message: 'Already used in this organisation' }]);
  }
}

/** Every expected skill is a live skill of the organisation, at a level within its scale. */
async function checkSkills(db: DbOrTx, orgId: string, list: { skillId: string; level: number }[]) {
  const found = new Map((await findSkills(db, orgId, list.map((s) => s.skillId))).map((s) => [s.id, s]));
  const details: ErrorDetail[] = [];
  list.forEach((s, i) => {
    const sk = found.get(s.skillId);
    if (!sk) details.push({ path: `skills.${i}.skillId`, message: 'No such skill in this organisation' });
    else if (sk.archivedAt) details.push({ path: `skills.${i}.skillId`, message: `"${sk.name}" is archived and takes no new expectations` });
    else if (s.level > sk.maxLevel) details.push({ path: `skills.${i}.level`, message: `"${sk.name}" has levels 1 to ${sk.maxLevel}` });
  });
  if (details.length) throw validationFailed('Some expected skills are not valid', details);
}

export async function createProfile(ctx: AppContext, actor: Actor, input: zo.infer<typeof JobProfileCreate>, requestId?: string) {
  requirePermission(actor, canManageJobProfiles);
  return ctx.db.transaction(async (tx) => {
    await assertNameFree(tx, actor.orgId, input.name);
    const skills = input.skills ?? [];
    await checkSkills(tx, actor.orgId, skills);
    const now = ctx.clock.now();
    const row = await repo.insertProfile(tx, {
      orgId: actor.orgId,
      name: input.name,
      family: input.family || null,
      description: input.description || null,
      createdAt: now,
      updatedAt: now,
    });
    await repo.replaceExpectedSkills(tx, actor.orgId, row.id, skills);
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'job_profile.created',
      recordType: 'job_profile',
      recordId: row.id,
      after: audit(row, skills),
    });
    return detail(tx, actor.orgId, row.id);
  });
}

const sameSkills = (a: { skillId: string; level: number }[], b: { skillId: string; level: number }[]) => {
  const key = (l: { skillId: string; level: number }[]) => l.map((s) => `${s.skillId}:${s.level}`).sort().join(',');
  return key(a) === key(b);
};

export async function updateProfile(ctx: AppContext, actor: Actor, id: string, input: zo.infer<typeof JobProfileUpdate>, requestId?: string) {
  requirePermission(actor, canManageJobProfiles);
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findProfile(tx, actor.orgId, id);
    if (!before) throw notFound('Job profile');
    const beforeSkills = await repo.expectedSkills(tx, actor.orgId, id);
    if (input.name) await assertNameFree(tx, actor.orgId, input.name, id);
    const skillsChanged = input.skills !== undefined && !sameSkills(input.skills, beforeSkills);
    if (input.skills && skillsChanged) {
      // Levels kept as they were pass even when their skill has since been archived or shrunk.
      const kept = new Set(beforeSkills.map((s) => `${s.skillId}:${s.level}`));
      const fresh = input.skills.map((s, i) => ({ s, i })).filter(({ s }) => !kept.has(`${s.skillId}:${s.level}`));
      try {
        await checkSkills(tx, actor.orgId, fresh.map(({ s }) => s));
      } catch (err) {
        const e = err as { details?: ErrorDetail[] };
        // Re-number the paths to the positions in the request.
        e.details?.forEach((d) => {
          d.path = d.path?.replace(/^skills\.(\d+)/, (_, n: string) => `skills.${fresh[Number(n)]!.i}`);
        });
        throw err;
      }
    }
    const patch = {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.family !== undefined && { family: input.family || null }),
      ...(input.description !== undefined && { description: input.description || null }),
    };
    if (!Object.keys(patch).length && !skillsChanged) return detail(tx, actor.orgId, id);
    await repo.updateProfile(tx, actor.orgId, id, patch, ctx.clock.now());
    if (skillsChanged) await repo.replaceExpectedSkills(tx, actor.orgId, id, input.skills!);
    const after = (await repo.findProfile(tx, actor.orgId, id))!;
    const change = {
      action: 'job_profile.updated',
      recordType: 'job_profile',
      recordId: id,
      before: audit(before, beforeSkills),
      after: audit(after, skillsChanged ? input.skills! : beforeSkills),
    };
    await recordChange(tx, actorRef(actor, requestId), skillsChanged ? { ...change, emits: emit(JOB_PROFILE_CHANGED, { profileId: id }) } : change);
    return detail(tx, actor.orgId, id);
  });
}

export async function setArchived(ctx: AppContext, actor: Actor, id: string, archived: boolean, requestId?: string) {
  requirePermission(actor, canManageJobProfiles);
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findProfile(tx, actor.orgId, id);
    if (!before) throw notFound('Job profile');
    if (Boolean(before.archivedAt) === archived) return detail(tx, actor.orgId, id);
    const now = ctx.clock.now();
    await repo.updateProfile(tx, actor.orgId, id, { archivedAt: archived ? now : null }, now);
    const change = {
      action: archived ? 'job_profile.archived' : 'job_profile.unarchived',
      recordType: 'job_profile',
      recordId: id,
      before: { archivedAt: before.archivedAt?.toISOString() ?? null },
      after: { archivedAt: archived ? now.toISOString() : null },
    };
    await recordChange(tx, actorRef(actor, requestId), archived ? { ...change, emits: emit(JOB_PROFILE_CHANGED, { profileId: id }) } : change);
    return detail(tx, actor.orgId, id);
  });
}

// Career paths ---------------------------------------------------------------------------------

export async function listCareerPaths(ctx: AppContext, actor: Actor, query: zo.infer<typeof CareerPathsQuery>) {
  const steps = await repo.listSteps(ctx.db, actor.orgId, { profileId: query.profileId });
  return { data: steps.map(stepDto) };
}

export async function createCareerPath(ctx: AppContext, actor: Actor, input: zo.infer<typeof CareerPathCreate>, requestId?: string) {
  requirePermission(actor, canManageJobProfiles);
  if (input.fromProfileId === input.toProfileId) {
    throw validationFailed('A step leads to another profile', [{ path: 'toProfileId', message: 'Choose a different profile than the one the step starts from' }]);
  }
  return ctx.db.transaction(async (tx) => {
    const [from, to] = await Promise.all([repo.findProfile(tx, actor.orgId, input.fromProfileId), repo.findProfile(tx, actor.orgId, input.toProfileId)]);
    const missing: ErrorDetail[] = [];
    if (!from) missing.push({ path: 'fromProfileId', message: 'No such job profile' });
    if (!to) missing.push({ path: 'toProfileId', message: 'No such job profile' });
    if (missing.length) throw validationFailed('Unknown job profile', missing);
    if (await repo.findStep(tx, actor.orgId, input.fromProfileId, input.toProfileId)) {
      throw conflict(`There is already a step from "${from!.name}" to "${to!.name}"`, [{ path: 'toProfileId', message: 'This step already exists' }]);
    }
    if (input.kind === 'promotion' && (await repo.promotionReaches(tx, actor.orgId, input.toProfileId, input.fromProfileId))) {
      throw validationFailed(`"${to!.name}" already leads up to "${from!.name}": this promotion would go round in a circle`, [
        { path: 'toProfileId', message: 'Promotions may not loop back' },
      ]);
    }
    const row = await repo.insertStep(tx, {
      orgId: actor.orgId,
      fromProfileId: input.fromProfileId,
      toProfileId: input.toProfileId,
      kind: input.kind,
      note: input.note || null,
      createdAt: ctx.clock.now(),
    });
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'career_path.created',
      recordType: 'career_path',
      recordId: row.id,
      after: { fromProfileId: row.fromProfileId, toProfileId: row.toProfileId, kind: row.kind, note: row.note },
    });
    const [step] = await repo.listSteps(tx, actor.orgId, { id: row.id });
    return stepDto(step!);
  });
}

export async function deleteCareerPath(ctx: AppContext, actor: Actor, id: string, requestId?: string) {
  requirePermission(actor, canManageJobProfiles);
  await ctx.db.transaction(async (tx) => {
    const [before] = await repo.listSteps(tx, actor.orgId, { id });
    if (!before) throw notFound('Career step');
    await repo.deleteStep(tx, actor.orgId, id);
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'career_path.deleted',
      recordType: 'career_path',
      recordId: id,
      before: { fromProfileId: before.fromProfileId, toProfileId: before.toProfileId, kind: before.kind, note: before.note },
    });
  });
}

// A person's profile -----------------------------------------------------------------------------

/**
 * The person's job profile with its expected levels (null profile and no skills when they hold
 * none). No policy check: callers decide who may see it. For other capabilities (assessments).
 */
export async function personProfileWithExpectations(db: DbOrTx, orgId: string, personId: string) {
  const p = await repo.personProfileId(db, orgId, personId);
  if (!p) return undefined;
  if (!p.jobProfileId) return { personId, profile: null, skills: [] as repo.ExpectedSkillRow[] };
  const [profile, skills] = await Promise.all([repo.findProfile(db, orgId, p.jobProfileId), repo.expectedSkills(db, orgId, p.jobProfileId)]);
  return {
    personId,
    profile: profile
      ? { id: profile.id, name: profile.name, family: profile.family, description: profile.description, archived: Boolean(profile.archivedAt) }
      : null,
    skills,
  };
}

export async function getPersonProfile(ctx: AppContext, actor: Actor, personId: string) {
  if (!(await canReadTalentOf(ctx.db, actor, personId))) throw notFound('Person');
  const out = await personProfileWithExpectations(ctx.db, actor.orgId, personId);
  if (!out) throw notFound('Person');
  return out;
}

export async function setPersonProfile(ctx: AppContext, actor: Actor, personId: string, jobProfileId: string | null, requestId?: string) {
  requirePermission(actor, canAssignJobProfiles);
  await ctx.db.transaction(async (tx) => {
    const current = await repo.personProfileId(tx, actor.orgId, personId);
    if (!current) throw notFound('Person');
    if (jobProfileId) {
      const p = await repo.findProfile(tx, actor.orgId, jobProfileId);
      if (!p) throw validationFailed('Unknown job profile', [{ path: 'jobProfileId', message: 'No such job profile' }]);
      if (p.archivedAt && current.jobProfileId !== jobProfileId) {
        throw validationFailed(`"${p.name}" is archived`, [{ path: 'jobProfileId', message: 'Archived profiles cannot be given to anyone' }]);
      }
    }
    if (current.jobProfileId === jobProfileId) return;
    await repo.setPersonProfile(tx, actor.orgId, personId, jobProfileId, ctx.clock.now());
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'person.job_profile_changed',
      recordType: 'person',
      recordId: personId,
      before: { jobProfileId: current.jobProfileId },
      after: { jobProfileId },
      emits: emit(PERSON_PROFILE_CHANGED, { personId, jobProfileId, previousJobProfileId: current.jobProfileId }),
    });
  });
  return getPersonProfile(ctx, actor, personId);
}

export async function profileComparison(ctx: AppContext, actor: Actor, personId: string, query: zo.infer<typeof ComparisonQuery>) {
  if (!(await canReadTalentOf(ctx.db, actor, personId))) throw notFound('Person');
  const own = await repo.personProfileId(ctx.db, actor.orgId, personId);
  if (!own) throw notFound('Person');
  const profileId = query.profileId ?? own.jobProfileId;
  const empty = { met: 0, gaps: 0, notAssessed: 0, totalGap: 0 };
  if (!profileId) return { personId, profile: null, isOwnProfile: false, rows: [], summary: empty };
  const profile = await repo.findProfile(ctx.db, actor.orgId, profileId);
  if (!profile) throw notFound('Job profile');
  const [skills, levels] = await Promise.all([repo.expectedSkills(ctx.db, actor.orgId, profileId), repo.currentLevels(ctx.db, actor.orgId, personId)]);
  const { rows, summary } = compareToProfile(skills, levels);
  return {
    personId,
    profile: { id: profile.id, name: profile.name, family: profile.family, archived: Boolean(profile.archivedAt) },
    isOwnProfile: profileId === own.jobProfileId,
    rows,
    summary,
  };
}
