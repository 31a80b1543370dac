import { Box, Button, Group, Modal, ScrollArea, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { drawerTitle, EmptyText, ErrorAlert, Loading } from '../../../ui/common.tsx';
import { assessmentQueries, type SkillHistory } from './api.ts';
import { shortDate, sourceLabels } from './format.ts';

// Charts load with their library on first use, so the pages that open this dialog stay light.
const HistoryChart = lazy(() => import('./HistoryChart.tsx'));

type Point = SkillHistory['points'][number];

/** A person's assessments of one skill over time: the current level after each, and each rating. */
export function HistoryModal({ personId, skillId, name, onClose }: { personId: string; skillId: string; name: string; onClose: () => void }) {
  const q = useQuery(assessmentQueries.history(personId, skillId));
  const [asTable, setAsTable] = useState(false);
  return (
    <Modal opened onClose={onClose} title={`${name}: history`} size="xl" styles={drawerTitle}>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorAlert error={q.error} />
      ) : !q.data.points.length ? (
        <EmptyText>No assessments yet.</EmptyText>
      ) : (
        <>
          <Suspense fallback={<Box h={270} />}>
            <HistoryChart h={q.data} />
          </Suspense>
          <Group justify="flex-end" mt="xs">
            <Button size="compact-sm" variant="subtle" onClick={() => setAsTable(!asTable)} aria-expanded={asTable} aria-controls="skill-history-table">
              {asTable ? 'Hide table' : 'Show as table'}
            </Button>
          </Group>
          <div id="skill-history-table">{asTable && <HistoryTable points={q.data.points} />}</div>
        </>
      )}
    </Modal>
  );
}

function HistoryTable({ points }: { points: Point[] }) {
  return (
    <ScrollArea>
      <Table mt="xs" striped>
        <Table.Caption>Every rating, newest first, and the current level after it</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>
            <Table.Th>Source</Table.Th>
            <Table.Th>Rated</Table.Th>
            <Table.Th>Current after</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...points].reverse().map((p) => (
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
  );
}
