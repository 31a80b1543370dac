import { Anchor, Stack, Text } from '@mantine/core';
import type { Submission } from './api.ts';

/** The evidence of a submission: text as written, links and files to open. */
export function EvidenceView({ s }: { s: Pick<Submission, 'evidenceText' | 'evidenceUrl' | 'evidenceFile'> }) {
  return (
    <Stack gap={4}>
      {s.evidenceText && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {s.evidenceText}
        </Text>
      )}
      {s.evidenceUrl && (
        <Anchor href={s.evidenceUrl} target="_blank" rel="noreferrer noopener" size="sm" style={{ wordBreak: 'break-all' }}>
          {s.evidenceUrl}
        </Anchor>
      )}
      {s.evidenceFile && (
        <Anchor href={s.evidenceFile.url} target="_blank" rel="noreferrer" size="sm">
          {s.evidenceFile.name}
        </Anchor>
      )}
    </Stack>
  );
}
