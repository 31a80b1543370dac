import { uuidv7 } from 'uuidv7';
import type { CustomFieldValues } from '../../db/schema/index.ts';
import { emailLocalPart, nameGenerator } from './names.ts';
import { createRandom, type Random } from './random.ts';
import { ceo, departments, officeTimeZones, remoteHomes, type DemoRole, type Office } from './structure.ts';

export type DemoDepartment = { id: string; name: string; parentId: string | null; costCenter: string; topLevel: string };

export type DemoPerson = {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  employeeNumber: string;
  jobTitle: string;
  departmentId: string | null;
  managerId: string | null;
  location: Office;
  timeZone: string;
  locale: string;
  hireDate: string;
  customFields: CustomFieldValues;
  /** 1 CEO, 2 department heads, 3 managers, 4 individual contributors. */
  level: 1 | 2 | 3 | 4;
  demoRole?: DemoRole;
};

export type DemoOrg = { departments: DemoDepartment[]; people: DemoPerson[] };

const DAY = 86_400_000;

/**
 * Builds Acme Corporation in memory from a fixed seed: the same names, titles and reporting lines
 * on every run. Hire dates count back from `today` so "new joiners" stay new.
 */
export function buildDemoOrg(today: Date, emailDomain: string, seed = 20_260_101): DemoOrg {
  const rnd = createRandom(seed);
  const nextName = nameGenerator(rnd);
  const daysAgo = (min: number, max: number) =>
    new Date(today.getTime() - rnd.int(min, max) * DAY).toISOString().slice(0, 10);

  const depts: DemoDepartment[] = [];
  const people: Omit<DemoPerson, 'employeeNumber'>[] = [];
  const usedEmails = new Set<string>();

  const place = (office: Office) => {
    if (office === 'Remote') {
      const home = rnd.pick(remoteHomes);
      return { location: office, timeZone: home.timeZone, locale: home.locale };
    }
    const o = officeTimeZones[office];
    return { location: office, timeZone: o.timeZone, locale: rnd.pick(o.locales) };
  };
  const add = (p: {
    level: DemoPerson['level'];
    jobTitle: string;
    departmentId: string | null;
    managerId: string | null;
    office: Office;
    hireDate: string;
    costCenter: string;
    demoRole?: DemoRole;
  }) => {
    const name = nextName();
    let email = p.demoRole ? `${p.demoRole}@${emailDomain}` : `${emailLocalPart(name)}@${emailDomain}`;
    for (let n = 2; usedEmails.has(email); n++) email = `${emailLocalPart(name)}${n}@${emailDomain}`;
    usedEmails.add(email);
    // Contractors and part-timers are individual contributors in this company.
    const employmentType =
      p.level === 4 ? rnd.weighted([['Full-time', 88], ['Part-time', 7], ['Contractor', 5]] as const) : 'Full-time';
    const person = {
      id: uuidv7(),
      ...name,
      email,
      jobTitle: p.jobTitle,
      departmentId: p.departmentId,
      managerId: p.managerId,
      ...place(p.office),
      hireDate: p.hireDate,
      customFields: { employment_type: employmentType, cost_center: p.costCenter },
      level: p.level,
      ...(p.demoRole ? { demoRole: p.demoRole } : {}),
    };
    people.push(person);
    return person;
  };

  // The CEO stands above the six departments rather than in one of them.
  const chief = add({
    level: 1,
    jobTitle: ceo.title,
    departmentId: null,
    managerId: null,
    office: ceo.office,
    hireDate: daysAgo(3600, 3700),
    costCenter: 'CC-010',
  });

  for (const spec of departments) {
    const dept = { id: uuidv7(), name: spec.name, parentId: null, costCenter: spec.costCenter, topLevel: spec.name };
    depts.push(dept);
    const units = new Map(
      spec.units.map((u) => {
        const d = { id: uuidv7(), name: u.name, parentId: dept.id, costCenter: u.costCenter, topLevel: spec.name };
        depts.push(d);
        return [u.name, d] as const;
      }),
    );
    const head = add({
      level: 2,
      jobTitle: spec.headTitle,
      departmentId: dept.id,
      managerId: chief.id,
      office: spec.headOffice,
      hireDate: daysAgo(2300, 3500),
      costCenter: spec.costCenter,
    });
    for (const team of spec.teams) {
      const unit = units.get(team.unit)!;
      const lead = add({
        level: 3,
        jobTitle: team.managerTitle,
        departmentId: unit.id,
        managerId: head.id,
        office: rnd.weighted(team.offices),
        hireDate: team.lead === 'manager' ? daysAgo(1800, 1900) : daysAgo(1500, 3200),
        costCenter: unit.costCenter,
        demoRole: team.lead,
      });
      for (let i = 0; i < team.size; i++) {
        const member = i === 0 ? team.member : undefined;
        add({
          level: 4,
          jobTitle: rnd.weighted(team.titles),
          departmentId: unit.id,
          managerId: lead.id,
          office: rnd.weighted(team.offices),
          hireDate: member ? daysAgo(700, 760) : icHireDate(rnd, daysAgo),
          costCenter: unit.costCenter,
          demoRole: member,
        });
      }
    }
  }

  // Employee numbers follow hiring order, as an HR system hands them out.
  const byHire = [...people].sort((a, b) => a.hireDate.localeCompare(b.hireDate) || a.level - b.level);
  const numbers = new Map(byHire.map((p, i) => [p.id, `E${String(i + 1).padStart(4, '0')}`]));
  return { departments: depts, people: people.map((p) => ({ ...p, employeeNumber: numbers.get(p.id)! })) };
}

/** About one in six individual contributors joined in the last year. */
function icHireDate(rnd: Random, daysAgo: (min: number, max: number) => string) {
  return rnd.chance(0.17) ? daysAgo(10, 350) : daysAgo(380, 2600);
}
