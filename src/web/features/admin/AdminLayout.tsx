import { Stack, Tabs } from '@mantine/core';
import { Outlet, useNavigate, useRouteContext, useRouterState } from '@tanstack/react-router';
import { hasRole, isAnyAdmin, type Me, type Role } from '../../lib/me.ts';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';

/** Which admin pages each role may open; `admin` holds every role. */
export const adminPages: Array<{ to: string; label: string; roles: Role[] }> = [
  { to: '/admin', label: 'Overview', roles: ['hr_admin', 'learning_admin'] },
  { to: '/admin/people', label: 'People', roles: ['hr_admin'] },
  { to: '/admin/departments', label: 'Departments', roles: ['hr_admin'] },
  { to: '/admin/groups', label: 'Groups', roles: ['hr_admin'] },
  { to: '/admin/custom-fields', label: 'Custom fields', roles: ['hr_admin'] },
  { to: '/admin/import', label: 'Import', roles: ['hr_admin'] },
  { to: '/admin/api-tokens', label: 'API tokens', roles: ['hr_admin', 'learning_admin'] },
  { to: '/admin/audit-log', label: 'Audit log', roles: ['admin'] },
  { to: '/admin/mail-outbox', label: 'Mail outbox', roles: ['admin'] },
  { to: '/admin/courses', label: 'Courses', roles: ['learning_admin'] },
  { to: '/admin/programs', label: 'Programs', roles: ['learning_admin'] },
  { to: '/admin/live-sessions', label: 'Live sessions', roles: ['learning_admin'] },
  { to: '/admin/skills', label: 'Skills', roles: ['hr_admin', 'learning_admin'] },
  { to: '/admin/job-profiles', label: 'Job profiles', roles: ['hr_admin'] },
  { to: '/admin/compliance', label: 'Compliance', roles: ['hr_admin', 'learning_admin'] },
  { to: '/admin/automation', label: 'Automation rules', roles: ['hr_admin', 'learning_admin'] },
  { to: '/admin/learning-reports', label: 'Learning reports', roles: ['hr_admin', 'learning_admin'] },
  { to: '/admin/goals', label: 'Goals', roles: ['hr_admin'] },
  { to: '/admin/one-on-ones', label: '1:1s', roles: ['hr_admin'] },
  { to: '/admin/feedback', label: 'Feedback', roles: ['hr_admin'] },
  { to: '/admin/reviews', label: 'Reviews', roles: ['hr_admin'] },
];

export default function AdminLayout() {
  const { me } = useRouteContext({ from: '/app' }) as { me: Me };
  const pathname = useRouterState({ select: (s) => s.location.pathname.replace(/\/$/, '') || '/' });
  const navigate = useNavigate();
  if (!isAnyAdmin(me)) return <NotFoundPage />;
  const pages = adminPages.filter((p) => hasRole(me, ...p.roles));
  // Detail pages (/admin/courses/…) belong to their list's tab.
  const current = pages.find((p) => p.to === pathname) ?? pages.find((p) => p.to !== '/admin' && pathname.startsWith(`${p.to}/`));
  if (!current) return <NotFoundPage />;
  return (
    <Stack gap="md">
      <Tabs value={current.to} onChange={(v) => v && void navigate({ to: v })} keepMounted={false}>
        <Tabs.List aria-label="Administration" style={{ flexWrap: 'nowrap', overflowX: 'auto' }}>
          {pages.map((p) => (
            <Tabs.Tab key={p.to} value={p.to}>
              {p.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </Stack>
  );
}
