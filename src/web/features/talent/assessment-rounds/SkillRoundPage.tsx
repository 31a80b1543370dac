import { Anchor, Badge, Button, Card, Group, Modal, ScrollArea, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiError } from '../../../lib/api.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { EmptyText, ErrorAlert, Loading, confirmDanger } from '../../../ui/common.tsx';
import { formatDay, roundApi, roundKeys, roundQueries, type RoundMember } from './api.ts';
import { RatingsForm } from './RatingsForm.tsx';
import { RoundProgress } from './RoundProgress.tsx';

const done = (at: string | null, label: string) =>
  at ? (
    <Badge color="teal" variant="light" tt="none">
      {label} {formatDay(at)}
    </Badge>
  ) : (
    <Badge color="gray" variant="outline" tt="none">
      Not yet
    </Badge>
  );

/** One round: progress, and per member whether they and the manager have rated, with a Rate action. */
export default function SkillRoundPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const qc = useQueryClient();
  const q = useQuery(roundQueries.one(id));
  const [rating, setRating] = useState<RoundMember | null>(null);
  const close = useMutation({
    mutationFn: () => roundApi.close(id),
    onSuccess: (r) => {
      qc.setQueryData(roundKeys.one(id), r);
      void qc.invalidateQueries({ queryKey: roundKeys.list });
      notifications.show({ color: 'green', message: 'Round closed' });
    },
    onError: (err) => notifications.show({ color: 'red', title: 'Could not close the round', message: (err as Error).message }),
  });
  if (q.isLoading) return <Loading label="Loading the round" />;
  if (q.error instanceof ApiError && q.error.status === 404) {
    return (
      <Stack>
        <PageHeader title="Round not found" />
        <EmptyText>
          This round does not exist or is not yours to see. <Anchor component={Link} to="/skill-rounds">Back to skill rounds</Anchor>
        </EmptyText>
      </Stack>
    );
  }
  if (!q.data) return <ErrorAlert error={q.error} />;
  const r = q.data;
  return (
    <Stack gap="lg">
      <PageHeader
        title={r.title}
        description={
          <>
            Run by {r.manager.name} · started {formatDay(r.createdAt)}
            {r.dueAt ? ` · due ${formatDay(r.dueAt)}` : ''}
            {r.closedAt ? ` · closed ${formatDay(r.closedAt)}` : ''}
          </>
        }
        actions={
          <Group gap="xs">
            <Badge color={r.status === 'open' ? 'green' : 'gray'} variant="light" size="lg">
              {r.status === 'open' ? 'Open' : 'Closed'}
            </Badge>
            {r.canClose && (
              <Button
                variant="default"
                loading={close.isPending}
                onClick={() =>
                  confirmDanger({
                    title: 'Close this round',
                    body: 'Nobody can add ratings after it closes; the ratings given stay.',
                    confirm: 'Close round',
                    onConfirm: () => close.mutate(),
                  })
                }
              >
                Close round
              </Button>
            )}
          </Group>
        }
      />
      <Card withBorder padding="md" maw={520}>
        <RoundProgress progress={r.progress} label={r.title} />
      </Card>
      {r.members.length === 0 ? (
        <EmptyText>Nobody is in this round.</EmptyText>
      ) : (
        <ScrollArea type="auto">
          <Table striped highlightOnHover miw={640} aria-label={`Members of ${r.title}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Person</Table.Th>
                <Table.Th scope="col">Skills</Table.Th>
                <Table.Th scope="col">Self-assessment</Table.Th>
                <Table.Th scope="col">Manager rating</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.members.map((m) => (
                <Table.Tr key={m.personId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/people/${m.personId}`} fw={600} size="sm">
                      {m.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {m.profile?.name ?? 'No job profile'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {m.skills.length ? m.skills.map((s) => `${s.name}${s.selfLevel !== null || s.managerLevel !== null ? ` (${s.selfLevel ?? '–'}/${s.managerLevel ?? '–'})` : ''}`).join(', ') : '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>{done(m.selfSubmittedAt, 'Done')}</Table.Td>
                  <Table.Td>{done(m.managerSubmittedAt, 'Done')}</Table.Td>
                  <Table.Td>
                    {m.canSubmitManager && m.skills.length > 0 && (
                      <Button size="xs" variant="light" onClick={() => setRating(m)} aria-label={`Rate ${m.name}`}>
                        Rate
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed" mt="xs">
            Skills show (their own rating / the manager’s) once given.
          </Text>
        </ScrollArea>
      )}
      {rating && <RateMemberModal roundId={r.id} member={rating} onClose={() => setRating(null)} />}
    </Stack>
  );
}

function RateMemberModal({ roundId, member, onClose }: { roundId: string; member: RoundMember; onClose: () => void }) {
  const qc = useQueryClient();
  const submit = useMutation({
    mutationFn: (body: Parameters<typeof roundApi.submit>[3]) => roundApi.submit(roundId, member.personId, 'manager', body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: roundKeys.all });
      void qc.invalidateQueries({ queryKey: ['person-skills', member.personId] });
      notifications.show({ color: 'green', message: `Your rating of ${member.name} is saved` });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={`Rate ${member.name}`} size="lg">
      <Stack>
        <Text size="sm" c="dimmed">
          {member.selfSubmittedAt
            ? `${member.name} rated themselves on ${formatDay(member.selfSubmittedAt)}; their levels are shown beside each skill.`
            : `${member.name} has not rated themselves yet; you can rate now or wait for them.`}
        </Text>
        <RatingsForm skills={member.skills} side="manager" pending={submit.isPending} error={submit.error} submitLabel="Save rating" onCancel={onClose} onSubmit={(b) => submit.mutate(b)} />
      </Stack>
    </Modal>
  );
}
