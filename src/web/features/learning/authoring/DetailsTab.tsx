import { ActionIcon, Button, Group, Image, MultiSelect, NumberInput, Select, Stack, Switch, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { fieldErrors } from '../../../lib/api.ts';
import { ErrorAlert } from '../../../ui/common.tsx';
import { FileUpload } from './FileUpload.tsx';
import { skillQueries } from '../../talent/skills/api.ts';
import { courseApi, courseKeys, courseQueries, type Course, type CourseFormat } from './api.ts';
import { formatLabel } from './format.ts';

type Form = {
  title: string;
  summary: string;
  format: CourseFormat;
  externalUrl: string;
  estimatedMinutes: number | null;
  tags: string[];
  selfEnrollment: boolean;
  coverFileId: string | null;
  coverUrl: string | null;
  skills: Array<{ skillId: string | null; level: number }>;
  prerequisiteIds: string[];
};

const toForm = (c: Course): Form => ({
  title: c.title,
  summary: c.summary ?? '',
  format: c.format,
  externalUrl: c.externalUrl ?? '',
  estimatedMinutes: c.estimatedMinutes,
  tags: c.tags,
  selfEnrollment: c.selfEnrollment,
  coverFileId: c.coverFileId,
  coverUrl: c.coverUrl,
  skills: c.skills.map((s) => ({ skillId: s.skillId, level: s.level })),
  prerequisiteIds: c.prerequisites.map((p) => p.id),
});

export function DetailsTab({ course, onDirtyChange }: { course: Course; onDirtyChange: (dirty: boolean) => void }) {
  const qc = useQueryClient();
  const [initial, setInitial] = useState<Form>(() => toForm(course));
  const [form, setForm] = useState<Form>(initial);
  const dirty = JSON.stringify(form) !== JSON.stringify(initial);
  const reset = (c: Course) => {
    const f = toForm(c);
    setInitial(f);
    setForm(f);
  };
  // The course is refetched when other tabs save; pending edits here are kept.
  useEffect(() => {
    if (!dirty) reset(course);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [course]);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));

  const skills = useQuery(skillQueries.everything());
  const courses = useQuery(courseQueries.titles());
  const skillById = new Map((skills.data?.data ?? []).map((s) => [s.id, s]));

  const save = useMutation({
    mutationFn: () =>
      courseApi.update(course.id, {
        title: form.title.trim(),
        summary: form.summary.trim() || null,
        format: form.format,
        externalUrl: form.format === 'external' ? form.externalUrl.trim() || null : null,
        estimatedMinutes: form.estimatedMinutes,
        tags: form.tags,
        selfEnrollment: form.selfEnrollment,
        coverFileId: form.coverFileId,
        skills: form.skills.filter((s) => s.skillId).map((s) => ({ skillId: s.skillId!, level: s.level })),
        prerequisiteIds: form.prerequisiteIds,
      }),
    onSuccess: (c) => {
      reset(c);
      qc.setQueryData(courseKeys.one(course.id), c);
      void qc.invalidateQueries({ queryKey: courseKeys.all });
      notifications.show({ color: 'green', message: 'Details saved' });
    },
  });
  const errors = fieldErrors(save.error);

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack maw={720}>
        {save.error && <ErrorAlert error={save.error} title="The details were not saved" />}
        <TextInput label="Title" required value={form.title} onChange={(e) => set({ title: e.currentTarget.value })} error={errors.title} />
        <Textarea label="Summary" autosize minRows={2} value={form.summary} onChange={(e) => set({ summary: e.currentTarget.value })} error={errors.summary} />
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label="Format"
            data={Object.entries(formatLabel).map(([value, label]) => ({ value, label }))}
            value={form.format}
            onChange={(v) => v && set({ format: v as CourseFormat })}
            allowDeselect={false}
            w={180}
          />
          <NumberInput
            label="Estimated minutes"
            min={1}
            w={170}
            value={form.estimatedMinutes ?? ''}
            onChange={(v) => set({ estimatedMinutes: v === '' ? null : Number(v) })}
            error={errors.estimatedMinutes}
          />
        </Group>
        {form.format === 'external' && (
          <TextInput label="Link to the course" placeholder="https://" required value={form.externalUrl} onChange={(e) => set({ externalUrl: e.currentTarget.value })} error={errors.externalUrl} />
        )}
        <div>
          <Text size="sm" fw={500} mb={4}>
            Cover image
          </Text>
          {form.coverUrl && <Image src={form.coverUrl} alt="Current cover" h={120} w={220} fit="cover" radius="sm" mb="xs" />}
          <Group gap="xs">
            <FileUpload label={form.coverUrl ? 'Replace cover' : 'Upload cover'} purpose="cover" accept="image/png,image/jpeg,image/webp,image/gif" onUploaded={(f) => set({ coverFileId: f.id, coverUrl: f.url })} />
            {form.coverFileId && (
              <Button variant="subtle" color="red" size="xs" onClick={() => set({ coverFileId: null, coverUrl: null })}>
                Remove cover
              </Button>
            )}
          </Group>
          {errors.coverFileId && (
            <Text c="red.9" size="sm">
              {errors.coverFileId}
            </Text>
          )}
        </div>
        <TagsInput label="Tags" description="Press Enter after each tag" value={form.tags} onChange={(v) => set({ tags: v })} error={errors.tags} />
        <Switch
          label="Open for self-enrolment in the catalog"
          checked={form.selfEnrollment}
          onChange={(e) => set({ selfEnrollment: e.currentTarget.checked })}
        />
        <div>
          <Text size="sm" fw={500}>
            Skills it teaches, and the level it brings learners to
          </Text>
          <Stack gap="xs" mt={4}>
            {form.skills.map((s, i) => {
              const sk = s.skillId ? skillById.get(s.skillId) : undefined;
              return (
                <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
                  <Select
                    aria-label={`Skill ${i + 1}`}
                    placeholder="Pick a skill"
                    searchable
                    data={(skills.data?.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
                    value={s.skillId}
                    onChange={(v) => set({ skills: form.skills.map((x, j) => (j === i ? { ...x, skillId: v } : x)) })}
                    error={errors[`skills.${i}.skillId`]}
                    style={{ flex: 1 }}
                  />
                  <NumberInput
                    aria-label={`Level for skill ${i + 1}`}
                    min={1}
                    max={sk?.maxLevel ?? 10}
                    w={90}
                    value={s.level}
                    onChange={(v) => set({ skills: form.skills.map((x, j) => (j === i ? { ...x, level: Number(v) || 1 } : x)) })}
                    error={errors[`skills.${i}.level`]}
                    description={sk ? `of ${sk.maxLevel}` : undefined}
                  />
                  <ActionIcon mt={6} variant="subtle" color="red" aria-label={`Remove skill ${i + 1}`} onClick={() => set({ skills: form.skills.filter((_, j) => j !== i) })}>
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              );
            })}
            <Button
              variant="subtle"
              size="xs"
              w="fit-content"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => set({ skills: [...form.skills, { skillId: null, level: 1 }] })}
            >
              Add skill
            </Button>
            {skills.data && skills.data.data.length === 0 && (
              <Text size="xs" c="dimmed">
                No skills yet: add them under Admin → Skills.
              </Text>
            )}
          </Stack>
        </div>
        <MultiSelect
          label="Prerequisites"
          description="Courses a learner must complete before enrolling themselves"
          searchable
          data={(courses.data?.data ?? []).filter((c) => c.id !== course.id).map((c) => ({ value: c.id, label: c.title }))}
          value={form.prerequisiteIds}
          onChange={(v) => set({ prerequisiteIds: v })}
          error={errors.prerequisiteIds ?? Object.entries(errors).find(([k]) => k.startsWith('prerequisiteIds.'))?.[1]}
        />
        <Group justify="flex-end">
          <Button variant="default" disabled={!dirty} onClick={() => setForm(initial)}>
            Undo changes
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!dirty || !form.title.trim()}>
            Save details
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
