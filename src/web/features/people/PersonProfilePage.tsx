import { Alert, Anchor, Badge, Breadcrumbs, Card, Grid, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTitle } from '../../lib/title.ts';
import { PersonAvatar, PersonLine } from '../../ui/PersonAvatar.tsx';
import { SectionCard } from '../../ui/SectionCard.tsx';
import { useMe } from '../../lib/me.ts';
import { PersonGrowthSections } from '../talent/growth/PersonGrowthSections.tsx';
import { PersonOverviewSections } from '../insight/overview/PersonOverviewSections.tsx';
import { peopleQueries } from './api.ts';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {children || '—'}
      </Text>
    </div>
  );
}

const Section = SectionCard;

const formatDate = (d: string | null) => (d ? new Date(`${d}T00:00:00`).toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' }) : null);

export default function PersonProfilePage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const me = useMe().data;
  const person = useQuery(peopleQueries.one(id));
  const chain = useQuery(peopleQueries.chain(id));
  const reports = useQuery({
    ...peopleQueries.reports(id, 100),
    enabled: (person.data?.directReportCount ?? 0) > 0,
  });
  const fields = useQuery({ ...peopleQueries.customFields(), staleTime: 300_000 });
  useTitle(person.data?.name ?? 'Profile');

  if (person.isError) {
    return (
      <Alert color="red" role="alert" title="Person not found">
        This person does not exist or is not visible to you.
      </Alert>
    );
  }
  const p = person.data;
  if (!p) return <Skeleton height={200} />;
  const labels = new Map((fields.data?.data ?? []).map((f) => [f.key, f.label]));
  const custom = Object.entries(p.customFields).filter(([, v]) => v !== null && v !== '');
  const managers = [...(chain.data?.data ?? [])].reverse();

  return (
    <Stack gap="lg">
      {managers.length > 0 && (
        <nav aria-label="Reporting line">
        <Breadcrumbs separator="›" style={{ flexWrap: 'wrap' }}>
          {managers.map((m) => (
            <Anchor key={m.id} component={Link} to={`/people/${m.id}`} size="sm">
              {m.name}
            </Anchor>
          ))}
          <Text size="sm">{p.name}</Text>
        </Breadcrumbs>
        </nav>
      )}
      <Group gap="lg" wrap="nowrap" align="center">
        <PersonAvatar name={p.name} size={72} />
        <Stack gap={2}>
          <Group gap="xs">
            <Title order={1} size="h2">
              {p.name}
            </Title>
            {p.status === 'inactive' && <Badge color="gray">Inactive</Badge>}
          </Group>
          <Text c="dimmed">{[p.jobTitle, p.department?.name].filter(Boolean).join(' · ') || 'No job title'}</Text>
        </Stack>
      </Group>

      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <Section title="About">
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
                <Fact label="Email">
                  <Anchor href={`mailto:${p.email}`} size="sm">
                    {p.email}
                  </Anchor>
                </Fact>
                <Fact label="Manager">{p.manager && <Link to="/people/$id" params={{ id: p.manager.id }}>{p.manager.name}</Link>}</Fact>
                <Fact label="Department">{p.department?.name}</Fact>
                <Fact label="Location">{p.location}</Fact>
                <Fact label="Time zone">{p.timeZone}</Fact>
                <Fact label="Started">{formatDate(p.hireDate)}</Fact>
                <Fact label="Employee number">{p.employeeNumber}</Fact>
                {custom.map(([k, v]) => (
                  <Fact key={k} label={labels.get(k) ?? k}>
                    {String(v)}
                  </Fact>
                ))}
              </SimpleGrid>
            </Section>
            <Section title={`Direct reports (${p.directReportCount})`}>
              {p.directReportCount === 0 ? (
                <Text size="sm" c="dimmed">
                  Nobody reports to {p.firstName}.
                </Text>
              ) : (
                <Stack gap="sm">
                  {(reports.data?.data ?? []).map((r) => (
                    <PersonLine key={r.id} id={r.id} name={r.name} subtitle={r.jobTitle} />
                  ))}
                </Stack>
              )}
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <PersonOverviewSections personId={id} />
          <Stack mt="md">
            <PersonGrowthSections personId={id} mine={id === me?.personId} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
