import { Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { EmptyText, ErrorAlert, Loading } from '../../../ui/common.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { reasonLabel } from '../../learning/enrollment/reasons.ts';
import { assessmentKeys, assessmentQueries, type PersonSkillRow } from '../../talent/assessments/api.ts';
import { RateModal } from '../../talent/assessments/RateModal.tsx';
import { followUpApi, followUpKeys, followUpQueries, type FollowUp } from './api.ts';

const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' }) : '–');

/** What the follow-up asks, in the words of the person asked. */
function question(f: FollowUp): string {
  const what = f.item ? `“${f.item.title}”` : 'the learning';
  if (f.skills.length > 0) return `${f.person.name} completed ${what} to build ${f.skills.map((s) => s.name).join(', ')}. Re-rate where they are now.`;
  if (f.reasonType === 'hurdle') return `You completed ${what} to get past a hurdle. Is it resolved?`;
  if (f.reasonType === 'one_on_one') return `${f.person.name} completed ${what}, agreed in your 1:1. Did it help?`;
  return `${f.person.name} completed ${what}. Did it help with what it was for?`;
}

function SkillRerate({ f, onRated }: { f: FollowUp; onRated: () => void }) {
  const skills = useQuery(assessmentQueries.person(f.person.id));
  const [row, setRow] = useState<PersonSkillRow | null>(null);
  if (skills.isPending) return <Loading label="Loading skills" />;
  if (skills.error) return <ErrorAlert error={skills.error} />;
  const rows = f.skills.map((s) => ({ s, row: skills.data.skills.find((r) => r.skill.id === s.id) }));
  return (
    <>
      <Group gap="xs">
        {rows.map(({ s, row: r }) => (
          <Button key={s.id} size="xs" variant="light" disabled={!r} onClick={() => r && setRow(r)} aria-label={`Re-rate ${s.name} (was ${s.before ?? 'not rated'}) for ${f.person.name}`}>
            Re-rate {s.name} (was {s.before ?? 'not rated'})
          </Button>
        ))}
      </Group>
      {row && (
        <RateModal
          personId={f.person.id}
          row={row}
          source={f.askedOf?.id === f.person.id ? 'self' : 'manager'}
          onClose={() => {
            setRow(null);
            onRated();
          }}
        />
      )}
    </>
  );
}

function FollowUpCard({ f }: { f: FollowUp }) {
  const qc = useQueryClient();
  const [note, setNote] = useState('');
  const answer = useMutation({
    mutationFn: (a: 'improved' | 'not_improved') => followUpApi.answer(f.id, { answer: a, ...(note.trim() ? { note: note.trim() } : {}) }),
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: followUpKeys.all });
      notifications.show({ color: 'green', message: r.status === 'improved' ? 'Recorded: it improved' : 'Recorded: not improved' });
    },
  });
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: assessmentKeys.person(f.person.id) });
    // The new rating decides the follow-up in the background: look again shortly.
    setTimeout(() => void qc.invalidateQueries({ queryKey: followUpKeys.all }), 1500);
  };
  const titleId = `follow-up-${f.id}`;
  return (
    <Card withBorder component="section" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id={titleId}>
            {f.person.name} · {f.item?.title ?? 'Learning'}
          </Title>
          <Badge variant="light">{reasonLabel(f.reasonType)}</Badge>
        </Group>
        <Text size="sm" c="dimmed">
          Completed {day(f.completedAt)} · asked {day(f.askedAt)}
        </Text>
        <Text>{question(f)}</Text>
        {f.skills.length > 0 && <SkillRerate f={f} onRated={refresh} />}
        <Textarea label="Note (optional)" value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={1} maxLength={2000} />
        {answer.error && <ErrorAlert error={answer.error} />}
        <Group>
          <Button onClick={() => answer.mutate('improved')} loading={answer.isPending && answer.variables === 'improved'}>
            {f.reasonType === 'hurdle' ? 'Yes, resolved' : 'Yes, it improved'}
          </Button>
          <Button variant="default" onClick={() => answer.mutate('not_improved')} loading={answer.isPending && answer.variables === 'not_improved'}>
            {f.skills.length > 0 ? 'No change' : 'Not yet'}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The follow-ups waiting for my answer: re-rate a report's skill, say whether a hurdle is resolved, answer a 1:1's question. */
export default function FollowUpsPage() {
  const q = useQuery(followUpQueries.askedOfMe());
  return (
    <>
      <PageHeader
        title="Follow-ups asked of me"
        description="Some weeks after learning with a reason is completed, Tandem asks whether the reason was answered."
      />
      {q.isPending ? (
        <Loading label="Loading follow-ups" />
      ) : q.error ? (
        <ErrorAlert error={q.error} />
      ) : q.data.data.length === 0 ? (
        <EmptyText>Nothing to follow up right now.</EmptyText>
      ) : (
        <Stack>
          {q.data.data.map((f) => (
            <FollowUpCard key={f.id} f={f} />
          ))}
        </Stack>
      )}
    </>
  );
}
