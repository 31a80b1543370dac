import { Alert, Badge, Button, Checkbox, FileInput, Group, Paper, Progress, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileTypeCsv, IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ApiError } from '../../lib/api.ts';
import { peopleKeys } from '../people/api.ts';
import { adminApi, type ImportReport as Report } from './api.ts';

type Row = Report['rows'][number];
type Action = Row['action'];

const ASYNC_BYTES = 1024 * 1024;
const TEMPLATE = 'employee_number,email,first_name,last_name,job_title,department,manager,location,hire_date\nE1001,ada@example.com,Ada,Lovelace,Head of Engineering,Engineering,,London,2020-01-15\nE1002,alan@example.com,Alan,Turing,Engineer,Engineering,E1001,London,2021-06-01\n';
const colors: Record<Action, string> = { create: 'green', update: 'blue', unchanged: 'gray', deactivate: 'orange', error: 'red' };

function downloadTemplate() {
  const url = URL.createObjectURL(new Blob([TEMPLATE], { type: 'text/csv' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: 'people-template.csv' });
  a.click();
  URL.revokeObjectURL(url);
}

const isReport = (v: unknown): v is Report => !!v && typeof v === 'object' && Array.isArray((v as Report).rows) && !!(v as Report).summary;

/** A refused commit carries its report in the error body, or at least the error rows as details. */
function reportFromError(err: unknown): Report | undefined {
  if (!(err instanceof ApiError)) return undefined;
  const nested = [err.body?.report, (err.body?.details as { report?: unknown } | undefined)?.report, ...err.details.map((d) => d.report)];
  const found = nested.find(isReport);
  if (found) return found;
  const rows = err.details.filter((d): d is typeof d & Row => typeof d.row === 'number' && typeof d.action === 'string') as unknown as Row[];
  if (!rows.length) return undefined;
  return { dryRun: false, committed: false, summary: { create: 0, update: 0, unchanged: 0, deactivate: 0, error: rows.length, total: rows.length }, rows, unknownColumns: [], unchangedRowsOmitted: 0 };
}

const looksLikeCsv = (f: File) => /\.csv$/i.test(f.name) || f.type === 'text/csv' || f.type === 'application/vnd.ms-excel';

const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));

export default function AdminImportPage() {
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [deactivateMissing, setDeactivateMissing] = useState(false);
  const [report, setReport] = useState<Report | null>(null);
  const [filter, setFilter] = useState<'all' | Action>('all');
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  function choose(f: File | null) {
    if (f && !looksLikeCsv(f)) {
      setError(`${f.name} is not a CSV file. Save the spreadsheet as CSV (comma separated) and try again.`);
      return;
    }
    setFile(f);
    setReport(null);
    setError(null);
  }

  async function run(dryRun: boolean) {
    if (!file) return;
    setBusy(dryRun ? 'check' : 'import');
    setError(null);
    setProgress(null);
    const body = new FormData();
    body.append('file', file);
    const query = { dryRun, deactivateMissing, async: file.size > ASYNC_BYTES ? true : undefined };
    try {
      let result: Report;
      if (query.async) {
        const { id } = (await adminApi.importPeople(body, query)) as { id: string };
        result = await poll(id);
      } else {
        result = (await adminApi.importPeople(body, query)) as Report;
      }
      setReport(result);
      setFilter(result.summary.error > 0 ? 'error' : 'all');
      if (!dryRun && result.committed) {
        notifications.show({ color: 'green', title: 'Import finished', message: `${result.summary.create} created, ${result.summary.update} updated, ${result.summary.deactivate ?? 0} deactivated.` });
        void qc.invalidateQueries({ queryKey: peopleKeys.lists });
      }
    } catch (err) {
      const r = reportFromError(err);
      if (r) {
        setReport(r);
        setFilter('error');
      }
      setError(err instanceof Error ? err.message : 'The import failed');
    } finally {
      setBusy(null);
      setProgress(null);
    }
  }

  async function poll(id: string): Promise<Report> {
    for (;;) {
      const job = await adminApi.importJob(id);
      setProgress({ done: job.processedRows, total: job.totalRows });
      if (job.status === 'done' && job.report) return job.report;
      if (job.status === 'failed') {
        if (job.report) {
          setReport(job.report);
          setFilter('error');
        }
        throw new Error(job.error ?? 'The import failed; nothing was changed.');
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }

  const rows = report ? report.rows.filter((r) => filter === 'all' || r.action === filter) : [];
  const changes = report ? report.summary.create + report.summary.update + (report.summary.deactivate ?? 0) : 0;
  const canImport = report?.dryRun && report.summary.error === 0 && changes > 0 && !busy;
  const count = (a: Action | 'total') => (report?.summary[a] ?? 0).toLocaleString();

  return (
    <>
      <PageHeader
        title="Import people"
        description="Upload a CSV file. Tandem checks every row first; nothing changes until you import a file without errors."
        actions={
          <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={downloadTemplate}>
            CSV template
          </Button>
        }
      />
      <Stack maw={640} mb="lg">
        <Paper
          withBorder
          p="md"
          radius="md"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            const f = e.dataTransfer.files[0];
            if (f) choose(f);
          }}
          style={{ borderStyle: 'dashed', borderWidth: 2, borderColor: dragging ? 'var(--mantine-color-blue-6)' : undefined, background: dragging ? 'var(--mantine-color-blue-0)' : undefined }}
        >
          <Stack gap="xs">
            <Group gap="xs" wrap="nowrap">
              <IconUpload size={20} aria-hidden />
              <Text size="sm" fw={500}>
                Drop a CSV file here, or choose one below
              </Text>
            </Group>
            <FileInput
              label="CSV file"
              description="Columns: employee number, email, first and last name, job title, department, manager (email or employee number), location, hire date (YYYY-MM-DD), and custom fields by name."
              placeholder="Choose a .csv file"
              accept=".csv,text/csv"
              leftSection={<IconFileTypeCsv size={16} aria-hidden />}
              value={file}
              onChange={choose}
              disabled={!!busy}
              clearable
              clearButtonProps={{ 'aria-label': 'Remove the file' }}
            />
          </Stack>
        </Paper>
        <Checkbox
          label="Deactivate people who are not in the file"
          checked={deactivateMissing}
          disabled={!!busy}
          description="People not in the file become inactive; nobody is deleted."
          onChange={(e) => {
            setDeactivateMissing(e.currentTarget.checked);
            setReport(null);
          }}
        />
        <Group>
          <Button onClick={() => void run(true)} disabled={!file || !!busy} loading={busy === 'check'}>
            Check file
          </Button>
          <Button color="green" onClick={() => void run(false)} disabled={!canImport} loading={busy === 'import'}>
            {report?.dryRun && report.summary.error === 0 ? (changes === 0 ? 'Nothing to import' : `Import ${changes.toLocaleString()} change${changes === 1 ? '' : 's'}`) : 'Import'}
          </Button>
        </Group>
        {progress && (
          <Stack gap={4}>
            <Text size="sm">
              Processed {progress.done.toLocaleString()} of {progress.total ? progress.total.toLocaleString() : '…'} rows
            </Text>
            <Progress value={progress.total ? (100 * progress.done) / progress.total : 5} animated aria-label="Import progress" />
          </Stack>
        )}
      </Stack>

      {error && (
        <Alert color="red" role="alert" title="Nothing was imported" mb="md">
          {error}
        </Alert>
      )}
      {report && (
        <Stack>
          {report.committed && (
            <Alert color="green" role="status" title="Imported">
              The file was imported.
            </Alert>
          )}
          <Group gap="xs" aria-label="Summary">
            {(['create', 'update', 'unchanged', 'deactivate', 'error'] as Action[]).map((a) => (
              <Badge key={a} color={colors[a]} variant="light" size="lg">
                {count(a)} {a === 'error' ? 'with errors' : a === 'create' ? 'new' : a === 'update' ? 'to update' : a === 'deactivate' ? 'to deactivate' : 'unchanged'}
              </Badge>
            ))}
          </Group>
          <SegmentedControl
            aria-label="Show rows"
            value={filter}
            onChange={(v) => setFilter(v as typeof filter)}
            data={[
              { value: 'all', label: `All (${count('total')})` },
              { value: 'error', label: `Errors (${count('error')})` },
              { value: 'create', label: `New (${count('create')})` },
              { value: 'update', label: `Updates (${count('update')})` },
              { value: 'deactivate', label: `Deactivations (${count('deactivate')})` },
            ]}
          />
          <Table.ScrollContainer minWidth={640}>
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Row</Table.Th>
                  <Table.Th>Person</Table.Th>
                  <Table.Th>Result</Table.Th>
                  <Table.Th>Details</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.slice(0, 500).map((r) => (
                  <Table.Tr key={`${r.row}-${r.key}`}>
                    <Table.Td>{r.row || '—'}</Table.Td>
                    <Table.Td>{r.key}</Table.Td>
                    <Table.Td>
                      <Badge color={colors[r.action]} variant="light">
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
                      {r.action === 'create' && !r.changes && !r.errors?.length && (
                        <Text size="sm" c="dimmed">
                          New person
                        </Text>
                      )}
                      {r.action === 'unchanged' && (
                        <Text size="sm" c="dimmed">
                          Nothing changes
                        </Text>
                      )}
                      {r.changes &&
                        Object.entries(r.changes).map(([field, c]) => (
                          <Text key={field} size="sm">
                            {field}: {show(c.from)} → {show(c.to)}
                          </Text>
                        ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {rows.length > 500 && <Text size="sm" c="dimmed">Showing the first 500 of {rows.length} rows.</Text>}
          {rows.length === 0 && <Text c="dimmed">No rows to show.</Text>}
        </Stack>
      )}
    </>
  );
}
