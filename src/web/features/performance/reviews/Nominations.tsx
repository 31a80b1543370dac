import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldErrors } from '../../../lib/api.ts';
import { EmptyText, ErrorAlert, Loading } from '../../../ui/common.tsx';
import { PeopleMultiSelect } from '../../people/PeopleMultiSelect.tsx';
import { reviewApi, reviewKeys, reviewQueries, type Nominations } from './api.ts';
import { count } from './format.ts';
import { readableErrors } from './ReviewForm.tsx';

type Nomination = Nominations['data'][number];
const nominationLabels: Record<Nomination['status'], string> = { nominated: 'Waiting for approval', approved: 'Approved', declined: 'Declined' };
const nominationColors: Record<Nomination['status'], string> = { nominated: 'yellow', approved: 'teal', declined: 'gray' };

function NominationRow({ n, actions }: { n: Nomination; actions?: React.ReactNode }) {
  return (
    <Group justify="space-between" wrap="wrap" gap="xs" data-testid="nomination">
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
          {n.reviewer.name}
        </Text>
        {n.reviewer.jobTitle && <Text size="sm">{n.reviewer.jobTitle}</Text>}
      </Stack>
      <Group gap="xs">
        <Badge variant="light" color={nominationColors[n.status]}>
          {nominationLabels[n.status]}
        </Badge>
        {actions}
      </Group>
    </Group>
  );
}

/** The subject names the peers they would like to review them, within the cycle's fewest and most; pending ones can be withdrawn. */
export function NominatePeers({ cycleId }: { cycleId: string }) {
  const qc = useQueryClient();
  const q = useQuery(reviewQueries.nominations(cycleId));
  const [picked, setPicked] = useState<string[]>([]);
  const refresh = () => void qc.invalidateQueries({ queryKey: reviewKeys.nominations(cycleId) });
  const nominate = useMutation({
    mutationFn: () => reviewApi.nominate(cycleId, picked),
    onSuccess: (r) => {
      qc.setQueryData(reviewKeys.nominations(cycleId), r);
      setPicked([]);
      notifications.show({ color: 'teal', message: 'Nominated. Your manager approves or declines each one.' });
    },
  });
  const withdraw = useMutation({
    mutationFn: (id: string) => reviewApi.withdraw(id),
    onSuccess: refresh,
    onError: (e) => notifications.show({ color: 'red', title: 'Could not withdraw it', message: (e as Error).message }),
  });
  if (q.isLoading) return <Loading label="Loading your nominations" />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const { data, min, max, phase } = q.data;
  const open = data.filter((n) => n.status !== 'declined').length;
  const room = Math.max(0, max - open);
  const errors = fieldErrors(nominate.error);
  const canNominate = phase === 'nomination';
  return (
    <Stack gap="sm">
      <Text size="sm">
        Choose {min === max ? count(max, 'colleague') : `${min} to ${max} colleagues`} who worked with you this period. Your manager approves each one; approved peers review you once
        writing starts.
      </Text>
      {data.length === 0 ? (
        <EmptyText>You have not nominated anyone yet.</EmptyText>
      ) : (
        <Stack gap="xs">
          {data.map((n) => (
            <NominationRow
              key={n.id}
              n={n}
              actions={
                n.status === 'nominated' && canNominate ? (
                  <Button size="compact-xs" variant="subtle" color="red" c="red.9" onClick={() => withdraw.mutate(n.id)} loading={withdraw.isPending && withdraw.variables === n.id} aria-label={`Withdraw ${n.reviewer.name}`}>
                    Withdraw
                  </Button>
                ) : undefined
              }
            />
          ))}
        </Stack>
      )}
      {canNominate ? (
        room > 0 ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (picked.length) nominate.mutate();
            }}
            style={readableErrors}
          >
            <Stack gap="xs">
              <PeopleMultiSelect
                label="Nominate peers"
                description={`You can nominate ${count(room, 'more person', 'more people')}.`}
                value={picked}
                onChange={(v) => setPicked(v.slice(0, room))}
                error={errors.reviewerIds ?? Object.entries(errors).find(([k]) => k.startsWith('reviewerIds.'))?.[1]}
              />
              {nominate.error && !Object.keys(errors).length && <ErrorAlert error={nominate.error} title="Could not nominate" />}
              <Group justify="flex-end">
                <Button type="submit" disabled={!picked.length} loading={nominate.isPending}>
                  Nominate
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <Text size="sm">You have nominated the most this cycle allows ({max}).</Text>
        )
      ) : (
        <Text size="sm">Nominations are closed.</Text>
      )}
      {canNominate && open < min && <Text size="sm" c="orange.9">Nominate at least {count(min - open, 'more peer')}.</Text>}
    </Stack>
  );
}

/** The subject's manager (or HR) approves or declines each nomination, in nomination and writing. */
export function DecideNominations({ cycleId, subjectId, subjectName }: { cycleId: string; subjectId: string; subjectName: string }) {
  const qc = useQueryClient();
  const q = useQuery(reviewQueries.nominations(cycleId, subjectId));
  const decide = useMutation({
    mutationFn: (v: { id: string; status: 'approved' | 'declined' }) => reviewApi.decide(v.id, v.status),
    onSuccess: (r) => {
      qc.setQueryData(reviewKeys.nominations(cycleId, subjectId), r);
      void qc.invalidateQueries({ queryKey: reviewKeys.result(cycleId, subjectId) });
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Could not decide', message: (e as Error).message }),
  });
  if (q.isLoading) return <Loading label="Loading nominations" />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const { data, min, max, phase } = q.data;
  const deciding = phase === 'nomination' || phase === 'writing';
  return (
    <Stack gap="sm">
      <Text size="sm">
        {subjectName} nominates {min === max ? max : `${min} to ${max}`} peers; approved ones review {subjectName} once writing starts.
      </Text>
      {data.length === 0 ? (
        <EmptyText>No nominations yet.</EmptyText>
      ) : (
        data.map((n) => (
          <NominationRow
            key={n.id}
            n={n}
            actions={
              deciding ? (
                <>
                  {n.status !== 'approved' && (
                    <Button size="compact-xs" variant="light" onClick={() => decide.mutate({ id: n.id, status: 'approved' })} aria-label={`Approve ${n.reviewer.name}`}>
                      Approve
                    </Button>
                  )}
                  {n.status !== 'declined' && (
                    <Button size="compact-xs" variant="subtle" color="red" c="red.9" onClick={() => decide.mutate({ id: n.id, status: 'declined' })} aria-label={`Decline ${n.reviewer.name}`}>
                      Decline
                    </Button>
                  )}
                </>
              ) : undefined
            }
          />
        ))
      )}
    </Stack>
  );
}
