import { Anchor, Group, RingProgress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { http } from '../../lib/api.ts';
import { complianceQueries } from '../learning/compliance/api.ts';
import { oneOnOneQueries } from '../performance/one-on-ones/api.ts';
import { ErrorAlert, Loading } from '../../ui/common.tsx';
import { SectionCard } from '../../ui/SectionCard.tsx';

const atRiskQuery = (status: 'at_risk' | 'off_track') => ({
  queryKey: ['goals', 'list', { scope: 'all', status, home: true }] as const,
  queryFn: () => http.get('/goals', { query: { scope: 'all', status, limit: 5 } }),
});

const more = (n: number, hasMore: boolean) => (hasMore ? `${n}+` : String(n));

/** An HR admin's glance: who has gone without a 1:1, goals at risk or off track, and compliance. */
export function PeopleHealth() {
  const cadence = useInfiniteQuery({ ...oneOnOneQueries.cadence(4), select: (d) => ({ rows: d.pages[0]?.data ?? [], more: !!d.pages[0]?.nextCursor }) });
  const atRisk = useQuery(atRiskQuery('at_risk'));
  const offTrack = useQuery(atRiskQuery('off_track'));
  const compliance = useQuery(complianceQueries.dashboard(null));
  return (
    <SectionCard title="People at a glance">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
        <Stack gap={4}>
          <Text fw={600}>1:1 cadence</Text>
          {cadence.error ? (
            <ErrorAlert error={cadence.error} />
          ) : !cadence.data ? (
            <Loading label="Loading the 1:1 cadence" />
          ) : (
            <>
              <Text size="xl" fw={700}>{more(cadence.data.rows.length, cadence.data.more)}</Text>
              <Text size="sm" c="dimmed">
                {cadence.data.rows.length === 0 ? 'Everyone had a 1:1 in the last 4 weeks.' : 'people without a 1:1 in 4 weeks'}
              </Text>
              {cadence.data.rows.slice(0, 3).map((r) => (
                <Text key={r.personId} size="sm" lineClamp={1}>
                  {r.name}
                  {r.managerName ? <Text span c="dimmed"> · {r.managerName}</Text> : null}
                </Text>
              ))}
              <Anchor component={Link} to="/admin/one-on-ones" size="sm">
                The cadence report
              </Anchor>
            </>
          )}
        </Stack>
        <Stack gap={4}>
          <Text fw={600}>Goals needing attention</Text>
          {atRisk.error || offTrack.error ? (
            <ErrorAlert error={atRisk.error ?? offTrack.error} />
          ) : !atRisk.data || !offTrack.data ? (
            <Loading label="Loading goals at risk" />
          ) : (
            <>
              <Group gap="lg">
                <div>
                  <Text size="xl" fw={700} c="yellow.9">{more(atRisk.data.data.length, !!atRisk.data.nextCursor)}</Text>
                  <Text size="sm" c="dimmed">at risk</Text>
                </div>
                <div>
                  <Text size="xl" fw={700} c="red.8">{more(offTrack.data.data.length, !!offTrack.data.nextCursor)}</Text>
                  <Text size="sm" c="dimmed">off track</Text>
                </div>
              </Group>
              {[...offTrack.data.data, ...atRisk.data.data].slice(0, 3).map((g) => (
                <Anchor key={g.id} component={Link} to="/goals/$id" params={{ id: g.id } as never} size="sm" lineClamp={1}>
                  {g.title} <Text span c="dimmed">· {g.ownerName}</Text>
                </Anchor>
              ))}
            </>
          )}
        </Stack>
        <Stack gap={4}>
          <Text fw={600}>Compliance</Text>
          {compliance.error ? (
            <ErrorAlert error={compliance.error} />
          ) : !compliance.data ? (
            <Loading label="Loading compliance" />
          ) : compliance.data.rules.length === 0 ? (
            <Text size="sm" c="dimmed">No compliance rules yet.</Text>
          ) : (
            <Group gap="md" wrap="nowrap">
              <RingProgress
                size={84}
                thickness={9}
                roundCaps
                sections={[{ value: compliance.data.total.compliantPct, color: compliance.data.total.compliantPct >= 90 ? 'teal' : 'orange' }]}
                label={<Text ta="center" size="sm" fw={700}>{Math.round(compliance.data.total.compliantPct)}%</Text>}
                aria-label={`${compliance.data.total.compliantPct}% compliant`}
              />
              <Stack gap={0}>
                <Text size="sm">{compliance.data.total.overdue} overdue</Text>
                <Text size="sm">{compliance.data.total.expiring} expiring in 30 days</Text>
                <Anchor component={Link} to="/admin/compliance" size="sm">
                  The compliance dashboard
                </Anchor>
              </Stack>
            </Group>
          )}
        </Stack>
      </SimpleGrid>
    </SectionCard>
  );
}
