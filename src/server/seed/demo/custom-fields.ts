/**
 * Custom fields HR keeps about everyone at Acme; values are set per person in people.ts. Both are
 * HR only: the "Contractors" smart group reads employment type, and colleagues should not learn
 * who is in it from the directory.
 */
export const demoCustomFields = [
  { key: 'employment_type', label: 'Employment type', type: 'choice' as const, options: ['Full-time', 'Part-time', 'Contractor'], visibility: 'hr' as const },
  { key: 'cost_center', label: 'Cost center', type: 'text' as const, options: [], visibility: 'hr' as const },
];
