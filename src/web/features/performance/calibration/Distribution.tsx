import { BarChart } from '@mantine/charts';
import { Box, Button, Drawer, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { EmptyText, ErrorAlert, Loading, drawerTitle } from '../../../ui/common.tsx';
import { calibrationQueries, type Figure, type Grid } from './api.ts';
import { bandLabel, chartRows, leniencyText, point, rating } from './format.ts';
import { ScrollTable } from '../reviews/ScrollTable.tsx';

const pct = (share: number | null) => (share === null ? '—' : `${Math.round(share * 1000) / 10}%`);

/** The finals' distribution against the guideline: a chart for the eye and the same figures as a table. */
export function DistributionChart({ grid }: { grid: Grid }) {
  const d = grid.distribution;
  const anchors = grid.scale.anchors;
  const hasGuideline = d.bands.some((b) => b.target !== null);
  if (!d.bands.length) return <EmptyText>The cycle’s template has no rating scale to chart.</EmptyText>;
  return (
    <Stack gap="sm">
      <Text size="sm">
        {d.rated} with a final rating{d.unrated ? `, ${d.unrated} without (no submitted ratings yet)` : ''}.{' '}
        {hasGuideline ? 'Bars: the share of finals in each band beside the share the guideline aims at.' : 'No guideline: the bands are the scale’s points.'}
      </Text>
      <Box component="figure" m={0} aria-hidden>
        <BarChart
          h={220}
          data={chartRows(d, anchors)}
          dataKey="band"
          series={[{ name: 'Finals', color: 'blue.6' }, ...(hasGuideline ? [{ name: 'Guideline', color: 'gray.5' }] : [])]}
          unit="%"
          withLegend
          withTooltip={false}
          barProps={{ isAnimationActive: false }}
          accessibilityLayer={false}
        />
      </Box>
      <ScrollTable label="Finals by band" minWidth={320}>
        <Table aria-label="Distribution of final ratings">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Band</Table.Th>
              <Table.Th>People</Table.Th>
              <Table.Th>Share</Table.Th>
              {hasGuideline && <Table.Th>Guideline</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.bands.map((b) => (
              <Table.Tr key={b.from}>
                <Table.Td>{bandLabel(b, anchors)}</Table.Td>
                <Table.Td>{b.count}</Table.Td>
                <Table.Td>{pct(b.share)}</Table.Td>
                {hasGuideline && <Table.Td>{pct(b.target)}</Table.Td>}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}

function FigureText({ f }: { f: Figure | null | undefined }) {
  if (!f) return <Text span size="sm" c="dimmed">—</Text>;
  const t = leniencyText(f);
  return (
    <Text span size="sm" c={t.enough ? undefined : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
      {t.text}
    </Text>
  );
}

/** Each manager's subjects: how their finals spread over the bands, and the manager's leniency as a rater. */
export function ManagersTable({ grid, canReadHistory }: { grid: Grid; canReadHistory: boolean }) {
  const [rater, setRater] = useState<{ id: string; name: string } | null>(null);
  const anchors = grid.scale.anchors;
  if (!grid.managers.length) return <EmptyText>Nobody to calibrate in this session.</EmptyText>;
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">
        Leniency: how far the manager’s own ratings sit from the finals and from the other raters of the same people (positive: more lenient), with a 95% interval. Few ratings give wide intervals or none.
      </Text>
      <ScrollTable label="Managers’ distributions and leniency" minWidth={760}>
        <Table aria-label="Managers" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Manager</Table.Th>
              <Table.Th>People</Table.Th>
              <Table.Th>Mean proposed</Table.Th>
              <Table.Th>Mean final</Table.Th>
              <Table.Th>Finals by band</Table.Th>
              <Table.Th>From finals (this session)</Table.Th>
              <Table.Th>From co-raters (this session)</Table.Th>
              <Table.Th>Earlier cycles</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {grid.managers.map((m) => (
              <Table.Tr key={m.manager?.id ?? 'none'}>
                <Table.Td>
                  <Stack gap={2} align="flex-start">
                    <Text size="sm">{m.manager?.name ?? 'No manager'}</Text>
                    {canReadHistory && m.manager && (
                      <Button size="compact-xs" variant="light" onClick={() => setRater(m.manager)}>
                        Leniency across cycles
                      </Button>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>{m.subjects}</Table.Td>
                <Table.Td>{rating(m.meanProposed)}</Table.Td>
                <Table.Td>{rating(m.meanFinal)}</Table.Td>
                <Table.Td>
                  <Text size="xs">
                    {m.distribution.bands
                      .filter((b) => b.count > 0)
                      .map((b) => `${anchors.find((a) => a.value === b.from)?.label ?? point(b.from)}: ${b.count}`)
                      .join(' · ') || '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <FigureText f={m.leniency?.thisSession?.fromFinal} />
                </Table.Td>
                <Table.Td>
                  <FigureText f={m.leniency?.thisSession?.fromPeers} />
                </Table.Td>
                <Table.Td>
                  {m.leniency && m.leniency.pastCycles.cycles > 0 ? (
                    <Text size="sm">
                      <FigureText f={m.leniency.pastCycles.fromFinal} /> over {m.leniency.pastCycles.cycles} {m.leniency.pastCycles.cycles === 1 ? 'cycle' : 'cycles'}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      None locked
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <Drawer opened={rater !== null} onClose={() => setRater(null)} position="right" size="lg" title={rater ? `${rater.name} as a rater` : 'Rater'} styles={drawerTitle} closeButtonProps={{ 'aria-label': 'Close' }}>
        {rater && <RaterLeniencyPanel raterId={rater.id} />}
      </Drawer>
    </>
  );
}

/** A rater's leniency in every locked cycle and pooled over them (HR admins). */
export function RaterLeniencyPanel({ raterId }: { raterId: string }) {
  const q = useQuery(calibrationQueries.leniency(raterId));
  if (q.isLoading) return <Loading label="Loading the leniency" />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const r = q.data;
  if (!r.cycles.length) return <EmptyText>No locked cycle has ratings by {r.rater.name} yet.</EmptyText>;
  return (
    <Stack>
      <Text size="sm">
        Offsets of {r.rater.name}’s ratings, cycle by cycle once each was locked, and pooled over all of them (the figure all the offsets together give). Positive: more lenient.
      </Text>
      <ScrollTable label="Leniency by cycle" minWidth={480}>
        <Table aria-label={`Leniency of ${r.rater.name}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Cycle</Table.Th>
              <Table.Th>From finals</Table.Th>
              <Table.Th>From co-raters</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.cycles.map((c) => (
              <Table.Tr key={c.cycle.id}>
                <Table.Td>{c.cycle.name}</Table.Td>
                <Table.Td>
                  <FigureText f={c.fromFinal} />
                </Table.Td>
                <Table.Td>
                  <FigureText f={c.fromPeers} />
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr fw={700}>
              <Table.Td>Pooled over {r.pooled.cycles} {r.pooled.cycles === 1 ? 'cycle' : 'cycles'}</Table.Td>
              <Table.Td>
                <FigureText f={r.pooled.fromFinal} />
              </Table.Td>
              <Table.Td>
                <FigureText f={r.pooled.fromPeers} />
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}
