import { ActionIcon, Button, Card, Group, Menu, NumberInput, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { RichText } from '../../../ui/RichText.tsx';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { RichTextField } from './RichTextEditor.tsx';
import { newQuiz, QuizEditor } from './QuizEditor.tsx';
import { FileUpload } from './FileUpload.tsx';
import type { Block, Lesson } from './content.ts';
import { move, newId } from './outline.ts';

const blockLabel: Record<Block['type'], string> = { text: 'Text', video: 'Video', file: 'File download', embed: 'Embed', quiz: 'Quiz' };

function newBlock(type: Block['type']): Block {
  const id = newId('b');
  switch (type) {
    case 'text':
      return { id, type, doc: { type: 'doc', content: [{ type: 'paragraph' }] } };
    case 'video':
      return { id, type, source: 'url', url: '' };
    case 'file':
      return { id, type, fileId: '', label: null };
    case 'embed':
      return { id, type, url: '', title: '' };
    case 'quiz':
      return { id, type, quiz: newQuiz() };
  }
}

/** Errors under a prefix, with the prefix taken off. */
export function under(errors: Record<string, string>, prefix: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors)
      .filter(([k]) => k === prefix || k.startsWith(prefix + '.'))
      .map(([k, v]) => [k === prefix ? '' : k.slice(prefix.length + 1), v]),
  );
}

export function LessonEditor({ lesson, onChange, errors }: { lesson: Lesson; onChange: (l: Lesson) => void; errors: Record<string, string> }) {
  const [mode, setMode] = useState<'edit' | 'preview'>('edit');
  const set = (patch: Partial<Lesson>) => onChange({ ...lesson, ...patch });
  const setBlock = (i: number, b: Block) => set({ blocks: lesson.blocks.map((x, j) => (j === i ? b : x)) });
  const toggle = (
    <SegmentedControl
      aria-label="Edit or preview the lesson"
      value={mode}
      onChange={(v) => setMode(v as 'edit' | 'preview')}
      data={[
        { value: 'edit', label: 'Edit' },
        { value: 'preview', label: 'Preview' },
      ]}
      w="fit-content"
    />
  );
  if (mode === 'preview') {
    return (
      <Stack>
        {toggle}
        <LessonPreview lesson={lesson} />
      </Stack>
    );
  }
  return (
    <Stack>
      {toggle}
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput label="Lesson title" required value={lesson.title} onChange={(e) => set({ title: e.currentTarget.value })} error={errors.title} style={{ flex: 1, minWidth: 200 }} />
        <NumberInput
          label="Minutes"
          min={0}
          w={110}
          value={lesson.estimatedMinutes ?? ''}
          onChange={(v) => set({ estimatedMinutes: v === '' ? null : Number(v) })}
        />
      </Group>
      {lesson.blocks.length === 0 && <Text c="dimmed">This lesson is empty. Add text, a video, a file, an embed or a quiz.</Text>}
      {lesson.blocks.map((b, i) => (
        <Card key={b.id} withBorder padding="sm">
          <Group justify="space-between" mb="xs" wrap="nowrap">
            <Text fw={600}>
              {i + 1}. {blockLabel[b.type]}
            </Text>
            <Group gap={4} wrap="nowrap">
              <ActionIcon variant="subtle" aria-label={`Move block ${i + 1} up`} disabled={i === 0} onClick={() => set({ blocks: move(lesson.blocks, i, -1) })}>
                <IconArrowUp size={16} aria-hidden />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                aria-label={`Move block ${i + 1} down`}
                disabled={i === lesson.blocks.length - 1}
                onClick={() => set({ blocks: move(lesson.blocks, i, 1) })}
              >
                <IconArrowDown size={16} aria-hidden />
              </ActionIcon>
              <ActionIcon variant="subtle" color="red" aria-label={`Delete block ${i + 1}`} onClick={() => set({ blocks: lesson.blocks.filter((_, j) => j !== i) })}>
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          </Group>
          <BlockEditor block={b} onChange={(nb) => setBlock(i, nb)} errors={under(errors, `blocks.${i}`)} />
          {Object.entries(under(errors, `blocks.${i}`))
            .filter(([k]) => k === '' || k.startsWith('doc'))
            .map(([k, m]) => (
              <Text key={k} c="red.9" size="sm" role="alert">
                {m}
              </Text>
            ))}
        </Card>
      ))}
      <Menu>
        <Menu.Target>
          <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} w="fit-content">
            Add block
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {(Object.keys(blockLabel) as Block['type'][]).map((type) => (
            <Menu.Item key={type} onClick={() => set({ blocks: [...lesson.blocks, newBlock(type)] })}>
              {blockLabel[type]}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </Stack>
  );
}

/** Roughly what learners see; the player shows the real thing. */
function LessonPreview({ lesson }: { lesson: Lesson }) {
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h3" mb="sm">
        {lesson.title || 'Untitled lesson'}
      </Title>
      {lesson.blocks.length === 0 && <Text c="dimmed">Nothing in this lesson yet.</Text>}
      <Stack>
        {lesson.blocks.map((b) => {
          switch (b.type) {
            case 'text':
              return <RichText key={b.id} doc={b.doc} />;
            case 'video':
              return (
                <Text key={b.id} c="dimmed">
                  Video{b.title ? `: ${b.title}` : ''} {b.source === 'url' ? `(${b.url || 'no link yet'})` : b.fileId ? '(uploaded file)' : '(no file yet)'}
                </Text>
              );
            case 'file':
              return (
                <Text key={b.id} c="dimmed">
                  Download: {b.label || 'file'}
                </Text>
              );
            case 'embed':
              return (
                <Text key={b.id} c="dimmed">
                  Embedded: {b.title || b.url}
                </Text>
              );
            case 'quiz':
              return (
                <Text key={b.id} c="dimmed">
                  Quiz: {b.quiz.drawCount ?? b.quiz.questions.length} of {b.quiz.questions.length} questions, pass mark {b.quiz.passMark}%,{' '}
                  {b.quiz.attemptsAllowed ? `${b.quiz.attemptsAllowed} attempts` : 'unlimited attempts'}
                </Text>
              );
          }
        })}
      </Stack>
    </Card>
  );
}

function BlockEditor({ block: b, onChange, errors }: { block: Block; onChange: (b: Block) => void; errors: Record<string, string> }) {
  switch (b.type) {
    case 'text':
      return <RichTextField label="Lesson text" value={b.doc} onChange={(doc) => onChange({ ...b, doc })} />;
    case 'video':
      return (
        <Stack gap="xs">
          <SegmentedControl
            aria-label="Video source"
            value={b.source}
            onChange={(v) =>
              onChange(v === 'url' ? { id: b.id, type: 'video', source: 'url', url: '', title: b.title } : { id: b.id, type: 'video', source: 'file', fileId: '', title: b.title })
            }
            data={[
              { value: 'url', label: 'YouTube or Vimeo link' },
              { value: 'file', label: 'Uploaded file' },
            ]}
          />
          <TextInput label="Video title" value={b.title ?? ''} onChange={(e) => onChange({ ...b, title: e.currentTarget.value || null })} />
          {b.source === 'url' ? (
            <TextInput
              label="Video link"
              placeholder="https://www.youtube.com/watch?v=…"
              required
              value={b.url}
              onChange={(e) => onChange({ ...b, url: e.currentTarget.value })}
              error={errors.url}
            />
          ) : (
            <>
              <FileUpload label={b.fileId ? 'Replace video' : 'Upload video (MP4 or WebM)'} purpose="video" accept="video/mp4,video/webm" onUploaded={(f) => onChange({ ...b, fileId: f.id })} />
              {errors.fileId && (
                <Text c="red.9" size="sm">
                  {errors.fileId}
                </Text>
              )}
              <FileUpload
                label={b.captionsFileId ? 'Replace captions' : 'Upload captions (.vtt)'}
                purpose="captions"
                accept=".vtt,text/vtt"
                onUploaded={(f) => onChange({ ...b, captionsFileId: f.id })}
              />
              {errors.captionsFileId && (
                <Text c="red.9" size="sm">
                  {errors.captionsFileId}
                </Text>
              )}
            </>
          )}
        </Stack>
      );
    case 'file':
      return (
        <Stack gap="xs">
          <TextInput label="Link text" placeholder="e.g. Download the checklist" value={b.label ?? ''} onChange={(e) => onChange({ ...b, label: e.currentTarget.value || null })} />
          <FileUpload
            label={b.fileId ? 'Replace file' : 'Upload file'}
            purpose="document"
            accept=".pdf,.docx,.xlsx,.pptx,.png,.jpg,.jpeg,.zip,.txt,.csv"
            onUploaded={(f) => onChange({ ...b, fileId: f.id, label: b.label || f.name })}
          />
          {errors.fileId && (
            <Text c="red.9" size="sm">
              {errors.fileId}
            </Text>
          )}
        </Stack>
      );
    case 'embed':
      return (
        <Stack gap="xs">
          <TextInput label="Title" required value={b.title} onChange={(e) => onChange({ ...b, title: e.currentTarget.value })} error={errors.title} />
          <TextInput
            label="Embed link"
            description="Google Docs, Loom, Figma, Miro, Microsoft Forms, Power BI, SlideShare, H5P, YouTube or Vimeo players"
            placeholder="https://"
            required
            value={b.url}
            onChange={(e) => onChange({ ...b, url: e.currentTarget.value })}
            error={errors.url}
          />
          <NumberInput label="Height (px)" min={100} max={2000} w={140} value={b.height ?? ''} onChange={(v) => onChange({ ...b, height: v === '' ? null : Number(v) })} error={errors.height} />
        </Stack>
      );
    case 'quiz':
      return <QuizEditor quiz={b.quiz} onChange={(quiz) => onChange({ ...b, quiz })} errors={errors} />;
  }
}
