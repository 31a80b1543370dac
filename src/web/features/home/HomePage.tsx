import { Anchor, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconSettings, IconSitemap, IconUser, IconUsers, IconUsersGroup } from '@tabler/icons-react';
import { Link, useRouteContext } from '@tanstack/react-router';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { hasRole, isAnyAdmin, type Me } from '../../lib/me.ts';
import { HomeRecommendations } from './HomeRecommendations.tsx';
import { LearningHealth } from './LearningHealth.tsx';
import { NextUp } from './NextUp.tsx';
import { PeopleHealth } from './PeopleHealth.tsx';

type Tile = { title: string; text: string; to: string; params?: Record<string, string>; icon: typeof IconUser };

/**
 * A home per persona: everyone sees what to do next and why learning is recommended; HR admins add
 * people at a glance (1:1 cadence, goals at risk, compliance); learning admins add learning health.
 */
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
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <NextUp />
          <HomeRecommendations personId={me.personId} />
        </SimpleGrid>
        {hasRole(me, 'hr_admin') && <PeopleHealth />}
        {hasRole(me, 'learning_admin') && <LearningHealth />}
        <section aria-labelledby="shortcuts">
          <Title order={2} size="h4" id="shortcuts" mb="sm">
            Shortcuts
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {tiles.map((t) => (
              <Card key={t.title} withBorder padding="md" radius="md">
                <Group gap="sm" mb={4} wrap="nowrap">
                  <ThemeIcon variant="light" size="md" radius="md">
                    <t.icon size={18} aria-hidden />
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
        </section>
      </Stack>
    </>
  );
}
