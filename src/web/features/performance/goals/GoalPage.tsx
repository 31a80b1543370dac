import { LineChart } from '@mantine/charts';
import { Anchor, Box, Button, Card, Checkbox, Group, NumberInput, Select, Slider, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../lib/api.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { SectionCard } from '../../../ui/SectionCard.tsx';
import { EmptyText, ErrorAlert, Loading } from '../../../ui/common.tsx';
import { goalApi, goalKeys, goalQueries, statusLabels, type CheckIn, type GoalDetail } from './api.ts';
import { GoalProgress, StatusBadge } from './GoalBits.tsx';

const shortDate = (iso: string) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });

export default function GoalPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const goal = useQuery(goalQueries.one(id));
  if (goal.isLoading) return <Loading label="Loading the goal" />;
  if (goal.error instanceof ApiError && goal.error.status === 404) return <EmptyText>This goal does not exist, or it is not yours to see.</EmptyText>;
  if (!goal.data) return <ErrorAlert error={goal.error} />;
  const g = goal.data;
  return (
    <Stack>
      <PageHeader title={g.title} description={`${g.ownerName}${g.periodName ? ` · ${g.periodName}` : ''}${g.periodClosed ? ' (closed)' : ''}`} actions={<StatusBadge status={g.status} />} />
      {g.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{g.description}</Text>}
      <GoalProgress value={g.progress} label="Progress" />
      <SectionCard title="Key results">
        {g.keyResults.length === 0 ? (
          <EmptyText>No key results: progress follows the goals that support this one.</EmptyText>
        ) : (
          <Stack gap="sm">
            {g.keyResults.map((k) => (
              <Stack key={k.id} gap={2}>
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {k.title}
                  </Text>
                  <Text size="sm">{k.kind === 'binary' ? (k.currentValue >= 1 ? 'Done' : 'Not done') : `${k.currentValue} of ${k.targetValue}${k.unit ? ` ${k.unit}` : ''}`}</Text>
                </Group>
                <GoalProgress value={k.progress} label={`Progress of ${k.title}`} />
              </Stack>
            ))}
          </Stack>
        )}
      </SectionCard>
      {g.canEdit && !g.periodClosed && <CheckInForm g={g} />}
      <History id={g.id} />
      <SectionCard title="Alignment">
        <Stack gap={4}>
          <Text size="sm">
            Supports:{' '}
            {g.parent ? (
              <Anchor component={Link} to="/goals/$id" params={{ id: g.parent.id } as never}>
                {g.parent.title}
              </Anchor>
            ) : (
              'no other goal you can see'
            )}
          </Text>
          {g.children.length === 0 && g.hiddenChildren === 0 ? (
            <Text size="sm">No goals support this one yet.</Text>
          ) : (
            <>
              <Text size="sm">Supported by:</Text>
              <ul style={{ margin: 0 }}>
                {g.children.map((c) => (
                  <li key={c.id}>
                    <Anchor component={Link} to="/goals/$id" params={{ id: c.id } as never} size="sm">
                      {c.title}
                    </Anchor>{' '}
                    <Text span size="sm">
                      ({c.ownerName}, {Math.round(c.progress)} %)
                    </Text>
                  </li>
                ))}
                {g.hiddenChildren > 0 && <li>{`${g.hiddenChildren} more ${g.hiddenChildren === 1 ? 'goal' : 'goals'} you cannot see`}</li>}
              </ul>
            </>
          )}
          {g.skills.length > 0 && <Text size="sm">Skills it needs: {g.skills.map((s) => s.name).join(', ')}</Text>}
        </Stack>
      </SectionCard>
      <Comments id={g.id} />
    </Stack>
  );
}

function CheckInForm({ g }: { g: GoalDetail }) {
  const qc = useQueryClient();
  const initial = () => Object.fromEntries(g.keyResults.map((k) => [k.id, k.currentValue]));
  // The last values, pre-filled: most check-ins change one or two results.
  const [values, setValues] = useState<Record<string, number | string>>(initial);
  useEffect(() => setValues(initial()), [g.updatedAt]); // eslint-disable-line react-hooks/exhaustive-deps
  const [confidence, setConfidence] = useState(7);
  const [status, setStatus] = useState<string>(['done', 'missed', 'dropped'].includes(g.status) ? 'on_track' : g.status);
  const [note, setNote] = useState('');
  const [blockers, setBlockers] = useState('');
  const [asHurdle, setAsHurdle] = useState(false);
  const [toOneOnOne, setToOneOnOne] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      goalApi.checkIn(g.id, {
        values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' && v !== '' ? Number(v) : v])),
        confidence,
        status: status as GoalDetail['status'],
        note: note || null,
        blockers: blockers || null,
        ...(asHurdle && blockers && { raiseHurdle: {} }),
        ...(toOneOnOne && { addToNextOneOnOne: {} }),
      }),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: goalKeys.all });
      setNote('');
      setBlockers('');
      setAsHurdle(false);
      setToOneOnOne(false);
      notifications.show({
        color: 'teal',
        message: ['Check-in saved', r.hurdleId && 'the blockers are a hurdle now', r.talkingPoint && 'it is on your next 1:1'].filter(Boolean).join('; ') + '.',
      });
    },
  });
  return (
    <SectionCard title="Check in">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <ErrorAlert error={save.error} title="Could not save the check-in" />
          {g.keyResults.map((k) =>
            k.kind === 'binary' ? (
              <Checkbox key={k.id} label={k.title} checked={Number(values[k.id]) >= 1} onChange={(e) => setValues({ ...values, [k.id]: e.currentTarget.checked ? 1 : 0 })} />
            ) : (
              <NumberInput
                key={k.id}
                label={`${k.title} (target ${k.targetValue}${k.unit ? ` ${k.unit}` : ''})`}
                value={values[k.id]}
                onChange={(v) => setValues({ ...values, [k.id]: v })}
              />
            ),
          )}
          <Box>
            <Text size="sm" fw={500} id="confidence-label">
              Confidence: {confidence} of 10
            </Text>
            <Slider min={1} max={10} step={1} value={confidence} onChange={setConfidence} aria-labelledby="confidence-label" thumbLabel="Confidence" color="teal.8" />
          </Box>
          <Select
            label="Status"
            data={(['on_track', 'at_risk', 'off_track', 'done', 'missed', 'dropped'] as const).map((s) => ({ value: s, label: statusLabels[s] }))}
            value={status}
            onChange={(v) => setStatus(v ?? 'on_track')}
            allowDeselect={false}
          />
          <Textarea label="Note" autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Textarea label="Blockers" description="What is in your way?" autosize minRows={2} value={blockers} onChange={(e) => setBlockers(e.currentTarget.value)} />
          <Checkbox label="Raise the blockers as a hurdle" disabled={!blockers.trim()} checked={asHurdle} onChange={(e) => setAsHurdle(e.currentTarget.checked)} />
          <Checkbox label="Add this check-in to my next 1:1" checked={toOneOnOne} onChange={(e) => setToOneOnOne(e.currentTarget.checked)} />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              Save check-in
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}

function History({ id }: { id: string }) {
  const q = useQuery(goalQueries.checkIns(id));
  const list: CheckIn[] = q.data?.data ?? [];
  return (
    <SectionCard title="Check-in history">
      <ErrorAlert error={q.error} />
      {q.isLoading ? (
        <Loading label="Loading check-ins" />
      ) : list.length === 0 ? (
        <EmptyText>No check-ins yet.</EmptyText>
      ) : (
        <Stack>
          <Box role="img" aria-label={`Progress over ${list.length} check-ins, from ${Math.round(list[0]!.progress)} % to ${Math.round(list.at(-1)!.progress)} %`}>
            <LineChart
              h={220}
              data={list.map((c) => ({ date: shortDate(c.createdAt), progress: Math.round(c.progress), confidence: c.confidence * 10 }))}
              dataKey="date"
              yAxisProps={{ domain: [0, 100] }}
              series={[
                { name: 'progress', label: 'Progress %', color: 'teal.8' },
                { name: 'confidence', label: 'Confidence ×10', color: 'orange.9' },
              ]}
              withLegend
            />
          </Box>
          <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {[...list].reverse().slice(0, 10).map((c) => (
              <Card key={c.id} withBorder padding="xs" component="li">
                <Group justify="space-between" wrap="wrap">
                  <Text size="sm" fw={600}>
                    {shortDate(c.createdAt)} · {c.authorName ?? 'Someone'} · confidence {c.confidence}/10
                    {c.correctedAt ? ' · corrected' : ''}
                  </Text>
                  <StatusBadge status={c.status} />
                </Group>
                {c.note && <Text size="sm">{c.note}</Text>}
                {c.blockers && <Text size="sm">Blockers: {c.blockers}</Text>}
              </Card>
            ))}
          </Stack>
        </Stack>
      )}
    </SectionCard>
  );
}

function Comments({ id }: { id: string }) {
  const qc = useQueryClient();
  const q = useQuery(goalQueries.comments(id));
  const [body, setBody] = useState('');
  const add = useMutation({
    mutationFn: () => goalApi.comment(id, body),
    onSuccess: () => {
      setBody('');
      void qc.invalidateQueries({ queryKey: goalKeys.comments(id) });
    },
  });
  const list = q.data?.data ?? [];
  return (
    <SectionCard title="Comments">
      <Stack>
        <ErrorAlert error={q.error ?? add.error} />
        {list.length === 0 && !q.isLoading && <EmptyText>No comments yet.</EmptyText>}
        {list.map((c) => (
          <Stack key={c.id} gap={0}>
            <Title order={4} size="sm">
              {c.authorName ?? 'Someone'} · {shortDate(c.createdAt)}
            </Title>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.body}
            </Text>
          </Stack>
        ))}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (body.trim()) add.mutate();
          }}
        >
          <Stack gap="xs">
            <Textarea label="Add a comment" autosize minRows={2} value={body} onChange={(e) => setBody(e.currentTarget.value)} />
            <Group justify="flex-end">
              <Button type="submit" variant="light" loading={add.isPending} disabled={!body.trim()}>
                Comment
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </SectionCard>
  );
}
