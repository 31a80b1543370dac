import { ActionIcon, Alert, Anchor, Button, Card, Checkbox, Group, NumberInput, Progress, Select, Stack, Switch, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiError, fieldErrors } from '../../../lib/api.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { SectionCard } from '../../../ui/SectionCard.tsx';
import { EmptyText, ErrorAlert, Loading } from '../../../ui/common.tsx';
import { reviewApi, reviewKeys, reviewQueries, type Question, type QuestionKind, type Relationship, type Template, type TemplateBody } from './api.ts';
import { readableErrors } from './ReviewForm.tsx';
import { formulaShares, kindLabels, nextKey, relationshipLabels, scoreSourceLabels } from './format.ts';

type Source = Relationship | 'goals';
type Part = { source: Source; weight: number | string };
type Draft = { name: string; description: string; scale: { value: number | string; label: string; description?: string }[]; sections: TemplateBody['sections']; parts: Part[] };

const relationships: Relationship[] = ['self', 'manager', 'peer', 'upward'];
const sources: Source[] = [...relationships, 'goals'];
const kinds: QuestionKind[] = ['rating', 'text', 'choice', 'skills', 'goals'];
const partColors: Record<Source, string> = { manager: 'blue.8', self: 'teal.8', peer: 'grape.8', upward: 'orange.9', goals: 'indigo.8' };

const starter = (): Draft => ({
  name: '',
  description: '',
  scale: [
    { value: 1, label: 'Below expectations' },
    { value: 2, label: 'Partly meets' },
    { value: 3, label: 'Meets expectations' },
    { value: 4, label: 'Exceeds' },
    { value: 5, label: 'Outstanding' },
  ],
  sections: [
    {
      id: 's1',
      title: 'Overall',
      questions: [
        { id: 'q1', kind: 'rating', prompt: 'Overall performance this period', required: true, relationships: ['self', 'manager'], visibleToSubject: true },
        { id: 'q2', kind: 'text', prompt: 'What went well?', required: true, relationships: ['self', 'manager'], visibleToSubject: true },
      ],
    },
  ],
  parts: [{ source: 'manager', weight: 1 }],
});

const fromTemplate = (t: Template): Draft => ({
  name: t.name,
  description: t.description ?? '',
  scale: t.body.scale.map((a) => ({ ...a })),
  sections: t.body.sections as TemplateBody['sections'],
  parts: t.body.formula.parts.map((p) => ({ source: p.source as Source, weight: p.weight })),
});

const toBody = (d: Draft): TemplateBody => ({
  scale: d.scale.map((a) => ({ value: Number(a.value), label: a.label, ...(a.description ? { description: a.description } : {}) })),
  sections: d.sections.map((s) => ({
    ...s,
    questions: s.questions.map((q) => ({ ...q, ...(q.kind === 'choice' ? { options: q.options ?? [] } : { options: undefined, multiple: undefined }) })),
  })),
  formula: { parts: d.parts.map((p) => ({ source: p.source, weight: Number(p.weight) })) },
});

/** `/admin/reviews/templates/new` or `/admin/reviews/templates/$id`. */
export default function TemplateBuilderPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const isNew = id === 'new';
  const q = useQuery({ ...reviewQueries.template(id), enabled: !isNew });
  if (!isNew && q.isLoading) return <Loading label="Loading the template" />;
  if (!isNew && q.error instanceof ApiError && q.error.status === 404) return <EmptyText>No such template.</EmptyText>;
  if (!isNew && !q.data) return <ErrorAlert error={q.error} />;
  return <Builder key={q.data ? `${q.data.id}:${q.data.version}` : 'new'} template={q.data ?? null} />;
}

function Builder({ template }: { template: Template | null }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [d, setD] = useState<Draft>(() => (template ? fromTemplate(template) : starter()));
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));
  const save = useMutation({
    mutationFn: () => {
      const body = { name: d.name, description: d.description.trim() || null, body: toBody(d) };
      return template ? reviewApi.updateTemplate(template.id, body) : reviewApi.createTemplate(body);
    },
    onSuccess: (t) => {
      void qc.invalidateQueries({ queryKey: reviewKeys.templates });
      qc.setQueryData(reviewKeys.template(t.id), t);
      notifications.show({ color: 'teal', message: template ? `Saved: version ${t.version}.` : 'Template created.' });
      if (!template) void navigate({ to: '/admin/reviews/templates/$id', params: { id: t.id } as never, replace: true });
    },
  });
  const archive = useMutation({
    mutationFn: (archived: boolean) => reviewApi.updateTemplate(template!.id, { archived }),
    onSuccess: (t) => {
      qc.setQueryData(reviewKeys.template(t.id), t);
      void qc.invalidateQueries({ queryKey: reviewKeys.templates });
    },
  });
  const err = fieldErrors(save.error);
  const e = (path: string) => err[`body.${path}`];
  const details = save.error instanceof ApiError ? save.error.details : [];

  const updateSection = (si: number, patch: Partial<Draft['sections'][number]>) => set({ sections: d.sections.map((s, i) => (i === si ? { ...s, ...patch } : s)) });
  const updateQuestion = (si: number, qi: number, patch: Partial<Question>) =>
    updateSection(si, { questions: d.sections[si]!.questions.map((q, i) => (i === qi ? { ...q, ...patch } : q)) });
  const allQuestionIds = d.sections.flatMap((s) => s.questions.map((q) => q.id));
  const move = <T,>(list: T[], i: number, by: number) => {
    const j = i + by;
    if (j < 0 || j >= list.length) return list;
    const copy = [...list];
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    return copy;
  };
  const shares = formulaShares(d.parts.map((p) => Number(p.weight)));

  return (
    <form
      onSubmit={(ev) => {
        ev.preventDefault();
        save.mutate();
      }}
      noValidate
      style={readableErrors}
    >
      <Stack>
        <PageHeader
          title={template ? template.name : 'New review template'}
          description={template ? `Version ${template.version} · used by ${template.cycles} ${template.cycles === 1 ? 'cycle' : 'cycles'}. Launched cycles keep the version they launched with.` : 'A rating scale, sections of questions and how the final score is weighed.'}
          actions={
            template && (
              <Button variant="default" onClick={() => archive.mutate(!template.archived)} loading={archive.isPending}>
                {template.archived ? 'Restore' : 'Archive'}
              </Button>
            )
          }
        />
        <Anchor component={Link} to="/admin/reviews" size="sm">
          Back to review cycles
        </Anchor>
        <ErrorAlert error={archive.error} />
        <SectionCard title="About">
          <Stack gap="sm">
            <TextInput label="Name" required value={d.name} onChange={(ev) => set({ name: ev.currentTarget.value })} error={err.name} maxLength={120} />
            <Textarea label="Description" autosize minRows={2} value={d.description} onChange={(ev) => set({ description: ev.currentTarget.value })} error={err.description} />
          </Stack>
        </SectionCard>

        <SectionCard title="Rating scale">
          <Stack gap="xs">
            <Text size="sm">Each point has a value (going up) and a label reviewers choose by.</Text>
            {e('scale') && (
              <Text size="sm" c="red.9">
                {e('scale')}
              </Text>
            )}
            {d.scale.map((a, i) => (
              <Group key={i} align="flex-start" wrap="wrap" gap="xs" data-testid="scale-point">
                <NumberInput label={`Value of point ${i + 1}`} w={130} min={0} max={100} value={a.value} onChange={(v) => set({ scale: d.scale.map((x, j) => (j === i ? { ...x, value: v } : x)) })} error={e(`scale.${i}.value`)} />
                <TextInput label={`Label of point ${i + 1}`} style={{ flex: '1 1 180px' }} value={a.label} onChange={(ev) => set({ scale: d.scale.map((x, j) => (j === i ? { ...x, label: ev.currentTarget.value } : x)) })} error={e(`scale.${i}.label`)} />
                <ActionIcon variant="subtle" color="red" c="red.9" mt={26} size="lg" aria-label={`Remove point ${i + 1}`} onClick={() => set({ scale: d.scale.filter((_, j) => j !== i) })} disabled={d.scale.length <= 2}>
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="light"
                size="xs"
                leftSection={<IconPlus size={14} aria-hidden />}
                disabled={d.scale.length >= 10}
                onClick={() => set({ scale: [...d.scale, { value: Math.max(0, ...d.scale.map((a) => Number(a.value) || 0)) + 1, label: '' }] })}
              >
                Add a point
              </Button>
            </Group>
          </Stack>
        </SectionCard>

        {d.sections.map((s, si) => (
          <Card key={s.id} withBorder padding="lg" component="section" aria-label={`Section ${si + 1}`}>
            <Group justify="space-between" mb="sm" wrap="wrap">
              <Title order={2} size="h4">
                Section {si + 1}
              </Title>
              <Group gap={4}>
                <ActionIcon variant="subtle" size="lg" aria-label={`Move section ${si + 1} up`} disabled={si === 0} onClick={() => set({ sections: move(d.sections, si, -1) })}>
                  <IconArrowUp size={16} aria-hidden />
                </ActionIcon>
                <ActionIcon variant="subtle" size="lg" aria-label={`Move section ${si + 1} down`} disabled={si === d.sections.length - 1} onClick={() => set({ sections: move(d.sections, si, 1) })}>
                  <IconArrowDown size={16} aria-hidden />
                </ActionIcon>
                <ActionIcon variant="subtle" color="red" c="red.9" size="lg" aria-label={`Remove section ${si + 1}`} disabled={d.sections.length <= 1} onClick={() => set({ sections: d.sections.filter((_, i) => i !== si) })}>
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            </Group>
            <Stack gap="sm">
              <TextInput label="Section title" required value={s.title} onChange={(ev) => updateSection(si, { title: ev.currentTarget.value })} error={e(`sections.${si}.title`)} />
              <Textarea label="Section description" autosize minRows={1} value={s.description ?? ''} onChange={(ev) => updateSection(si, { description: ev.currentTarget.value || undefined })} />
              {e(`sections.${si}.questions`) && (
                <Text size="sm" c="red.9">
                  {e(`sections.${si}.questions`)}
                </Text>
              )}
              {s.questions.map((q, qi) => (
                <QuestionEditor
                  key={q.id}
                  n={`${si + 1}.${qi + 1}`}
                  q={q}
                  onChange={(patch) => updateQuestion(si, qi, patch)}
                  onRemove={() => updateSection(si, { questions: s.questions.filter((_, i) => i !== qi) })}
                  onMove={(by) => updateSection(si, { questions: move(s.questions, qi, by) })}
                  first={qi === 0}
                  last={qi === s.questions.length - 1}
                  error={(f) => e(`sections.${si}.questions.${qi}${f ? `.${f}` : ''}`)}
                />
              ))}
              <Group>
                <Button
                  variant="light"
                  size="xs"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() =>
                    updateSection(si, {
                      questions: [...s.questions, { id: nextKey('q', allQuestionIds), kind: 'rating', prompt: '', required: true, relationships: ['self', 'manager'], visibleToSubject: true }],
                    })
                  }
                >
                  Add a question to section {si + 1}
                </Button>
              </Group>
            </Stack>
          </Card>
        ))}
        <Group>
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() =>
              set({
                sections: [
                  ...d.sections,
                  { id: nextKey('s', d.sections.map((x) => x.id)), title: '', questions: [{ id: nextKey('q', allQuestionIds), kind: 'text', prompt: '', required: true, relationships: ['self', 'manager'], visibleToSubject: true }] },
                ],
              })
            }
          >
            Add a section
          </Button>
        </Group>

        <SectionCard title="Final score">
          <Stack gap="xs">
            <Text size="sm">The final score weighs the average rating of each part: say how much each counts. Goals count the ratings of the goals questions.</Text>
            {e('formula.parts') && (
              <Text size="sm" c="red.9">
                {e('formula.parts')}
              </Text>
            )}
            {d.parts.map((p, i) => (
              <Group key={i} align="flex-start" wrap="wrap" gap="xs" data-testid="score-part">
                <Select
                  label={`Part ${i + 1}`}
                  w={200}
                  data={sources.map((s) => ({ value: s, label: scoreSourceLabels[s] }))}
                  value={p.source}
                  onChange={(v) => v && set({ parts: d.parts.map((x, j) => (j === i ? { ...x, source: v as Source } : x)) })}
                  allowDeselect={false}
                  error={e(`formula.parts.${i}.source`)}
                />
                <NumberInput label={`Weight of part ${i + 1}`} w={150} min={0} max={100} value={p.weight} onChange={(v) => set({ parts: d.parts.map((x, j) => (j === i ? { ...x, weight: v } : x)) })} error={e(`formula.parts.${i}.weight`)} />
                <Text size="sm" mt={30} w={60} aria-live="polite">
                  {shares[i]} %
                </Text>
                <ActionIcon variant="subtle" color="red" c="red.9" mt={26} size="lg" aria-label={`Remove part ${i + 1}`} onClick={() => set({ parts: d.parts.filter((_, j) => j !== i) })}>
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            {d.parts.length > 0 && shares.some((x) => x > 0) && (
              <>
                {/* The line under it says the same in words; the bar is for the eye. */}
                <Progress.Root size={22} aria-hidden>
                  {d.parts.map((p, i) =>
                    shares[i] ? (
                      <Progress.Section key={i} value={shares[i]!} color={partColors[p.source]}>
                        <Progress.Label>{shares[i]! >= 12 ? `${scoreSourceLabels[p.source]} ${shares[i]} %` : ''}</Progress.Label>
                      </Progress.Section>
                    ) : null,
                  )}
                </Progress.Root>
                <Text size="sm" data-testid="formula-preview">
                  {d.parts.map((p, i) => `${scoreSourceLabels[p.source]} ${shares[i]} %`).join(' · ')}
                </Text>
              </>
            )}
            <Group>
              <Button
                variant="light"
                size="xs"
                leftSection={<IconPlus size={14} aria-hidden />}
                disabled={d.parts.length >= 5}
                onClick={() => set({ parts: [...d.parts, { source: sources.find((s) => !d.parts.some((p) => p.source === s)) ?? 'self', weight: 1 }] })}
              >
                Add a part
              </Button>
            </Group>
          </Stack>
        </SectionCard>

        {details.length > 0 && (
          <Alert color="red" role="alert" title={save.error?.message}>
            <Stack gap={2}>
              {details.map((x, i) => (
                <Text key={i} size="sm">
                  {describePath(x.path, d)}: {x.message}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}
        {save.error && !details.length && <ErrorAlert error={save.error} title="Could not save" />}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {template ? 'Save template' : 'Create template'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "Question 1.2" for `body.sections.0.questions.1.options`: where an error is, in the words of the form. */
function describePath(path: string | undefined, d: Draft): string {
  if (!path) return 'Template';
  const m = path.match(/sections\.(\d+)(?:\.questions\.(\d+))?/);
  if (m) return m[2] !== undefined ? `Question ${Number(m[1]) + 1}.${Number(m[2]) + 1}` : `Section ${Number(m[1]) + 1}`;
  if (path.includes('scale')) return 'Rating scale';
  if (path.includes('formula')) return 'Final score';
  if (path === 'name') return 'Name';
  return d.name || 'Template';
}

function QuestionEditor({
  n,
  q,
  onChange,
  onRemove,
  onMove,
  first,
  last,
  error,
}: {
  n: string;
  q: Question;
  onChange: (patch: Partial<Question>) => void;
  onRemove: () => void;
  onMove: (by: number) => void;
  first: boolean;
  last: boolean;
  error: (field?: string) => string | undefined;
}) {
  return (
    <Card withBorder padding="sm" data-testid="question-editor" role="group" aria-label={`Question ${n}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Text fw={600}>
            Question {n}
          </Text>
          <Group gap={4}>
            <ActionIcon variant="subtle" size="lg" aria-label={`Move question ${n} up`} disabled={first} onClick={() => onMove(-1)}>
              <IconArrowUp size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon variant="subtle" size="lg" aria-label={`Move question ${n} down`} disabled={last} onClick={() => onMove(1)}>
              <IconArrowDown size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon variant="subtle" color="red" c="red.9" size="lg" aria-label={`Remove question ${n}`} onClick={onRemove}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        </Group>
        {error() && (
          <Text size="sm" c="red.9">
            {error()}
          </Text>
        )}
        <Group align="flex-start" wrap="wrap" gap="xs">
          <TextInput label={`Question ${n}`} required style={{ flex: '2 1 240px' }} value={q.prompt} onChange={(ev) => onChange({ prompt: ev.currentTarget.value })} error={error('prompt')} />
          <Select
            label={`Kind of question ${n}`}
            style={{ flex: '1 1 180px' }}
            data={kinds.map((k) => ({ value: k, label: kindLabels[k] }))}
            value={q.kind}
            onChange={(v) => v && onChange({ kind: v as QuestionKind })}
            allowDeselect={false}
            error={error('kind')}
          />
        </Group>
        <TextInput label={`Help for question ${n}`} value={q.help ?? ''} onChange={(ev) => onChange({ help: ev.currentTarget.value || undefined })} />
        {q.kind === 'choice' && (
          <>
            <TagsInput label={`Options of question ${n}`} description="Press Enter after each option" value={q.options ?? []} onChange={(options) => onChange({ options })} error={error('options')} maxTags={20} />
            <Checkbox label="Reviewers may choose several" checked={!!q.multiple} onChange={(ev) => onChange({ multiple: ev.currentTarget.checked })} />
          </>
        )}
        <Checkbox.Group label={`Who answers question ${n}`} value={q.relationships} onChange={(v) => onChange({ relationships: v as Relationship[] })} error={error('relationships')}>
          <Group gap="md" mt={4} wrap="wrap">
            {relationships.map((r) => (
              <Checkbox key={r} value={r} label={relationshipLabels[r]} />
            ))}
          </Group>
        </Checkbox.Group>
        <Group gap="lg" wrap="wrap">
          <Switch label="Required" checked={q.required} onChange={(ev) => onChange({ required: ev.currentTarget.checked })} />
          <Switch label="Shown to the person reviewed" checked={q.visibleToSubject} onChange={(ev) => onChange({ visibleToSubject: ev.currentTarget.checked })} />
        </Group>
      </Stack>
    </Card>
  );
}
