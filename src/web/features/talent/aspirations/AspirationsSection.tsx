import { ActionIcon, Badge, Button, Checkbox, Group, Modal, Select, Stack, TagsInput, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, fieldErrors } from '../../../lib/api.ts';
import { SectionCard } from '../../../ui/SectionCard.tsx';
import { EmptyText, ErrorAlert, FormActions, Loading, confirmDanger } from '../../../ui/common.tsx';
import { aspirationApi, aspirationKeys, aspirationQueries, timeFrameLabels, type Aspiration } from './api.ts';

type Values = {
  targetProfileId: string | null;
  description: string;
  timeFrame: string | null;
  willingToChangeTeam: boolean;
  willingToRelocate: boolean;
  interests: string[];
};
const blank: Values = { targetProfileId: null, description: '', timeFrame: null, willingToChangeTeam: false, willingToRelocate: false, interests: [] };

/** Where the person wants to go: target profiles or their own words, time frame, mobility, interests. */
export function AspirationsSection({ personId, mine }: { personId: string; mine: boolean }) {
  const qc = useQueryClient();
  const q = useQuery(aspirationQueries.ofPerson(personId));
  const [editing, setEditing] = useState<Aspiration | 'new' | null>(null);
  const remove = useMutation({
    mutationFn: (a: Aspiration) => aspirationApi.remove(a.id),
    onSuccess: () => void qc.invalidateQueries({ queryKey: aspirationKeys.ofPerson(personId) }),
    onError: (err) => notifications.show({ color: 'red', title: 'Could not remove', message: (err as Error).message }),
  });
  if (q.error instanceof ApiError && q.error.status === 404) return null;
  const list = q.data?.data ?? [];
  return (
    <SectionCard
      title="Aspirations"
      actions={
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setEditing('new')}>
          Add aspiration
        </Button>
      }
    >
      <ErrorAlert error={q.error} />
      {q.isLoading ? (
        <Loading label="Loading aspirations" />
      ) : q.isError ? null : list.length === 0 ? (
        <EmptyText>
          {mine
            ? 'No aspirations yet. Add the role you would like to grow into, or describe it in your own words, so your manager and your recommendations can help you get there.'
            : 'No aspirations recorded yet. Add where this person wants to go to steer their plan and recommendations.'}
        </EmptyText>
      ) : (
        <Stack gap="sm">
          {list.map((a) => (
            <Stack key={a.id} gap={4}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {a.targetProfileName ?? a.description}
                  </Text>
                  {a.targetProfileName && a.description && (
                    <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {a.description}
                    </Text>
                  )}
                </Stack>
                <Group gap={2} wrap="nowrap">
                  <ActionIcon variant="subtle" aria-label={`Edit aspiration ${a.targetProfileName ?? a.description ?? ''}`} onClick={() => setEditing(a)}>
                    <IconPencil size={16} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Remove aspiration ${a.targetProfileName ?? a.description ?? ''}`}
                    onClick={() =>
                      confirmDanger({
                        title: 'Remove aspiration',
                        body: 'Plan items linked to it stay, without the link.',
                        confirm: 'Remove',
                        onConfirm: () => remove.mutate(a),
                      })
                    }
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              </Group>
              <Group gap={6} wrap="wrap">
                {a.timeFrame && <Badge variant="light">{timeFrameLabels[a.timeFrame]}</Badge>}
                {a.willingToChangeTeam && (
                  <Badge variant="light" color="teal">
                    Open to another team
                  </Badge>
                )}
                {a.willingToRelocate && (
                  <Badge variant="light" color="grape">
                    Open to relocating
                  </Badge>
                )}
                {a.interests.map((i) => (
                  <Badge key={i} variant="outline" color="gray" tt="none">
                    {i}
                  </Badge>
                ))}
              </Group>
            </Stack>
          ))}
        </Stack>
      )}
      {editing && <AspirationModal personId={personId} editing={editing} onClose={() => setEditing(null)} />}
    </SectionCard>
  );
}

function AspirationModal({ personId, editing, onClose }: { personId: string; editing: Aspiration | 'new'; onClose: () => void }) {
  const qc = useQueryClient();
  const profiles = useQuery(aspirationQueries.profiles());
  const form = useForm<Values>({
    initialValues:
      editing === 'new'
        ? blank
        : {
            targetProfileId: editing.targetProfileId,
            description: editing.description ?? '',
            timeFrame: editing.timeFrame,
            willingToChangeTeam: editing.willingToChangeTeam,
            willingToRelocate: editing.willingToRelocate,
            interests: editing.interests,
          },
    validate: {
      targetProfileId: (v, all) => (v || all.description.trim() ? null : 'Choose a target profile or describe the aspiration'),
      interests: (v) => (v.length > 20 ? 'At most 20 interests' : v.some((i) => i.length > 60) ? 'Each interest at most 60 characters' : null),
    },
  });
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        targetProfileId: v.targetProfileId,
        description: v.description.trim() || null,
        timeFrame: v.timeFrame as Aspiration['timeFrame'],
        willingToChangeTeam: v.willingToChangeTeam,
        willingToRelocate: v.willingToRelocate,
        interests: v.interests,
      };
      return editing === 'new' ? aspirationApi.create(personId, body) : aspirationApi.update(editing.id, body);
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: aspirationKeys.ofPerson(personId) });
      void qc.invalidateQueries({ queryKey: ['recommendations'] });
      onClose();
    },
    onError: (err) => form.setErrors(fieldErrors(err)),
  });
  const options = (profiles.data?.data ?? []).map((p) => ({ value: p.id, label: p.name }));
  return (
    <Modal opened onClose={onClose} title={editing === 'new' ? 'Add aspiration' : 'Edit aspiration'}>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack>
          <Select
            label="Target job profile"
            description="The role to grow into, if it is one of the organisation's profiles"
            placeholder={profiles.isLoading ? 'Loading profiles…' : 'Choose a profile'}
            data={options}
            searchable
            clearable
            {...form.getInputProps('targetProfileId')}
          />
          <Textarea label="In your own words" autosize minRows={2} maxLength={2000} {...form.getInputProps('description')} />
          <Select
            label="Time frame"
            placeholder="No particular time"
            clearable
            data={Object.entries(timeFrameLabels).map(([value, label]) => ({ value, label }))}
            {...form.getInputProps('timeFrame')}
          />
          <Checkbox label="Open to moving to another team" {...form.getInputProps('willingToChangeTeam', { type: 'checkbox' })} />
          <Checkbox label="Open to relocating" {...form.getInputProps('willingToRelocate', { type: 'checkbox' })} />
          <TagsInput label="Interests" description="Up to 20, press Enter after each" maxTags={20} {...form.getInputProps('interests')} />
          <ErrorAlert error={save.error && Object.keys(fieldErrors(save.error)).length === 0 ? save.error : null} />
          <FormActions onCancel={onClose} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
