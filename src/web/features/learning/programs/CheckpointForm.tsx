import { Alert, Button, FileInput, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, fieldErrors } from '../../../lib/api.ts';
import { uploadLearningFile } from '../authoring/api.ts';
import { programApi, type EvidenceKind } from './api.ts';

/** The learner's evidence for a checkpoint: the kinds the step allows, then submit. */
export function CheckpointForm({ enrollmentId, stepId, kinds, onDone }: { enrollmentId: string; stepId: string; kinds: EvidenceKind[]; onDone: () => void }) {
  const [text, setText] = useState('');
  const [url, setUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = useMutation({
    mutationFn: async () => {
      setErrors({});
      let fileId: string | undefined;
      if (file) {
        try {
          fileId = (await uploadLearningFile(file, 'evidence')).id;
        } catch (err) {
          throw new ApiError((err as ApiError).status ?? 400, 'validation_failed', (err as Error).message, [{ path: 'fileId', message: (err as Error).message }]);
        }
      }
      const body = { text: text.trim() || undefined, url: url.trim() || undefined, fileId };
      return programApi.submitEvidence(enrollmentId, stepId, body);
    },
    onSuccess: () => {
      notifications.show({ color: 'green', message: 'Submitted. Your approver has been told.' });
      setText('');
      setUrl('');
      setFile(null);
      onDone();
    },
    onError: (err) => setErrors(fieldErrors(err)),
  });
  // Errors about the evidence as a whole have no field; show them above the form.
  const unplaced = submit.error instanceof ApiError ? submit.error.details.find((d) => !d.path)?.message : undefined;
  const general = submit.error && (unplaced ?? (!Object.keys(errors).length ? (submit.error as Error).message : null));
  return (
    <Stack gap="xs">
      {general && (
        <Alert color="red" role="alert">
          {general}
        </Alert>
      )}
      {kinds.includes('text') && (
        <Textarea label="What you did" autosize minRows={3} value={text} onChange={(e) => setText(e.currentTarget.value)} error={errors.text} />
      )}
      {kinds.includes('link') && (
        <TextInput label="Link to your evidence" type="url" placeholder="https://" value={url} onChange={(e) => setUrl(e.currentTarget.value)} error={errors.url} />
      )}
      {kinds.includes('file') && <FileInput label="File" placeholder="Choose a file" clearable value={file} onChange={setFile} error={errors.fileId} />}
      <div>
        <Button onClick={() => submit.mutate()} loading={submit.isPending} disabled={!text.trim() && !url.trim() && !file}>
          Submit for approval
        </Button>
      </div>
    </Stack>
  );
}
