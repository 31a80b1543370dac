import { Modal, ScrollArea, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { drawerTitle, EmptyText, ErrorAlert, Loading } from '../../../ui/common.tsx';
import { assessmentQueries, type SkillHistory } from './api.ts';
import { shortDate, sourceLabels } from './format.ts';

/** A person's assessments of one skill over time: the current level after each, and each rating. */
export function HistoryModal({ personId, skillId, name, onClose }: { personId: string; skillId: string; name: string; onClose: () => void }) {
  const q = useQuery(assessmentQueries.history(personId, skillId));
  return (
    <Modal opened onClose={onClose} title={`${name}: history`} size="lg" styles={drawerTitle}>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorAlert error={q.error} />
      ) : !q.data.points.length ? (
        <EmptyText>No assessments yet.</EmptyText>
      ) : (
        <>
          <HistoryChart h={q.data} />
          <ScrollArea>
            <Table mt="md" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Date</Table.Th>
                  <Table.Th>Source</Table.Th>
                  <Table.Th>Rated</Table.Th>
                  <Table.Th>Current after</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...q.data.points].reverse().map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{shortDate(p.assessedAt)}</Table.Td>
                    <Table.Td>
                      {sourceLabels[p.source]}
                      {p.assessorName && p.source !== 'self' ? ` · ${p.assessorName}` : ''}
                      {p.note && (
                        <Text size="xs" c="dimmed">
                          {p.note}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{p.level}</Table.Td>
                    <Table.Td>{p.currentLevelAfter ?? '–'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </>
      )}
    </Modal>
  );
}

/** A small line chart of the current level over time (no chart library in the app), the expected level dashed. */
function HistoryChart({ h }: { h: SkillHistory }) {
  const W = 480;
  const H = 160;
  const pad = { l: 28, r: 12, t: 10, b: 22 };
  const times = h.points.map((p) => new Date(p.assessedAt).getTime());
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const x = (t: number) => pad.l + (t1 === t0 ? (W - pad.l - pad.r) / 2 : ((t - t0) / (t1 - t0)) * (W - pad.l - pad.r));
  const y = (v: number) => pad.t + (1 - (v - 0) / h.skill.maxLevel) * (H - pad.t - pad.b);
  const pts = h.points.filter((p) => p.currentLevelAfter !== null).map((p) => [x(new Date(p.assessedAt).getTime()), y(p.currentLevelAfter!)] as const);
  const last = h.points.at(-1)?.currentLevelAfter;
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      role="img"
      aria-label={`Current level of ${h.skill.name} over time, now ${last ?? 'unknown'}${h.expectedLevel ? `, expected ${h.expectedLevel}` : ''}`}
    >
      {Array.from({ length: h.skill.maxLevel }, (_, i) => i + 1).map((l) => (
        <g key={l}>
          <line x1={pad.l} x2={W - pad.r} y1={y(l)} y2={y(l)} stroke="var(--mantine-color-gray-3)" />
          <text x={pad.l - 8} y={y(l) + 4} fontSize="11" textAnchor="end" fill="var(--mantine-color-dimmed)">
            {l}
          </text>
        </g>
      ))}
      {h.expectedLevel !== null && (
        <line x1={pad.l} x2={W - pad.r} y1={y(h.expectedLevel)} y2={y(h.expectedLevel)} stroke="var(--mantine-color-orange-6)" strokeDasharray="5 4" strokeWidth={2} />
      )}
      <polyline points={pts.map((p) => p.join(',')).join(' ')} fill="none" stroke="var(--mantine-color-teal-7)" strokeWidth={2.5} />
      {pts.map(([px, py], i) => (
        <circle key={i} cx={px} cy={py} r={3.5} fill="var(--mantine-color-teal-7)" />
      ))}
      <text x={pad.l} y={H - 4} fontSize="11" fill="var(--mantine-color-dimmed)">
        {shortDate(new Date(t0).toISOString())}
      </text>
      <text x={W - pad.r} y={H - 4} fontSize="11" textAnchor="end" fill="var(--mantine-color-dimmed)">
        {shortDate(new Date(t1).toISOString())}
      </text>
    </svg>
  );
}
