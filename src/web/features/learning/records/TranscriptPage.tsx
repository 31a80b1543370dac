import { Anchor, Badge, Button, Card, FileInput, Group, Modal, NumberInput, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCertificate, IconDownload, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouteContext } from '@tanstack/react-router';
import { useState } from 'react';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { ApiError, fieldErrors } from '../../../lib/api.ts';
import { hasRole, type Me } from '../../../lib/me.ts';
import { EmptyText, ErrorAlert, Loading } from '../../../ui/common.tsx';
import { uploadLearningFile } from '../authoring/api.ts';
import { reasonLabel } from '../enrollment/reasons.ts';
import { recordApi, recordKeys, recordQueries, type ExternalLearningBody, type TranscriptItem as Item } from './api.ts';


const kinds = [
  { value: 'course', label: 'Course' },
  { value: 'certification', label: 'Certification' },
  { value: 'conference', label: 'Conference' },
  { value: 'book', label: 'Book' },
  { value: 'other', label: 'Other' },
];
const kindLabel = (i: Item) =>
  i.kind === 'external' ? `External ${kinds.find((k) => k.value === i.externalKind)?.label.toLowerCase() ?? ''}`.trim() : i.kind === 'program' ? 'Program' : 'Course';
const day = (d: string) => new Date(`${d.slice(0, 10)}T00:00:00`).toLocaleDateString();
const today = () => new Date().toLocaleDateString('sv-SE'); // YYYY-MM-DD in the browser's zone

function ExternalForm({ personId, onClose }: { personId: string; onClose: () => void }) {
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const form = useForm({
    initialValues: { title: '', provider: '', kind: 'course', completedOn: today(), durationMinutes: '' as number | '', evidenceUrl: '', notes: '' },
    validate: {
      title: (v) => (v.trim() ? null : 'Enter a title'),
      completedOn: (v) => (!v ? 'Enter the date you completed it' : v > today() ? 'The completion date cannot be in the future' : null),
    },
  });
  const save = useMutation({
    mutationFn: async (v: typeof form.values) => {
      let evidenceFileId: string | null = null;
      if (file) evidenceFileId = (await uploadLearningFile(file, 'evidence')).id;
      return recordApi.addExternal(personId, {
        title: v.title.trim(),
        provider: v.provider.trim() || null,
        kind: v.kind as ExternalLearningBody['kind'],
        completedOn: v.completedOn,
        durationMinutes: v.durationMinutes === '' ? null : v.durationMinutes,
        evidenceUrl: v.evidenceUrl.trim() || null,
        evidenceFileId,
        notes: v.notes.trim() || null,
      });
    },
    onSuccess: () => {
      notifications.show({ color: 'green', message: 'External learning recorded' });
      void qc.invalidateQueries({ queryKey: recordKeys.transcript(personId) });
      onClose();
    },
    onError: (err) => {
      const f = fieldErrors(err);
      if (f.file) f.evidenceFileId = f.file;
      form.setErrors(f);
    },
  });
  const errs = fieldErrors(save.error);
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        <TextInput label="Title" required maxLength={300} {...form.getInputProps('title')} />
        <TextInput label="Provider" description="Who ran it, e.g. Coursera or the author" maxLength={200} {...form.getInputProps('provider')} />
        <Select label="Kind" data={kinds} allowDeselect={false} {...form.getInputProps('kind')} />
        <TextInput label="Completed on" type="date" required max={today()} {...form.getInputProps('completedOn')} />
        <NumberInput label="Duration (minutes)" min={1} max={100000} allowDecimal={false} {...form.getInputProps('durationMinutes')} />
        <TextInput label="Evidence link" placeholder="https://" type="url" maxLength={2000} {...form.getInputProps('evidenceUrl')} />
        <FileInput label="Evidence file" description="A certificate or proof of completion (PDF or image)" clearable value={file} onChange={setFile} error={form.errors.evidenceFileId} accept="application/pdf,image/png,image/jpeg" />
        <Textarea label="Notes" maxLength={2000} autosize minRows={2} {...form.getInputProps('notes')} />
        <ErrorAlert error={save.error && !Object.keys(errs).length ? save.error : null} title="Not recorded" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Record
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The signed-in person's own transcript (Learning → Transcript). */
export default function TranscriptPage() {
  const { me } = useRouteContext({ from: '/app' }) as { me: Me };
  return <Transcript personId={me.personId} own />;
}

/**
 * A person's transcript: their own, or someone else's for their manager chain and admins (the API
 * answers 404 to anyone else). The learner and learning or HR admins record external learning.
 */
export function Transcript({ personId, own }: { personId: string; own: boolean }) {
  const { me } = useRouteContext({ from: '/app' }) as { me: Me };
  const canRecord = own || hasRole(me, 'learning_admin', 'hr_admin');
  const qc = useQueryClient();
  const [adding, setAdding] = useState(false);
  const mobile = useMediaQuery('(max-width: 30em)');
  const transcript = useQuery(recordQueries.transcript(personId));
  const whose = own ? 'your transcript' : 'the transcript';
  const remove = useMutation({
    mutationFn: (id: string) => recordApi.removeExternal(id),
    onSuccess: () => {
      notifications.show({ color: 'green', message: `Removed from ${whose}` });
      void qc.invalidateQueries({ queryKey: recordKeys.transcript(personId) });
    },
    onError: (err) => notifications.show({ color: 'red', title: 'Not removed', message: (err as Error).message }),
  });
  const items = transcript.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={own ? 'Transcript' : `Transcript: ${transcript.data?.person.name ?? '…'}`}
        description={own ? 'Everything you have completed, here and elsewhere' : 'Everything they have completed, here and elsewhere'}
        actions={
          <Group gap="xs">
            <Button variant="default" component="a" href={`/api/v1/people/${personId}/transcript.csv`} download leftSection={<IconDownload size={16} aria-hidden />}>
              CSV
            </Button>
            <Button variant="default" component="a" href={`/api/v1/people/${personId}/transcript.pdf`} download leftSection={<IconDownload size={16} aria-hidden />}>
              PDF
            </Button>
            {canRecord && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
                Add external learning
              </Button>
            )}
          </Group>
        }
      />
      {transcript.isPending ? (
        <Loading label={`Loading ${whose}`} />
      ) : transcript.error instanceof ApiError && transcript.error.status === 404 ? (
        <EmptyText>This person is not there, or their learning is not yours to see.</EmptyText>
      ) : transcript.error ? (
        <ErrorAlert error={transcript.error} title="The transcript could not be loaded" />
      ) : items.length === 0 ? (
        <EmptyText>
          {own
            ? 'Nothing completed yet. Finished courses appear here, and you can add learning you did elsewhere.'
            : 'Nothing completed yet.'}
        </EmptyText>
      ) : (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm">
              <Table.Caption>{items.length} completed</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Title</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Completed</Table.Th>
                  <Table.Th>Duration</Table.Th>
                  <Table.Th>Score</Table.Th>
                  <Table.Th>Evidence</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((i) => (
                  <Table.Tr key={`${i.kind}-${i.id}`}>
                    <Table.Td>
                      <Text fw={500}>{i.title}</Text>
                      <Text size="xs" c="dimmed">
                        {[i.provider, i.reasonType ? reasonLabel(i.reasonType) : null].filter(Boolean).join(' · ')}
                      </Text>
                    </Table.Td>
                    <Table.Td>{kindLabel(i)}</Table.Td>
                    <Table.Td>
                      {day(i.completedOn)}
                      {i.status === 'expired' ? (
                        <Badge ml={4} color="dark" variant="light">
                          Expired
                        </Badge>
                      ) : i.expiresAt ? (
                        <Text size="xs" c="dimmed">
                          valid until {day(i.expiresAt)}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{i.durationMinutes != null ? `${i.durationMinutes} min` : '—'}</Table.Td>
                    <Table.Td>{i.score != null ? `${i.score}%` : '—'}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        {i.certificateId && (
                          <Anchor href={`/api/v1/certificates/${i.certificateId}/pdf`} download aria-label={`Certificate for ${i.title} (PDF)`}>
                            <IconCertificate size={16} aria-hidden /> Certificate
                          </Anchor>
                        )}
                        {i.evidenceUrl && (
                          <Anchor href={i.evidenceUrl} target="_blank" rel="noopener noreferrer nofollow" aria-label={`Evidence link for ${i.title}`}>
                            Link
                          </Anchor>
                        )}
                        {i.evidenceFileUrl && (
                          <Anchor href={i.evidenceFileUrl} aria-label={`Evidence file for ${i.title}`}>
                            File
                          </Anchor>
                        )}
                        {i.kind === 'external' && canRecord && (
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color="red"
                            aria-label={`Remove ${i.title}`}
                            loading={remove.isPending && remove.variables === i.id}
                            onClick={() => window.confirm(`Remove “${i.title}” from ${whose}?`) && remove.mutate(i.id)}
                          >
                            <IconTrash size={16} aria-hidden />
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add external learning" fullScreen={mobile}>
        {adding && <ExternalForm personId={personId} onClose={() => setAdding(false)} />}
      </Modal>
    </>
  );
}
