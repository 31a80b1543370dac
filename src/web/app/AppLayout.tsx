import { Anchor, AppShell, Avatar, Burger, Group, Menu, NavLink, ScrollArea, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconApi, IconLogout, IconUser } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouteContext, useRouterState } from '@tanstack/react-router';
import { authApi } from '../features/auth/api.ts';
import type { Me } from '../lib/me.ts';
import { initials } from '../ui/initials.ts';
import { navItems } from './nav.ts';
import { NotificationsBell } from './NotificationsBell.tsx';
import { PersonSearch } from './PersonSearch.tsx';

export default function AppLayout() {
  const { me } = useRouteContext({ from: '/app' }) as { me: Me };
  const [opened, { toggle, close }] = useDisclosure();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  async function signOut() {
    await authApi.signOut().catch(() => undefined);
    queryClient.clear();
    await navigate({ to: '/sign-in', search: {} });
  }

  const active = (to: string) => (to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`));

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <Anchor href="#main" className="skip-link" style={skipLinkStyle}>
        Skip to content
      </Anchor>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? 'Close navigation' : 'Open navigation'} />
            <Anchor component={Link} to="/" fw={700} size="lg" underline="never" c="indigo.8">
              Tandem
            </Anchor>
            <Text c="dimmed" size="sm" visibleFrom="md" truncate>
              {me.orgName}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap" style={{ flex: 1, justifyContent: 'flex-end' }}>
            <PersonSearch />
            <NotificationsBell />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                {/* The name starts with the initials it shows, so "click AB" works for voice control (WCAG 2.5.3). */}
                <UnstyledButton aria-label={`${initials(me.name)}: account menu for ${me.name}`}>
                  <Avatar color="indigo" radius="xl" size={34}>
                    {initials(me.name)}
                  </Avatar>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>
                  {me.name}
                  <br />
                  {me.email}
                </Menu.Label>
                <Menu.Item component={Link} to={`/people/${me.personId}`} leftSection={<IconUser size={16} />}>
                  My profile
                </Menu.Item>
                <Menu.Item component="a" href="/api/docs" leftSection={<IconApi size={16} />}>
                  API reference
                </Menu.Item>
                <Menu.Divider />
                <Menu.Item onClick={signOut} leftSection={<IconLogout size={16} />}>
                  Sign out
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Main">
        <ScrollArea>
          {navItems
            .filter((item) => item.visible(me))
            .map((item) => (
              <NavLink
                key={item.to}
                component={Link}
                to={item.to}
                label={item.label}
                leftSection={<item.icon size={18} stroke={1.6} aria-hidden />}
                active={active(item.to)}
                aria-current={active(item.to) ? 'page' : undefined}
                onClick={close}
              />
            ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <VisuallyHidden>
          <Text>{me.orgName}</Text>
        </VisuallyHidden>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

const skipLinkStyle: React.CSSProperties = {
  position: 'absolute',
  left: 8,
  top: -48,
  zIndex: 1000,
  background: 'white',
  padding: '8px 12px',
};
