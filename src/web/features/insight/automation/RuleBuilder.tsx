import { ActionIcon, Alert, Button, Card, Drawer, Group, List, MultiSelect, NumberInput, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldErrors } from '../../../lib/api.ts';
import { drawerTitle, ErrorAlert, FormActions } from '../../../ui/common.tsx';
import {
  automationApi, automationKeys, automationQueries, eventFields, eventLabels,
  type Action, type AutomationEvent, type AutomationRule, type Condition, type OptionKind, type Preview, type RuleBody,
} from './api.ts';

const personFields = [
  { value: 'department', label: 'Department (and sub-departments)' },
  { value: 'group', label: 'Group' },
  { value: 'jobProfile', label: 'Job profile' },
  { value: 'location', label: 'Location' },
  { value: 'customField', label: 'Custom field' },
  { value: 'hiredAfter', label: 'Hired after' },
];
const eventFieldLabels = { skill: 'Skill (of the event)', hurdleCategory: 'Blocker category', course: 'Course (of the enrolment or certificate)' };
const hurdleCategories = ['skill', 'time', 'tools', 'clarity', 'workload', 'wellbeing', 'other'];
const actionTypes = [
  { value: 'enroll', label: 'Enrol in a course or program' },
  { value: 'talkingPoint', label: 'Add a 1:1 talking point (with their manager)' },
  { value: 'planItem', label: 'Add a development-plan item' },
  { value: 'selfAssessment', label: 'Ask for a self-assessment' },
  { value: 'notify', label: 'Notify someone' },
];

function blankCondition(field: string): Condition {
  switch (field) {
    case 'location': return { field: 'location', op: 'equals', value: '' };
    case 'customField': return { field: 'customField', op: 'equals', value: { key: '', value: '' } };
    case 'hiredAfter': return { field: 'hiredAfter', op: 'after', value: '' };
    case 'hurdleCategory': return { field: 'hurdleCategory', op: 'in', value: [] as never };
    default: return { field: field as 'department', op: 'in', value: [] };
  }
}

function blankAction(type: string): Action {
  switch (type) {
    case 'talkingPoint': return { type: 'talkingPoint', body: '' };
    case 'planItem': return { type: 'planItem', title: '', actionType: 'other' };
    case 'selfAssessment': return { type: 'selfAssessment' };
    case 'notify': return { type: 'notify', to: 'manager', message: '' };
    default: return { type: 'enroll' };
  }
}

/** Options drawn at once in a picker's list (typing narrows the rest); the lists can hold thousands. */
const OPTIONS_SHOWN = 100;

function IdsSelect({ kind, label, value, onChange, error }: { kind: OptionKind; label: string; value: string[]; onChange: (v: string[]) => void; error?: string }) {
  const options = useQuery(automationQueries.options(kind));
  return (
    <MultiSelect
      label={label} searchable required data={options.data ?? []} limit={OPTIONS_SHOWN} value={value} onChange={onChange} error={error}
      placeholder={options.isLoading ? 'Loading…' : 'Choose'} nothingFoundMessage={options.isError ? 'Could not load the list' : 'None found'}
    />
  );
}

function OneSelect({ kind, label, value, onChange, error, required }: { kind: OptionKind; label: string; value: string | null; onChange: (v: string | null) => void; error?: string; required?: boolean }) {
  const options = useQuery(automationQueries.options(kind));
  return (
    <Select
      label={label} searchable required={required} clearable={!required} data={options.data ?? []} limit={OPTIONS_SHOWN} value={value} onChange={onChange} error={error}
      placeholder={options.isLoading ? 'Loading…' : 'Choose'} nothingFoundMessage={options.isError ? 'Could not load the list' : 'None found'}
    />
  );
}

const kindOf: Record<string, OptionKind> = { department: 'department', group: 'group', jobProfile: 'jobProfile', skill: 'skill', course: 'course' };

function ConditionEditor({ c, onChange, errors, at }: { c: Condition; onChange: (c: Condition) => void; errors: Record<string, string>; at: string }) {
  const err = (k = 'value') => errors[`${at}.${k}`] ?? Object.entries(errors).find(([p]) => p.startsWith(`${at}.${k}`))?.[1];
  switch (c.field) {
    case 'location':
      return <TextInput label="Location is" required value={c.value} onChange={(e) => onChange({ ...c, value: e.currentTarget.value })} error={err()} />;
    case 'hiredAfter':
      return <TextInput type="date" label="Hired after" required value={c.value} onChange={(e) => onChange({ ...c, value: e.currentTarget.value })} error={err()} />;
    case 'customField':
      return (
        <Group grow align="flex-start">
          <TextInput label="Custom field key" required value={c.value.key} onChange={(e) => onChange({ ...c, value: { ...c.value, key: e.currentTarget.value } })} error={err('value.key')} />
          <TextInput label="Equals" required value={c.value.value} onChange={(e) => onChange({ ...c, value: { ...c.value, value: e.currentTarget.value } })} error={err('value.value')} />
        </Group>
      );
    case 'hurdleCategory':
      return <MultiSelect label="Blocker category is one of" required data={hurdleCategories} value={c.value} onChange={(v) => onChange({ ...c, value: v as typeof c.value })} error={err()} />;
    default:
      return <IdsSelect kind={kindOf[c.field]!} label={`${[...personFields, ...Object.entries(eventFieldLabels).map(([value, label]) => ({ value, label }))].find((f) => f.value === c.field)?.label ?? c.field} is one of`} value={c.value} onChange={(v) => onChange({ ...c, value: v } as Condition)} error={err()} />;
  }
}

function ActionEditor({ a, onChange, errors, at }: { a: Action; onChange: (a: Action) => void; errors: Record<string, string>; at: string }) {
  const err = (k: string) => errors[`${at}.${k}`];
  switch (a.type) {
    case 'enroll':
      return (
        <Stack gap="xs">
          <Group grow align="flex-start">
            <OneSelect kind="course" label="Course" value={a.courseId ?? null} onChange={(v) => onChange({ ...a, courseId: v ?? undefined, programId: v ? undefined : a.programId })} error={err('courseId')} />
            <OneSelect kind="program" label="or program" value={a.programId ?? null} onChange={(v) => onChange({ ...a, programId: v ?? undefined, courseId: v ? undefined : a.courseId })} error={err('programId')} />
          </Group>
          <NumberInput label="Due (days after enrolment)" description="Empty: no due date" min={1} max={365} value={a.dueDays ?? ''} onChange={(v) => onChange({ ...a, dueDays: typeof v === 'number' ? v : undefined })} error={err('dueDays')} />
        </Stack>
      );
    case 'talkingPoint':
      return <Textarea label="Talking point" description="Added to the next 1:1 between the person and their manager" required value={a.body} onChange={(e) => onChange({ ...a, body: e.currentTarget.value })} error={err('body')} />;
    case 'planItem':
      return (
        <Stack gap="xs">
          <TextInput label="Plan item title" required value={a.title} onChange={(e) => onChange({ ...a, title: e.currentTarget.value })} error={err('title')} />
          <Group grow align="flex-start">
            <Select label="Kind" allowDeselect={false} data={[{ value: 'mentoring', label: 'Mentoring' }, { value: 'project', label: 'Project' }, { value: 'stretch_assignment', label: 'Stretch assignment' }, { value: 'other', label: 'Other' }]} value={a.actionType} onChange={(v) => onChange({ ...a, actionType: (v ?? 'other') as typeof a.actionType })} />
            <OneSelect kind="skill" label="Skill it serves" value={a.skillId ?? null} onChange={(v) => onChange({ ...a, skillId: v ?? undefined })} error={err('skillId')} />
          </Group>
        </Stack>
      );
    case 'selfAssessment':
      return <Text size="sm">The person is asked, in the app and by email, to rate their skills.</Text>;
    case 'notify':
      return (
        <Stack gap="xs">
          <Select label="Notify" allowDeselect={false} data={[{ value: 'person', label: 'The person' }, { value: 'manager', label: 'Their manager' }]} value={a.to === 'someone' ? 'manager' : a.to} onChange={(v) => onChange({ ...a, to: (v ?? 'manager') as 'person' | 'manager' })} />
          <Textarea label="Message" required value={a.message} onChange={(e) => onChange({ ...a, message: e.currentTarget.value })} error={err('message')} />
        </Stack>
      );
  }
}

/** Event → conditions → actions, with the preview of who it would touch now before it is saved. */
export function RuleBuilder({ rule, onClose }: { rule: AutomationRule | null; onClose: () => void }) {
  const qc = useQueryClient();
  const [name, setName] = useState(rule?.name ?? '');
  const [event, setEvent] = useState<AutomationEvent>(rule?.event ?? 'person_hired');
  const [conditions, setConditions] = useState<Condition[]>(rule?.conditions ?? []);
  const [actions, setActions] = useState<Action[]>(rule?.actions ?? [blankAction('enroll')]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<Preview | null>(null);
  const body = (): RuleBody => ({ name: name.trim(), event, conditions, actions });
  const fieldOptions = [...personFields, ...eventFields[event].map((f) => ({ value: f, label: eventFieldLabels[f] }))];

  const showPreview = useMutation({
    mutationFn: () => automationApi.preview({ ...body(), name: body().name || 'Preview' }),
    onMutate: () => setErrors({}),
    onSuccess: setPreview,
    onError: (err) => setErrors(fieldErrors(err)),
  });
  const save = useMutation({
    mutationFn: () => (rule ? automationApi.update(rule.id, body()) : automationApi.create(body())),
    onMutate: () => setErrors({}),
    onSuccess: () => {
      notifications.show({ color: 'green', message: rule ? 'Rule saved' : 'Rule saved as a draft: preview it, then switch it on' });
      void qc.invalidateQueries({ queryKey: automationKeys.all });
      onClose();
    },
    onError: (err) => setErrors(fieldErrors(err)),
  });
  const lastError = save.error ?? showPreview.error;
  const unplaced = lastError && !Object.keys(fieldErrors(lastError)).length;

  return (
    <Drawer opened onClose={onClose} position="right" size="xl" title={rule ? `Edit “${rule.name}”` : 'New automation rule'} styles={drawerTitle} closeButtonProps={{ 'aria-label': 'Close' }}>
      <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
        <Stack>
          {unplaced && <ErrorAlert error={lastError} />}
          <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
          <Title order={3} size="h4">1. When</Title>
          <Select
            label="Event" allowDeselect={false} data={Object.entries(eventLabels).map(([value, label]) => ({ value, label }))} value={event}
            onChange={(v) => { setEvent((v ?? 'person_hired') as AutomationEvent); setPreview(null); }} error={errors.event}
          />
          <Title order={3} size="h4">2. For whom</Title>
          {conditions.length === 0 && <Text size="sm" c="dimmed">No conditions: everyone active.</Text>}
          {conditions.map((c, i) => (
            <Card key={i} withBorder padding="sm">
              <Group align="flex-start" wrap="nowrap">
                <Stack gap="xs" style={{ flex: 1 }}>
                  <Select
                    label={`Condition ${i + 1}`} allowDeselect={false} data={fieldOptions} value={c.field} error={errors[`conditions.${i}.field`]}
                    onChange={(v) => { setConditions(conditions.map((x, j) => (j === i ? blankCondition(v ?? 'department') : x))); setPreview(null); }}
                  />
                  <ConditionEditor c={c} at={`conditions.${i}`} errors={errors} onChange={(n) => { setConditions(conditions.map((x, j) => (j === i ? n : x))); setPreview(null); }} />
                </Stack>
                <ActionIcon variant="subtle" color="red" aria-label={`Remove condition ${i + 1}`} onClick={() => { setConditions(conditions.filter((_, j) => j !== i)); setPreview(null); }}>
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            </Card>
          ))}
          <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setConditions([...conditions, blankCondition('department')])} style={{ alignSelf: 'flex-start' }}>
            Add condition
          </Button>
          <Title order={3} size="h4">3. Do</Title>
          {errors.actions && <Text c="red" size="sm">{errors.actions}</Text>}
          {actions.map((a, i) => (
            <Card key={i} withBorder padding="sm">
              <Group align="flex-start" wrap="nowrap">
                <Stack gap="xs" style={{ flex: 1 }}>
                  <Select label={`Action ${i + 1}`} allowDeselect={false} data={actionTypes} value={a.type} onChange={(v) => setActions(actions.map((x, j) => (j === i ? blankAction(v ?? 'enroll') : x)))} />
                  <ActionEditor a={a} at={`actions.${i}`} errors={errors} onChange={(n) => setActions(actions.map((x, j) => (j === i ? n : x)))} />
                </Stack>
                <ActionIcon variant="subtle" color="red" aria-label={`Remove action ${i + 1}`} disabled={actions.length === 1} onClick={() => setActions(actions.filter((_, j) => j !== i))}>
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            </Card>
          ))}
          <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setActions([...actions, blankAction('enroll')])} style={{ alignSelf: 'flex-start' }} disabled={actions.length >= 10}>
            Add action
          </Button>
          <Group>
            <Button variant="default" onClick={() => showPreview.mutate()} loading={showPreview.isPending}>Preview who it touches</Button>
          </Group>
          {preview && (
            <Alert color="blue" title={`${preview.count} ${preview.count === 1 ? 'person' : 'people'} selected now`} aria-live="polite">
              <Text size="sm">Switched on, the rule acts first on each of them, then on every new event that matches.</Text>
              {preview.people.length > 0 && (
                <List size="sm" mt="xs">
                  {preview.people.map((p) => <List.Item key={p.id}>{p.name}{p.jobTitle ? ` — ${p.jobTitle}` : ''}</List.Item>)}
                  {preview.count > preview.people.length && <List.Item>…and {preview.count - preview.people.length} more</List.Item>}
                </List>
              )}
            </Alert>
          )}
          <FormActions onCancel={onClose} label={rule ? 'Save' : 'Save as draft'} loading={save.isPending} />
        </Stack>
      </form>
    </Drawer>
  );
}
