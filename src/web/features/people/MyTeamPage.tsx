import { Alert, Button, Card, SimpleGrid, Skeleton, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useRouteContext } from '@tanstack/react-router';
import { PageHeader } from '../../ui/PageHeader.tsx';
import type { Me } from '../../lib/me.ts';
import { PersonLine } from '../../ui/PersonAvatar.tsx';
import { peopleQueries } from './api.ts';

export default function MyTeamPage() {
  const { me } = useRouteContext({ from: '/app' }) as { me: Me };
  const team = useQuery(peopleQueries.reports(me.personId, 200));
  return (
    <>
      <PageHeader
        title="My team"
        description="The people who report to you. Goals, skills and 1:1s per person will appear here as they are enabled."
        actions={
          team.data?.data.length ? (
            <Button component={Link} to="/team/learning" variant="light">
              Team learning
            </Button>
          ) : undefined
        }
      />
      {team.isError && (
        <Alert color="red" role="alert">
          {(team.error as Error).message}
        </Alert>
      )}
      {team.isLoading ? (
        <Skeleton height={120} />
      ) : team.data?.data.length ? (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {team.data.data.map((p) => (
            <Card key={p.id} withBorder padding="md">
              <PersonLine id={p.id} name={p.name} subtitle={p.jobTitle} />
              <Text size="xs" c="dimmed" mt="xs">
                {[p.location, p.hireDate && `since ${p.hireDate.slice(0, 4)}`].filter(Boolean).join(' · ')}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      ) : (
        <Text c="dimmed">Nobody reports to you.</Text>
      )}
    </>
  );
}
