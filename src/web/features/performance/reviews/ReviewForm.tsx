import { Checkbox, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import type { Answer, Review } from './api.ts';

/**
 * Mantine draws field errors in red-6, below WCAG AA on white (3.6:1); the forms of these pages
 * set the error colour to red-9 for what they hold.
 */
export const readableErrors = { '--mantine-color-error': 'var(--mantine-color-red-9)' } as React.CSSProperties;

type Q = Review['sections'][number]['questions'][number];
type Scale = Review['scale'];

/** One point per radio: arrow keys move between them, as in any radio group. */
export function ScaleRadios({ label, scale, value, onChange, readOnly, error, description }: { label: string; scale: Scale; value: number | undefined; onChange: (v: number) => void; readOnly: boolean; error?: string; description?: React.ReactNode }) {
  return (
    <Radio.Group label={label} description={description} value={value === undefined ? null : String(value)} onChange={(v) => onChange(Number(v))} error={error} readOnly={readOnly}>
      <Group gap="sm" mt={6} wrap="wrap">
        {scale.map((p) => (
          <Radio key={p.value} value={String(p.value)} label={`${p.value} · ${p.label}`} title={p.description} />
        ))}
      </Group>
    </Radio.Group>
  );
}

/** The input of one question, by its kind; `answer` is what is saved for it. */
export function QuestionInput({
  q,
  review,
  answer,
  onChange,
  readOnly,
  error,
}: {
  q: Q;
  review: Pick<Review, 'scale' | 'skills' | 'goals'>;
  answer: Answer | undefined;
  onChange: (a: Answer) => void;
  readOnly: boolean;
  error?: string;
}) {
  const label = q.prompt + (q.required ? '' : ' (optional)');
  const description = [q.help, q.visibleToSubject ? null : 'Not shown to the person reviewed'].filter(Boolean).join(' · ') || undefined;
  switch (q.kind) {
    case 'rating':
      return <ScaleRadios label={label} description={description} scale={review.scale} value={answer?.rating} onChange={(rating) => onChange({ rating })} readOnly={readOnly} error={error} />;
    case 'text':
      return (
        <Textarea
          label={label}
          description={description}
          autosize
          minRows={3}
          maxRows={14}
          maxLength={20_000}
          value={answer?.text ?? ''}
          onChange={(e) => onChange(e.currentTarget.value.trim() ? { text: e.currentTarget.value } : {})}
          readOnly={readOnly}
          error={error}
        />
      );
    case 'choice':
      return q.multiple ? (
        <Checkbox.Group label={label} description={description} value={answer?.choices ?? []} onChange={(choices) => onChange(choices.length ? { choices } : {})} error={error} readOnly={readOnly}>
          <Stack gap={6} mt={6}>
            {(q.options ?? []).map((o) => (
              <Checkbox key={o} value={o} label={o} />
            ))}
          </Stack>
        </Checkbox.Group>
      ) : (
        <Radio.Group label={label} description={description} value={answer?.choices?.[0] ?? null} onChange={(v) => onChange({ choices: [v] })} error={error} readOnly={readOnly}>
          <Stack gap={6} mt={6}>
            {(q.options ?? []).map((o) => (
              <Radio key={o} value={o} label={o} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'skills':
      return (
        <Stack gap="sm" role="group" aria-label={q.prompt}>
          <Text fw={500} size="sm">
            {label}
          </Text>
          {description && <Text size="sm">{description}</Text>}
          {review.skills.length === 0 ? (
            <Text size="sm">No skills to rate: the person's job profile expects none.</Text>
          ) : (
            review.skills.map((s) => (
              <ScaleRadios
                key={s.skillId}
                label={s.name}
                description={s.expected === null ? 'No level expected' : `Expected level: ${s.expected} of ${s.max}`}
                scale={Array.from({ length: s.max }, (_, i) => ({ value: i + 1, label: `Level ${i + 1}` }))}
                value={answer?.skills?.[s.skillId]}
                onChange={(level) => onChange({ skills: { ...(answer?.skills ?? {}), [s.skillId]: level } })}
                readOnly={readOnly}
              />
            ))
          )}
          {error && (
            <Text size="sm" c="red.9">
              {error}
            </Text>
          )}
        </Stack>
      );
    case 'goals':
      return (
        <Stack gap="sm" role="group" aria-label={q.prompt}>
          <Text fw={500} size="sm">
            {label}
          </Text>
          {description && <Text size="sm">{description}</Text>}
          {review.goals.length === 0 ? (
            <Text size="sm">No goals of the period to rate.</Text>
          ) : (
            review.goals.map((g) => (
              <ScaleRadios
                key={g.goalId}
                label={g.title}
                description={`${Math.round(g.progress)} % done · ${g.status.replace(/_/g, ' ')}`}
                scale={review.scale}
                value={answer?.goals?.[g.goalId]}
                onChange={(rating) => onChange({ goals: { ...(answer?.goals ?? {}), [g.goalId]: rating } })}
                readOnly={readOnly}
              />
            ))
          )}
          {error && (
            <Text size="sm" c="red.9">
              {error}
            </Text>
          )}
        </Stack>
      );
    default:
      return null;
  }
}
