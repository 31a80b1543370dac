/** Custom fields HR keeps about everyone at Acme; values are set per person in people.ts. */
export const demoCustomFields = [
  { key: 'employment_type', label: 'Employment type', type: 'choice' as const, options: ['Full-time', 'Part-time', 'Contractor'] },
  { key: 'cost_center', label: 'Cost center', type: 'text' as const, options: [] },
];
