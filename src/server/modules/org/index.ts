import { IMPORT_JOB } from './import/index.ts';

export { canManagePeople, canReadPersonalOf, hasRole, isManagerOf, requirePermission } from './org.policy.ts';
export { personInOrg } from './people.repo.ts';
export { departmentsBelowSql } from './departments.repo.ts';
export { CHAIN_DEPTH, chainAboveSql, chainBelowSql, isInChainOf, reportsOf } from './reporting-chain.repo.ts';
export { getOrgProfile, getPerson, listPeople } from './people.service.ts';
export { pagePeople, peopleByIds, type PersonDetailDto, type PersonDto } from './people.queries.ts';
export { peopleRoutes } from './people.routes.ts';
export { departmentRoutes } from './departments.routes.ts';
export { customFieldRoutes } from './custom-fields.routes.ts';
export { groupRoutes } from './groups.routes.ts';
export { orgChartRoutes } from './org-chart.routes.ts';
export {
  mergeCustomFields,
  validateCustomFields,
  type CustomFieldCheck,
  type CustomFieldDef,
} from './custom-fields.validate.ts';
export { listCustomFields as listCustomFieldDefs } from './custom-fields.repo.ts';
export { refreshSmartGroups, type MembershipChange } from './smart-groups.ts';
export { rolesPhrase, type SignInAccounts } from './sign-in-accounts.ts';
export { SmartGroupRuleSchema } from './smart-rule.ts';
export { canonicalLocale, Email, IsoDate, isRealDate, isTimeZone, Locale, TimeZone } from './fields.ts';
export { importPeople, importRoutes, type ImportOptions, type ImportReport } from './import/index.ts';
export { GROUP_MEMBERS_CHANGED } from './groups.events.ts';
export { PEOPLE_IMPORTED } from './people.events.ts';

/** The org module's jobs, handed to the queue by `src/server/jobs.ts`. */
export const orgJobs = [IMPORT_JOB];
