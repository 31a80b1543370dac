import { Badge, Button, Drawer, Group, Menu, NumberInput, Stack, Switch, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPlus, IconSearch } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { fieldErrors } from '../../../lib/api.ts';
import { confirmDanger, drawerTitle, EmptyText, ErrorAlert, LoadMore, Loading } from '../../../ui/common.tsx';
import { skillApi, skillKeys, skillQueries, type Skill } from './api.ts';
import { MergeSkillModal, RescaleSkillModal } from './SkillActions.tsx';
import { ImportCsvButton } from '../imports/ImportCsvModal.tsx';

export default function AdminSkillsPage() {
  const qc = useQueryClient();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);
  const [open, setOpen] = useState<Skill | 'new' | null>(null);
  const [archived, setArchived] = useState(false);
  const [action, setAction] = useState<{ kind: 'merge' | 'rescale'; skill: Skill } | null>(null);
  const skills = useInfiniteQuery(skillQueries.search(q, archived));
  const archive = useMutation({
    mutationFn: (s: Skill) => (s.archivedAt ? skillApi.unarchive(s.id) : skillApi.archive(s.id)),
    onSuccess: (s) => {
      notifications.show({ color: 'green', message: s.archivedAt ? `${s.name} archived` : `${s.name} is back` });
      void qc.invalidateQueries({ queryKey: skillKeys.all });
    },
    onError: (err) => notifications.show({ color: 'red', message: (err as Error).message }),
  });
  const remove = useMutation({
    mutationFn: (s: Skill) => skillApi.remove(s.id),
    onSuccess: () => void qc.invalidateQueries({ queryKey: skillKeys.all }),
    onError: (err) => notifications.show({ color: 'red', message: (err as Error).message }),
  });
  const list = skills.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <>
      <PageHeader
        title="Skills"
        description="The skills framework: what courses teach and to which level."
        actions={
          <Group gap="xs">
            <ImportCsvButton kind="skills" />
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setOpen('new')}>
              New skill
            </Button>
          </Group>
        }
      />
      <Group align="flex-end" mb="md" gap="lg">
        <TextInput label="Search skills" leftSection={<IconSearch size={16} aria-hidden />} value={text} onChange={(e) => setText(e.currentTarget.value)} maw={360} />
        <Switch label="Show archived" checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} mb={6} />
      </Group>
      <ErrorAlert error={skills.error} />
      {skills.isLoading ? (
        <Loading label="Loading skills" />
      ) : skills.isError ? null : list.length === 0 ? (
        <EmptyText>{q ? 'No skills match.' : 'No skills yet. Add the skills your courses build, e.g. “Negotiation” with five levels.'}</EmptyText>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Skill</Table.Th>
                <Table.Th>Category</Table.Th>
                <Table.Th>Levels</Table.Th>
                <Table.Th>
                  <span className="sr-only">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Group gap={6}>
                      <Text fw={500}>{s.name}</Text>
                      {s.archivedAt && <Badge color="gray" variant="light">Archived</Badge>}
                    </Group>
                    {s.description && (
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {s.description}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{s.category ? <Badge variant="light">{s.category}</Badge> : <Text c="dimmed">—</Text>}</Table.Td>
                  <Table.Td>1–{s.maxLevel}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button size="xs" variant="subtle" onClick={() => setOpen(s)} aria-label={`Edit ${s.name}`}>
                        Edit
                      </Button>
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <Button size="xs" variant="subtle" aria-label={`More actions for ${s.name}`} px={6}>
                            <IconDots size={16} aria-hidden />
                          </Button>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item onClick={() => setAction({ kind: 'rescale', skill: s })}>Change scale…</Menu.Item>
                          <Menu.Item onClick={() => setAction({ kind: 'merge', skill: s })}>Merge into another skill…</Menu.Item>
                          <Menu.Item onClick={() => archive.mutate(s)}>{s.archivedAt ? 'Unarchive' : 'Archive'}</Menu.Item>
                          <Menu.Divider />
                          <Menu.Item
                            color="red"
                            onClick={() =>
                              confirmDanger({
                                title: `Delete “${s.name}”?`,
                                body: 'Courses stop listing this skill. A skill people are assessed on or profiles expect cannot be deleted: archive or merge it.',
                                confirm: 'Delete',
                                onConfirm: () => remove.mutate(s),
                              })
                            }
                          >
                            Delete
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore hasMore={!!skills.hasNextPage} loading={skills.isFetchingNextPage} onClick={() => void skills.fetchNextPage()} />
      {action?.kind === 'merge' && <MergeSkillModal skill={action.skill} onClose={() => setAction(null)} />}
      {action?.kind === 'rescale' && <RescaleSkillModal skill={action.skill} onClose={() => setAction(null)} />}
      {open && <SkillDrawer key={open === 'new' ? 'new' : open.id} skill={open === 'new' ? null : open} onClose={() => setOpen(null)} />}
    </>
  );
}

function SkillDrawer({ skill, onClose }: { skill: Skill | null; onClose: () => void }) {
  const qc = useQueryClient();
  const [name, setName] = useState(skill?.name ?? '');
  const [category, setCategory] = useState(skill?.category ?? '');
  const [description, setDescription] = useState(skill?.description ?? '');
  const [maxLevel, setMaxLevel] = useState<number>(skill?.maxLevel ?? 5);
  const [levels, setLevels] = useState<string[]>(skill?.levels ?? []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () => {
      const body = {
        name: name.trim(),
        category: category.trim() || null,
        description: description.trim() || null,
        maxLevel,
        levels: levels.slice(0, maxLevel).map((l) => l.trim()),
      };
      return skill ? skillApi.update(skill.id, body) : skillApi.create(body);
    },
    onSuccess: () => {
      notifications.show({ color: 'green', message: skill ? 'Skill saved' : 'Skill added' });
      void qc.invalidateQueries({ queryKey: skillKeys.all });
      onClose();
    },
    onError: (err) => setErrors(fieldErrors(err)),
  });
  return (
    <Drawer opened onClose={onClose} position="right" size="md" title={skill ? skill.name : 'New skill'} styles={drawerTitle} closeButtonProps={{ 'aria-label': 'Close' }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          {save.error && !Object.keys(fieldErrors(save.error)).length && <ErrorAlert error={save.error} />}
          <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
          <TextInput label="Category" value={category} onChange={(e) => setCategory(e.currentTarget.value)} error={errors.category} />
          <Textarea label="Description" autosize minRows={2} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={errors.description} />
          <NumberInput label="Number of levels" min={1} max={10} value={maxLevel} onChange={(v) => setMaxLevel(Math.max(1, Math.min(10, Number(v) || 1)))} error={errors.maxLevel} />
          <Text fw={500} size="sm">
            What each level means (optional)
          </Text>
          {Array.from({ length: maxLevel }, (_, i) => (
            <TextInput
              key={i}
              label={`Level ${i + 1}`}
              value={levels[i] ?? ''}
              onChange={(e) => {
                const next = [...levels];
                next[i] = e.currentTarget.value;
                setLevels(next);
              }}
              error={errors[`levels.${i}`]}
            />
          ))}
          {errors.levels && (
            <Text c="red.9" size="sm">
              {errors.levels}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!name.trim()}>
              {skill ? 'Save' : 'Add skill'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}
