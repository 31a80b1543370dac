// Synthetic organisation generator: N people under one CEO with department heads, managers of
// 4–10 reports each, realistic names, titles, locations and hire dates. It writes the CSV the
// people import reads, or inserts the organisation straight into a database.
//
//   node --import tsx bench/generate.ts 100000 /tmp/people.csv
import { writeFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { uuidv7 } from 'uuidv7';
import { department, person } from '../src/server/db/schema/index.ts';
import type { Db } from '../src/server/platform/db/index.ts';
import { departments, firstNames, lastNames, locations } from './names.ts';

export type GenPerson = {
  id: string;
  employeeNumber: string;
  email: string;
  firstName: string;
  lastName: string;
  jobTitle: string;
  department: string;
  /** Index of the manager in the generated array; managers always come before their reports. */
  manager: number | null;
  location: string;
  hireDate: string;
  level: number;
};

/** Small seeded PRNG (mulberry32), so every run builds the same organisation. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  return { next, int, pick };
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function generateOrg(n: number, seed = 42): GenPerson[] {
  const rnd = random(seed);
  const emails = new Map<string, number>();
  const people: GenPerson[] = [];
  const reports: number[] = [];
  const from = Date.UTC(2010, 0, 1);
  const to = Date.UTC(2025, 9, 31);

  const add = (level: number, dept: string, manager: number | null) => {
    const firstName = rnd.pick(firstNames);
    const lastName = rnd.pick(lastNames);
    const local = `${firstName}.${lastName}`.toLowerCase().replace(/[^a-z.]/g, '');
    const seen = emails.get(local) ?? 0;
    emails.set(local, seen + 1);
    const i = people.length;
    people.push({
      id: uuidv7(),
      employeeNumber: `E${String(i + 1).padStart(6, '0')}`,
      email: `${local}${seen ? seen + 1 : ''}@bench.example`,
      firstName,
      lastName,
      jobTitle: '',
      department: dept,
      manager,
      // Leaders mostly sit at headquarters; everyone else is spread over the offices.
      location: level <= 1 || rnd.next() < 0.25 ? 'London' : rnd.pick(locations),
      hireDate: day(level === 0 ? Date.UTC(2009, 0, 5) : from + rnd.next() * (to - from)),
      level,
    });
    reports.push(0);
    if (manager !== null) reports[manager]!++;
    return i;
  };

  if (n <= 0) return people;
  add(0, 'Executive', null);
  // One head per department, then breadth-first: each manager gets 4–10 reports until N people.
  const queue: number[] = [];
  for (const d of departments.slice(0, Math.min(departments.length, n - 1))) queue.push(add(1, d.name, 0));
  for (let q = 0; people.length < n; q++) {
    const manager = queue[q]!;
    const span = rnd.int(4, 10);
    for (let k = 0; k < span && people.length < n; k++) queue.push(add(people[manager]!.level + 1, people[manager]!.department, manager));
  }

  const deptByName = new Map(departments.map((d) => [d.name, d]));
  for (const [i, p] of people.entries()) {
    const d = deptByName.get(p.department);
    if (p.level === 0) p.jobTitle = 'Chief Executive Officer';
    else if (p.level === 1) p.jobTitle = `VP of ${p.department}`;
    else if (reports[i]! > 0) p.jobTitle = p.level === 2 ? `Director of ${p.department}` : d!.manager;
    else p.jobTitle = rnd.pick(d!.roles);
  }
  return people;
}

export const CSV_HEADER = ['Employee Number', 'Email', 'First Name', 'Last Name', 'Job Title', 'Department', 'Manager', 'Location', 'Hire Date'];

/** The import format, rows shuffled (managers in any order), managers by email or employee number. */
export function toCsv(people: GenPerson[], seed = 7): string {
  const rnd = random(seed);
  const order = people.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rnd.next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const rows = order.map((i) => {
    const p = people[i]!;
    const m = p.manager === null ? null : people[p.manager]!;
    const managerRef = m ? (i % 2 ? m.email : m.employeeNumber) : '';
    return [p.employeeNumber, p.email, p.firstName, p.lastName, p.jobTitle, p.department, managerRef, p.location, p.hireDate];
  });
  return stringify([CSV_HEADER, ...rows], { record_delimiter: 'windows' });
}

/** Inserts the organisation's departments and people directly, 1,000 rows per statement. */
export async function insertOrg(db: Db, orgId: string, people: GenPerson[]) {
  const names = [...new Set(people.map((p) => p.department))];
  const depts = await db.insert(department).values(names.map((name) => ({ orgId, name }))).returning({ id: department.id, name: department.name });
  const deptId = new Map(depts.map((d) => [d.name, d.id]));
  for (let i = 0; i < people.length; i += 1000) {
    await db.insert(person).values(
      people.slice(i, i + 1000).map((p) => ({
        id: p.id,
        orgId,
        email: p.email,
        firstName: p.firstName,
        lastName: p.lastName,
        employeeNumber: p.employeeNumber,
        jobTitle: p.jobTitle,
        departmentId: deptId.get(p.department)!,
        managerId: p.manager === null ? null : people[p.manager]!.id,
        location: p.location,
        hireDate: p.hireDate,
      })),
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 1000);
  const out = process.argv[3] ?? `people-${n}.csv`;
  const people = generateOrg(n);
  writeFileSync(out, toCsv(people));
  const depth = Math.max(...people.map((p) => p.level));
  console.log(`Wrote ${people.length} people (${depth} levels below the CEO) to ${out}`);
}
