/**
 * The shape of Acme Corporation: six departments with their teams (sub-departments), the titles
 * people hold at each level, and where the teams sit. People are generated from this in people.ts.
 */

export type Office = 'London' | 'Berlin' | 'New York' | 'Toronto' | 'Remote';

export type TeamSpec = {
  /** Sub-department the team belongs to. */
  unit: string;
  managerTitle: string;
  /** Individual contributor titles, weighted (junior titles more common). */
  titles: ReadonlyArray<readonly [string, number]>;
  size: number;
  offices: ReadonlyArray<readonly [Office, number]>;
  /** Which demo account leads this team, if any. */
  lead?: DemoRole;
  /** Which demo account is a member of this team, if any. */
  member?: DemoRole;
};

export type DepartmentSpec = {
  name: string;
  costCenter: string;
  headTitle: string;
  headOffice: Office;
  units: Array<{ name: string; costCenter: string }>;
  teams: TeamSpec[];
};

export type DemoRole = 'admin' | 'hr' | 'learning' | 'manager' | 'employee';

const eu: ReadonlyArray<readonly [Office, number]> = [['London', 5], ['Berlin', 4], ['Remote', 2]];
const na: ReadonlyArray<readonly [Office, number]> = [['New York', 5], ['Toronto', 3], ['Remote', 2]];
const mixed: ReadonlyArray<readonly [Office, number]> = [['London', 4], ['Berlin', 3], ['New York', 3], ['Toronto', 2], ['Remote', 3]];

const engineers = [['Software Engineer', 5], ['Senior Software Engineer', 4], ['Staff Software Engineer', 1]] as const;

export const ceo = { title: 'Chief Executive Officer', office: 'London' as Office };

export const departments: DepartmentSpec[] = [
  {
    name: 'Engineering',
    costCenter: 'CC-100',
    headTitle: 'VP of Engineering',
    headOffice: 'Berlin',
    units: [
      { name: 'Product Engineering', costCenter: 'CC-110' },
      { name: 'Platform', costCenter: 'CC-120' },
      { name: 'Data', costCenter: 'CC-130' },
      { name: 'Design', costCenter: 'CC-140' },
      { name: 'Quality & Security', costCenter: 'CC-150' },
    ],
    teams: [
      { unit: 'Product Engineering', managerTitle: 'Engineering Manager, Web', titles: [...engineers, ['Frontend Engineer', 3]], size: 9, offices: mixed, lead: 'manager', member: 'employee' },
      { unit: 'Product Engineering', managerTitle: 'Engineering Manager, Mobile', titles: [['iOS Engineer', 3], ['Android Engineer', 3], ['Senior Mobile Engineer', 2]], size: 8, offices: eu },
      { unit: 'Product Engineering', managerTitle: 'Engineering Manager, Integrations', titles: engineers, size: 8, offices: na },
      { unit: 'Product Engineering', managerTitle: 'Engineering Manager, Payments', titles: [...engineers, ['Backend Engineer', 2]], size: 8, offices: eu },
      { unit: 'Platform', managerTitle: 'Engineering Manager, Platform', titles: [...engineers, ['Backend Engineer', 3]], size: 9, offices: eu },
      { unit: 'Platform', managerTitle: 'Engineering Manager, Infrastructure', titles: [['Site Reliability Engineer', 4], ['DevOps Engineer', 3], ['Senior Site Reliability Engineer', 2]], size: 7, offices: mixed },
      { unit: 'Data', managerTitle: 'Data Engineering Manager', titles: [['Data Engineer', 4], ['Data Scientist', 3], ['Analytics Engineer', 2], ['Senior Data Scientist', 1]], size: 8, offices: mixed },
      { unit: 'Design', managerTitle: 'Design Manager', titles: [['Product Designer', 4], ['Senior Product Designer', 2], ['UX Researcher', 2], ['Content Designer', 1]], size: 7, offices: eu },
      { unit: 'Quality & Security', managerTitle: 'QA & Security Manager', titles: [['QA Engineer', 4], ['Security Engineer', 2], ['Test Automation Engineer', 2]], size: 7, offices: mixed },
    ],
  },
  {
    name: 'Sales',
    costCenter: 'CC-200',
    headTitle: 'VP of Sales',
    headOffice: 'New York',
    units: [
      { name: 'Sales EMEA', costCenter: 'CC-210' },
      { name: 'Sales North America', costCenter: 'CC-220' },
      { name: 'Business Development', costCenter: 'CC-230' },
      { name: 'Sales Operations', costCenter: 'CC-240' },
    ],
    teams: [
      { unit: 'Sales EMEA', managerTitle: 'Sales Manager, EMEA', titles: [['Account Executive', 5], ['Senior Account Executive', 3], ['Enterprise Account Executive', 1]], size: 10, offices: [['London', 6], ['Berlin', 4]] },
      { unit: 'Sales North America', managerTitle: 'Sales Manager, North America', titles: [['Account Executive', 5], ['Senior Account Executive', 3], ['Enterprise Account Executive', 1]], size: 11, offices: [['New York', 6], ['Toronto', 4]] },
      { unit: 'Sales North America', managerTitle: 'Sales Manager, Enterprise', titles: [['Enterprise Account Executive', 3], ['Solutions Consultant', 2], ['Senior Account Executive', 2]], size: 7, offices: [['New York', 5], ['Toronto', 2]] },
      { unit: 'Business Development', managerTitle: 'Business Development Manager', titles: [['Sales Development Representative', 5], ['Senior Sales Development Representative', 2]], size: 9, offices: [['London', 3], ['New York', 3], ['Toronto', 2]] },
      { unit: 'Sales Operations', managerTitle: 'Sales Operations Manager', titles: [['Sales Operations Analyst', 3], ['Sales Enablement Specialist', 2], ['Deal Desk Specialist', 1]], size: 5, offices: mixed },
    ],
  },
  {
    name: 'Marketing',
    costCenter: 'CC-300',
    headTitle: 'VP of Marketing',
    headOffice: 'New York',
    units: [
      { name: 'Growth Marketing', costCenter: 'CC-310' },
      { name: 'Brand & Content', costCenter: 'CC-320' },
      { name: 'Product Marketing', costCenter: 'CC-330' },
    ],
    teams: [
      { unit: 'Growth Marketing', managerTitle: 'Growth Marketing Manager', titles: [['Performance Marketing Specialist', 3], ['Marketing Operations Specialist', 2], ['SEO Specialist', 1], ['Lifecycle Marketing Specialist', 2]], size: 7, offices: na },
      { unit: 'Brand & Content', managerTitle: 'Brand & Content Manager', titles: [['Content Marketing Specialist', 3], ['Copywriter', 2], ['Graphic Designer', 2], ['Social Media Specialist', 1]], size: 7, offices: eu },
      { unit: 'Product Marketing', managerTitle: 'Product Marketing Manager', titles: [['Product Marketing Specialist', 3], ['Senior Product Marketing Specialist', 2], ['Market Research Analyst', 1]], size: 5, offices: mixed },
    ],
  },
  {
    name: 'Customer Success',
    costCenter: 'CC-400',
    headTitle: 'VP of Customer Success',
    headOffice: 'Toronto',
    units: [
      { name: 'Customer Support', costCenter: 'CC-410' },
      { name: 'Account Management', costCenter: 'CC-420' },
      { name: 'Implementation', costCenter: 'CC-430' },
    ],
    teams: [
      { unit: 'Customer Support', managerTitle: 'Support Manager, EMEA', titles: [['Customer Support Specialist', 5], ['Senior Customer Support Specialist', 2], ['Technical Support Engineer', 2]], size: 13, offices: [['Berlin', 4], ['London', 4], ['Remote', 3]] },
      { unit: 'Customer Support', managerTitle: 'Support Manager, Americas', titles: [['Customer Support Specialist', 5], ['Senior Customer Support Specialist', 2], ['Technical Support Engineer', 2]], size: 13, offices: [['Toronto', 5], ['New York', 2], ['Remote', 3]] },
      { unit: 'Account Management', managerTitle: 'Customer Success Manager Lead', titles: [['Customer Success Manager', 4], ['Senior Customer Success Manager', 2], ['Renewals Specialist', 1]], size: 9, offices: mixed },
      { unit: 'Implementation', managerTitle: 'Implementation Manager', titles: [['Implementation Consultant', 3], ['Solutions Engineer', 2], ['Technical Account Manager', 1]], size: 7, offices: mixed },
    ],
  },
  {
    name: 'People & Culture',
    costCenter: 'CC-500',
    headTitle: 'VP of People & Culture',
    headOffice: 'London',
    units: [
      { name: 'People Operations', costCenter: 'CC-510' },
      { name: 'Talent Acquisition', costCenter: 'CC-520' },
      { name: 'Learning & Development', costCenter: 'CC-530' },
    ],
    teams: [
      { unit: 'People Operations', managerTitle: 'Head of People Operations', titles: [['People Partner', 3], ['People Operations Specialist', 2], ['Compensation & Benefits Analyst', 1]], size: 6, offices: mixed, lead: 'hr' },
      { unit: 'Talent Acquisition', managerTitle: 'Talent Acquisition Manager', titles: [['Recruiter', 3], ['Technical Recruiter', 2], ['Recruiting Coordinator', 1]], size: 7, offices: mixed },
      { unit: 'Learning & Development', managerTitle: 'Learning & Development Manager', titles: [['Learning Designer', 2], ['Learning Experience Specialist', 1], ['Leadership Development Partner', 1]], size: 4, offices: eu, lead: 'learning' },
    ],
  },
  {
    name: 'Finance & Operations',
    costCenter: 'CC-600',
    headTitle: 'VP of Finance & Operations',
    headOffice: 'London',
    units: [
      { name: 'Finance', costCenter: 'CC-610' },
      { name: 'IT & Operations', costCenter: 'CC-620' },
      { name: 'Legal', costCenter: 'CC-630' },
      { name: 'Workplace', costCenter: 'CC-640' },
    ],
    teams: [
      { unit: 'Finance', managerTitle: 'Finance Manager', titles: [['Financial Analyst', 3], ['Accountant', 3], ['Payroll Specialist', 1], ['Accounts Payable Specialist', 1]], size: 9, offices: [['London', 5], ['New York', 3]] },
      { unit: 'IT & Operations', managerTitle: 'Head of IT & Operations', titles: [['IT Support Specialist', 3], ['Systems Administrator', 2], ['Business Systems Analyst', 1]], size: 7, offices: mixed, lead: 'admin' },
      { unit: 'Legal', managerTitle: 'Head of Legal', titles: [['Legal Counsel', 2], ['Paralegal', 1], ['Privacy Officer', 1]], size: 4, offices: [['London', 3], ['New York', 2]] },
      { unit: 'Workplace', managerTitle: 'Workplace Manager', titles: [['Office Coordinator', 3], ['Facilities Specialist', 1]], size: 4, offices: [['London', 1], ['Berlin', 1], ['New York', 1], ['Toronto', 1]] },
    ],
  },
];

/** Time zones and locales per office; remote people are spread over a few countries. */
export const officeTimeZones: Record<Exclude<Office, 'Remote'>, { timeZone: string; locales: string[] }> = {
  London: { timeZone: 'Europe/London', locales: ['en-GB'] },
  Berlin: { timeZone: 'Europe/Berlin', locales: ['de-DE', 'en-GB'] },
  'New York': { timeZone: 'America/New_York', locales: ['en-US'] },
  Toronto: { timeZone: 'America/Toronto', locales: ['en-CA', 'fr-CA'] },
};

export const remoteHomes = [
  { timeZone: 'Europe/Lisbon', locale: 'pt-PT' },
  { timeZone: 'Europe/Madrid', locale: 'es-ES' },
  { timeZone: 'Europe/Warsaw', locale: 'pl-PL' },
  { timeZone: 'Europe/Dublin', locale: 'en-IE' },
  { timeZone: 'America/Chicago', locale: 'en-US' },
  { timeZone: 'America/Denver', locale: 'en-US' },
  { timeZone: 'America/Vancouver', locale: 'en-CA' },
] as const;
