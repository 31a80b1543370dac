import { Anchor, Button, Group } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiError } from '../../../lib/api.ts';
import { EmptyText, ErrorAlert, Loading } from '../../../ui/common.tsx';
import { SectionCard } from '../../../ui/SectionCard.tsx';
import { hurdleQueries } from './api.ts';
import { HurdleList } from './HurdleList.tsx';
import { RaiseHurdleModal } from './HurdleModal.tsx';

/** A compact view of a person's unresolved hurdles (My growth), with a link to all of them. */
export function HurdlesSection({ personId, mine }: { personId: string; mine: boolean }) {
  const q = useQuery(hurdleQueries.ofPerson(personId));
  const [raising, setRaising] = useState(false);
  if (q.error instanceof ApiError && q.error.status === 404) return null;
  const list = q.data?.data ?? [];
  return (
    <SectionCard
      title="Hurdles"
      actions={
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setRaising(true)}>
          Raise a hurdle
        </Button>
      }
    >
      <ErrorAlert error={q.error} />
      {q.isLoading ? (
        <Loading label="Loading hurdles" />
      ) : q.isError ? null : list.length === 0 ? (
        <EmptyText>{mine ? 'Nothing in your way right now. Raise a hurdle when something blocks a goal.' : 'No open hurdles.'}</EmptyText>
      ) : (
        <HurdleList items={list} canAssign={!mine} />
      )}
      {mine && (
        <Group justify="flex-end" mt="xs">
          <Anchor component={Link} to="/hurdles" size="sm">
            All hurdles
          </Anchor>
        </Group>
      )}
      <RaiseHurdleModal opened={raising} personId={personId} onClose={() => setRaising(false)} />
    </SectionCard>
  );
}
