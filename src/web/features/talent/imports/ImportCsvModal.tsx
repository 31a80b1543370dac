import { Alert, Anchor, Badge, Button, FileInput, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileTypeCsv, IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../../lib/api.ts';
import { drawerTitle } from '../../../ui/common.tsx';
import { talentImportApi, type TalentImportKind, type TalentImportReport as Report } from './api.ts';

type Row = Report['rows'][number];
type Action = Row['action'];

const colors: Record<Action, string> = { create: 'green', update: 'blue', unchanged: 'gray', remove: 'orange', error: 'red' };
const labels: Record<Action, string> = { create: 'new', update: 'to update', unchanged: 'unchanged', remove: 'to remove', error: 'with errors' };

const kinds: Record<TalentImportKind, { title: string; noun: string; template: string; file: string; columns: string; queryKey: readonly string[] }> = {
  skills: {
    title: 'Import skills',
    noun: 'skill',
    file: 'skills-template.csv',
    columns:
      'Columns: name (required), category, description, scale_max (levels, default 5), level_1 … level_N (what each level means). A skill with the same name is updated; its scale is never changed by an import (use Change scale).',
    template:
      'name,category,description,scale_max,level_1,level_2,level_3,level_4,level_5\n' +
      'Negotiation,Commercial,"Reaching agreements that hold, in writing and in person",5,Aware of the basics,Prepares with help,Negotiates routine deals,Leads complex deals,Coaches others\n' +
      'Coaching,People,Helping others grow,3,Gives feedback,Coaches one to one,Builds a coaching culture,,\n',
    queryKey: ['skills'],
  },
  'job-profiles': {
    title: 'Import job profiles',
    noun: 'row',
    file: 'job-profiles-template.csv',
    columns:
      'One row per profile and skill. Columns: profile (required), profile_description, family, skill, expected_level, next_profiles and lateral_profiles (names separated by ;). A profile in the file gets exactly the skills of its rows: others it expects today are removed.',
    template:
      'profile,profile_description,family,skill,expected_level,next_profiles,lateral_profiles\n' +
      'Account Executive,"Sells, renews and grows accounts",Sales,Negotiation,3,Senior Account Executive,\n' +
      'Account Executive,,Sales,Coaching,1,,\n' +
      'Senior Account Executive,Leads the largest deals,Sales,Negotiation,4,,\n',
    queryKey: ['job-profiles'],
  },
};

const isReport = (v: unknown): v is Report => !!v && typeof v === 'object' && Array.isArray((v as Report).rows) && !!(v as Report).summary;
/** A refused commit carries its report in the error body. */
const reportFromError = (err: unknown): Report | undefined => (err instanceof ApiError && isReport(err.body?.report) ? err.body.report : undefined);
const looksLikeCsv = (f: File) => /\.csv$/i.test(f.name) || f.type === 'text/csv' || f.type === 'application/vnd.ms-excel';
const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : Array.isArray(v) ? v.join('; ') || '—' : String(v));

/** The "Import CSV" button of an admin page, with its modal: check the file, read the report, import. */
export function ImportCsvButton({ kind }: { kind: TalentImportKind }) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="default" leftSection={<IconUpload size={16} aria-hidden />} onClick={() => setOpened(true)}>
        Import CSV
      </Button>
      {opened && <ImportCsvModal kind={kind} onClose={() => setOpened(false)} />}
    </>
  );
}

export function ImportCsvModal({ kind, onClose }: { kind: TalentImportKind; onClose: () => void }) {
  const k = kinds[kind];
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [error, setError] = useState<string | null>(null);

  function choose(f: File | null) {
    setReport(null);
    setError(f && !looksLikeCsv(f) ? `${f.name} is not a CSV file. Save the spreadsheet as CSV (comma separated) and try again.` : null);
    setFile(f && looksLikeCsv(f) ? f : null);
  }

  async function run(dryRun: boolean) {
    if (!file) return;
    setBusy(dryRun ? 'check' : 'import');
    setError(null);
    const body = new FormData();
    body.append('file', file);
    try {
      const result = await talentImportApi.run(kind, body, dryRun);
      setReport(result);
      if (result.committed) {
        // No title: Mantine greys a titled notification's text below AA contrast.
        notifications.show({ color: 'green', message: `Import finished: ${result.summary.create} created, ${result.summary.update} updated.` });
        void qc.invalidateQueries({ queryKey: k.queryKey });
      }
    } catch (err) {
      const r = reportFromError(err);
      if (r) setReport(r);
      setError(err instanceof Error ? err.message : 'The import failed');
    } finally {
      setBusy(null);
    }
  }

  // Rows that change something: new, updated, and (profiles) expectations the file removes.
  const changes = report ? report.summary.create + report.summary.update + report.summary.remove : 0;
  const clean = !!report?.dryRun && report.summary.error === 0;
  const canImport = clean && changes > 0 && !busy;
  // Errors first, so the rows to fix are at the top.
  const rows = report ? [...report.rows].sort((a, b) => Number(b.action === 'error') - Number(a.action === 'error')) : [];

  return (
    <Modal opened onClose={onClose} title={k.title} size="xl" styles={drawerTitle}>
      <Stack>
        <Text size="sm">{k.columns}</Text>
        <Anchor href={`data:text/csv;charset=utf-8,${encodeURIComponent(k.template)}`} download={k.file} size="sm">
          <Group gap={4} component="span">
            <IconDownload size={14} aria-hidden />
            Download the CSV template
          </Group>
        </Anchor>
        <FileInput
          label="CSV file"
          placeholder="Choose a .csv file"
          accept=".csv,text/csv"
          leftSection={<IconFileTypeCsv size={16} aria-hidden />}
          value={file}
          onChange={choose}
          disabled={!!busy}
          clearable
          clearButtonProps={{ 'aria-label': 'Remove the file' }}
        />
        <Group>
          <Button onClick={() => void run(true)} disabled={!file || !!busy} loading={busy === 'check'}>
            Check file
          </Button>
          <Button color="green" onClick={() => void run(false)} disabled={!canImport} loading={busy === 'import'}>
            {clean && changes === 0 ? 'Nothing to import' : `Import ${changes.toLocaleString()} ${k.noun}${changes === 1 ? '' : 's'}`}
          </Button>
        </Group>
        {error && (
          <Alert color="red" role="alert" title="Nothing was imported">
            {error}
          </Alert>
        )}
        {report && (
          <Stack gap="sm">
            {report.committed && (
              <Alert color="green" role="status" title="Imported">
                The file was imported.
              </Alert>
            )}
            <Group gap="xs" aria-label="Summary">
              {(['create', 'update', 'unchanged', 'remove', 'error'] as Action[])
                .filter((a) => a !== 'remove' || report.summary.remove > 0)
                .map((a) => (
                  <Badge key={a} color={colors[a]} variant="light" size="lg">
                    {report.summary[a].toLocaleString()} {labels[a]}
                  </Badge>
                ))}
            </Group>
            {report.notes.map((n) => (
              <Text key={n} size="sm" c="dimmed">
                {n}
              </Text>
            ))}
            {report.unknownColumns.length > 0 && (
              <Text size="sm" c="orange.9">
                Columns ignored: {report.unknownColumns.join(', ')}
              </Text>
            )}
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing="xs" aria-label="Rows of the file">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Row</Table.Th>
                    <Table.Th>{kind === 'skills' ? 'Skill' : 'Profile · skill'}</Table.Th>
                    <Table.Th>Result</Table.Th>
                    <Table.Th>Details</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.slice(0, 500).map((r) => (
                    <Table.Tr key={`${r.row}-${r.key}`} bg={r.action === 'error' ? 'var(--mantine-color-red-light)' : undefined}>
                      <Table.Td>{r.row || '—'}</Table.Td>
                      <Table.Td>{r.key}</Table.Td>
                      <Table.Td>
                        {/* At its full width: a long Details column squeezed it to "CREA…". */}
                        <Badge color={colors[r.action]} variant="light" miw="max-content">
                          {r.action}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {r.errors?.map((e, i) => (
                          <Text key={i} size="sm" c="red.9">
                            {e.field ? `${e.field}: ` : ''}
                            {e.message}
                          </Text>
                        ))}
                        {r.changes &&
                          Object.entries(r.changes).map(([field, c]) => (
                            <Text key={field} size="sm">
                              {field}: {show(c.from)} → {show(c.to)}
                            </Text>
                          ))}
                        {!r.errors?.length && !r.changes && (
                          <Text size="sm" c="dimmed">
                            {r.action === 'create' ? 'New' : 'Nothing changes'}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {rows.length > 500 && <Text size="sm" c="dimmed">Showing the first 500 of {rows.length.toLocaleString()} rows.</Text>}
            {report.unchangedRowsOmitted > 0 && <Text size="sm" c="dimmed">{report.unchangedRowsOmitted.toLocaleString()} more unchanged rows are not listed.</Text>}
          </Stack>
        )}
      </Stack>
    </Modal>
  );
}
