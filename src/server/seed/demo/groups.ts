import type { SmartGroupRule } from '../../db/schema/index.ts';
import type { DemoOrg } from './people.ts';

export type DemoGroup = {
  name: string;
  description: string;
  kind: 'static' | 'smart';
  rule: SmartGroupRule | null;
  /** Static members (smart groups are filled by the org module's rule evaluation). */
  memberIds: string[];
};

const DAY = 86_400_000;

export function buildDemoGroups(org: DemoOrg, today: Date): DemoGroup[] {
  const engineering = org.departments.find((d) => d.name === 'Engineering' && !d.parentId)!;
  const yearAgo = new Date(today.getTime() - 365 * DAY).toISOString().slice(0, 10);
  const fourYearsAgo = new Date(today.getTime() - 4 * 365 * DAY).toISOString().slice(0, 10);
  // Experienced managers and senior specialists volunteer as mentors.
  const mentors = org.people
    .filter(
      (p) =>
        p.hireDate < fourYearsAgo &&
        (p.level === 3 || (p.level === 4 && /^(Senior|Staff|Enterprise)\b/.test(p.jobTitle))),
    )
    .sort((a, b) => a.employeeNumber.localeCompare(b.employeeNumber))
    .slice(0, 14);
  return [
    {
      name: 'Mentors',
      description: 'Experienced colleagues who mentor others across departments.',
      kind: 'static',
      rule: null,
      memberIds: mentors.map((p) => p.id),
    },
    {
      name: 'New joiners (last 12 months)',
      description: `Everyone hired after ${yearAgo}: onboarding programme and buddy check-ins.`,
      kind: 'smart',
      rule: { match: 'all', conditions: [{ field: 'hireDate', op: 'after', value: yearAgo }] },
      memberIds: [],
    },
    {
      name: 'Engineering managers',
      description: 'People managers in Engineering and its teams.',
      kind: 'smart',
      rule: {
        match: 'all',
        conditions: [
          { field: 'department', op: 'in', value: [engineering.id] },
          { field: 'jobTitle', op: 'contains', value: 'Manager' },
        ],
      },
      memberIds: [],
    },
    {
      name: 'London office',
      description: 'Everyone based in the London office.',
      kind: 'smart',
      rule: { match: 'all', conditions: [{ field: 'location', op: 'equals', value: 'London' }] },
      memberIds: [],
    },
    {
      name: 'Contractors',
      description: 'People on a contractor agreement.',
      kind: 'smart',
      rule: { match: 'all', conditions: [{ field: 'customField', key: 'employment_type', op: 'equals', value: 'Contractor' }] },
      memberIds: [],
    },
  ];
}
