import { Stack, Tabs } from '@mantine/core';
import { Outlet, useNavigate, useRouterState } from '@tanstack/react-router';

/** The learner's side of learning; pages without a tab (player, course detail) keep the bar. */
export const learningTabs = [
  { to: '/learning', label: 'My learning' },
  { to: '/learning/catalog', label: 'Catalog' },
  { to: '/learning/transcript', label: 'Transcript' },
  { to: '/learning/approvals', label: 'Approvals' },
];

export default function LearningLayout() {
  const pathname = useRouterState({ select: (s) => s.location.pathname.replace(/\/$/, '') || '/' });
  const navigate = useNavigate();
  const current = [...learningTabs].sort((a, b) => b.to.length - a.to.length).find((t) => pathname === t.to || pathname.startsWith(`${t.to}/`));
  return (
    <Stack gap="md">
      <Tabs value={current?.to ?? null} onChange={(v) => v && void navigate({ to: v })} keepMounted={false}>
        <Tabs.List aria-label="Learning" style={{ flexWrap: 'nowrap', overflowX: 'auto' }}>
          {learningTabs.map((t) => (
            <Tabs.Tab key={t.to} value={t.to}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </Stack>
  );
}
