import { Anchor, Badge, Stack, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { ErrorAlert, Loading } from '../../../ui/common.tsx';
import { enrollmentQueries, type LearningItem } from './api.ts';
import { LearningItemCard } from './LearningItemCard.tsx';

const tabs = [
  { value: 'assigned', label: 'Assigned', empty: 'Nothing is waiting for you.' },
  { value: 'inProgress', label: 'In progress', empty: 'You have nothing in progress.' },
  { value: 'completed', label: 'Completed', empty: 'You have not completed any learning here yet.' },
] as const;

export default function MyLearningPage() {
  const q = useQuery(enrollmentQueries.mine());
  const [tab, setTab] = useState<string | null>(null);
  const data = q.data;
  // Open on the first tab with something in it.
  const current = tab ?? (data && !data.assigned.length && data.inProgress.length ? 'inProgress' : 'assigned');
  const overdue = data ? [...data.assigned, ...data.inProgress].filter((i) => i.overdue).length : 0;

  return (
    <>
      <PageHeader
        title="My learning"
        description={overdue ? <Text span c="red.8" fw={500}>{`${overdue} overdue`}</Text> : 'What you are learning, and why.'}
      />
      <ErrorAlert error={q.error} title="Could not load your learning" />
      {q.isLoading && <Loading label="Loading your learning" />}
      {data && (
        <Tabs value={current} onChange={setTab}>
          <Tabs.List aria-label="My learning" style={{ flexWrap: 'nowrap', overflowX: 'auto' }}>
            {tabs.map((t) => (
              <Tabs.Tab
                key={t.value}
                value={t.value}
                rightSection={
                  <Badge size="sm" variant="light" color={t.value !== 'completed' && hasOverdue(data[t.value]) ? 'red' : 'gray'}>
                    {data[t.value].length}
                  </Badge>
                }
              >
                {t.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {tabs.map((t) => (
            <Tabs.Panel key={t.value} value={t.value} pt="md">
              {data[t.value].length ? (
                <Stack gap="sm">
                  {data[t.value].map((i) => (
                    <LearningItemCard key={i.id} item={i} />
                  ))}
                </Stack>
              ) : (
                <Stack align="center" gap={4} py="xl">
                  <Text c="dimmed">{t.empty}</Text>
                  <Anchor component={Link} to="/learning/catalog">
                    Find something to learn in the catalog
                  </Anchor>
                </Stack>
              )}
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </>
  );
}

const hasOverdue = (items: LearningItem[]) => items.some((i) => i.overdue);
