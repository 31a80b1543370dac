import { Anchor, Badge, Button, Group, List, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../../lib/api.ts';
import { SectionCard } from '../../../ui/SectionCard.tsx';
import { EmptyText, ErrorAlert, Loading } from '../../../ui/common.tsx';
import { peopleQueries } from '../../people/api.ts';
import { planApi, planKeys } from '../../talent/development-plans/api.ts';
import { recommendationApi, recommendationKeys, recommendationQueries, type Recommendation } from './api.ts';

const sourceLabels: Record<string, string> = {
  self: 'Self-assessment',
  manager: 'Manager rating',
  peer: 'Peer rating',
  review: 'Performance review',
  quiz: 'Quiz',
  checkpoint: 'Checkpoint',
  import: 'Imported',
};
const kindLabels: Record<string, string> = { profile_gap: 'Current role', aspiration_gap: 'Aspired role', hurdle: 'Hurdle', goal: 'Goal', review: 'Review' };
const formatDay = (iso: string) => new Date(iso).toLocaleDateString(undefined, { timeZone: 'UTC', dateStyle: 'medium' });
const level = (n: number | null) => (n == null ? 'not assessed' : String(Math.round(n * 10) / 10));
const hours = (minutes: number | null | undefined) => (minutes == null ? null : minutes < 60 ? `${minutes} min` : `${Math.round((minutes / 60) * 10) / 10} h`);

function Why({ rec, personId, mine }: { rec: Recommendation; personId: string; mine: boolean }) {
  const [open, setOpen] = useState(false);
  const id = `why-${rec.id}`;
  return (
    <>
      <Anchor
        component="button"
        type="button"
        size="sm"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        aria-controls={open ? id : undefined}
      >
        <Group gap={4} component="span">
          Why {open ? <IconChevronUp size={14} aria-hidden /> : <IconChevronDown size={14} aria-hidden />}
        </Group>
      </Anchor>
      {open ? (
        <List size="sm" spacing={4} mt={4} id={id}>
          {rec.evidence.map((e) => (
            <List.Item key={`${e.kind}-${e.skill.id}`}>
              <Text span size="sm" fw={500}>
                {e.skill.name}
              </Text>
              {`: expected ${e.expected}${e.profile ? ` for ${e.profile.name}` : ''} (${kindLabels[e.kind] ?? e.kind}), current ${level(e.current)}, this ${rec.kind === 'program' ? 'program' : 'course'} teaches ${e.teaches}. `}
              {e.assessment ? (
                <Anchor component={Link} to={(mine ? '/skills' : `/people/${personId}`) as never} size="sm">
                  {sourceLabels[e.assessment.source] ?? e.assessment.source}
                  {e.assessment.assessorName ? ` by ${e.assessment.assessorName}` : ''}, {formatDay(e.assessment.assessedAt)}
                </Anchor>
              ) : null}
            </List.Item>
          ))}
        </List>
      ) : null}
    </>
  );
}

/** Learning recommended for the person, each with why, its evidence, dismiss and add to plan. */
export function RecommendationsSection({ personId, mine }: { personId: string; mine: boolean }) {
  const qc = useQueryClient();
  const q = useQuery(recommendationQueries.ofPerson(personId));
  const person = useQuery({ ...peopleQueries.one(personId), enabled: !mine });
  const refresh = () => void qc.invalidateQueries({ queryKey: recommendationKeys.ofPerson(personId) });
  const onError = (title: string) => (err: unknown) => notifications.show({ color: 'red', title, message: (err as Error).message });

  const restore = useMutation({ mutationFn: (id: string) => recommendationApi.restore(id), onSuccess: refresh, onError: onError('Could not undo') });
  const dismiss = useMutation({
    mutationFn: (rec: Recommendation) => recommendationApi.dismiss(rec.id),
    onSuccess: (_r, rec) => {
      refresh();
      const nid = `dismissed-${rec.id}`;
      notifications.show({
        id: nid,
        title: 'Hidden from your recommendations',
        message: (
          <Group gap="xs" justify="space-between">
            <Text size="sm">{rec.item.title} will come back if your skills or role change.</Text>
            <Button
              size="compact-xs"
              variant="light"
              onClick={() => {
                notifications.hide(nid);
                restore.mutate(rec.id);
              }}
            >
              Undo
            </Button>
          </Group>
        ),
      });
    },
    onError: onError('Could not dismiss'),
  });
  const add = useMutation({
    // A program item enrols into the program (its course steps follow), a course item into the course.
    mutationFn: (rec: Recommendation) =>
      planApi.add(personId, {
        ...(rec.kind === 'program' ? { actionType: 'program' as const, programId: rec.item.id } : { actionType: 'course' as const, courseId: rec.item.id }),
        skillId: rec.evidence[0]?.skill.id ?? null,
        gapAssessmentId: rec.evidence[0]?.assessment?.id ?? null,
      }),
    onSuccess: (_r, rec) => {
      void qc.invalidateQueries({ queryKey: planKeys.ofPerson(personId) });
      void qc.invalidateQueries({ queryKey: ['enrollments'] });
      refresh();
      notifications.show({ color: 'green', title: 'Added to the plan', message: rec.item.title });
    },
    onError: onError('Could not add to the plan'),
  });

  if (q.error instanceof ApiError && q.error.status === 404) return null;
  const name = person.data ? `${person.data.firstName}` : null;
  const title = mine ? 'Recommended for you' : name ? `Recommended for ${name}` : 'Recommended learning';
  const items = q.data?.data ?? [];
  return (
    <SectionCard title={title}>
      <ErrorAlert error={q.error} />
      {q.isLoading ? (
        <Loading label="Loading recommendations" />
      ) : q.isError ? null : items.length === 0 ? (
        <EmptyText>No recommendations yet: rate your skills or add an aspiration</EmptyText>
      ) : (
        <Stack gap="sm">
          {items.map((rec) => (
            <Paper key={rec.id} withBorder p="sm" radius="sm" component="article" aria-label={rec.item.title}>
              <Stack gap={4}>
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Group gap="xs" wrap="nowrap">
                    <Anchor
                      component={Link}
                      to={rec.kind === 'program' ? '/learning/catalog/programs/$id' : '/learning/catalog/courses/$id'}
                      params={{ id: rec.item.id } as never}
                      fw={600}
                    >
                      {rec.item.title}
                    </Anchor>
                    {rec.kind === 'program' ? (
                      <Badge size="sm" variant="light">
                        Program
                      </Badge>
                    ) : null}
                  </Group>
                  {hours(rec.item.estimatedMinutes) ? (
                    <Text size="xs" c="dimmed">
                      {hours(rec.item.estimatedMinutes)}
                    </Text>
                  ) : null}
                </Group>
                <Text size="sm">{rec.explanation}</Text>
                <Why rec={rec} personId={personId} mine={mine} />
                <Group gap="xs" mt={4} wrap="wrap">
                  <Button size="xs" variant="light" loading={add.isPending && add.variables?.id === rec.id} onClick={() => add.mutate(rec)}>
                    {mine ? 'Add to my plan' : 'Add to plan'}
                  </Button>
                  {mine ? (
                    <Button size="xs" variant="subtle" color="gray" loading={dismiss.isPending && dismiss.variables?.id === rec.id} onClick={() => dismiss.mutate(rec)}>
                      Not for me
                    </Button>
                  ) : null}
                </Group>
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}
