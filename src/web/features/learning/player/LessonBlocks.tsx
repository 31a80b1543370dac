import { Alert, Anchor, AspectRatio, Box, Group, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { RichText } from '../../../ui/RichText.tsx';
import { videoEmbedUrl } from './embeds.ts';
import { QuizRunner } from './QuizRunner.tsx';
import type { Block } from './api.ts';

function Video({ block }: { block: Extract<Block, { type: 'video' }> }) {
  const title = block.title ?? 'Lesson video';
  if (block.source === 'file') {
    return (
      <figure style={{ margin: 0 }}>
        <video controls preload="metadata" style={{ width: '100%', maxHeight: 480, background: '#000' }} aria-label={title}>
          <source src={block.url} />
          {block.captionsUrl && <track kind="captions" src={block.captionsUrl} srcLang="en" label="Captions" default />}
        </video>
        {block.title && (
          <Text component="figcaption" size="sm" c="dimmed">
            {block.title}
          </Text>
        )}
      </figure>
    );
  }
  const src = videoEmbedUrl(block.url);
  if (!src) return <Alert color="yellow">This video link cannot be played here.</Alert>;
  return (
    <AspectRatio ratio={16 / 9}>
      <iframe src={src} title={title} allow="fullscreen; picture-in-picture; encrypted-media" allowFullScreen style={{ border: 0 }} />
    </AspectRatio>
  );
}

/** The blocks of one lesson in order. */
export function LessonBlocks({ enrollmentId, blocks, onChanged }: { enrollmentId: string; blocks: Block[]; onChanged: () => void }) {
  if (!blocks.length) return <Text c="dimmed">This lesson has no content yet.</Text>;
  return (
    <Stack gap="lg">
      {blocks.map((b) => {
        switch (b.type) {
          case 'text':
            return (
              <Box key={b.id}>
                <RichText doc={b.doc} />
              </Box>
            );
          case 'video':
            return <Video key={b.id} block={b} />;
          case 'file':
            return (
              <Group key={b.id} gap="xs">
                <IconDownload size={18} aria-hidden />
                <Anchor href={b.url} download>
                  {b.label || 'Download the file'}
                </Anchor>
              </Group>
            );
          case 'embed':
            return (
              <Box key={b.id}>
                <iframe
                  src={b.url}
                  title={b.title}
                  style={{ width: '100%', height: b.height ?? 480, border: 0 }}
                  sandbox="allow-scripts allow-same-origin allow-popups allow-forms allow-presentation"
                  allow="fullscreen"
                  loading="lazy"
                />
              </Box>
            );
          case 'quiz':
            return <QuizRunner key={b.id} enrollmentId={enrollmentId} quizId={b.id} quiz={b.quiz} onChanged={onChanged} />;
        }
      })}
    </Stack>
  );
}
