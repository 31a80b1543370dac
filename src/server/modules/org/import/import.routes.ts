import { createRoute, z } from '@hono/zod-openapi';
import type { HonoRequest } from 'hono';
import { AppError } from '../../../platform/http/errors.ts';
import { requireActor } from '../../../platform/http/actor.ts';
import { unsafeText } from '../../../platform/http/input-guard.ts';
import { errorResponses, IdParam, jsonContent } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import { getImport, runImport, startImport } from './import.service.ts';

const Bool = z.enum(['true', 'false']).optional();

const ReportRow = z.object({
  row: z.number().int(),
  key: z.string(),
  action: z.enum(['create', 'update', 'unchanged', 'deactivate', 'error']),
  changes: z.record(z.string(), z.object({ from: z.any(), to: z.any() })).optional(),
  errors: z.array(z.object({ field: z.string().optional(), message: z.string() })).optional(),
});
const Report = z
  .object({
    dryRun: z.boolean(),
    committed: z.boolean(),
    summary: z.object({ create: z.number(), update: z.number(), unchanged: z.number(), deactivate: z.number(), error: z.number(), total: z.number() }),
    rows: z.array(ReportRow),
    unknownColumns: z.array(z.string()),
    unchangedRowsOmitted: z.number(),
  })
  .openapi('PeopleImportReport');

const csvBody = {
  required: true,
  content: {
    'text/csv': { schema: z.string() },
    'multipart/form-data': { schema: z.object({ file: z.any().optional().openapi({ type: 'string', format: 'binary' }) }) },
  },
};

const create = createRoute({
  method: 'post',
  path: '/people/imports',
  tags: ['People'],
  summary: 'Import people from CSV (dry run or all-or-nothing commit) — HR admins',
  description:
    'Columns: employee number, email, first name, last name, job title, department (created when new), job profile (by name; it must exist), manager (email or employee number, any row order), location, hire date (YYYY-MM-DD), time zone, locale, and custom fields by key or label. Upserts by employee number, else email. A commit with any error row answers 422 `unprocessable`, changes nothing, and carries the full report in `error.report` (error rows also in `error.details`). With `async=true` the work runs as a job: 202 `{id}`, then poll `GET /people/imports/{id}`. Unchanged rows past 1,000 are counted but left out of `rows`.',
  request: { query: z.object({ dryRun: Bool, deactivateMissing: Bool, async: Bool }), body: csvBody },
  responses: {
    200: jsonContent(Report),
    202: jsonContent(z.object({ id: z.uuid() }), 'Import queued'),
    ...errorResponses('validation_failed', 'not_found', 'unprocessable', 'unsupported_media_type', 'payload_too_large'),
  },
});

const status = createRoute({
  method: 'get',
  path: '/people/imports/{id}',
  tags: ['People'],
  summary: 'Progress and result of a background import — HR admins',
  request: { params: IdParam },
  responses: {
    200: jsonContent(
      z.object({
        id: z.uuid(),
        status: z.enum(['queued', 'running', 'done', 'failed']),
        dryRun: z.boolean(),
        totalRows: z.number(),
        processedRows: z.number(),
        report: Report.nullable(),
        error: z.string().nullable(),
      }),
    ),
    ...errorResponses('not_found'),
  },
});

/** The CSV arrives as the body (text/csv) or as the `file` field of a multipart upload. */
async function readCsv(req: HonoRequest): Promise<string> {
  const csv = await readCsvText(req);
  // A file's bytes pass no request check: control characters here mean it is not a CSV at all.
  const why = unsafeText(csv);
  if (why) throw new AppError('validation_failed', 'The file is not CSV text', [{ path: 'file', code: 'invalid_characters', message: why }]);
  return csv;
}

async function readCsvText(req: HonoRequest): Promise<string> {
  // HonoRequest caches the parsed body, which the route's validator may already have read.
  const type = req.header('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await req.formData();
    const file = form.get('file');
    if (!file || typeof file === 'string') throw new AppError('validation_failed', 'Attach the CSV as the field "file"', [{ path: 'file', message: 'Required' }]);
    return file.text();
  }
  if (type.startsWith('text/csv') || type.startsWith('text/plain') || type.startsWith('application/csv')) return req.text();
  throw new AppError('unsupported_media_type', 'Send the CSV as text/csv or as a multipart upload');
}

export const importRoutes = createRouter()
  .openapi(create, async (c) => {
    const actor = requireActor(c);
    const q = c.req.valid('query');
    const opts = { dryRun: q.dryRun !== 'false', deactivateMissing: q.deactivateMissing === 'true' };
    const csv = await readCsv(c.req);
    if (q.async === 'true') return c.json(await startImport(c.var.ctx, actor, csv, opts), 202);
    return c.json(await runImport(c.var.ctx, actor, csv, opts, c.var.requestId), 200);
  })
  .openapi(status, async (c) => c.json(await getImport(c.var.ctx, requireActor(c), c.req.valid('param').id), 200));
