import { uuidv7 } from 'uuidv7';
import { MAX_LEVELS, type ParsedFile, type ProfileColumn, type SkillColumn } from './skills-import.parse.ts';

// The report has the people import's shape (row, key, action, changes, errors by column), so the
// two read alike in the API and on the web; `remove` rows (row 0) are expectations a profile in
// the file loses, as `deactivate` rows are people missing from a people file.

export type RowError = { field?: string; message: string };
export type Changes = Record<string, { from: unknown; to: unknown }>;
export type ReportRow = {
  row: number;
  key: string;
  action: 'create' | 'update' | 'unchanged' | 'remove' | 'error';
  changes?: Changes;
  errors?: RowError[];
};
export type ImportSummary = { create: number; update: number; unchanged: number; remove: number; error: number; total: number };
export type ImportReport = {
  dryRun: boolean;
  committed: boolean;
  summary: ImportSummary;
  rows: ReportRow[];
  unknownColumns: string[];
  /** What the file does beyond its rows, in words (a profile's expectations are replaced). */
  notes: string[];
  /** Unchanged rows past this many are counted but left out of `rows`. */
  unchangedRowsOmitted: number;
};

const MAX_UNCHANGED_ROWS = 1000;
const lower = (s: string) => s.toLowerCase();
const tooLong = (field: string, v: string | undefined, max: number): RowError[] =>
  v && v.length > max ? [{ field, message: `At most ${max.toLocaleString('en')} characters` }] : [];

function emptySummary(total: number): ImportSummary {
  return { create: 0, update: 0, unchanged: 0, remove: 0, error: 0, total };
}

/** Adds a row to the report and the summary; unchanged rows past the cap are only counted. */
function reporter(total: number) {
  const summary = emptySummary(total);
  const rows: ReportRow[] = [];
  let unchangedShown = 0;
  let unchangedRowsOmitted = 0;
  return {
    add(r: ReportRow) {
      summary[r.action]++;
      if (r.action === 'unchanged' && unchangedShown++ >= MAX_UNCHANGED_ROWS) unchangedRowsOmitted++;
      else rows.push(r);
    },
    done: (unknownColumns: string[], notes: string[]): ImportReport => ({
      dryRun: true,
      committed: false,
      summary,
      rows,
      unknownColumns,
      notes,
      unchangedRowsOmitted,
    }),
  };
}

/** Both rows of a duplicate name the other, as in the people import. */
function flagDuplicates<T extends { row: number; errors: RowError[] }>(items: T[], keyOf: (t: T) => string | null, field: string, what: (t: T) => string) {
  const first = new Map<string, T>();
  for (const t of items) {
    const k = keyOf(t);
    if (!k) continue;
    const prev = first.get(k);
    if (!prev) first.set(k, t);
    else {
      t.errors.push({ field, message: `${what(t)} is also in row ${prev.row}` });
      if (!prev.errors.some((e) => e.message.endsWith(`also in row ${t.row}`))) prev.errors.push({ field, message: `${what(prev)} is also in row ${t.row}` });
    }
  }
}

// Skills -----------------------------------------------------------------------------------------

export type ExistingSkill = {
  id: string;
  name: string;
  category: string | null;
  description: string | null;
  maxLevel: number;
  levels: string[];
  archived: boolean;
  /** The name of the skill it was merged into, when it was. */
  mergedInto: string | null;
};
export type SkillValues = { name: string; category: string | null; description: string | null; maxLevel: number; levels: string[] };
export type SkillWrite = { id: string; isNew: boolean; values: SkillValues; before?: ExistingSkill; changes: Changes };
export type SkillsPlan = { report: ImportReport; writes: SkillWrite[] };

/** Level descriptors without the empty ones at the end (a descriptor may be left out in the middle). */
const trimLevels = (levels: string[]) => {
  const out = [...levels];
  while (out.length && !out[out.length - 1]) out.pop();
  return out;
};

/**
 * What a skills file would do: a row naming a skill of the organisation (any case) updates it,
 * another creates one. Archived and merged skills are refused rather than brought back, and an
 * existing skill's scale is never changed here: a recorded level means something on its scale,
 * and only the rescale flow maps levels onto a new one. Pure.
 */
export function planSkills(file: ParsedFile<SkillColumn>, existing: ExistingSkill[]): SkillsPlan {
  const byName = new Map(existing.map((s) => [lower(s.name), s]));
  const has = (c: SkillColumn) => file.columns.has(c);
  type Target = { row: number; key: string; errors: RowError[]; match?: ExistingSkill; values: SkillValues };
  const targets: Target[] = file.rows.map((r) => {
    const v = r.values;
    const errors: RowError[] = [];
    const name = v.name ?? '';
    if (!name) errors.push({ field: 'name', message: 'Name is required' });
    errors.push(...tooLong('name', name, 200), ...tooLong('category', v.category, 200), ...tooLong('description', v.description, 4000));
    const match = name ? byName.get(lower(name)) : undefined;
    if (match?.mergedInto) errors.push({ field: 'name', message: `"${match.name}" was merged into "${match.mergedInto}": use that name` });
    else if (match?.archived) {
      errors.push({ field: 'name', message: `"${match.name}" is archived: unarchive it on the Skills page first (an import does not bring archived skills back)` });
    }
    let maxLevel = match?.maxLevel ?? 5;
    const scale = v.scale_max;
    if (scale) {
      const n = Number(scale);
      if (!/^\d+$/.test(scale) || n < 1 || n > MAX_LEVELS) errors.push({ field: 'scale_max', message: `"${scale}" is not a whole number from 1 to ${MAX_LEVELS}` });
      else if (match && n !== match.maxLevel) {
        errors.push({
          field: 'scale_max',
          message: `"${match.name}" has levels 1 to ${match.maxLevel}: an import does not change a skill's scale; use "Change scale" on the Skills page, which shows how recorded levels map`,
        });
      } else maxLevel = n;
    }
    let levels = match?.levels ?? [];
    if (file.levelColumns.size) {
      const top = Math.max(maxLevel, ...file.levelColumns);
      const next: string[] = [];
      for (let level = 1; level <= top; level++) {
        const given = r.levels.get(level);
        const value = given ?? (file.levelColumns.has(level) ? '' : (levels[level - 1] ?? ''));
        if (level > maxLevel && value) errors.push({ field: `level_${level}`, message: `Level ${level} is beyond the scale of 1 to ${maxLevel}` });
        else if (level <= maxLevel) next.push(value);
        errors.push(...tooLong(`level_${level}`, value, 1000));
      }
      levels = trimLevels(next);
    }
    const pick = (c: SkillColumn, current: string | null | undefined) => (has(c) ? v[c] || null : (current ?? null));
    return {
      row: r.row,
      key: name || `row ${r.row}`,
      errors,
      match,
      values: {
        // Matching ignores case; the stored spelling stays (renaming is the skill page's).
        name: match?.name ?? name,
        category: pick('category', match?.category),
        description: pick('description', match?.description),
        maxLevel,
        levels,
      },
    };
  });
  flagDuplicates(targets, (t) => (t.values.name ? lower(t.values.name) : null), 'name', (t) => `The skill "${t.key}"`);

  const out = reporter(targets.length);
  const writes: SkillWrite[] = [];
  for (const t of targets) {
    if (t.errors.length) {
      out.add({ row: t.row, key: t.key, action: 'error', errors: t.errors });
      continue;
    }
    if (!t.match) {
      out.add({ row: t.row, key: t.key, action: 'create' });
      writes.push({ id: uuidv7(), isNew: true, values: t.values, changes: {} });
      continue;
    }
    const before = t.match;
    const changes: Changes = {};
    if ((before.category ?? null) !== t.values.category) changes.category = { from: before.category, to: t.values.category };
    if ((before.description ?? null) !== t.values.description) changes.description = { from: before.description, to: t.values.description };
    if (JSON.stringify(trimLevels(before.levels)) !== JSON.stringify(t.values.levels)) changes.levels = { from: before.levels, to: t.values.levels };
    if (!Object.keys(changes).length) {
      out.add({ row: t.row, key: t.key, action: 'unchanged' });
      continue;
    }
    out.add({ row: t.row, key: t.key, action: 'update', changes });
    writes.push({ id: before.id, isNew: false, values: t.values, before, changes });
  }
  return { report: out.done(file.unknownColumns, []), writes };
}

// Job profiles -----------------------------------------------------------------------------------

export type ExistingProfile = { id: string; name: string; family: string | null; description: string | null; archived: boolean };
export type Expectation = { profileId: string; skillId: string; level: number };
export type CareerStep = { fromProfileId: string; toProfileId: string; kind: 'promotion' | 'lateral' };

export type ProfileWrite = {
  id: string;
  isNew: boolean;
  name: string;
  family: string | null;
  description: string | null;
  before?: ExistingProfile;
  /** Name, family or description changes (expected skills are in `skills`). */
  changes: Changes;
  /** The file's set of expected skills, when it differs from what is stored. */
  skills: { skillId: string; level: number }[] | null;
  skillsBefore: { skillId: string; level: number }[];
};
export type ProfilesPlan = { report: ImportReport; profiles: ProfileWrite[]; steps: CareerStep[] };

export const REPLACE_NOTE =
  'Each job profile in the file gets exactly the expected skills of its rows: skills it expects today that are not in the file are removed (rows marked remove).';

const splitNames = (v: string | undefined) =>
  (v ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * What a job profiles file would do. One row per (profile, skill); a profile's rows together are
 * its expected skills, replacing the stored set. `next_profiles` (promotions) and
 * `lateral_profiles` add career steps to profiles of the organisation or of the file; a promotion
 * that would loop back is refused as the career-path API refuses it. Steps already there are
 * kept as they are, and none are removed. Pure.
 */
export function planProfiles(
  file: ParsedFile<ProfileColumn>,
  data: { profiles: ExistingProfile[]; skills: ExistingSkill[]; expectations: Expectation[]; steps: CareerStep[] },
): ProfilesPlan {
  const profileByName = new Map(data.profiles.map((p) => [lower(p.name), p]));
  const skillByName = new Map(data.skills.map((s) => [lower(s.name), s]));
  const stored = new Map<string, Map<string, number>>();
  for (const e of data.expectations) {
    if (!stored.has(e.profileId)) stored.set(e.profileId, new Map());
    stored.get(e.profileId)!.set(e.skillId, e.level);
  }

  type Target = {
    row: number;
    key: string;
    errors: RowError[];
    profileKey: string;
    profileName: string;
    skill?: ExistingSkill;
    level?: number;
    next: { names: string[]; kind: 'promotion' | 'lateral'; field: ProfileColumn }[];
  };
  type FileProfile = {
    id: string;
    name: string;
    match?: ExistingProfile;
    description?: { value: string; row: number };
    family?: { value: string; row: number };
    firstRow: Target;
    targets: Target[];
  };
  const fileProfiles = new Map<string, FileProfile>();

  const targets: Target[] = file.rows.map((r) => {
    const v = r.values;
    const errors: RowError[] = [];
    const profileName = v.profile ?? '';
    const skillName = v.skill ?? '';
    if (!profileName) errors.push({ field: 'profile', message: 'Profile is required' });
    errors.push(...tooLong('profile', profileName, 200), ...tooLong('profile_description', v.profile_description, 4000), ...tooLong('family', v.family, 200));
    const t: Target = {
      row: r.row,
      key: [profileName || `row ${r.row}`, skillName].filter(Boolean).join(' · '),
      errors,
      profileKey: lower(profileName),
      profileName,
      next: [
        { names: splitNames(v.next_profiles), kind: 'promotion', field: 'next_profiles' },
        { names: splitNames(v.lateral_profiles), kind: 'lateral', field: 'lateral_profiles' },
      ],
    };
    const match = profileName ? profileByName.get(lower(profileName)) : undefined;
    if (match?.archived) errors.push({ field: 'profile', message: `The job profile "${match.name}" is archived: unarchive it first` });

    const levelText = v.expected_level ?? '';
    if (!skillName && levelText) errors.push({ field: 'skill', message: 'Name the skill this level is expected in' });
    if (skillName) {
      const s = skillByName.get(lower(skillName));
      const keptLevel = match && s ? stored.get(match.id)?.get(s.id) : undefined;
      if (!s) errors.push({ field: 'skill', message: `No skill named "${skillName}"` });
      else if (s.mergedInto) errors.push({ field: 'skill', message: `"${s.name}" was merged into "${s.mergedInto}": use that name` });
      if (s && !s.mergedInto) t.skill = s;
      if (!levelText) errors.push({ field: 'expected_level', message: 'Expected level is required with a skill' });
      else if (!/^\d+$/.test(levelText)) errors.push({ field: 'expected_level', message: `"${levelText}" is not a whole level` });
      else {
        t.level = Number(levelText);
        // As in the profile API: a level kept as it was passes even if its skill was archived since.
        const kept = keptLevel === t.level;
        if (t.skill && !kept && t.skill.archived) errors.push({ field: 'skill', message: `"${t.skill.name}" is archived and takes no new expectations` });
        else if (t.skill && !kept && (t.level < 1 || t.level > t.skill.maxLevel)) {
          errors.push({ field: 'expected_level', message: `"${t.skill.name}" has levels 1 to ${t.skill.maxLevel}` });
        }
      }
    }

    if (profileName) {
      let fp = fileProfiles.get(lower(profileName));
      if (!fp) {
        fp = { id: match?.id ?? uuidv7(), name: match?.name ?? profileName, match, firstRow: t, targets: [] };
        fileProfiles.set(lower(profileName), fp);
      }
      fp.targets.push(t);
      // Profile attributes may be given on any of its rows; rows that give them must agree.
      for (const [col, slot] of [['profile_description', 'description'], ['family', 'family']] as const) {
        const value = v[col];
        if (!value) continue;
        const prev = fp[slot];
        if (!prev) fp[slot] = { value, row: r.row };
        else if (prev.value !== value) errors.push({ field: col, message: `Row ${prev.row} gives this profile another ${col === 'family' ? 'family' : 'description'}` });
      }
    }
    return t;
  });
  flagDuplicates(
    targets.filter((t) => t.skill),
    (t) => `${t.profileKey}\u0000${t.skill!.id}`,
    'skill',
    (t) => `"${t.skill!.name}" for "${t.profileName}"`,
  );

  // Career steps: to profiles of the organisation or of the file, never to the same profile.
  const idOf = (name: string) => fileProfiles.get(lower(name))?.id ?? profileByName.get(lower(name))?.id;
  const nameById = new Map<string, string>();
  for (const p of data.profiles) nameById.set(p.id, p.name);
  for (const fp of fileProfiles.values()) nameById.set(fp.id, fp.name);
  const archivedIds = new Set(data.profiles.filter((p) => p.archived).map((p) => p.id));
  const existingPairs = new Set(data.steps.map((s) => `${s.fromProfileId}>${s.toProfileId}`));
  type NewStep = CareerStep & { rows: Target[]; field: ProfileColumn };
  const newSteps = new Map<string, NewStep>();
  for (const t of targets) {
    const from = fileProfiles.get(t.profileKey);
    if (!from) continue;
    for (const group of t.next) {
      for (const name of group.names) {
        const to = idOf(name);
        if (!to) t.errors.push({ field: group.field, message: `No job profile named "${name}" in the organisation or the file` });
        else if (to === from.id) t.errors.push({ field: group.field, message: 'A step leads to another profile, not to the profile itself' });
        else if (archivedIds.has(to)) t.errors.push({ field: group.field, message: `The job profile "${nameById.get(to)}" is archived` });
        else {
          const pair = `${from.id}>${to}`;
          if (existingPairs.has(pair)) continue;
          const known = newSteps.get(pair);
          if (known && known.kind !== group.kind) t.errors.push({ field: group.field, message: `"${name}" is both a promotion and a lateral move from "${from.name}"` });
          else if (known) known.rows.push(t);
          else newSteps.set(pair, { fromProfileId: from.id, toProfileId: to, kind: group.kind, rows: [t], field: group.field });
        }
      }
    }
  }
  // The career-path rule: a promotion may not lead back up to where it starts. Every new
  // promotion on a loop (through stored steps or the file's) is refused on the rows giving it.
  const up = new Map<string, string[]>();
  const link = (a: string, b: string) => up.set(a, [...(up.get(a) ?? []), b]);
  for (const s of data.steps) if (s.kind === 'promotion') link(s.fromProfileId, s.toProfileId);
  for (const s of newSteps.values()) if (s.kind === 'promotion') link(s.fromProfileId, s.toProfileId);
  const reaches = (start: string, target: string) => {
    const seen = new Set<string>([start]);
    const stack = [start];
    while (stack.length) {
      const cur = stack.pop()!;
      if (cur === target) return true;
      for (const n of up.get(cur) ?? []) if (!seen.has(n)) (seen.add(n), stack.push(n));
    }
    return false;
  };
  for (const s of newSteps.values()) {
    if (s.kind !== 'promotion' || !reaches(s.toProfileId, s.fromProfileId)) continue;
    for (const t of s.rows) {
      t.errors.push({
        field: 'next_profiles',
        message: `"${nameById.get(s.toProfileId)}" already leads up to "${nameById.get(s.fromProfileId)}": this promotion would go round in a circle`,
      });
    }
  }

  // The report, row by row; then the expectations each profile loses.
  const out = reporter(targets.length);
  const profiles: ProfileWrite[] = [];
  const removed: ReportRow[] = [];
  const skillName = new Map(data.skills.map((s) => [s.id, s.name]));
  const written = new Map<string, ProfileWrite>();
  for (const fp of fileProfiles.values()) {
    const before = stored.get(fp.match?.id ?? '') ?? new Map<string, number>();
    const list = fp.targets.filter((t) => t.skill && t.level !== undefined).map((t) => ({ skillId: t.skill!.id, level: t.level! }));
    const next = new Map(list.map((s) => [s.skillId, s.level]));
    const sameSkills = before.size === next.size && [...next].every(([id, level]) => before.get(id) === level);
    const changes: Changes = {};
    const description = fp.description?.value ?? fp.match?.description ?? null;
    const family = fp.family?.value ?? fp.match?.family ?? null;
    if (fp.match && description !== fp.match.description) changes.profile_description = { from: fp.match.description, to: description };
    if (fp.match && family !== fp.match.family) changes.family = { from: fp.match.family, to: family };
    // Written only when no row of the file has an error (the commit is all-or-nothing).
    const w: ProfileWrite = {
      id: fp.id,
      isNew: !fp.match,
      name: fp.name,
      family,
      description,
      before: fp.match,
      changes,
      skills: sameSkills && fp.match ? null : list,
      skillsBefore: [...before].map(([skillId, level]) => ({ skillId, level })),
    };
    written.set(fp.id, w);
    profiles.push(w);
    for (const [skillId, level] of before) {
      if (next.has(skillId)) continue;
      removed.push({ row: 0, key: `${fp.name} · ${skillName.get(skillId) ?? skillId}`, action: 'remove', changes: { expected_level: { from: level, to: null } } });
    }
  }
  const stepsOf = new Map<Target, NewStep[]>();
  for (const s of newSteps.values()) for (const t of s.rows) stepsOf.set(t, [...(stepsOf.get(t) ?? []), s]);

  for (const t of targets) {
    if (t.errors.length) {
      out.add({ row: t.row, key: t.key, action: 'error', errors: t.errors });
      continue;
    }
    const fp = fileProfiles.get(t.profileKey)!;
    const w = written.get(fp.id)!;
    const changes: Changes = {};
    if (fp.firstRow === t) Object.assign(changes, w.changes);
    for (const s of stepsOf.get(t) ?? []) {
      const k = s.kind === 'promotion' ? 'next_profiles' : 'lateral_profiles';
      const prev = (changes[k]?.to as string[] | undefined) ?? [];
      changes[k] = { from: null, to: [...prev, nameById.get(s.toProfileId)!] };
    }
    const storedLevel = t.skill && fp.match ? stored.get(fp.match.id)?.get(t.skill.id) : undefined;
    if (!fp.match) out.add({ row: t.row, key: t.key, action: 'create', ...(Object.keys(changes).length && { changes }) });
    else if (t.skill && storedLevel === undefined) out.add({ row: t.row, key: t.key, action: 'create', changes: { ...changes, expected_level: { from: null, to: t.level } } });
    else if (t.skill && storedLevel !== t.level) out.add({ row: t.row, key: t.key, action: 'update', changes: { ...changes, expected_level: { from: storedLevel, to: t.level } } });
    else if (Object.keys(changes).length) out.add({ row: t.row, key: t.key, action: 'update', changes });
    else out.add({ row: t.row, key: t.key, action: 'unchanged' });
  }
  for (const r of removed) out.add(r);
  const report = out.done(file.unknownColumns, [REPLACE_NOTE]);
  // `total` counts the file's rows; removals are counted in `remove` only.
  report.summary.total = targets.length;
  const steps = [...newSteps.values()].map(({ fromProfileId, toProfileId, kind }) => ({ fromProfileId, toProfileId, kind }));
  return { report, profiles, steps };
}
