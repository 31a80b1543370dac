import { ActionIcon, Button, Card, Checkbox, Group, NumberInput, Radio, Select, Stack, Switch, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import type { QuestionKind, Quiz, QuizQuestion } from './content.ts';
import { move, newId } from './outline.ts';

const kindLabel: Record<QuestionKind, string> = {
  single: 'Single choice',
  multiple: 'Multiple choice',
  true_false: 'True / false',
  short_answer: 'Short answer',
};

export function newQuestion(kind: QuestionKind = 'single'): QuizQuestion {
  const base = { id: newId('q'), kind, prompt: '', acceptedAnswers: [], points: 1, feedbackCorrect: null, feedbackIncorrect: null };
  if (kind === 'true_false') {
    return { ...base, options: [{ id: newId('o'), text: 'True', correct: true }, { id: newId('o'), text: 'False', correct: false }] };
  }
  if (kind === 'short_answer') return { ...base, options: [] };
  return { ...base, options: [{ id: newId('o'), text: '', correct: true }, { id: newId('o'), text: '', correct: false }] };
}

export const newQuiz = (): Quiz => ({
  passMark: 70,
  attemptsAllowed: 3,
  timeLimitMinutes: null,
  shuffleQuestions: false,
  shuffleOptions: true,
  drawCount: null,
  questions: [newQuestion()],
});

const num = (v: string | number, fallback: number | null) => (v === '' || v === null ? fallback : Number(v));

export function QuizEditor({ quiz, onChange, errors }: { quiz: Quiz; onChange: (q: Quiz) => void; errors: Record<string, string> }) {
  const set = (patch: Partial<Quiz>) => onChange({ ...quiz, ...patch });
  const setQuestion = (i: number, q: QuizQuestion) => set({ questions: quiz.questions.map((x, j) => (j === i ? q : x)) });
  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NumberInput label="Pass mark (%)" min={0} max={100} w={130} value={quiz.passMark} onChange={(v) => set({ passMark: num(v, 0)! })} error={errors['quiz.passMark']} />
        <NumberInput
          label="Attempts allowed"
          description="Empty: unlimited"
          min={1}
          w={150}
          value={quiz.attemptsAllowed ?? ''}
          onChange={(v) => set({ attemptsAllowed: num(v, null) })}
          error={errors['quiz.attemptsAllowed']}
        />
        <NumberInput
          label="Time limit (min)"
          description="Empty: none"
          min={1}
          w={140}
          value={quiz.timeLimitMinutes ?? ''}
          onChange={(v) => set({ timeLimitMinutes: num(v, null) })}
          error={errors['quiz.timeLimitMinutes']}
        />
        <NumberInput
          label="Questions drawn"
          description="Empty: all"
          min={1}
          max={quiz.questions.length}
          w={150}
          value={quiz.drawCount ?? ''}
          onChange={(v) => set({ drawCount: num(v, null) })}
          error={errors['quiz.drawCount']}
        />
      </Group>
      <Group gap="lg">
        <Switch label="Shuffle questions" checked={quiz.shuffleQuestions} onChange={(e) => set({ shuffleQuestions: e.currentTarget.checked })} />
        <Switch label="Shuffle options" checked={quiz.shuffleOptions} onChange={(e) => set({ shuffleOptions: e.currentTarget.checked })} />
      </Group>
      {errors['quiz.questions'] && (
        <Text c="red.9" size="sm">
          {errors['quiz.questions']}
        </Text>
      )}
      {quiz.questions.map((q, i) => (
        <QuestionEditor
          key={q.id}
          index={i}
          count={quiz.questions.length}
          question={q}
          onChange={(nq) => setQuestion(i, nq)}
          onMove={(d) => set({ questions: move(quiz.questions, i, d) })}
          onRemove={() => set({ questions: quiz.questions.filter((_, j) => j !== i) })}
          errors={Object.fromEntries(
            Object.entries(errors)
              .filter(([k]) => k.startsWith(`quiz.questions.${i}.`))
              .map(([k, v]) => [k.slice(`quiz.questions.${i}.`.length), v]),
          )}
        />
      ))}
      <Group>
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => set({ questions: [...quiz.questions, newQuestion()] })}>
          Add question
        </Button>
      </Group>
    </Stack>
  );
}

function QuestionEditor({
  index,
  count,
  question: q,
  onChange,
  onMove,
  onRemove,
  errors,
}: {
  index: number;
  count: number;
  question: QuizQuestion;
  onChange: (q: QuizQuestion) => void;
  onMove: (d: -1 | 1) => void;
  onRemove: () => void;
  errors: Record<string, string>;
}) {
  const n = index + 1;
  const set = (patch: Partial<QuizQuestion>) => onChange({ ...q, ...patch });
  const setOption = (i: number, patch: Partial<QuizQuestion['options'][number]>) =>
    set({ options: q.options.map((o, j) => (j === i ? { ...o, ...patch } : patch.correct && q.kind !== 'multiple' ? { ...o, correct: false } : o)) });
  const changeKind = (kind: QuestionKind) => {
    const fresh = newQuestion(kind);
    onChange({ ...fresh, id: q.id, prompt: q.prompt, points: q.points, feedbackCorrect: q.feedbackCorrect, feedbackIncorrect: q.feedbackIncorrect });
  };
  const single = q.kind === 'single' || q.kind === 'true_false';
  return (
    <Card withBorder padding="sm">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600}>Question {n}</Text>
          <Group gap={4} wrap="nowrap">
            <ActionIcon variant="subtle" aria-label={`Move question ${n} up`} disabled={index === 0} onClick={() => onMove(-1)}>
              <IconArrowUp size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon variant="subtle" aria-label={`Move question ${n} down`} disabled={index === count - 1} onClick={() => onMove(1)}>
              <IconArrowDown size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon variant="subtle" color="red" aria-label={`Delete question ${n}`} onClick={onRemove}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        </Group>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label="Kind"
            data={Object.entries(kindLabel).map(([value, label]) => ({ value, label }))}
            value={q.kind}
            onChange={(v) => v && changeKind(v as QuestionKind)}
            allowDeselect={false}
            w={180}
          />
          <NumberInput label="Points" min={0} max={100} w={100} value={q.points} onChange={(v) => set({ points: num(v, 0)! })} error={errors.points} />
        </Group>
        <Textarea label="Question" autosize minRows={1} required value={q.prompt} onChange={(e) => set({ prompt: e.currentTarget.value })} error={errors.prompt} />
        {q.kind === 'short_answer' ? (
          <TagsInput
            label="Accepted answers"
            description="Compared ignoring case and surrounding spaces. Press Enter after each."
            value={q.acceptedAnswers}
            onChange={(v) => set({ acceptedAnswers: v })}
            error={errors.acceptedAnswers}
          />
        ) : (
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              Options {single ? '(mark the correct one)' : '(mark every correct one)'}
            </Text>
            {q.options.map((o, i) => (
              <Card key={o.id} withBorder padding="xs">
                <Group gap="xs" align="flex-start" wrap="nowrap">
                  {single ? (
                    <Radio mt={8} aria-label={`Option ${i + 1} is correct`} checked={o.correct} onChange={() => setOption(i, { correct: true })} />
                  ) : (
                    <Checkbox mt={8} aria-label={`Option ${i + 1} is correct`} checked={o.correct} onChange={(e) => setOption(i, { correct: e.currentTarget.checked })} />
                  )}
                  <Stack gap={4} style={{ flex: 1 }}>
                    <TextInput
                      aria-label={`Option ${i + 1}`}
                      placeholder={`Option ${i + 1}`}
                      value={o.text}
                      readOnly={q.kind === 'true_false'}
                      onChange={(e) => setOption(i, { text: e.currentTarget.value })}
                      error={errors[`options.${i}.text`]}
                    />
                    <TextInput
                      aria-label={`Feedback for option ${i + 1}`}
                      placeholder="Feedback when chosen (optional)"
                      size="xs"
                      value={o.feedback ?? ''}
                      onChange={(e) => setOption(i, { feedback: e.currentTarget.value || null })}
                    />
                  </Stack>
                  {q.kind !== 'true_false' && (
                    <ActionIcon
                      mt={6}
                      variant="subtle"
                      color="red"
                      aria-label={`Delete option ${i + 1}`}
                      disabled={q.options.length <= 2}
                      onClick={() => set({ options: q.options.filter((_, j) => j !== i) })}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  )}
                </Group>
              </Card>
            ))}
            {errors.options && (
              <Text c="red.9" size="sm" role="alert">
                {errors.options}
              </Text>
            )}
            {q.kind !== 'true_false' && (
              <Group>
                <Button
                  variant="subtle"
                  size="xs"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() => set({ options: [...q.options, { id: newId('o'), text: '', correct: false }] })}
                >
                  Add option
                </Button>
              </Group>
            )}
          </Stack>
        )}
        <Group grow wrap="wrap">
          <TextInput label="Feedback when right" value={q.feedbackCorrect ?? ''} onChange={(e) => set({ feedbackCorrect: e.currentTarget.value || null })} />
          <TextInput label="Feedback when wrong" value={q.feedbackIncorrect ?? ''} onChange={(e) => set({ feedbackIncorrect: e.currentTarget.value || null })} />
        </Group>
      </Stack>
    </Card>
  );
}
