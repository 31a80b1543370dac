import { Button, Group, Modal, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldErrors } from '../../../lib/api.ts';
import { drawerTitle, ErrorAlert } from '../../../ui/common.tsx';
import { assessmentApi, assessmentKeys, type PersonSkillRow } from './api.ts';

/** Rate one skill: the person's own rating (self) or their manager's, with the level descriptors shown. */
export function RateModal({
  personId,
  row,
  source,
  onClose,
}: {
  personId: string;
  row: PersonSkillRow;
  source: 'self' | 'manager';
  onClose: () => void;
}) {
  const qc = useQueryClient();
  const initial = source === 'self' ? row.latestSelfLevel : row.latestManagerLevel;
  const [level, setLevel] = useState<string>(initial ? String(initial) : '');
  const [note, setNote] = useState('');
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const rate = useMutation({
    mutationFn: () =>
      assessmentApi.rate({
        personId,
        skillId: row.skill.id,
        level: Number(level),
        source,
        note: note.trim() || null,
        evidenceUrl: evidenceUrl.trim() || null,
      }),
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: assessmentKeys.person(personId) });
      notifications.show({ color: 'green', message: `${row.skill.name} rated ${r.level}; current level ${r.currentLevel ?? '–'}` });
      onClose();
    },
  });
  const errors = fieldErrors(rate.error);
  const scale = Array.from({ length: row.skill.maxLevel }, (_, i) => i + 1);
  return (
    <Modal opened onClose={onClose} title={`${source === 'self' ? 'Rate yourself' : 'Rate as manager'}: ${row.skill.name}`} styles={drawerTitle}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (level) rate.mutate();
        }}
      >
        <Stack>
          <Radio.Group
            label="Level"
            description={row.expectedLevel ? `The profile expects level ${row.expectedLevel}` : undefined}
            value={level}
            onChange={setLevel}
            error={errors.level}
            required
          >
            <Stack gap="xs" mt="xs">
              {scale.map((l) => (
                <Radio key={l} value={String(l)} label={`${l}${row.skill.levels[l - 1] ? ` · ${row.skill.levels[l - 1]}` : ''}`} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea label="Note (optional)" value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={4000} error={errors.note} />
          <TextInput
            label="Evidence link (optional)"
            placeholder="https://"
            type="url"
            value={evidenceUrl}
            onChange={(e) => setEvidenceUrl(e.currentTarget.value)}
            error={errors.evidenceUrl}
          />
          {rate.error && !Object.keys(errors).some((k) => k === 'level' || k === 'note' || k === 'evidenceUrl') && <ErrorAlert error={rate.error} />}
          <Text size="xs" c="dimmed">
            Your current level combines the latest rating from each source, the newer and the manager’s counting most.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={rate.isPending} disabled={!level}>
              Save rating
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
