import { ActionIcon, Badge, Button, Checkbox, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArchiveOff, IconPencil, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldErrors } from '../../../lib/api.ts';
import { hasRole, useMe } from '../../../lib/me.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { SectionCard } from '../../../ui/SectionCard.tsx';
import { EmptyText, ErrorAlert, Loading } from '../../../ui/common.tsx';
import { categoryLabels, oneOnOneApi, oneOnOneKeys, oneOnOneQueries, type Topic, type TopicCategory } from './api.ts';

const categories = Object.keys(categoryLabels) as TopicCategory[];
const categoryOptions = categories.map((c) => ({ value: c, label: categoryLabels[c] }));
const fail = (title: string) => (err: unknown) => notifications.show({ color: 'red', title, message: (err as Error).message });

/** The topic bank: the talking points everyone is offered as suggestions when they prepare a 1:1 (HR admins). */
export default function AdminOneOnOnesPage() {
  const me = useMe().data;
  const [archived, setArchived] = useState(false);
  const q = useQuery(oneOnOneQueries.topics(archived));
  if (!hasRole(me, 'hr_admin')) return <EmptyText>Only HR admins change the 1:1 topic bank.</EmptyText>;
  const topics = q.data?.data ?? [];
  return (
    <Stack>
      <PageHeader title="1:1 settings" description="The topic bank: suggested talking points people pick from when they prepare a 1:1, by category." />
      <AddTopic />
      <Checkbox label="Show archived topics" checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} />
      <ErrorAlert error={q.error} />
      {q.isLoading ? (
        <Loading label="Loading the topic bank" />
      ) : (
        categories.map((c) => {
          const list = topics.filter((t) => t.category === c);
          return (
            <SectionCard key={c} title={categoryLabels[c]}>
              {list.length === 0 ? (
                <EmptyText>No topics in this category.</EmptyText>
              ) : (
                <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {list.map((t) => (
                    <TopicRow key={t.id} t={t} />
                  ))}
                </Stack>
              )}
            </SectionCard>
          );
        })
      )}
    </Stack>
  );
}

function AddTopic() {
  const qc = useQueryClient();
  const [category, setCategory] = useState<TopicCategory>('career');
  const [text, setText] = useState('');
  const add = useMutation({
    mutationFn: () => oneOnOneApi.createTopic({ category, text }),
    onSuccess: (t) => {
      setText('');
      void qc.invalidateQueries({ queryKey: oneOnOneKeys.topicsAll });
      notifications.show({ color: 'teal', message: `Added to ${categoryLabels[t.category]}.` });
    },
  });
  const server = fieldErrors(add.error);
  return (
    <SectionCard title="Add a topic">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) add.mutate();
        }}
      >
        <Stack gap="xs">
          <ErrorAlert error={add.error && !Object.keys(server).length ? add.error : null} title="Could not add the topic" />
          <Group align="flex-end" wrap="wrap" gap="xs">
            <Select label="Category" data={categoryOptions} value={category} onChange={(v) => setCategory((v as TopicCategory) ?? 'career')} allowDeselect={false} w={180} error={server.category} />
            <TextInput label="Topic" placeholder="What would you like to learn next?" value={text} onChange={(e) => setText(e.currentTarget.value)} maxLength={300} error={server.text} style={{ flex: '1 1 260px' }} />
            <Button type="submit" leftSection={<IconPlus size={16} aria-hidden />} loading={add.isPending} disabled={!text.trim()}>
              Add topic
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}

function TopicRow({ t }: { t: Topic }) {
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(t.text);
  const [category, setCategory] = useState<TopicCategory>(t.category);
  const refresh = () => void qc.invalidateQueries({ queryKey: oneOnOneKeys.topicsAll });
  const save = useMutation({
    mutationFn: () => oneOnOneApi.patchTopic(t.id, { text, category }),
    onSuccess: () => {
      setEditing(false);
      refresh();
    },
  });
  const archive = useMutation({ mutationFn: () => oneOnOneApi.archiveTopic(t.id), onSuccess: refresh, onError: fail('Could not archive the topic') });
  const restore = useMutation({
    mutationFn: () => oneOnOneApi.patchTopic(t.id, { archived: false }),
    onSuccess: refresh,
    onError: fail('Could not restore the topic'),
  });
  const server = fieldErrors(save.error);
  if (editing) {
    return (
      <li>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <Group align="flex-end" wrap="wrap" gap="xs">
            <Select label="Category" data={categoryOptions} value={category} onChange={(v) => setCategory((v as TopicCategory) ?? t.category)} allowDeselect={false} w={160} />
            <TextInput label="Topic" value={text} onChange={(e) => setText(e.currentTarget.value)} maxLength={300} error={server.text ?? (save.error && !server.text ? (save.error as Error).message : undefined)} style={{ flex: '1 1 240px' }} autoFocus />
            <Button type="submit" size="sm" loading={save.isPending}>
              Save
            </Button>
            <Button size="sm" variant="default" onClick={() => (setEditing(false), setText(t.text), setCategory(t.category))}>
              Cancel
            </Button>
          </Group>
        </form>
      </li>
    );
  }
  return (
    <Group component="li" justify="space-between" wrap="nowrap" data-testid="topic-row">
      <Group gap="xs" style={{ minWidth: 0 }}>
        <Text size="sm" c={t.archived ? 'dimmed' : undefined} style={{ overflowWrap: 'anywhere' }}>
          {t.text}
        </Text>
        {t.archived && (
          <Badge size="sm" color="gray" variant="light">
            Archived
          </Badge>
        )}
      </Group>
      <Group gap={2} wrap="nowrap">
        <ActionIcon variant="subtle" aria-label={`Edit topic ${t.text}`} onClick={() => setEditing(true)}>
          <IconPencil size={16} aria-hidden />
        </ActionIcon>
        {t.archived ? (
          <ActionIcon variant="subtle" aria-label={`Restore topic ${t.text}`} onClick={() => restore.mutate()} loading={restore.isPending}>
            <IconArchiveOff size={16} aria-hidden />
          </ActionIcon>
        ) : (
          <ActionIcon variant="subtle" color="red.8" aria-label={`Archive topic ${t.text}`} onClick={() => archive.mutate()} loading={archive.isPending}>
            <IconArchive size={16} aria-hidden />
          </ActionIcon>
        )}
      </Group>
    </Group>
  );
}
