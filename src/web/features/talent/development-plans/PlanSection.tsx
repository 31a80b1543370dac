import { Anchor, Badge, Button, Checkbox, Group, Menu, Modal, Select, Stack, Text, TextInput, Textarea, ThemeIcon, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconBook,
  IconBriefcase,
  IconChevronDown,
  IconDots,
  IconPlus,
  IconRocket,
  IconRoute,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, fieldErrors } from '../../../lib/api.ts';
import { SectionCard } from '../../../ui/SectionCard.tsx';
import { EmptyText, ErrorAlert, FormActions, Loading, confirmDanger } from '../../../ui/common.tsx';
import { EnrollmentStatusBadge } from '../../learning/enrollment/EnrollmentStatusBadge.tsx';
import { skillQueries } from '../skills/api.ts';
import { actionTypeLabels, planApi, planKeys, planQueries, statusLabels, type PlanItem, type PlanItemBody } from './api.ts';

const icons: Record<PlanItem['actionType'], Icon> = {
  course: IconBook,
  program: IconRoute,
  mentoring: IconUsers,
  project: IconBriefcase,
  stretch_assignment: IconRocket,
  other: IconDots,
};
const groups: PlanItem['status'][] = ['in_progress', 'planned', 'done', 'dropped'];

const formatDay = (d: string) => new Date(`${d}T00:00:00Z`).toLocaleDateString(undefined, { timeZone: 'UTC', dateStyle: 'medium' });

function ApprovalBadge({ status }: { status: PlanItem['approvalStatus'] }) {
  if (status === 'pending') return <Badge color="yellow" variant="light">Waiting for approval</Badge>;
  if (status === 'approved') return <Badge color="green" variant="light">Approved</Badge>;
  if (status === 'declined') return <Badge color="red" variant="light">Declined</Badge>;
  return null;
}

/** The person's development plan: items by status, linked to skills and learning, with approval. */
export function PlanSection({ personId, mine }: { personId: string; mine: boolean }) {
  const qc = useQueryClient();
  const q = useQuery(planQueries.ofPerson(personId));
  const [adding, setAdding] = useState(false);
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: planKeys.ofPerson(personId) });
    void qc.invalidateQueries({ queryKey: ['enrollments'] });
  };
  const onError = (title: string) => (err: unknown) => notifications.show({ color: 'red', title, message: (err as Error).message });
  const update = useMutation({ mutationFn: (v: { id: string; status: PlanItem['status'] }) => planApi.update(v.id, { status: v.status }), onSuccess: refresh, onError: onError('Could not update') });
  const decide = useMutation({
    mutationFn: (v: { id: string; approve: boolean }) => (v.approve ? planApi.approve(v.id) : planApi.decline(v.id)),
    onSuccess: refresh,
    onError: onError('Could not decide'),
  });
  const remove = useMutation({ mutationFn: (id: string) => planApi.remove(id), onSuccess: refresh, onError: onError('Could not remove') });
  if (q.error instanceof ApiError && q.error.status === 404) return null;
  const items = q.data?.data ?? [];
  return (
    <SectionCard
      title="Development plan"
      actions={
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>
          Add item
        </Button>
      }
    >
      <ErrorAlert error={q.error} />
      {q.isLoading ? (
        <Loading label="Loading the development plan" />
      ) : q.isError ? null : items.length === 0 ? (
        <EmptyText>
          {mine
            ? 'Your plan is empty. Add a course, a mentoring, a project or a stretch assignment for a skill you want to grow; ask for approval when it needs your manager’s go-ahead.'
            : 'No plan items yet. Add a course or an action for a skill gap; a course item enrols the person at once.'}
        </EmptyText>
      ) : (
        <Stack gap="md">
          {groups.map((g) => {
            const list = items.filter((i) => i.status === g);
            if (!list.length) return null;
            return (
              <Stack key={g} gap="xs">
                <Title order={3} size="h6" c="dimmed" tt="uppercase">
                  {statusLabels[g]} ({list.length})
                </Title>
                {list.map((i) => {
                  const ItemIcon = icons[i.actionType];
                  return (
                    <Group key={i.id} wrap="nowrap" align="flex-start" gap="sm">
                      <ThemeIcon variant="light" size="md" aria-hidden>
                        <ItemIcon size={16} />
                      </ThemeIcon>
                      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                        <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                          {i.title}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {[
                            actionTypeLabels[i.actionType],
                            i.skillName && `${i.skillName}${i.targetLevel ? ` → level ${i.targetLevel}` : ''}`,
                            i.dueDate && `due ${formatDay(i.dueDate)}`,
                          ]
                            .filter(Boolean)
                            .join(' · ')}
                        </Text>
                        <Group gap={6} wrap="wrap">
                          <ApprovalBadge status={i.approvalStatus} />
                          {i.enrollmentId && i.enrollmentStatus && (
                            <Group gap={4} wrap="nowrap">
                              {mine ? (
                                <Anchor component={Link} to="/learning/enrollments/$id" params={{ id: i.enrollmentId } as never} size="xs">
                                  {i.courseTitle ?? i.programTitle ?? 'Enrolment'}
                                </Anchor>
                              ) : (
                                <Text size="xs">{i.courseTitle ?? i.programTitle}</Text>
                              )}
                              <EnrollmentStatusBadge status={i.enrollmentStatus} />
                            </Group>
                          )}
                        </Group>
                        {i.description && (
                          <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                            {i.description}
                          </Text>
                        )}
                      </Stack>
                      <Group gap={4} wrap="nowrap">
                        {!mine && i.approvalStatus === 'pending' && (
                          <>
                            <Button size="compact-xs" variant="light" color="green" onClick={() => decide.mutate({ id: i.id, approve: true })} loading={decide.isPending}>
                              Approve
                            </Button>
                            <Button size="compact-xs" variant="default" onClick={() => decide.mutate({ id: i.id, approve: false })}>
                              Decline
                            </Button>
                          </>
                        )}
                        <Menu position="bottom-end">
                          <Menu.Target>
                            <Button size="compact-xs" variant="subtle" rightSection={<IconChevronDown size={12} aria-hidden />} aria-label={`Mark ${i.title}`}>
                              Mark
                            </Button>
                          </Menu.Target>
                          <Menu.Dropdown>
                            {groups
                              .filter((s) => s !== i.status)
                              .map((s) => (
                                <Menu.Item key={s} onClick={() => update.mutate({ id: i.id, status: s })}>
                                  {statusLabels[s]}
                                </Menu.Item>
                              ))}
                            <Menu.Divider />
                            <Menu.Item
                              color="red"
                              onClick={() =>
                                confirmDanger({
                                  title: 'Remove plan item',
                                  body: 'Any enrolment it made stays in the learning records.',
                                  confirm: 'Remove',
                                  onConfirm: () => remove.mutate(i.id),
                                })
                              }
                            >
                              Remove
                            </Menu.Item>
                          </Menu.Dropdown>
                        </Menu>
                      </Group>
                    </Group>
                  );
                })}
              </Stack>
            );
          })}
        </Stack>
      )}
      {adding && <AddItemModal personId={personId} mine={mine} onClose={() => setAdding(false)} onSaved={refresh} />}
    </SectionCard>
  );
}

type Values = {
  actionType: PlanItem['actionType'];
  title: string;
  skillId: string | null;
  targetLevel: string;
  courseId: string | null;
  programId: string | null;
  dueDate: string;
  description: string;
  requestApproval: boolean;
};

function AddItemModal({ personId, mine, onClose, onSaved }: { personId: string; mine: boolean; onClose: () => void; onSaved: () => void }) {
  const skills = useQuery(skillQueries.everything());
  const form = useForm<Values>({
    initialValues: { actionType: 'course', title: '', skillId: null, targetLevel: '', courseId: null, programId: null, dueDate: '', description: '', requestApproval: false },
    validate: {
      courseId: (v, all) => (all.actionType === 'course' && !v ? 'Choose a course' : null),
      programId: (v, all) => (all.actionType === 'program' && !v ? 'Choose a program' : null),
      title: (v, all) => (all.actionType !== 'course' && all.actionType !== 'program' && !v.trim() ? 'Enter a title' : null),
    },
  });
  const kind = form.values.actionType === 'course' || form.values.actionType === 'program' ? form.values.actionType : null;
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const catalog = useQuery({ ...planQueries.catalog(kind ?? 'course', debounced), enabled: !!kind });
  const skill = (skills.data?.data ?? []).find((s) => s.id === form.values.skillId);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body: PlanItemBody = {
        actionType: v.actionType,
        ...(v.title.trim() && { title: v.title.trim() }),
        skillId: v.skillId,
        targetLevel: v.targetLevel ? Number(v.targetLevel) : null,
        courseId: v.actionType === 'course' ? v.courseId : null,
        programId: v.actionType === 'program' ? v.programId : null,
        dueDate: v.dueDate || null,
        description: v.description.trim() || null,
        ...(mine && { requestApproval: v.requestApproval }),
      };
      return planApi.add(personId, body);
    },
    onSuccess: (item) => {
      onSaved();
      if (item.enrollmentId) notifications.show({ color: 'green', title: 'Added to the plan', message: `Enrolled in ${item.courseTitle ?? item.programTitle}.` });
      onClose();
    },
    onError: (err) => form.setErrors(fieldErrors(err)),
  });
  return (
    <Modal opened onClose={onClose} title="Add plan item">
      <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack>
          <Select
            label="Action"
            allowDeselect={false}
            data={Object.entries(actionTypeLabels).map(([value, label]) => ({ value, label }))}
            {...form.getInputProps('actionType')}
          />
          {kind && (
            <Select
              key={kind}
              label={kind === 'course' ? 'Course' : 'Program'}
              placeholder="Search the catalog"
              searchable
              searchValue={search}
              onSearchChange={setSearch}
              filter={({ options }) => options}
              nothingFoundMessage={catalog.isFetching ? 'Searching…' : 'Nothing found'}
              data={(catalog.data?.data ?? []).map((c) => ({ value: c.id, label: c.title }))}
              {...form.getInputProps(kind === 'course' ? 'courseId' : 'programId')}
            />
          )}
          <TextInput
            label="Title"
            description={kind ? 'Leave empty to use the course or program title' : undefined}
            maxLength={200}
            {...form.getInputProps('title')}
          />
          <Select
            label="Skill"
            placeholder="The skill it grows (optional)"
            searchable
            clearable
            data={(skills.data?.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            {...form.getInputProps('skillId')}
          />
          {skill && (
            <Select
              label="Target level"
              clearable
              data={Array.from({ length: skill.maxLevel }, (_, n) => ({ value: String(n + 1), label: skill.levels[n] ? `${n + 1} — ${skill.levels[n]}` : String(n + 1) }))}
              {...form.getInputProps('targetLevel')}
            />
          )}
          <TextInput type="date" label="Due date" {...form.getInputProps('dueDate')} />
          <Textarea label="Notes" autosize minRows={2} maxLength={4000} {...form.getInputProps('description')} />
          {mine && (
            <Checkbox
              label="Ask my manager to approve"
              description={kind ? 'You are enrolled once it is approved' : undefined}
              {...form.getInputProps('requestApproval', { type: 'checkbox' })}
            />
          )}
          <ErrorAlert error={save.error && Object.keys(fieldErrors(save.error)).length === 0 ? save.error : null} />
          <FormActions onCancel={onClose} label="Add" loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
