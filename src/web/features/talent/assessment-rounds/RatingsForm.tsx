import { Badge, Button, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ApiError, fieldErrors } from '../../../lib/api.ts';
import { ErrorAlert } from '../../../ui/common.tsx';
import type { RatingsBody, RoundMember } from './api.ts';

type Skill = RoundMember['skills'][number];

/**
 * One rating per skill of the member's profile, each on its own scale with the level descriptors;
 * the form is submitted once, when every skill has a level. For the manager, the member's own
 * rating in the round is shown beside each skill.
 */
export function RatingsForm({
  skills,
  side,
  pending,
  error,
  submitLabel,
  onCancel,
  onSubmit,
}: {
  skills: Skill[];
  side: 'self' | 'manager';
  pending: boolean;
  error: unknown;
  submitLabel: string;
  onCancel?: () => void;
  onSubmit: (body: RatingsBody) => void;
}) {
  const [levels, setLevels] = useState<Record<string, string>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [tried, setTried] = useState(false);
  const server = fieldErrors(error);
  const missing = skills.filter((s) => !levels[s.id]);
  const errorOf = (s: Skill, i: number) =>
    server[`ratings.${i}.level`] ?? server[`ratings.${i}.skillId`] ?? (tried && !levels[s.id] ? `Choose a level for ${s.name}` : undefined);
  const generalError = error instanceof ApiError && !Object.keys(server).some((k) => k.startsWith('ratings.')) ? error : null;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (missing.length) return;
        onSubmit({
          ratings: skills.map((s) => ({ skillId: s.id, level: Number(levels[s.id]), note: notes[s.id]?.trim() || null })),
        });
      }}
    >
      <Stack gap="lg">
        {skills.map((s, i) => (
          <Stack key={s.id} gap={6}>
            <Radio.Group
              label={
                <Group gap="xs" component="span">
                  <span>{s.name}</span>
                  <Badge variant="light" size="sm" tt="none" component="span">
                    Expected {s.expectedLevel} of {s.maxLevel}
                  </Badge>
                  {side === 'manager' && (
                    <Badge variant="outline" color="gray" size="sm" tt="none" component="span">
                      {s.selfLevel !== null ? `Their own rating: ${s.selfLevel}` : 'Not self-rated yet'}
                    </Badge>
                  )}
                </Group>
              }
              value={levels[s.id] ?? ''}
              onChange={(v) => setLevels((l) => ({ ...l, [s.id]: v }))}
              error={errorOf(s, i)}
              required
            >
              <Group gap="md" mt="xs" wrap="wrap">
                {Array.from({ length: s.maxLevel }, (_, k) => k + 1).map((l) => (
                  <Radio key={l} value={String(l)} label={`${l}${s.levels[l - 1] ? ` · ${s.levels[l - 1]}` : ''}`} />
                ))}
              </Group>
            </Radio.Group>
            <TextInput
              size="xs"
              aria-label={`Note on ${s.name} (optional)`}
              placeholder="Note (optional): an example, what would help"
              maxLength={4000}
              value={notes[s.id] ?? ''}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setNotes((n) => ({ ...n, [s.id]: v }));
              }}
            />
          </Stack>
        ))}
        <ErrorAlert error={generalError} title="Could not save the ratings" />
        {tried && missing.length > 0 && (
          <Text size="sm" c="red" role="alert">
            Rate every skill before submitting ({missing.length} left).
          </Text>
        )}
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
