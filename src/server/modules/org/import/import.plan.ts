import { uuidv7 } from 'uuidv7';
import type { PermissionRole } from '../../../db/schema/identity.ts';
import type { CustomFieldValues } from '../../../db/schema/index.ts';
import { type CustomFieldDef, mergeCustomFields, validateCustomFields } from '../custom-fields.validate.ts';
import { canonicalLocale, Email, isRealDate, isTimeZone } from '../fields.ts';
import { rolesPhrase } from '../sign-in-accounts.ts';
import type { ParsedFile, StandardColumn } from './import.parse.ts';

export type ExistingPerson = {
  id: string;
  email: string;
  employeeNumber: string | null;
  firstName: string;
  lastName: string;
  jobTitle: string | null;
  departmentId: string | null;
  /** The job profile held (talent); matched by name in the file. */
  jobProfileId?: string | null;
  managerId: string | null;
  location: string | null;
  hireDate: string | null;
  timeZone: string | null;
  locale: string | null;
  status: 'active' | 'inactive';
  customFields: CustomFieldValues;
};

export type PersonValues = Omit<ExistingPerson, 'id' | 'departmentId' | 'managerId' | 'status'> & {
  department: string | null;
  managerId: string | null;
};

export type RowError = { field?: string; message: string };
export type ReportRow = {
  row: number;
  key: string;
  action: 'create' | 'update' | 'unchanged' | 'deactivate' | 'error';
  changes?: Record<string, { from: unknown; to: unknown }>;
  errors?: RowError[];
};
export type ImportSummary = { create: number; update: number; unchanged: number; deactivate: number; error: number; total: number };
export type ImportReport = {
  dryRun: boolean;
  committed: boolean;
  summary: ImportSummary;
  rows: ReportRow[];
  unknownColumns: string[];
  /** Unchanged rows past this many are counted but left out of `rows`. */
  unchangedRowsOmitted: number;
};

export type Write = { id: string; isNew: boolean; values: PersonValues; before?: ExistingPerson; changes: Record<string, { from: unknown; to: unknown }> };
export type ImportPlan = { report: ImportReport; writes: Write[]; deactivate: ExistingPerson[]; newDepartments: string[] };

const MAX_UNCHANGED_ROWS = 1000;

type Target = {
  row: number;
  key: string;
  id: string;
  existing?: ExistingPerson;
  values: PersonValues;
  managerRef: string | null;
  errors: RowError[];
};

const lower = (s: string) => s.toLowerCase();

/**
 * Works out, without writing anything, what the file would do to the organisation: the
 * per-row report of the dry run and the writes of the commit. Pure, so it is easy to test.
 */
export function planImport(
  file: ParsedFile,
  existing: ExistingPerson[],
  departments: Map<string, { id: string; name: string }>,
  defs: CustomFieldDef[],
  opts: {
    deactivateMissing: boolean;
    importerId?: string | null;
    /** People whose sign-in the importer may not manage, with the roles they lack (their email and status stay). */
    beyondImporter?: Map<string, PermissionRole[]>;
    /** The organisation's job profiles by lower-case name, for a job profile column. */
    profiles?: Map<string, { id: string; name: string; archived: boolean }>;
  },
): ImportPlan {
  const beyond = opts.beyondImporter ?? new Map<string, PermissionRole[]>();
  const onlyWithRoles = (p: ExistingPerson, what: string) =>
    `${p.firstName} ${p.lastName} has ${rolesPhrase(beyond.get(p.id)!)}, which you do not have: only someone who has it can ${what}`;
  const byNumber = new Map<string, ExistingPerson>();
  const byEmail = new Map<string, ExistingPerson>();
  for (const p of existing) {
    if (p.employeeNumber) byNumber.set(p.employeeNumber, p);
    byEmail.set(lower(p.email), p);
  }
  const deptName = new Map([...departments.values()].map((d) => [d.id, d.name]));
  const profiles = opts.profiles ?? new Map<string, { id: string; name: string; archived: boolean }>();
  const profileName = new Map([...profiles.values()].map((p) => [p.id, p.name]));
  const has = (c: StandardColumn) => file.rows.some((r) => c in r.values);

  const targets: Target[] = file.rows.map((r) => {
    const v = r.values;
    const errors: RowError[] = [];
    const employeeNumber = v.employeeNumber || null;
    const emailCheck = Email.safeParse(v.email ?? '');
    if (!v.email) errors.push({ field: 'email', message: 'Email is required' });
    else if (!emailCheck.success) errors.push({ field: 'email', message: `"${v.email}" is not a valid email address` });
    const email = emailCheck.success ? emailCheck.data : lower(v.email ?? '');
    const match = (employeeNumber && byNumber.get(employeeNumber)) || byEmail.get(email);
    const base = match;
    const pick = (c: StandardColumn, current: string | null | undefined) => (c in v ? v[c] || null : (current ?? null));
    if (!base) {
      if (!v.firstName) errors.push({ field: 'firstName', message: 'First name is required' });
      if (!v.lastName) errors.push({ field: 'lastName', message: 'Last name is required' });
    } else {
      if ('firstName' in v && !v.firstName) errors.push({ field: 'firstName', message: 'First name cannot be empty' });
      if ('lastName' in v && !v.lastName) errors.push({ field: 'lastName', message: 'Last name cannot be empty' });
    }
    if (match && employeeNumber && match.employeeNumber && match.employeeNumber !== employeeNumber) {
      errors.push({ field: 'email', message: `${email} belongs to employee ${match.employeeNumber}, not ${employeeNumber}` });
    }
    const other = byEmail.get(email);
    if (match && other && other.id !== match.id) {
      errors.push({ field: 'email', message: `${email} is already used by ${other.firstName} ${other.lastName}` });
    }
    const hireDate = pick('hireDate', base?.hireDate);
    if (hireDate && !isRealDate(hireDate)) errors.push({ field: 'hireDate', message: `"${hireDate}" is not a date written YYYY-MM-DD` });
    const timeZone = pick('timeZone', base?.timeZone);
    if (timeZone && !isTimeZone(timeZone)) errors.push({ field: 'timeZone', message: `"${timeZone}" is not a time zone such as Europe/Berlin` });
    let locale = pick('locale', base?.locale);
    if (locale) {
      const canonical = canonicalLocale(locale);
      if (!canonical) errors.push({ field: 'locale', message: `"${locale}" is not a locale such as en-GB` });
      else locale = canonical;
    }
    const custom = validateCustomFields(defs, r.custom);
    for (const e of custom.errors) errors.push({ field: e.path, message: e.message });
    const deptCurrent = base?.departmentId ? (deptName.get(base.departmentId) ?? null) : null;
    let jobProfileId = base?.jobProfileId ?? null;
    if ('jobProfile' in v) {
      const named = v.jobProfile ? profiles.get(lower(v.jobProfile)) : undefined;
      if (!v.jobProfile) jobProfileId = null;
      else if (!named) errors.push({ field: 'jobProfile', message: `No job profile named "${v.jobProfile}"` });
      else if (named.archived && named.id !== base?.jobProfileId) errors.push({ field: 'jobProfile', message: `The job profile "${named.name}" is archived` });
      else jobProfileId = named.id;
    }
    return {
      row: r.row,
      key: employeeNumber ?? email ?? `row ${r.row}`,
      id: match?.id ?? uuidv7(),
      existing: match,
      managerRef: v.manager || null,
      errors,
      values: {
        email,
        employeeNumber: employeeNumber ?? base?.employeeNumber ?? null,
        firstName: v.firstName || base?.firstName || '',
        lastName: v.lastName || base?.lastName || '',
        jobTitle: pick('jobTitle', base?.jobTitle),
        department: pick('department', deptCurrent),
        jobProfileId,
        location: pick('location', base?.location),
        hireDate,
        timeZone,
        locale,
        customFields: mergeCustomFields(base?.customFields ?? {}, custom.values),
        managerId: base?.managerId ?? null,
      },
    };
  });

  flagDuplicates(targets, (t) => (file.rows[t.row - 1]!.values.employeeNumber ? t.values.employeeNumber : null), 'employeeNumber', 'Employee number');
  flagDuplicates(targets, (t) => t.values.email || null, 'email', 'Email');
  flagDuplicates(targets, (t) => (t.existing ? t.existing.id : null), 'email', 'The same person');

  // Managers may be anyone in the file, in any row order, or anyone already in the organisation.
  const fileByNumber = new Map<string, Target>();
  const fileByEmail = new Map<string, Target>();
  for (const t of targets) {
    if (t.values.employeeNumber) fileByNumber.set(t.values.employeeNumber, t);
    fileByEmail.set(t.values.email, t);
  }
  const managesColumn = has('manager');
  for (const t of targets) {
    if (!managesColumn) continue;
    if (!t.managerRef) {
      t.values.managerId = null;
      continue;
    }
    const ref = t.managerRef;
    const m =
      fileByNumber.get(ref)?.id ?? fileByEmail.get(lower(ref))?.id ?? byNumber.get(ref)?.id ?? byEmail.get(lower(ref))?.id;
    if (!m) t.errors.push({ field: 'manager', message: `No one with the employee number or email "${ref}"` });
    else if (m === t.id) t.errors.push({ field: 'manager', message: 'A person cannot be their own manager' });
    else t.values.managerId = m;
  }
  flagCycles(targets, existing);

  const names = new Map<string, string>();
  for (const p of existing) names.set(p.id, `${p.firstName} ${p.lastName}`);
  for (const t of targets) names.set(t.id, `${t.values.firstName} ${t.values.lastName}`);
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? id) : null);

  const newDepartments = new Set<string>();
  const report: ReportRow[] = [];
  const writes: Write[] = [];
  const summary: ImportSummary = { create: 0, update: 0, unchanged: 0, deactivate: 0, error: 0, total: targets.length };
  let unchangedShown = 0;
  let unchangedRowsOmitted = 0;
  for (const t of targets) {
    if (t.errors.length) {
      summary.error++;
      report.push({ row: t.row, key: t.key, action: 'error', errors: t.errors });
      continue;
    }
    if (t.values.department && !departments.has(lower(t.values.department))) newDepartments.add(t.values.department);
    if (!t.existing) {
      summary.create++;
      report.push({ row: t.row, key: t.key, action: 'create' });
      writes.push({ id: t.id, isNew: true, values: t.values, changes: {} });
      continue;
    }
    const changes = diff(t.existing, t.values, deptName, nameOf, profileName);
    if (changes.email && beyond.has(t.existing.id)) {
      summary.error++;
      report.push({ row: t.row, key: t.key, action: 'error', errors: [{ field: 'email', message: onlyWithRoles(t.existing, 'change their email') }] });
      continue;
    }
    if (Object.keys(changes).length === 0) {
      summary.unchanged++;
      if (unchangedShown++ < MAX_UNCHANGED_ROWS) report.push({ row: t.row, key: t.key, action: 'unchanged' });
      else unchangedRowsOmitted++;
      continue;
    }
    summary.update++;
    report.push({ row: t.row, key: t.key, action: 'update', changes });
    writes.push({ id: t.id, isNew: false, values: t.values, before: t.existing, changes });
  }

  const deactivate: ExistingPerson[] = [];
  if (opts.deactivateMissing) {
    const inFile = new Set(targets.map((t) => t.existing?.id).filter(Boolean));
    for (const p of existing) {
      if (p.status === 'active' && !inFile.has(p.id)) {
        if (p.id === opts.importerId) {
          // Deactivating yourself would end your own access halfway through an HR task.
          summary.error++;
          report.push({
            row: 0,
            key: p.employeeNumber ?? p.email,
            action: 'error',
            errors: [{ message: 'You are not in the file, so this import would deactivate you; add yourself to the file' }],
          });
          continue;
        }
        if (beyond.has(p.id)) {
          summary.error++;
          report.push({ row: 0, key: p.employeeNumber ?? p.email, action: 'error', errors: [{ message: `${onlyWithRoles(p, 'deactivate them')}; add them to the file` }] });
          continue;
        }
        deactivate.push(p);
        summary.deactivate++;
        report.push({ row: 0, key: p.employeeNumber ?? p.email, action: 'deactivate' });
      }
    }
  }
  return {
    report: { dryRun: true, committed: false, summary, rows: report, unknownColumns: file.unknownColumns, unchangedRowsOmitted },
    writes,
    deactivate,
    newDepartments: [...newDepartments],
  };
}

function flagDuplicates(targets: Target[], keyOf: (t: Target) => string | null, field: string, what: string) {
  const first = new Map<string, Target>();
  for (const t of targets) {
    const k = keyOf(t);
    if (!k) continue;
    const prev = first.get(k);
    if (!prev) first.set(k, t);
    else {
      t.errors.push({ field, message: `${what} "${t.key}" is also in row ${prev.row}` });
      if (!prev.errors.some((e) => e.message.includes(`row ${t.row}`))) {
        prev.errors.push({ field, message: `${what} "${prev.key}" is also in row ${t.row}` });
      }
    }
  }
}

/** Marks every file row that sits on a reporting cycle, including cycles through people not in the file. */
function flagCycles(targets: Target[], existing: ExistingPerson[]) {
  const managerOf = new Map<string, string | null>();
  for (const p of existing) managerOf.set(p.id, p.managerId);
  for (const t of targets) managerOf.set(t.id, t.values.managerId);
  const state = new Map<string, 1 | 2>();
  const onCycle = new Set<string>();
  for (const t of targets) {
    const path: string[] = [];
    let cur: string | null | undefined = t.id;
    while (cur && !state.has(cur)) {
      state.set(cur, 1);
      path.push(cur);
      cur = managerOf.get(cur) ?? null;
    }
    if (cur && state.get(cur) === 1) {
      // The walk came back to a node of this path: from there on, the path is a cycle.
      for (let i = path.indexOf(cur); i < path.length; i++) onCycle.add(path[i]!);
    }
    for (const id of path) state.set(id, 2);
  }
  for (const t of targets) {
    if (onCycle.has(t.id)) t.errors.push({ field: 'manager', message: 'This manager would make a reporting cycle' });
  }
}

function diff(
  before: ExistingPerson,
  after: PersonValues,
  deptName: Map<string, string>,
  nameOf: (id: string | null) => string | null,
  profileName: Map<string, string>,
) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  const cmp = (field: string, from: unknown, to: unknown) => {
    if ((from ?? null) !== (to ?? null)) changes[field] = { from: from ?? null, to: to ?? null };
  };
  cmp('email', before.email, after.email);
  cmp('employeeNumber', before.employeeNumber, after.employeeNumber);
  cmp('firstName', before.firstName, after.firstName);
  cmp('lastName', before.lastName, after.lastName);
  cmp('jobTitle', before.jobTitle, after.jobTitle);
  const fromDept = before.departmentId ? (deptName.get(before.departmentId) ?? null) : null;
  if (lower(fromDept ?? '') !== lower(after.department ?? '')) changes.department = { from: fromDept, to: after.department };
  if ((before.jobProfileId ?? null) !== (after.jobProfileId ?? null)) {
    const name = (id: string | null | undefined) => (id ? (profileName.get(id) ?? id) : null);
    changes.jobProfile = { from: name(before.jobProfileId), to: name(after.jobProfileId) };
  }
  if ((before.managerId ?? null) !== (after.managerId ?? null)) changes.manager = { from: nameOf(before.managerId), to: nameOf(after.managerId) };
  cmp('location', before.location, after.location);
  cmp('hireDate', before.hireDate, after.hireDate);
  cmp('timeZone', before.timeZone, after.timeZone);
  cmp('locale', before.locale, after.locale);
  if (JSON.stringify(sortKeys(before.customFields)) !== JSON.stringify(sortKeys(after.customFields))) {
    changes.customFields = { from: before.customFields, to: after.customFields };
  }
  if (before.status === 'inactive') changes.status = { from: 'inactive', to: 'active' };
  return changes;
}

const sortKeys = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
