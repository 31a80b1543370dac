import { Alert, Badge, Button, Card, Checkbox, Group, List, Radio, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { strongText } from '../../../lib/colors.ts';
import { ErrorAlert } from '../../../ui/common.tsx';
import { playerApi, type Attempt, type AttemptSummary, type QuizResult, type QuizSettings } from './api.ts';

type Answers = Record<string, string | string[]>;

const when = (d: string) => new Date(d).toLocaleString();

function outcome(a: AttemptSummary) {
  if (!a.submittedAt) return <Badge color="blue" variant="light">Open</Badge>;
  if (a.timedOut) return <Badge color="orange" variant="light">Timed out</Badge>;
  return a.passed ? <Badge color="green" variant="light">Passed</Badge> : <Badge color="red" variant="light">Not passed</Badge>;
}

/** Counts down to the deadline; at zero it submits what the learner has so far. */
function Timer({ deadline, onExpire }: { deadline: string; onExpire: () => void }) {
  const [left, setLeft] = useState(() => new Date(deadline).getTime() - Date.now());
  const fired = useRef(false);
  useEffect(() => {
    const t = setInterval(() => {
      const ms = new Date(deadline).getTime() - Date.now();
      setLeft(ms);
      if (ms <= 0 && !fired.current) {
        fired.current = true;
        onExpire();
      }
    }, 1000);
    return () => clearInterval(t);
  }, [deadline, onExpire]);
  const s = Math.max(0, Math.floor(left / 1000));
  const text = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  return (
    <Badge size="lg" color={s < 60 ? 'red' : 'gray'} variant="light" role="timer" aria-label={`Time left ${Math.floor(s / 60)} minutes ${s % 60} seconds`}>
      Time left {text}
    </Badge>
  );
}

function Result({ result }: { result: QuizResult }) {
  const a = result.attempt;
  return (
    <Stack gap="md" aria-live="polite">
      <Alert color={a.passed ? 'green' : 'red'} title={a.passed ? 'Passed' : a.timedOut ? 'Time ran out' : 'Not passed yet'}>
        You scored {a.score ?? 0}% (pass mark {result.passMark}%).
        {a.timedOut && ' The attempt was submitted after its time limit, so it scores nothing.'}
      </Alert>
      {!result.keyShown && (
        <Text size="sm" c="dimmed">
          Each question shows whether you got it right. The right answers are shown once you pass the quiz or have used all your attempts.
        </Text>
      )}
      {result.questions.map((q, i) => (
        <Card key={q.id} withBorder padding="md">
          <Group gap="xs" mb="xs" wrap="nowrap" align="flex-start">
            {q.correct ? <IconCheck color="var(--mantine-color-green-7)" aria-hidden /> : <IconX color="var(--mantine-color-red-7)" aria-hidden />}
            <Text fw={600}>
              {i + 1}. {q.prompt} <Text span c={strongText(q.correct ? 'green' : 'red')} size="sm">({q.correct ? 'correct' : 'incorrect'})</Text>
            </Text>
          </Group>
          {q.kind === 'short_answer' ? (
            <Stack gap={4}>
              <Text size="sm">Your answer: {typeof q.answer === 'string' && q.answer.trim() ? q.answer : '—'}</Text>
              {result.keyShown && <Text size="sm">Accepted: {q.acceptedAnswers.join(' · ')}</Text>}
            </Stack>
          ) : (
            <List spacing={4} size="sm" listStyleType="none">
              {q.options.map((o) => (
                <List.Item key={o.id}>
                  <Text size="sm" fw={o.correct ? 600 : 400}>
                    {o.selected ? 'Your choice: ' : ''}
                    {o.text}
                    {o.correct ? ' — correct answer' : ''}
                  </Text>
                  {o.feedback && (o.selected || o.correct) && (
                    <Text size="sm" c="dimmed">
                      {o.feedback}
                    </Text>
                  )}
                </List.Item>
              ))}
            </List>
          )}
          {q.feedback && (
            <Text size="sm" mt="xs">
              {q.feedback}
            </Text>
          )}
        </Card>
      ))}
    </Stack>
  );
}

/** One quiz block: settings, attempt history, the running attempt with its timer, and the graded result. */
export function QuizRunner({ enrollmentId, quizId, quiz, onChanged }: { enrollmentId: string; quizId: string; quiz: QuizSettings; onChanged: () => void }) {
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const [result, setResult] = useState<QuizResult | null>(null);
  const answersRef = useRef(answers);
  answersRef.current = answers;

  const start = useMutation({
    mutationFn: () => playerApi.startAttempt(enrollmentId, quizId),
    onSuccess: (a) => {
      setResult(null);
      setAnswers({});
      setAttempt(a);
      onChanged();
    },
  });
  const submit = useMutation({
    mutationFn: (v: { id: string; answers: Answers }) => playerApi.submitAttempt(v.id, v.answers),
    onSuccess: (r) => {
      setAttempt(null);
      setResult(r);
      onChanged();
    },
  });
  // A submitted attempt answers with its stored result, so reviewing is the same call.
  const review = (id: string) => submit.mutate({ id, answers: {} });
  const expire = () => attempt && submit.mutate({ id: attempt.attempt.id, answers: answersRef.current });

  const left = quiz.attemptsAllowed == null ? null : Math.max(0, quiz.attemptsAllowed - quiz.attemptsUsed);
  const canStart = !quiz.passed && (left == null || left > 0 || !!quiz.openAttemptId);
  const unanswered = attempt ? attempt.questions.filter((q) => {
    const a = answers[q.id];
    return a === undefined || (Array.isArray(a) ? a.length === 0 : !a.trim());
  }).length : 0;

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={`quiz-${quizId}`}>
      <Stack gap="md">
        <div>
          <Title order={3} size="h4" id={`quiz-${quizId}`}>
            Quiz
          </Title>
          <Text size="sm" c="dimmed">
            {quiz.questionCount} questions · pass mark {quiz.passMark}% ·{' '}
            {quiz.attemptsAllowed == null ? 'unlimited attempts' : `${quiz.attemptsUsed} of ${quiz.attemptsAllowed} attempts used`}
            {quiz.timeLimitMinutes ? ` · ${quiz.timeLimitMinutes} minutes per attempt` : ''}
          </Text>
        </div>

        {quiz.attempts.length > 0 && !attempt && (
          <Table.ScrollContainer minWidth={360}>
            <Table>
              <Table.Caption>Your attempts</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>#</Table.Th>
                  <Table.Th>Started</Table.Th>
                  <Table.Th>Score</Table.Th>
                  <Table.Th>Result</Table.Th>
                  <Table.Th>
                    <span className="sr-only">Actions</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {quiz.attempts.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{a.number}</Table.Td>
                    <Table.Td>{when(a.startedAt)}</Table.Td>
                    <Table.Td>{a.score == null ? '—' : `${a.score}%`}</Table.Td>
                    <Table.Td>{outcome(a)}</Table.Td>
                    <Table.Td>
                      {a.submittedAt && (
                        <Button size="compact-sm" variant="subtle" onClick={() => review(a.id)} aria-label={`Review attempt ${a.number}`}>
                          Review
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}

        <ErrorAlert error={start.error ?? submit.error} title="The quiz could not continue" />

        {quiz.passed && !attempt && <Alert color="green">You passed this quiz.</Alert>}
        {!quiz.passed && left === 0 && !quiz.openAttemptId && !attempt && (
          <Alert color="red">You have used all your attempts. Ask your manager or a learning admin to reset the course if you need another try.</Alert>
        )}

        {result && <Result result={result} />}

        {attempt ? (
          <form
            onSubmit={(ev) => {
              ev.preventDefault();
              submit.mutate({ id: attempt.attempt.id, answers });
            }}
          >
            <Stack gap="lg">
              <Group justify="space-between">
                <Text fw={600}>Attempt {attempt.attempt.number}</Text>
                {attempt.attempt.deadlineAt && <Timer deadline={attempt.attempt.deadlineAt} onExpire={expire} />}
              </Group>
              {attempt.questions.map((q, i) => {
                const label = `${i + 1}. ${q.prompt}`;
                if (q.kind === 'multiple') {
                  return (
                    <Checkbox.Group key={q.id} label={label} description="Choose all that apply" value={(answers[q.id] as string[]) ?? []} onChange={(v) => setAnswers((s) => ({ ...s, [q.id]: v }))}>
                      <Stack gap="xs" mt="xs">
                        {q.options.map((o) => (
                          <Checkbox key={o.id} value={o.id} label={o.text} />
                        ))}
                      </Stack>
                    </Checkbox.Group>
                  );
                }
                if (q.kind === 'short_answer') {
                  return (
                    <TextInput key={q.id} label={label} value={(answers[q.id] as string) ?? ''} maxLength={2000} onChange={(e) => {
                      const v = e.currentTarget.value;
                      setAnswers((s) => ({ ...s, [q.id]: v }));
                    }} />
                  );
                }
                return (
                  <Radio.Group key={q.id} label={label} value={(answers[q.id] as string) ?? null} onChange={(v) => setAnswers((s) => ({ ...s, [q.id]: v }))}>
                    <Stack gap="xs" mt="xs">
                      {q.options.map((o) => (
                        <Radio key={o.id} value={o.id} label={o.text} />
                      ))}
                    </Stack>
                  </Radio.Group>
                );
              })}
              <Group justify="space-between" wrap="wrap">
                <Text size="sm" c="dimmed">
                  {unanswered ? `${unanswered} question${unanswered > 1 ? 's' : ''} not answered yet` : 'All questions answered'}
                </Text>
                <Button type="submit" loading={submit.isPending}>
                  Submit answers
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          canStart && (
            <Group>
              <Button onClick={() => start.mutate()} loading={start.isPending}>
                {quiz.openAttemptId ? 'Resume quiz' : quiz.attemptsUsed ? 'Try again' : 'Start quiz'}
              </Button>
              {left != null && !quiz.openAttemptId && (
                <Text size="sm" c="dimmed">
                  {left} attempt{left === 1 ? '' : 's'} left
                </Text>
              )}
            </Group>
          )
        )}
      </Stack>
    </Card>
  );
}
