import { Alert, Anchor, Badge, Button, Card, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiError } from '../../../lib/api.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { SectionCard } from '../../../ui/SectionCard.tsx';
import { confirmDanger, EmptyText, ErrorAlert, Loading } from '../../../ui/common.tsx';
import { reviewApi, reviewKeys, reviewQueries, type Result } from './api.ts';
import { ScrollTable } from './ScrollTable.tsx';
import { dayLabel, phaseColors, phaseLabels, relationshipLabels, statusColors, statusLabels } from './format.ts';
import { DecideNominations } from './Nominations.tsx';
import { RatingActions, type RatingTarget } from './Outcomes.tsx';

type SharedAnswer = Result['sections'][number]['questions'][number]['answers'][number];

/** A subject's reviews of one cycle: every review and answer for managers and HR; the shared view for the subject. */
export default function ResultPage() {
  const { cycleId, personId } = useParams({ strict: false }) as { cycleId: string; personId: string };
  const q = useQuery(reviewQueries.result(cycleId, personId));
  if (q.isLoading) return <Loading label="Loading the reviews" />;
  if (q.error instanceof ApiError && q.error.status === 404)
    return (
      <Stack>
        <EmptyText>These reviews are not shared with you, or they do not exist. A person reads their reviews once the cycle reaches sharing and they are released.</EmptyText>
        <Anchor component={Link} to="/reviews" ta="center">
          Back to reviews
        </Anchor>
      </Stack>
    );
  if (!q.data) return <ErrorAlert error={q.error} />;
  const r = q.data;
  const overseer = r.view === 'overseer';
  return (
    <Stack>
      <PageHeader
        title={overseer ? `Reviews of ${r.subject.name}` : 'Your review'}
        description={r.cycle.name}
        actions={
          <Badge variant="light" color={phaseColors[r.cycle.phase]}>
            {phaseLabels[r.cycle.phase]}
          </Badge>
        }
      />
      <Anchor component={Link} to="/reviews" size="sm">
        Back to reviews
      </Anchor>
      {overseer ? <OverseerPanel r={r} /> : <Acknowledge r={r} />}
      <Answers r={r} />
    </Stack>
  );
}

function OverseerPanel({ r }: { r: Result }) {
  const qc = useQueryClient();
  const refresh = () => void qc.invalidateQueries({ queryKey: reviewKeys.all });
  const release = useMutation({
    mutationFn: () => reviewApi.releaseOne(r.cycle.id, r.subject.id),
    onSuccess: (x) => {
      refresh();
      notifications.show({ color: 'teal', message: x.released ? `Shared with ${r.subject.name}.` : 'It was already shared.' });
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Could not share it', message: (e as Error).message }),
  });
  const reopen = useMutation({
    mutationFn: (id: string) => reviewApi.reopen(id),
    onSuccess: () => {
      refresh();
      notifications.show({ color: 'teal', message: 'Reopened: its reviewer can change it again.' });
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Could not reopen it', message: (e as Error).message }),
  });
  const reopenable = r.cycle.phase === 'writing' || r.cycle.phase === 'calibration';
  return (
    <>
      {(r.cycle.phase === 'nomination' || r.cycle.phase === 'writing') && (
        <SectionCard title="Peer nominations">
          <DecideNominations cycleId={r.cycle.id} subjectId={r.subject.id} subjectName={r.subject.name} />
        </SectionCard>
      )}
      <SectionCard title="Reviews">
        {r.reviews.length === 0 ? (
          <EmptyText>No reviews of {r.subject.name} in this cycle.</EmptyText>
        ) : (
          <ScrollTable label="Table of reviews" minWidth={460}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Reviewer</Table.Th>
                  <Table.Th>As</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>
                    <span className="sr-only">Actions</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.reviews.map((v) => (
                  <Table.Tr key={v.id}>
                    <Table.Td>
                      <Anchor component={Link} to="/reviews/$id" params={{ id: v.id } as never} size="sm">
                        {v.reviewer.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{relationshipLabels[v.relationship]}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={statusColors[v.status]}>
                        {statusLabels[v.status]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {v.status === 'submitted' && reopenable && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() =>
                            confirmDanger({
                              title: `Reopen ${v.reviewer.name}'s review?`,
                              body: 'It goes back to draft: its reviewer can change it and must submit it again.',
                              confirm: 'Reopen',
                              onConfirm: () => reopen.mutate(v.id),
                            })
                          }
                          aria-label={`Reopen ${v.reviewer.name}'s review`}
                        >
                          Reopen
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </SectionCard>
      <SectionCard title="Sharing">
        <Stack gap="xs">
          {r.releasedAt ? (
            <Text size="sm">
              Shared with {r.subject.name} on {dayLabel(r.releasedAt)}. {r.acknowledgedAt ? `Acknowledged on ${dayLabel(r.acknowledgedAt)}.` : 'Not acknowledged yet.'}
            </Text>
          ) : r.cycle.phase === 'sharing' ? (
            <Group justify="space-between" wrap="wrap">
              <Text size="sm">{r.subject.name} reads the shared view once you release it: anonymous answers without names, questions hidden from them left out.</Text>
              <Button onClick={() => release.mutate()} loading={release.isPending}>
                Release to {r.subject.name}
              </Button>
            </Group>
          ) : (
            <Text size="sm">Reviews are shared in the sharing phase.</Text>
          )}
          {r.subjectComment && (
            <Card withBorder padding="sm">
              <Text size="sm" fw={600}>
                {r.subject.name}'s comment
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {r.subjectComment}
              </Text>
            </Card>
          )}
        </Stack>
      </SectionCard>
    </>
  );
}

function Acknowledge({ r }: { r: Result }) {
  const qc = useQueryClient();
  const [comment, setComment] = useState(r.subjectComment ?? '');
  const ack = useMutation({
    mutationFn: () => reviewApi.acknowledge(r.cycle.id, r.subject.id, comment.trim() || null),
    onSuccess: (x) => {
      qc.setQueryData(reviewKeys.result(r.cycle.id, r.subject.id), x);
      void qc.invalidateQueries({ queryKey: reviewKeys.shared });
      notifications.show({ color: 'teal', message: 'Acknowledged. Your manager is told.' });
    },
  });
  const open = r.cycle.phase === 'sharing' || r.cycle.phase === 'closed';
  return (
    <SectionCard title="Acknowledge">
      {r.acknowledgedAt ? (
        <Stack gap={4}>
          <Text size="sm">You acknowledged this review on {dayLabel(r.acknowledgedAt)}.</Text>
          {r.subjectComment && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              Your comment: {r.subjectComment}
            </Text>
          )}
        </Stack>
      ) : open ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            ack.mutate();
          }}
        >
          <Stack gap="xs">
            <Text size="sm">Say you read it. Your manager reads your comment.</Text>
            <Textarea label="Comment (optional)" autosize minRows={2} maxLength={5000} value={comment} onChange={(e) => setComment(e.currentTarget.value)} />
            <ErrorAlert error={ack.error} title="Could not acknowledge" />
            <Group justify="flex-end">
              <Button type="submit" loading={ack.isPending}>
                Acknowledge
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Text size="sm">This cycle takes no acknowledgements now.</Text>
      )}
    </SectionCard>
  );
}

function AnswerText({ a, r, act }: { a: SharedAnswer['answer']; r: Result; act?: (skillId: string | undefined, label: string, max?: number) => RatingTarget }) {
  const point = (v: number) => {
    const p = r.scale.find((s) => s.value === v);
    return p ? `${v} · ${p.label}` : String(v);
  };
  const parts: React.ReactNode[] = [];
  if (a.rating !== undefined)
    parts.push(
      <Group key="r" justify="space-between" gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>
          {point(a.rating)}
        </Text>
        {act && <RatingActions target={act(undefined, 'the rating')} />}
      </Group>,
    );
  if (a.text) parts.push(<Text key="t" size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{a.text}</Text>);
  if (a.choices?.length) parts.push(<Text key="c" size="sm">{a.choices.join(', ')}</Text>);
  if (a.skills)
    parts.push(
      ...Object.entries(a.skills).map(([id, level]) => {
        const s = r.skills.find((x) => x.skillId === id);
        return (
          <Group key={`s-${id}`} justify="space-between" gap="xs" wrap="wrap" data-testid="result-skill">
            <Text size="sm">
              {s?.name ?? 'A skill'}: level {level}
              {s ? ` of ${s.max}` : ''}
              {s?.expected != null ? ` (expected ${s.expected})` : ''}
            </Text>
            {act && <RatingActions target={act(id, s?.name ?? 'this skill', s?.max)} />}
          </Group>
        );
      }),
    );
  if (a.goals)
    parts.push(
      ...Object.entries(a.goals).map(([id, v]) => (
        <Text key={`g-${id}`} size="sm">
          {r.goals.find((g) => g.goalId === id)?.title ?? 'A goal'}: {point(v)}
        </Text>
      )),
    );
  return <Stack gap={2}>{parts}</Stack>;
}

/**
 * Overseers act on a rating of a submitted review once it is released: the review is found by its
 * author and relationship (the overseer view names every author).
 */
function actionsFor(r: Result, questionId: string, prompt: string, a: SharedAnswer): ((skillId: string | undefined, label: string, max?: number) => RatingTarget) | undefined {
  if (r.view !== 'overseer' || !r.releasedAt || !a.author) return undefined;
  const review = r.reviews.find((v) => v.reviewer.id === a.author!.id && v.relationship === a.relationship && v.status === 'submitted');
  if (!review) return undefined;
  const by = a.author.name;
  return (skillId, label, max) => ({ reviewId: review.id, questionId, skillId, label: skillId ? `${label} (${by})` : `“${prompt}” (${by})`, max, subjectName: r.subject.name });
}

function Answers({ r }: { r: Result }) {
  const overseer = r.view === 'overseer';
  const any = r.sections.some((s) => s.questions.length);
  return (
    <Stack>
      <Title order={2} size="h3">
        {overseer ? 'Answers' : 'What your reviewers wrote'}
      </Title>
      {!any && <EmptyText>No answers {overseer ? 'yet: answers show once reviews are submitted.' : 'are shared with you.'}</EmptyText>}
      {r.sections.map((s) => (
        <Card key={s.id} withBorder padding="lg" component="section" aria-labelledby={`result-${s.id}`}>
          <Title order={3} size="h4" id={`result-${s.id}`} mb="sm">
            {s.title}
          </Title>
          <Stack gap="md">
            {s.questions.map((q) => (
              <Stack key={q.id} gap={6} data-testid="result-question">
                <Text fw={600}>{q.prompt}</Text>
                {q.answers.length === 0 && q.withheld.length === 0 && <Text size="sm">No answers yet.</Text>}
                {q.answers.map((a, i) => (
                  <Card key={i} padding="xs" withBorder data-testid="result-answer">
                    <Text size="xs" fw={600} mb={2}>
                      {a.author ? `${a.author.name} · ${relationshipLabels[a.relationship]}` : `${relationshipLabels[a.relationship]} (anonymous)`}
                    </Text>
                    <AnswerText a={a.answer} r={r} act={actionsFor(r, q.id, q.prompt, a)} />
                  </Card>
                ))}
                {q.withheld.map((w) => (
                  <Alert key={w.relationship} color="gray" variant="light" p="xs">
                    <Text size="sm">{w.reason}</Text>
                  </Alert>
                ))}
              </Stack>
            ))}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
