import { Alert, Button, Card, Group, Rating, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCertificate } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldErrors } from '../../../lib/api.ts';
import { ErrorAlert } from '../../../ui/common.tsx';
import { playerApi, type Player } from './api.ts';

const questions = [
  { key: 'relevance', label: 'How relevant was this course to your work?' },
  { key: 'confidence', label: 'How confident do you feel applying what you learned?' },
  { key: 'intentToApply', label: 'How likely are you to apply it in the next month?' },
] as const;

type Key = (typeof questions)[number]['key'];

/** A 1–5 rating as a radio group, so it has a label and works from the keyboard. */
function Scale({ label, value, onChange, error }: { label: string; value: number; onChange: (v: number) => void; error?: string }) {
  const id = label.replace(/\W+/g, '-').toLowerCase();
  return (
    <div role="group" aria-labelledby={id}>
      <Text id={id} size="sm" fw={500}>
        {label}
      </Text>
      <Group gap="xs" align="center">
        <Rating value={value} onChange={onChange} count={5} size="lg" getSymbolLabel={(value) => `${value} of 5`} name={id} />
        <Text size="sm" c="dimmed">
          {value ? `${value} of 5` : 'Not rated'}
        </Text>
      </Group>
      {error && (
        <Text size="sm" c="red.8">
          {error}
        </Text>
      )}
    </div>
  );
}

/** Shown once the course is complete: the certificate and the reaction survey. */
export function CompletionPanel({ player, onChanged }: { player: Player; onChanged: () => void }) {
  const e = player.enrollment;
  const [values, setValues] = useState<Record<Key, number>>({ relevance: 0, confidence: 0, intentToApply: 0 });
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () => playerApi.react(e.id, { ...values, comment: comment.trim() || null }),
    onSuccess: onChanged,
    onError: (err) => setErrors(fieldErrors(err)),
  });
  const submit = (ev: React.FormEvent) => {
    ev.preventDefault();
    const missing = Object.fromEntries(questions.filter((q) => !values[q.key]).map((q) => [q.key, 'Choose a rating from 1 to 5']));
    setErrors(missing);
    if (!Object.keys(missing).length) save.mutate();
  };
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="completion-title">
      <Stack gap="md">
        <Alert color="green" icon={<IconCertificate aria-hidden />} title="Course completed" id="completion-title">
          You completed {player.course.title}
          {e.completedAt ? ` on ${new Date(e.completedAt).toLocaleDateString()}` : ''}
          {e.score != null ? ` with a score of ${e.score}%` : ''}.
          {e.expiresAt ? ` It stays valid until ${new Date(e.expiresAt).toLocaleDateString()}.` : ''}
        </Alert>
        {e.certificateId && (
          <Group>
            <Button component="a" href={`/api/v1/certificates/${e.certificateId}/pdf`} download leftSection={<IconCertificate size={18} aria-hidden />}>
              Download certificate (PDF)
            </Button>
          </Group>
        )}
        {player.reaction ? (
          <Text c="dimmed">Thank you for rating this course.</Text>
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <Title order={3} size="h4">
                How was this course?
              </Title>
              {questions.map((q) => (
                <Scale key={q.key} label={q.label} value={values[q.key]} onChange={(v) => setValues((s) => ({ ...s, [q.key]: v }))} error={errors[q.key]} />
              ))}
              <Textarea
                label="Anything else? (optional)"
                value={comment}
                onChange={(ev) => setComment(ev.currentTarget.value)}
                maxLength={2000}
                autosize
                minRows={2}
                error={errors.comment}
                description={`${comment.length} / 2000`}
              />
              <ErrorAlert error={save.error && !Object.keys(fieldErrors(save.error)).length ? save.error : null} />
              <Group>
                <Button type="submit" loading={save.isPending}>
                  Send rating
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
