import { Button, FileButton, Group, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiError } from '../../../lib/api.ts';
import { uploadLearningFile, type UploadedFile } from './api.ts';

/** An upload button for one learning file purpose; shows the server's reason when refused. */
export function FileUpload({
  label,
  purpose,
  accept,
  currentName,
  onUploaded,
}: {
  label: string;
  purpose: 'cover' | 'video' | 'captions' | 'document';
  accept: string;
  currentName?: string | null;
  onUploaded: (f: UploadedFile) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState<string | null>(currentName ?? null);
  const upload = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const f = await uploadLearningFile(file, purpose);
      setName(f.name);
      onUploaded(f);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The upload failed');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <Group gap="sm">
        <FileButton onChange={(f) => void upload(f)} accept={accept}>
          {(props) => (
            <Button {...props} variant="default" size="xs" loading={busy} leftSection={<IconUpload size={14} aria-hidden />}>
              {label}
            </Button>
          )}
        </FileButton>
        {name && (
          <Text size="sm" c="dimmed">
            {name}
          </Text>
        )}
      </Group>
      {error && (
        <Text c="red.9" size="sm" role="alert" mt={4}>
          {error}
        </Text>
      )}
    </div>
  );
}
