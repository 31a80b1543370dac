import { Badge, Box, Button, Collapse, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { SectionCard } from '../../../ui/SectionCard.tsx';
import { ErrorAlert } from '../../../ui/common.tsx';
import { formatDay, roundApi, roundKeys, roundQueries, type MyRound } from './api.ts';
import { RatingsForm } from './RatingsForm.tsx';

/**
 * On My growth: the open rounds in which the person's manager asked them to rate their skills,
 * each with its form. Nothing is shown when no round waits for them.
 */
export function MyRoundsCard() {
  const q = useQuery(roundQueries.mine());
  const waiting = (q.data?.data ?? []).filter((r) => r.me.canSubmitSelf && r.me.skills.length > 0);
  if (q.error) return <ErrorAlert error={q.error} title="Could not load your skill rounds" />;
  if (!waiting.length) return null;
  return (
    <SectionCard title="Your manager asked you to rate your skills">
      <Stack gap="md">
        {waiting.map((r) => (
          <RoundToRate key={r.id} round={r} />
        ))}
      </Stack>
    </SectionCard>
  );
}

function RoundToRate({ round }: { round: MyRound }) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const submit = useMutation({
    mutationFn: (body: Parameters<typeof roundApi.submit>[3]) => roundApi.submit(round.id, round.me.personId, 'self', body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: roundKeys.all });
      void qc.invalidateQueries({ queryKey: ['person-skills', round.me.personId] });
      void qc.invalidateQueries({ queryKey: ['recommendations'] });
      notifications.show({ color: 'green', message: `Thanks: ${round.manager.name} can now add their rating` });
    },
  });
  const formId = `round-form-${round.id}`;
  // Each round is an article named by its title: with two rounds open, "Rate my skills" alone
  // would not say which one a screen reader user is in.
  return (
    <Box component="article" aria-labelledby={`round-title-${round.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Stack gap={2}>
            <Text fw={600} size="sm" id={`round-title-${round.id}`}>
              {round.title}
            </Text>
            <Text size="xs" c="dimmed">
              From {round.manager.name} · {round.me.skills.length} {round.me.skills.length === 1 ? 'skill' : 'skills'} of your profile
              {round.me.profile ? ` (${round.me.profile.name})` : ''}
            </Text>
          </Stack>
          <Group gap="xs">
            {round.dueAt && (
              <Badge variant="light" color="orange" tt="none">
                Due {formatDay(round.dueAt)}
              </Badge>
            )}
            <Button size="xs" variant={open ? 'default' : 'filled'} onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-controls={formId}>
              {open ? 'Hide' : 'Rate my skills'}
            </Button>
          </Group>
        </Group>
        <Collapse expanded={open} id={formId}>
          <Text size="sm" c="dimmed" mb="sm">
            Rate where you stand today on each skill; your manager then adds their rating, and both count towards your current level.
          </Text>
          <RatingsForm skills={round.me.skills} side="self" pending={submit.isPending} error={submit.error} submitLabel="Submit my ratings" onCancel={() => setOpen(false)} onSubmit={(b) => submit.mutate(b)} />
        </Collapse>
      </Stack>
    </Box>
  );
}
