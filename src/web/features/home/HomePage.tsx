import { Card, SimpleGrid, Text, ThemeIcon, Group, Anchor } from '@mantine/core';
import { IconSitemap, IconUser, IconUsers, IconUsersGroup, IconSettings } from '@tabler/icons-react';
import { Link, useRouteContext } from '@tanstack/react-router';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { isAnyAdmin, type Me } from '../../lib/me.ts';

type Tile = { title: string; text: string; to: string; params?: Record<string, string>; icon: typeof IconUser };

export default function HomePage() {
  const { me } = useRouteContext({ from: '/app' }) as { me: Me };
  const first = me.name.split(' ')[0];
  const tiles: Tile[] = [
    { title: 'Your profile', text: 'What your colleagues see about you, and your place in the organisation.', to: '/people/$id', params: { id: me.personId }, icon: IconUser },
    ...(me.isManager ? [{ title: 'Your team', text: 'The people who report to you.', to: '/team', icon: IconUsersGroup }] : []),
    { title: 'People', text: `Find anyone at ${me.orgName} by name, title or email.`, to: '/people', icon: IconUsers },
    { title: 'Org chart', text: 'See who reports to whom across the organisation.', to: '/org-chart', icon: IconSitemap },
    ...(isAnyAdmin(me) ? [{ title: 'Administration', text: 'People, departments, groups, imports and API access.', to: '/admin', icon: IconSettings }] : []),
  ];
  return (
    <>
      <PageHeader title={`Welcome, ${first}`} description={me.orgName} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {tiles.map((t) => (
          <Card key={t.title} withBorder padding="lg" radius="md">
            <Group gap="sm" mb="xs" wrap="nowrap">
              <ThemeIcon variant="light" size="lg" radius="md">
                <t.icon size={20} aria-hidden />
              </ThemeIcon>
              <Anchor component={Link} to={t.to} params={t.params as never} fw={600}>
                {t.title}
              </Anchor>
            </Group>
            <Text size="sm" c="dimmed">
              {t.text}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
