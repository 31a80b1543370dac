import { ActionIcon, Anchor, Badge, Button, Card, Chip, Group, Modal, MultiSelect, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PersonPicker } from '../../people/PersonPicker.tsx';
import { skillQueries } from '../../talent/skills/api.ts';
import { EmptyText, ErrorAlert, Loading, LoadMore } from '../../../ui/common.tsx';
import { PersonAvatar } from '../../../ui/PersonAvatar.tsx';
import { feedbackApi, feedbackKeys, feedbackQueries, REACTIONS, type Praise, type PraiseBody } from './api.ts';

const when = (iso: string) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

export function PraiseFeed() {
  const q = useInfiniteQuery(feedbackQueries.praiseFeed());
  const [giving, setGiving] = useState(false);
  const items = q.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Text c="dimmed">Recognition shared with the whole organisation.</Text>
        <Button onClick={() => setGiving(true)}>Give praise</Button>
      </Group>
      {q.isPending ? <Loading /> : q.error ? <ErrorAlert error={q.error} /> : null}
      {!q.isPending && !items.length && !q.error ? <EmptyText>No praise yet. Be the first to thank someone.</EmptyText> : null}
      {items.map((p) => (
        <PraiseCard key={p.id} praise={p} />
      ))}
      <LoadMore hasMore={!!q.hasNextPage} loading={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()} />
      <GivePraiseModal opened={giving} onClose={() => setGiving(false)} />
    </Stack>
  );
}

export function PraiseCard({ praise }: { praise: Praise }) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  const detail = useQuery({ ...feedbackQueries.praise(praise.id), enabled: open });
  const refresh = () => void qc.invalidateQueries({ queryKey: feedbackKeys.praise });
  const react = useMutation({ mutationFn: (emoji: string) => feedbackApi.react(praise.id, emoji), onSuccess: refresh });
  const add = useMutation({
    mutationFn: () => feedbackApi.comment(praise.id, comment),
    onSuccess: () => {
      setComment('');
      refresh();
    },
    onError: (e) => notifications.show({ color: 'red', message: e.message }),
  });
  const giver = praise.giver?.name ?? 'A former colleague';
  const recipients = praise.recipients.map((r) => r.name).join(', ');
  const shown = [...new Set([...REACTIONS, ...praise.reactions.map((r) => r.emoji)])];
  return (
    <Card withBorder padding="md" component="article" aria-label={`Praise from ${giver} to ${recipients}`}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <PersonAvatar name={giver} />
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Text fw={600}>
            {giver} praised {recipients}
          </Text>
          <Text size="sm" c="dimmed">
            {when(praise.createdAt)}
            {praise.visibility === 'private' ? ' · private' : ''}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{praise.message}</Text>
          <Group gap={6}>
            {praise.values.map((v) => (
              <Badge key={v.id} variant="light">
                {v.name}
              </Badge>
            ))}
            {praise.skills.map((s) => (
              <Badge key={s.id} variant="outline" color="gray">
                {s.name}
              </Badge>
            ))}
          </Group>
          <Group gap={6} mt={4}>
            {shown.map((emoji) => {
              const r = praise.reactions.find((x) => x.emoji === emoji);
              return (
                <Button
                  key={emoji}
                  size="compact-sm"
                  variant={r?.mine ? 'light' : 'subtle'}
                  aria-pressed={!!r?.mine}
                  aria-label={`React with ${emoji}${r ? `, ${r.count} so far` : ''}`}
                  onClick={() => react.mutate(emoji)}
                >
                  {emoji} {r?.count ?? ''}
                </Button>
              );
            })}
            <Anchor component="button" type="button" size="sm" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
              {praise.commentCount === 1 ? '1 comment' : `${praise.commentCount} comments`}
            </Anchor>
          </Group>
          {open ? (
            <Stack gap="xs" mt="xs">
              {detail.isPending ? <Loading /> : detail.error ? <ErrorAlert error={detail.error} /> : null}
              {detail.data?.comments.map((c) => (
                <Text key={c.id} size="sm">
                  <b>{c.author?.name ?? 'A former colleague'}</b> {c.body}
                </Text>
              ))}
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  if (comment.trim()) add.mutate();
                }}
              >
                <Group gap="xs" wrap="nowrap">
                  <TextInput style={{ flex: 1 }} aria-label="Your comment" placeholder="Add a comment" value={comment} onChange={(e) => setComment(e.currentTarget.value)} maxLength={1000} />
                  <Button type="submit" loading={add.isPending} variant="light">
                    Send
                  </Button>
                </Group>
              </form>
            </Stack>
          ) : null}
        </Stack>
      </Group>
    </Card>
  );
}

export function GivePraiseModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const values = useQuery({ ...feedbackQueries.values(), enabled: opened });
  const skills = useQuery({ ...skillQueries.everything(), enabled: opened });
  const [people, setPeople] = useState<{ id: string; name: string }[]>([]);
  const form = useForm<{ message: string; visibility: 'public' | 'private'; valueIds: string[]; skillIds: string[] }>({
    initialValues: { message: '', visibility: 'public', valueIds: [], skillIds: [] },
    validate: { message: (v) => (v.trim() ? null : 'Say what they did') },
  });
  const give = useMutation({
    mutationFn: (body: PraiseBody) => feedbackApi.givePraise(body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: feedbackKeys.praise });
      notifications.show({ message: 'Praise sent' });
      form.reset();
      setPeople([]);
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title="Give praise" size="lg">
      <form onSubmit={form.onSubmit((v) => {
        if (people.length) give.mutate({ ...v, recipientIds: people.map((p) => p.id) });
      })}>
        <Stack>
          {give.error ? <ErrorAlert error={give.error} title="Praise not sent" /> : null}
          <PersonPicker
            label="Who do you want to praise?"
            value={null}
            clearAfterPick
            onChange={(id, p) => {
              if (id && p && !people.some((x) => x.id === id)) setPeople([...people, { id, name: p.name }]);
            }}
            error={give.isError && !people.length ? 'Choose at least one person' : undefined}
          />
          {people.length ? (
            <Group gap={6} aria-label="Chosen people">
              {people.map((p) => (
                <Badge key={p.id} rightSection={<ActionIcon size="xs" variant="transparent" aria-label={`Remove ${p.name}`} onClick={() => setPeople(people.filter((x) => x.id !== p.id))}>×</ActionIcon>}>
                  {p.name}
                </Badge>
              ))}
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              Choose one or more people.
            </Text>
          )}
          <Textarea label="What did they do?" autosize minRows={3} maxLength={2000} {...form.getInputProps('message')} />
          {values.data?.data.length ? (
            <Stack gap={4}>
              <Text size="sm" fw={500} id="praise-values">
                Company values it shows
              </Text>
              <Chip.Group multiple {...form.getInputProps('valueIds')}>
                <Group gap={6} role="group" aria-labelledby="praise-values">
                  {values.data.data.map((v) => (
                    <Chip key={v.id} value={v.id}>
                      {v.name}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
            </Stack>
          ) : null}
          <MultiSelect label="Skills (optional)" searchable data={(skills.data?.data ?? []).map((s) => ({ value: s.id, label: s.name }))} maxValues={10} {...form.getInputProps('skillIds')} />
          <Radio.Group label="Who sees it" {...form.getInputProps('visibility')}>
            <Group mt={4}>
              <Radio value="public" label="Everyone (the praise feed)" />
              <Radio value="private" label="Only them" />
            </Group>
          </Radio.Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={give.isPending} disabled={!people.length}>
              Send praise
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
