import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { fetchMe, meQueryKey } from './lib/me.ts';
import { NotFoundPage } from './app/NotFoundPage.tsx';

/** Search params arrive untyped from the URL: keep the known string ones. */
const strings =
  <K extends string>(...keys: K[]) =>
  (search: Record<string, unknown>): Partial<Record<K, string>> =>
    Object.fromEntries(keys.filter((k) => typeof search[k] === 'string' && search[k] !== '').map((k) => [k, search[k]])) as Partial<Record<K, string>>;

type RouterContext = { queryClient: QueryClient };

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

const page = (load: () => Promise<{ default: React.ComponentType<any> }>) => lazyRouteComponent(load);

// ---- public pages (no session needed) --------------------------------------------------------

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: strings('next'),
  component: page(() => import('./features/auth/SignInPage.tsx')),
});
const forgotRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forgot-password',
  component: page(() => import('./features/auth/ForgotPasswordPage.tsx')),
});
const tokenSearch = strings('token');
const resetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  validateSearch: tokenSearch,
  component: page(() => import('./features/auth/SetPasswordPage.tsx')),
});
const acceptRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/accept-invitation',
  validateSearch: tokenSearch,
  component: page(() => import('./features/auth/SetPasswordPage.tsx')),
});

// ---- the signed-in app -----------------------------------------------------------------------

export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData({ queryKey: meQueryKey, queryFn: fetchMe });
    if (!me) throw redirect({ to: '/sign-in', search: { next: location.href === '/' ? undefined : location.href } });
    return { me };
  },
  component: page(() => import('./app/AppLayout.tsx')),
});

const child = <P extends string>(path: P, load: () => Promise<{ default: React.ComponentType<any> }>) =>
  createRoute({ getParentRoute: () => appRoute, path, component: page(load) });

const homeRoute = child('/', () => import('./features/home/HomePage.tsx'));
const learningRoute = child('/learning', () => import('./features/learning/LearningLayout.tsx'));
const learningChild = <P extends string>(path: P, load: () => Promise<{ default: React.ComponentType<any> }>) =>
  createRoute({ getParentRoute: () => learningRoute, path, component: page(load) });
const learningRoutes = [
  learningChild('/', () => import('./features/learning/enrollment/MyLearningPage.tsx')),
  createRoute({
    getParentRoute: () => learningRoute,
    path: '/catalog',
    validateSearch: strings('q', 'skillId', 'format', 'tag', 'duration', 'kind'),
    component: page(() => import('./features/learning/catalog/CatalogPage.tsx')),
  }),
  learningChild('/catalog/courses/$id', () => import('./features/learning/catalog/CourseDetailPage.tsx')),
  learningChild('/catalog/programs/$id', () => import('./features/learning/programs/ProgramPage.tsx')),
  learningChild('/enrollments/$id', () => import('./features/learning/player/PlayerPage.tsx')),
  learningChild('/transcript', () => import('./features/learning/records/TranscriptPage.tsx')),
  learningChild('/approvals', () => import('./features/learning/programs/CheckpointApprovalsPage.tsx')),
];
const performanceRoutes = [
  createRoute({
    getParentRoute: () => appRoute,
    path: '/goals',
    validateSearch: strings('q', 'periodId', 'tab', 'ownerType'),
    component: page(() => import('./features/performance/goals/GoalsPage.tsx')),
  }),
  child('/goals/$id', () => import('./features/performance/goals/GoalPage.tsx')),
  child('/one-on-ones', () => import('./features/performance/one-on-ones/OneOnOnesPage.tsx')),
  child('/one-on-ones/$id', () => import('./features/performance/one-on-ones/SeriesPage.tsx')),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/feedback',
    validateSearch: strings('tab', 'requestId'),
    component: page(() => import('./features/performance/feedback/FeedbackPage.tsx')),
  }),
  child('/reviews/$id', () => import('./features/performance/reviews/ReviewPage.tsx')),
  child('/reviews/cycles/$cycleId/people/$personId', () => import('./features/performance/reviews/ResultPage.tsx')),
  child('/calibration', () => import('./features/performance/calibration/MySessionsPage.tsx')),
  child('/calibration/$id', () => import('./features/performance/calibration/SessionPage.tsx')),
  child('/hurdles', () => import('./features/talent/hurdles/HurdlesPage.tsx')),
  child('/follow-ups', () => import('./features/insight/follow-ups/FollowUpsPage.tsx')),
];
const reviewsRoute = child('/reviews', () => import('./features/performance/reviews/ReviewsPage.tsx'));
const skillsRoute = child('/skills', () => import('./features/talent/growth/MyGrowthPage.tsx'));
const skillRoundsRoute = child('/skill-rounds', () => import('./features/talent/assessment-rounds/SkillRoundsPage.tsx'));
const skillRoundRoute = child('/skill-rounds/$id', () => import('./features/talent/assessment-rounds/SkillRoundPage.tsx'));
const careersRoute = child('/careers', () => import('./features/talent/job-profiles/CareerMapPage.tsx'));
const analyticsRoute = child('/analytics', () => import('./features/sections/AnalyticsPage.tsx'));
const teamRoute = child('/team', () => import('./features/insight/team/MyTeamPage.tsx'));
const teamLearningRoute = child('/team/learning', () => import('./features/learning/enrollment/TeamLearningPage.tsx'));
const peopleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/people',
  validateSearch: strings('q', 'departmentId', 'location', 'status'),
  component: page(() => import('./features/people/PeopleDirectoryPage.tsx')),
});
const personRoute = child('/people/$id', () => import('./features/people/PersonProfilePage.tsx'));
const personTranscriptRoute = child('/people/$id/transcript', () => import('./features/learning/records/PersonTranscriptPage.tsx'));
const orgChartRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/org-chart',
  validateSearch: strings('focus'),
  component: page(() => import('./features/people/OrgChartPage.tsx')),
});

const adminRoute = child('/admin', () => import('./features/admin/AdminLayout.tsx'));
const adminChild = <P extends string>(path: P, load: () => Promise<{ default: React.ComponentType<any> }>) =>
  createRoute({ getParentRoute: () => adminRoute, path, component: page(load) });
const adminRoutes = [
  adminChild('/', () => import('./features/admin/AdminHomePage.tsx')),
  adminChild('/people', () => import('./features/admin/AdminPeoplePage.tsx')),
  adminChild('/departments', () => import('./features/admin/AdminDepartmentsPage.tsx')),
  adminChild('/groups', () => import('./features/admin/AdminGroupsPage.tsx')),
  adminChild('/custom-fields', () => import('./features/admin/AdminCustomFieldsPage.tsx')),
  adminChild('/import', () => import('./features/admin/AdminImportPage.tsx')),
  adminChild('/api-tokens', () => import('./features/admin/AdminApiTokensPage.tsx')),
  adminChild('/audit-log', () => import('./features/admin/AdminAuditLogPage.tsx')),
  adminChild('/mail-outbox', () => import('./features/admin/AdminMailOutboxPage.tsx')),
  adminChild('/courses', () => import('./features/learning/authoring/AdminCoursesPage.tsx')),
  adminChild('/courses/$id', () => import('./features/learning/authoring/CourseEditorPage.tsx')),
  adminChild('/skills', () => import('./features/talent/skills/AdminSkillsPage.tsx')),
  adminChild('/job-profiles', () => import('./features/talent/job-profiles/AdminJobProfilesPage.tsx')),
  adminChild('/programs', () => import('./features/learning/programs/AdminProgramsPage.tsx')),
  adminChild('/programs/$id', () => import('./features/learning/programs/ProgramEditorPage.tsx')),
  adminChild('/live-sessions', () => import('./features/learning/sessions/AdminSessionsPage.tsx')),
  adminChild('/compliance', () => import('./features/learning/compliance/AdminCompliancePage.tsx')),
  adminChild('/automation', () => import('./features/insight/automation/AdminAutomationPage.tsx')),
  adminChild('/learning-reports', () => import('./features/learning/reports/AdminLearningReportsPage.tsx')),
  adminChild('/learning-reports/$id', () => import('./features/learning/reports/CourseReportPage.tsx')),
  adminChild('/goals', () => import('./features/performance/goals/AdminGoalsPage.tsx')),
  adminChild('/one-on-ones', () => import('./features/performance/one-on-ones/AdminOneOnOnesPage.tsx')),
  adminChild('/feedback', () => import('./features/performance/feedback/AdminFeedbackPage.tsx')),
  adminChild('/reviews', () => import('./features/performance/reviews/AdminReviewsPage.tsx')),
  adminChild('/reviews/templates/$id', () => import('./features/performance/reviews/TemplateBuilderPage.tsx')),
  adminChild('/reviews/cycles/$id', () => import('./features/performance/reviews/CyclePage.tsx')),
  adminChild('/reviews/cycles/$id/calibration', () => import('./features/performance/calibration/SessionsPage.tsx')),
  adminChild('/reviews/nine-box', () => import('./features/performance/calibration/NineBoxLabelsPage.tsx')),
];

/** Public: anyone holding a certificate's link can check it, signed in or not. */
const verifyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/verify/$code',
  component: page(() => import('./features/learning/records/VerifyCertificatePage.tsx')),
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  forgotRoute,
  resetRoute,
  acceptRoute,
  verifyRoute,
  appRoute.addChildren([
    homeRoute,
    learningRoute.addChildren(learningRoutes),
    ...performanceRoutes,
    reviewsRoute,
    skillsRoute,
    careersRoute,
    skillRoundsRoute,
    skillRoundRoute,
    analyticsRoute,
    teamRoute,
    teamLearningRoute,
    peopleRoute,
    personRoute,
    personTranscriptRoute,
    orgChartRoute,
    adminRoute.addChildren(adminRoutes),
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({ routeTree, context: { queryClient }, defaultPreload: 'intent', scrollRestoration: true });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
