import { ActionIcon, Badge, Button, Card, Checkbox, Group, Modal, MultiSelect, NumberInput, Progress, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useMe } from '../../../lib/me.ts';
import { PersonPicker } from '../../people/PersonPicker.tsx';
import { skillQueries } from '../../talent/skills/api.ts';
import { EmptyText, ErrorAlert, Loading, LoadMore } from '../../../ui/common.tsx';
import { feedbackApi, feedbackKeys, feedbackQueries, type AnswerBody, type FeedbackView, type Invitation } from './api.ts';

const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' }) : '');
const refreshLists = (qc: ReturnType<typeof useQueryClient>) => {
  for (const queryKey of feedbackKeys.lists) void qc.invalidateQueries({ queryKey });
};

// ---- requests I must answer ----------------------------------------------------------------------

export function ToAnswer({ focusId }: { focusId?: string }) {
  const q = useInfiniteQuery(feedbackQueries.invitations());
  const [answering, setAnswering] = useState<Invitation | null>(null);
  const items = q.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <Stack>
      {q.isPending ? <Loading /> : q.error ? <ErrorAlert error={q.error} /> : null}
      {!q.isPending && !items.length && !q.error ? <EmptyText>Nobody is waiting for your feedback.</EmptyText> : null}
      {items.map((i) => (
        <Card key={i.id} withBorder aria-current={i.request.id === focusId ? 'true' : undefined} style={i.request.id === focusId ? { borderColor: 'var(--mantine-color-blue-6)' } : undefined}>
          <Stack gap={4}>
            <Text fw={600}>
              {i.request.forManager ? `${i.request.requester.name} asks about ${i.request.subject.name}` : `${i.request.requester.name} asks for your feedback`}
            </Text>
            {i.request.message ? <Text style={{ whiteSpace: 'pre-wrap' }}>{i.request.message}</Text> : null}
            <Text size="sm" c="dimmed">
              {i.request.questions.length} question{i.request.questions.length === 1 ? '' : 's'}
              {i.request.skills.length ? ` · skills: ${i.request.skills.map((s) => s.name).join(', ')}` : ''}
              {i.request.expiresAt ? ` · by ${day(i.request.expiresAt)}` : ''}
              {i.request.anonymousAllowed ? ' · you may answer anonymously' : ''}
            </Text>
            <Group mt="xs">
              <Button onClick={() => setAnswering(i)}>Answer</Button>
              <DeclineButton id={i.id} />
            </Group>
          </Stack>
        </Card>
      ))}
      <LoadMore hasMore={!!q.hasNextPage} loading={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()} />
      {answering ? <AnswerModal invitation={answering} onClose={() => setAnswering(null)} /> : null}
    </Stack>
  );
}

function DeclineButton({ id }: { id: string }) {
  const qc = useQueryClient();
  const m = useMutation({ mutationFn: () => feedbackApi.decline(id), onSuccess: () => refreshLists(qc), onError: (e) => notifications.show({ color: 'red', message: e.message }) });
  return (
    <Button variant="default" loading={m.isPending} onClick={() => m.mutate()}>
      Decline
    </Button>
  );
}

function AnswerModal({ invitation, onClose }: { invitation: Invitation; onClose: () => void }) {
  const qc = useQueryClient();
  const r = invitation.request;
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [ratings, setRatings] = useState<Record<string, number | ''>>({});
  const [body, setBody] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [shareWithManagers, setShareWithManagers] = useState(false);
  const [shareWithSubject, setShareWithSubject] = useState(false);
  const m = useMutation({
    mutationFn: (b: AnswerBody) => feedbackApi.answer(invitation.id, b),
    onSuccess: (res) => {
      refreshLists(qc);
      notifications.show({ message: res.anonymous ? 'Sent anonymously. It reaches them tomorrow, without your name.' : 'Feedback sent' });
      onClose();
    },
  });
  const submit = () =>
    m.mutate({
      body: body || undefined,
      answers: Object.entries(answers).filter(([, t]) => t.trim()).map(([questionId, text]) => ({ questionId, text })),
      skillRatings: Object.entries(ratings).flatMap(([skillId, level]) => (level === '' ? [] : [{ skillId, level }])),
      anonymous,
      shareWithManagers,
      shareWithSubject: r.forManager && shareWithSubject,
    });
  return (
    <Modal opened onClose={onClose} title={r.forManager ? `Feedback on ${r.subject.name} for ${r.requester.name}` : `Feedback for ${r.requester.name}`} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          {m.error ? <ErrorAlert error={m.error} title="Not sent" /> : null}
          {r.questions.map((q) => (
            <Textarea key={q.id} label={q.text} autosize minRows={2} maxLength={5000} value={answers[q.id] ?? ''} onChange={(e) => setAnswers({ ...answers, [q.id]: e.currentTarget.value })} />
          ))}
          {r.skills.map((s) => (
            <NumberInput key={s.id} label={`${s.name}: level (1–5)`} min={1} max={5} allowDecimal={false} value={ratings[s.id] ?? ''} onChange={(v) => setRatings({ ...ratings, [s.id]: typeof v === 'number' ? v : '' })} />
          ))}
          <Textarea label={r.questions.length ? 'Anything else' : 'Your feedback'} autosize minRows={3} maxLength={10000} value={body} onChange={(e) => setBody(e.currentTarget.value)} />
          {r.anonymousAllowed ? (
            <Checkbox
              checked={anonymous}
              onChange={(e) => setAnonymous(e.currentTarget.checked)}
              label="Answer anonymously"
              description="Your name is not stored with it. It is delivered the next day, and nobody, admins included, can find out it was you."
            />
          ) : null}
          <Checkbox checked={shareWithManagers} onChange={(e) => setShareWithManagers(e.currentTarget.checked)} label={`Let ${r.requester.name}'s managers read it`} />
          {r.forManager ? <Checkbox checked={shareWithSubject} onChange={(e) => setShareWithSubject(e.currentTarget.checked)} label={`Let ${r.subject.name} read it`} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={m.isPending}>
              Send feedback
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

// ---- feedback I received (or gave) ---------------------------------------------------------------

export function FeedbackReceived() {
  const [view, setView] = useState<FeedbackView>('received');
  const q = useInfiniteQuery(feedbackQueries.feedback(view));
  const items = q.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <Stack>
      <SegmentedControl
        aria-label="Which feedback"
        value={view}
        onChange={(v) => setView(v as FeedbackView)}
        data={[
          { value: 'received', label: 'Received' },
          { value: 'given', label: 'Given' },
          { value: 'team', label: 'My team' },
        ]}
      />
      {q.isPending ? <Loading /> : q.error ? <ErrorAlert error={q.error} /> : null}
      {!q.isPending && !items.length && !q.error ? (
        <EmptyText>{view === 'given' ? 'You have not given named feedback yet.' : view === 'team' ? 'No feedback on your team was shared with you.' : 'No feedback yet. Ask for some under Requests I made.'}</EmptyText>
      ) : null}
      {items.map((f) => (
        <Card key={f.id} withBorder component="article">
          <Stack gap={4}>
            <Group justify="space-between">
              <Text fw={600}>
                {f.anonymous ? 'Anonymous' : (f.giver?.name ?? 'A former colleague')}
                {f.subject.id !== f.receiver.id ? ` on ${f.subject.name}` : view !== 'received' ? ` to ${f.receiver.name}` : ''}
              </Text>
              <Text size="sm" c="dimmed">
                {day(f.givenOn)}
              </Text>
            </Group>
            {f.answers.map((a) => (
              <div key={a.questionId}>
                <Text size="sm" fw={500}>
                  {a.question ?? 'Question'}
                </Text>
                <Text style={{ whiteSpace: 'pre-wrap' }}>{a.text}</Text>
              </div>
            ))}
            {f.body ? <Text style={{ whiteSpace: 'pre-wrap' }}>{f.body}</Text> : null}
            <Group gap={6}>
              {f.skillRatings.map((s) => (
                <Badge key={s.skillId} variant="outline" color="gray">
                  {s.name ?? 'Skill'}: {s.level}
                </Badge>
              ))}
              {f.values.map((v) => (
                <Badge key={v.id} variant="light">
                  {v.name}
                </Badge>
              ))}
            </Group>
          </Stack>
        </Card>
      ))}
      <LoadMore hasMore={!!q.hasNextPage} loading={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()} />
    </Stack>
  );
}

// ---- requests I made -----------------------------------------------------------------------------

export function MyRequests() {
  const q = useInfiniteQuery(feedbackQueries.requests());
  const [asking, setAsking] = useState(false);
  const items = q.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Text c="dimmed">Ask colleagues for feedback on you, or on someone in your team.</Text>
        <Button onClick={() => setAsking(true)}>Request feedback</Button>
      </Group>
      {q.isPending ? <Loading /> : q.error ? <ErrorAlert error={q.error} /> : null}
      {!q.isPending && !items.length && !q.error ? <EmptyText>You have not asked for feedback yet.</EmptyText> : null}
      {items.map((r) => {
        const pct = r.progress.invited ? Math.round((100 * r.progress.answered) / r.progress.invited) : 0;
        return (
          <Card key={r.id} withBorder>
            <Stack gap={4}>
              <Group justify="space-between">
                <Text fw={600}>{r.subject.id === r.requester.id ? 'Feedback on me' : `Feedback on ${r.subject.name}`}</Text>
                <Badge variant="light" color={r.status === 'open' ? 'blue' : 'gray'}>{r.status}</Badge>
              </Group>
              <Text size="sm" c="dimmed">
                Asked {day(r.createdAt)}
                {r.expiresAt ? ` · until ${day(r.expiresAt)}` : ''}
                {r.allowAnonymous ? ' · answers may be anonymous' : ''}
              </Text>
              <Progress value={pct} aria-label={`${r.progress.answered} of ${r.progress.invited} answered`} />
              <Text size="sm">
                {r.progress.answered} of {r.progress.invited} answered · {r.progress.declined} declined · {r.progress.pending} waiting
              </Text>
              <Text size="sm" c="dimmed">
                Asked: {r.invitations.map((i) => (i.status ? `${i.giver.name} (${i.status})` : i.giver.name)).join(', ')}
              </Text>
              {r.allowAnonymous ? (
                <Text size="xs" c="dimmed">
                  Who answered is not shown, and anonymous answers count from the day after they were given.
                </Text>
              ) : null}
              {r.status === 'open' ? <CloseRequestButton id={r.id} /> : null}
            </Stack>
          </Card>
        );
      })}
      <LoadMore hasMore={!!q.hasNextPage} loading={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()} />
      <RequestFeedbackModal opened={asking} onClose={() => setAsking(false)} />
    </Stack>
  );
}

function CloseRequestButton({ id }: { id: string }) {
  const qc = useQueryClient();
  const m = useMutation({ mutationFn: () => feedbackApi.closeRequest(id), onSuccess: () => refreshLists(qc) });
  return (
    <Group>
      <Button size="compact-sm" variant="subtle" loading={m.isPending} onClick={() => m.mutate()}>
        Stop taking answers
      </Button>
    </Group>
  );
}

export function RequestFeedbackModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const me = useMe();
  const settings = useQuery({ ...feedbackQueries.settings(), enabled: opened });
  const skills = useQuery({ ...skillQueries.everything(), enabled: opened });
  const [subject, setSubject] = useState<{ id: string; name: string } | null>(null);
  const [givers, setGivers] = useState<{ id: string; name: string }[]>([]);
  const [questions, setQuestions] = useState<string[]>(['What should I keep doing?', 'What could I do better?']);
  const [skillIds, setSkillIds] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const [expires, setExpires] = useState('');
  const [allowAnonymous, setAllowAnonymous] = useState(false);
  const m = useMutation({
    mutationFn: () =>
      feedbackApi.request({
        subjectId: subject?.id,
        giverIds: givers.map((g) => g.id),
        message: message || undefined,
        questions: questions.filter((q) => q.trim()).map((text) => ({ text })),
        skillIds,
        allowAnonymous: allowAnonymous && !!settings.data?.anonymousFeedback,
        expiresAt: expires ? new Date(`${expires}T23:59:59`).toISOString() : undefined,
      }),
    onSuccess: () => {
      refreshLists(qc);
      notifications.show({ message: 'Request sent' });
      setGivers([]);
      setSubject(null);
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title="Request feedback" size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          m.mutate();
        }}
      >
        <Stack>
          {m.error ? <ErrorAlert error={m.error} title="Request not sent" /> : null}
          <PersonPicker
            label="About (leave empty for yourself, or choose someone in your team)"
            value={subject?.id ?? null}
            initial={subject}
            exclude={me.data?.personId}
            onChange={(id, p) => setSubject(id && p ? { id, name: p.name } : null)}
          />
          <PersonPicker label="Who should answer?" value={null} clearAfterPick onChange={(id, p) => {
              if (id && p && !givers.some((g) => g.id === id)) setGivers([...givers, { id, name: p.name }]);
            }} />
          {givers.length ? (
            <Group gap={6} aria-label="People asked">
              {givers.map((g) => (
                <Badge key={g.id} rightSection={<ActionIcon size="xs" variant="transparent" aria-label={`Remove ${g.name}`} onClick={() => setGivers(givers.filter((x) => x.id !== g.id))}>×</ActionIcon>}>
                  {g.name}
                </Badge>
              ))}
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              Choose one or more people.
            </Text>
          )}
          <Textarea label="Message (optional)" autosize minRows={2} maxLength={2000} value={message} onChange={(e) => setMessage(e.currentTarget.value)} />
          <Stack gap={6}>
            {questions.map((q, i) => (
              <Group key={i} gap="xs" wrap="nowrap">
                <TextInput style={{ flex: 1 }} label={`Question ${i + 1}`} value={q} maxLength={500} onChange={(e) => setQuestions(questions.map((x, j) => (j === i ? e.currentTarget.value : x)))} />
                <Button variant="subtle" mt={24} aria-label={`Remove question ${i + 1}`} onClick={() => setQuestions(questions.filter((_, j) => j !== i))}>
                  Remove
                </Button>
              </Group>
            ))}
            {questions.length < 10 ? (
              <Group>
                <Button variant="light" size="compact-sm" onClick={() => setQuestions([...questions, ''])}>
                  Add a question
                </Button>
              </Group>
            ) : null}
          </Stack>
          <MultiSelect label="Skills to rate (optional)" searchable maxValues={10} data={(skills.data?.data ?? []).map((s) => ({ value: s.id, label: s.name }))} value={skillIds} onChange={setSkillIds} />
          <TextInput type="date" label="Answers by (default: in two weeks)" value={expires} onChange={(e) => setExpires(e.currentTarget.value)} />
          {settings.data?.anonymousFeedback ? (
            <Checkbox
              checked={allowAnonymous}
              onChange={(e) => setAllowAnonymous(e.currentTarget.checked)}
              label="Allow anonymous answers"
              description="You will see how many answered, not who; anonymous answers arrive the day after they are given."
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={m.isPending} disabled={!givers.length}>
              Send request
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
