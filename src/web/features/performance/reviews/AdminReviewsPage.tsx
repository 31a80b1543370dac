import { Anchor, Badge, Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { SectionCard } from '../../../ui/SectionCard.tsx';
import { EmptyText, ErrorAlert, Loading } from '../../../ui/common.tsx';
import { reviewQueries } from './api.ts';
import { ScrollTable } from './ScrollTable.tsx';
import { count, dayLabel, phaseColors, phaseLabels } from './format.ts';

/** HR's review cycles and the templates they are built from. */
export default function AdminReviewsPage() {
  return (
    <Stack>
      <PageHeader
        title="Review cycles"
        description="Build review templates, set up cycles, launch them and follow their progress through nomination, writing, calibration and sharing."
        actions={
          <Button component={Link} to="/admin/reviews/cycles/$id" params={{ id: 'new' } as never} leftSection={<IconPlus size={16} aria-hidden />}>
            New cycle
          </Button>
        }
      />
      <Cycles />
      <Templates />
    </Stack>
  );
}

function Cycles() {
  const q = useQuery(reviewQueries.cycles());
  const list = q.data?.data ?? [];
  return (
    <SectionCard title="Cycles">
      <ErrorAlert error={q.error} />
      {q.isLoading ? (
        <Loading label="Loading cycles" />
      ) : q.isError ? null : list.length === 0 ? (
        <EmptyText>No review cycles yet. Build a template first, then set up a cycle from it.</EmptyText>
      ) : (
        <ScrollTable label="Table of cycles" minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Cycle</Table.Th>
                <Table.Th>Phase</Table.Th>
                <Table.Th>Writing ends</Table.Th>
                <Table.Th>Reviews</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to="/admin/reviews/cycles/$id" params={{ id: c.id } as never} fw={600}>
                      {c.name}
                    </Anchor>
                    <Text size="xs">{c.templateName}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={phaseColors[c.phase]}>
                      {phaseLabels[c.phase]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{dayLabel(c.writingEndsOn)}</Table.Td>
                  <Table.Td>
                    {c.launchedAt ? (
                      <Text size="sm">
                        {c.counts.submitted} of {c.counts.reviews} submitted · {count(c.counts.participants, 'person', 'people')}
                      </Text>
                    ) : (
                      <Text size="sm">Not launched</Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </SectionCard>
  );
}

function Templates() {
  const [archived, setArchived] = useState(false);
  const q = useQuery(reviewQueries.templates(archived));
  const list = q.data?.data ?? [];
  return (
    <SectionCard
      title="Templates"
      actions={
        <Button component={Link} to="/admin/reviews/templates/$id" params={{ id: 'new' } as never} size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />}>
          New template
        </Button>
      }
    >
      <Stack gap="sm">
        <Checkbox label="Show archived templates" checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} />
        <ErrorAlert error={q.error} />
        {q.isLoading ? (
          <Loading label="Loading templates" />
        ) : q.isError ? null : list.length === 0 ? (
          <EmptyText>No templates yet. A template is the review form: a rating scale, sections of questions and the final-score formula.</EmptyText>
        ) : (
          list.map((t) => {
            const questions = t.body.sections.reduce((n, s) => n + s.questions.length, 0);
            return (
              <Group key={t.id} justify="space-between" wrap="wrap" data-testid="review-template-row">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Anchor component={Link} to="/admin/reviews/templates/$id" params={{ id: t.id } as never} fw={600}>
                    {t.name}
                  </Anchor>
                  <Text size="sm">
                    {count(t.body.sections.length, 'section')} · {count(questions, 'question')} · version {t.version} · {count(t.cycles, 'cycle')}
                    {t.archived ? ' · archived' : ''}
                  </Text>
                </Stack>
              </Group>
            );
          })
        )}
      </Stack>
    </SectionCard>
  );
}
