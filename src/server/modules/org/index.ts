export { canManagePeople, canSeePersonal, hasRole, isManagerOf, requireRole } from './org.policy.ts';
export { getOrgProfile, getPerson, listPeople, toPersonDto, type PersonDto } from './people.service.ts';
export { peopleRoutes } from './people.routes.ts';
