import { ActionIcon, Alert, Button, Card, Grid, Group, List, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../lib/api.ts';
import { EmptyText, ErrorAlert, Loading } from '../../../ui/common.tsx';
import { LessonEditor, under } from './LessonEditor.tsx';
import { courseApi, courseKeys, courseQueries } from './api.ts';
import type { Content, Lesson, Section } from './content.ts';
import { describePath, move, newId } from './outline.ts';

type Selected = { s: number; l: number } | null;

/** The sections and lessons outline with the selected lesson's editor; saves the whole draft. */
export function ContentTab({ courseId, onDirtyChange }: { courseId: string; onDirtyChange: (dirty: boolean) => void }) {
  const qc = useQueryClient();
  const draft = useQuery(courseQueries.draft(courseId));
  const [content, setContent] = useState<Content | null>(null);
  const [revision, setRevision] = useState(0);
  const [dirty, setDirty] = useState(false);
  const [selected, setSelected] = useState<Selected>(null);
  const [errors, setErrors] = useState<Array<{ path: string; message: string }>>([]);

  useEffect(() => {
    if (draft.data && !dirty) {
      setContent(draft.data.content);
      setRevision(draft.data.revision);
      if (!selected && draft.data.content.sections[0]?.lessons[0]) setSelected({ s: 0, l: 0 });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft.data]);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const save = useMutation({
    mutationFn: () => courseApi.saveDraft(courseId, { content: content!, revision }),
    onSuccess: (d) => {
      setRevision(d.revision);
      setDirty(false);
      setErrors([]);
      qc.setQueryData(courseKeys.draft(courseId), d);
      void qc.invalidateQueries({ queryKey: courseKeys.one(courseId) });
      notifications.show({ color: 'green', message: `Draft saved (version ${d.number})` });
    },
    onError: (err) => setErrors(err instanceof ApiError ? err.details.filter((d) => d.path).map((d) => ({ path: d.path!, message: d.message })) : []),
  });

  if (draft.isLoading || (!content && !draft.error)) return <Loading label="Loading the content" />;
  if (draft.error || !content) return <ErrorAlert error={draft.error} />;

  const update = (next: Content) => {
    setContent(next);
    setDirty(true);
  };
  const setSections = (sections: Section[]) => update({ sections });
  const setSection = (i: number, s: Section) => setSections(content.sections.map((x, j) => (j === i ? s : x)));
  const fieldErrors = Object.fromEntries(errors.map((e) => [e.path.replace(/^content\./, ''), e.message]));
  const stale = save.error instanceof ApiError && save.error.status === 409;
  const lesson = selected ? content.sections[selected.s]?.lessons[selected.l] : undefined;

  const addSection = () => {
    const s: Section = { id: newId('s'), title: `Section ${content.sections.length + 1}`, lessons: [] };
    setSections([...content.sections, s]);
  };
  const addLesson = (si: number) => {
    const sec = content.sections[si]!;
    const l: Lesson = { id: newId('l'), title: `Lesson ${sec.lessons.length + 1}`, blocks: [] };
    setSection(si, { ...sec, lessons: [...sec.lessons, l] });
    setSelected({ s: si, l: sec.lessons.length });
  };

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Text c="dimmed" size="sm">
          {draft.data?.versionId ? `Editing draft version ${draft.data.number}` : `Published content; saving starts version ${draft.data?.number}`}
          {dirty ? ' · unsaved changes' : ''}
        </Text>
        <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!dirty}>
          Save draft
        </Button>
      </Group>
      {stale && (
        <Alert color="orange" role="alert" title="Someone else saved this course">
          {save.error?.message}{' '}
          <Button
            size="xs"
            variant="light"
            onClick={() => {
              setDirty(false);
              void draft.refetch();
            }}
          >
            Reload their version (your changes are lost)
          </Button>
        </Alert>
      )}
      {save.error && !stale && (
        <Alert color="red" role="alert" title={save.error.message}>
          {errors.length > 0 && (
            <List size="sm">
              {errors.slice(0, 20).map((e) => (
                <List.Item key={e.path}>
                  {describePath(e.path)}: {e.message}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="sm" component="nav" aria-label="Course outline">
            {content.sections.length === 0 && <EmptyText>No sections yet.</EmptyText>}
            {content.sections.map((s, si) => (
              <Card key={s.id} withBorder padding="xs">
                <Group gap={4} wrap="nowrap" mb={6}>
                  <TextInput
                    aria-label={`Section ${si + 1} title`}
                    value={s.title}
                    onChange={(e) => setSection(si, { ...s, title: e.currentTarget.value })}
                    error={fieldErrors[`sections.${si}.title`]}
                    style={{ flex: 1 }}
                    size="xs"
                  />
                  <ActionIcon variant="subtle" aria-label={`Move section ${si + 1} up`} disabled={si === 0} onClick={() => setSections(move(content.sections, si, -1))}>
                    <IconArrowUp size={14} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    aria-label={`Move section ${si + 1} down`}
                    disabled={si === content.sections.length - 1}
                    onClick={() => setSections(move(content.sections, si, 1))}
                  >
                    <IconArrowDown size={14} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Delete section ${si + 1}`}
                    onClick={() => {
                      if (s.lessons.length && !window.confirm(`Delete “${s.title}” and its ${s.lessons.length} lessons?`)) return;
                      setSections(content.sections.filter((_, j) => j !== si));
                      setSelected(null);
                    }}
                  >
                    <IconTrash size={14} aria-hidden />
                  </ActionIcon>
                </Group>
                <Stack gap={2} pl="xs">
                  {s.lessons.map((l, li) => {
                    const active = selected?.s === si && selected.l === li;
                    const hasError = Object.keys(under(fieldErrors, `sections.${si}.lessons.${li}`)).length > 0;
                    return (
                      <Group key={l.id} gap={2} wrap="nowrap">
                        <UnstyledButton
                          onClick={() => setSelected({ s: si, l: li })}
                          aria-current={active ? 'true' : undefined}
                          style={{ flex: 1, padding: '4px 6px', borderRadius: 4, background: active ? 'var(--mantine-color-blue-light)' : undefined }}
                        >
                          <Text size="sm" c={hasError ? 'red.9' : undefined}>
                            {l.title || 'Untitled lesson'}
                            {hasError ? ' (needs fixing)' : ''}
                          </Text>
                        </UnstyledButton>
                        <ActionIcon
                          size="sm"
                          variant="subtle"
                          aria-label={`Move lesson ${l.title} up`}
                          disabled={li === 0}
                          onClick={() => {
                            setSection(si, { ...s, lessons: move(s.lessons, li, -1) });
                            if (active) setSelected({ s: si, l: li - 1 });
                          }}
                        >
                          <IconArrowUp size={12} aria-hidden />
                        </ActionIcon>
                        <ActionIcon
                          size="sm"
                          variant="subtle"
                          aria-label={`Move lesson ${l.title} down`}
                          disabled={li === s.lessons.length - 1}
                          onClick={() => {
                            setSection(si, { ...s, lessons: move(s.lessons, li, 1) });
                            if (active) setSelected({ s: si, l: li + 1 });
                          }}
                        >
                          <IconArrowDown size={12} aria-hidden />
                        </ActionIcon>
                        <ActionIcon
                          size="sm"
                          variant="subtle"
                          color="red"
                          aria-label={`Delete lesson ${l.title}`}
                          onClick={() => {
                            if (l.blocks.length && !window.confirm(`Delete the lesson “${l.title}”?`)) return;
                            setSection(si, { ...s, lessons: s.lessons.filter((_, j) => j !== li) });
                            setSelected(null);
                          }}
                        >
                          <IconTrash size={12} aria-hidden />
                        </ActionIcon>
                      </Group>
                    );
                  })}
                  <Button variant="subtle" size="xs" leftSection={<IconPlus size={12} aria-hidden />} onClick={() => addLesson(si)} w="fit-content">
                    Add lesson
                  </Button>
                </Stack>
              </Card>
            ))}
            <Button variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={addSection}>
              Add section
            </Button>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {lesson && selected ? (
            <LessonEditor
              key={lesson.id}
              lesson={lesson}
              errors={under(fieldErrors, `sections.${selected.s}.lessons.${selected.l}`)}
              onChange={(nl) => {
                const sec = content.sections[selected.s]!;
                setSection(selected.s, { ...sec, lessons: sec.lessons.map((x, j) => (j === selected.l ? nl : x)) });
              }}
            />
          ) : (
            <EmptyText>{content.sections.length ? 'Pick a lesson in the outline to edit it.' : 'Add a section, then lessons, to start writing.'}</EmptyText>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
