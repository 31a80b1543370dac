import { Alert, Anchor, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../lib/api.ts';
import { useMe } from '../../../lib/me.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { EmptyText, ErrorAlert, Loading } from '../../../ui/common.tsx';
import { reviewApi, reviewKeys, reviewQueries, type Answer, type Answers, type Review } from './api.ts';
import { answered, dayLabel, phaseLabels, relationshipRoles, statusColors, statusLabels } from './format.ts';
import { QuestionInput, readableErrors } from './ReviewForm.tsx';

/** How long typing pauses before the draft is saved. */
const SAVE_AFTER_MS = 800;

export default function ReviewPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const q = useQuery(reviewQueries.one(id));
  if (q.isLoading) return <Loading label="Loading the review" />;
  if (q.error instanceof ApiError && q.error.status === 404) return <EmptyText>This review does not exist, or it is not yours to see.</EmptyText>;
  if (!q.data) return <ErrorAlert error={q.error} />;
  // A new form state when the review changes hands or is reopened or submitted.
  return <ReviewEditor key={`${q.data.id}:${q.data.status === 'submitted'}:${q.data.editable}`} review={q.data} />;
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'failed'; message: string };

/** Field errors keyed by question id, from the API's details (`answers.<question>[.…]`). */
function errorsByQuestion(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const d of err.details) {
    const m = d.path?.match(/^answers\.([^.]+)/);
    if (m && !out[m[1]!]) out[m[1]!] = d.message;
  }
  return out;
}

function ReviewEditor({ review }: { review: Review }) {
  const qc = useQueryClient();
  const me = useMe().data;
  const [answers, setAnswers] = useState<Answers>(() => review.answers as Answers);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<string[]>([]);
  const pending = useRef<Answers>({});
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<unknown> | null>(null);
  const readOnly = !review.editable;

  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inFlight.current) await inFlight.current.catch(() => undefined);
    const batch = pending.current;
    if (!Object.keys(batch).length) return true;
    pending.current = {};
    setState({ kind: 'saving' });
    const call = reviewApi.saveAnswers(review.id, batch);
    inFlight.current = call;
    try {
      const saved = await call;
      qc.setQueryData(reviewKeys.one(review.id), (old: Review | undefined) => (old ? { ...old, answers: saved.answers, status: saved.status, updatedAt: saved.updatedAt } : saved));
      void qc.invalidateQueries({ queryKey: reviewKeys.mine });
      setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in batch))));
      setState({ kind: 'saved', at: new Date() });
      return true;
    } catch (err) {
      // Keep what did not save, under anything typed since, so the next save (or Retry) sends it.
      pending.current = { ...batch, ...pending.current };
      setErrors((e) => ({ ...e, ...errorsByQuestion(err) }));
      setState({ kind: 'failed', message: (err as Error).message });
      return false;
    } finally {
      inFlight.current = null;
    }
  }, [qc, review.id]);

  // Whatever is still waiting is saved when the page is left.
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      if (Object.keys(pending.current).length) void reviewApi.saveAnswers(review.id, pending.current).catch(() => undefined);
    },
    [review.id],
  );

  const change = (questionId: string, a: Answer) => {
    setAnswers((old) => ({ ...old, [questionId]: a }));
    setMissing((m) => m.filter((x) => x !== questionId));
    pending.current = { ...pending.current, [questionId]: a };
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), SAVE_AFTER_MS);
  };

  const submit = useMutation({
    mutationFn: async () => {
      if (!(await flush())) throw new Error('Your last changes are not saved yet');
      return reviewApi.submit(review.id);
    },
    onSuccess: (r) => {
      qc.setQueryData(reviewKeys.one(review.id), r);
      void qc.invalidateQueries({ queryKey: reviewKeys.all });
      notifications.show({ color: 'teal', message: 'Review submitted.' });
    },
    onError: (err) => {
      const byQ = errorsByQuestion(err);
      setErrors((e) => ({ ...e, ...byQ }));
      setMissing(Object.keys(byQ));
    },
  });

  const questions = review.sections.flatMap((s) => s.questions);
  const open = questions.filter((q) => q.required && !answered(q, answers[q.id], review)).length;
  const prompts = new Map(questions.map((q) => [q.id, q.prompt]));
  const own = me?.personId !== undefined && review.reviewer?.id === me.personId;
  const subjectLabel = review.relationship === 'self' ? 'Your self-review' : `Review of ${review.subject.name}`;

  return (
    <Stack>
      <PageHeader
        title={subjectLabel}
        description={`${review.cycle.name} · ${relationshipRoles[review.relationship]}${!own && review.reviewer ? ` · written by ${review.reviewer.name}` : ''} · due ${dayLabel(review.cycle.writingEndsOn)}`}
        actions={
          <Group gap="xs">
            <Badge variant="light" color={statusColors[review.status]}>
              {statusLabels[review.status]}
            </Badge>
            {!readOnly && <SaveIndicator state={state} onRetry={() => void flush()} />}
          </Group>
        }
      />
      <Anchor component={Link} to="/reviews" size="sm">
        Back to reviews
      </Anchor>
      {review.anonymous && review.relationship !== 'self' && own && (
        <Alert color="blue" variant="light">
          This review is anonymous: {review.subject.name} sees your answers without your name, and only together with others'.
        </Alert>
      )}
      {readOnly && (
        <Alert color="gray" variant="light" role="status">
          {review.status === 'submitted'
            ? `Submitted ${review.submittedAt ? dayLabel(review.submittedAt) : ''}. It is read-only now; HR or the manager can reopen it.`
            : review.cycle.phase === 'nomination'
              ? 'Writing opens when the cycle moves on from nomination.'
              : own
                ? `This cycle is in ${phaseLabels[review.cycle.phase].toLowerCase()}: reviews are not written now.`
                : 'You are reading someone else’s review.'}
        </Alert>
      )}
      <Text size="sm">
        Period {dayLabel(review.cycle.periodStartsOn)} – {dayLabel(review.cycle.periodEndsOn)}.
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit.mutate();
        }}
        noValidate
        style={readableErrors}
      >
        <Stack>
          {review.sections.map((s) => (
            <Card key={s.id} withBorder padding="lg" component="section" aria-labelledby={`section-${s.id}`}>
              <Title order={2} size="h4" id={`section-${s.id}`} mb={4}>
                {s.title}
              </Title>
              {s.description && (
                <Text size="sm" mb="sm">
                  {s.description}
                </Text>
              )}
              <Stack gap="lg">
                {s.questions.map((q) => (
                  <div key={q.id} id={`q-${q.id}`}>
                    <QuestionInput q={q} review={review} answer={answers[q.id]} onChange={(a) => change(q.id, a)} readOnly={readOnly} error={errors[q.id]} />
                  </div>
                ))}
              </Stack>
            </Card>
          ))}
          {missing.length > 0 && (
            <Alert color="red" role="alert" title="Answer these before you submit">
              <List size="sm">
                {missing.map((m) => (
                  <List.Item key={m}>
                    <Anchor href={`#q-${m}`} size="sm" c="red.9" underline="always">
                      {prompts.get(m) ?? m}
                    </Anchor>
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          {submit.error && !missing.length && <ErrorAlert error={submit.error} title="Could not submit" />}
          {!readOnly && (
            <Group justify="space-between" wrap="wrap">
              <Text size="sm">{open === 0 ? 'Every required question is answered.' : `${open} required ${open === 1 ? 'question' : 'questions'} left.`}</Text>
              <Button type="submit" loading={submit.isPending}>
                Submit review
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Stack>
  );
}

function SaveIndicator({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  return (
    <Group gap={6} role="status" aria-live="polite" data-testid="save-state">
      {state.kind === 'saving' && <Text size="sm">Saving…</Text>}
      {state.kind === 'saved' && <Text size="sm">Saved</Text>}
      {state.kind === 'idle' && <Text size="sm">Drafts save as you type</Text>}
      {state.kind === 'failed' && (
        <>
          <Text size="sm" c="red.9">
            Not saved: {state.message}
          </Text>
          <Button size="compact-xs" variant="light" onClick={onRetry}>
            Retry
          </Button>
        </>
      )}
    </Group>
  );
}
