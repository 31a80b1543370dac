import { createRoute, z } from '@hono/zod-openapi';
import type { HonoRequest } from 'hono';
import { requireActor } from '../../../platform/http/actor.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { unsafeText } from '../../../platform/http/input-guard.ts';
import { errorResponses, jsonContent } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import { MAX_BYTES, MAX_ROWS } from './skills-import.parse.ts';
import { runJobProfilesImport, runSkillsImport } from './skills-import.service.ts';

const ReportRow = z.object({
  row: z.number().int().openapi({ description: 'Data row of the file (1 = the first row under the header); 0 for an expectation the file removes' }),
  key: z.string(),
  action: z.enum(['create', 'update', 'unchanged', 'remove', 'error']),
  changes: z.record(z.string(), z.object({ from: z.any(), to: z.any() })).optional(),
  errors: z.array(z.object({ field: z.string().optional().openapi({ description: 'The column' }), message: z.string() })).optional(),
});
const Report = z
  .object({
    dryRun: z.boolean(),
    committed: z.boolean(),
    summary: z.object({ create: z.number(), update: z.number(), unchanged: z.number(), remove: z.number(), error: z.number(), total: z.number() }),
    rows: z.array(ReportRow),
    unknownColumns: z.array(z.string()),
    notes: z.array(z.string()),
    unchangedRowsOmitted: z.number(),
  })
  .openapi('TalentImportReport');

const query = z.object({
  dryRun: z.enum(['true', 'false']).optional().openapi({ description: 'true (default): only the report; false: apply the file, all or nothing' }),
});

const csvBody = {
  required: true,
  content: {
    'text/csv': { schema: z.string() },
    'multipart/form-data': { schema: z.object({ file: z.any().optional().openapi({ type: 'string', format: 'binary' }) }) },
  },
};

const limits = `At most ${MAX_ROWS.toLocaleString('en')} rows (400 \`validation_failed\`) and ${MAX_BYTES / 1024 / 1024} MB (413 \`payload_too_large\`). A commit with any error row answers 422 \`unprocessable\`, changes nothing, and carries the full report in \`error.report\` (error rows also in \`error.details\`). Unchanged rows past 1,000 are counted but left out of \`rows\`.`;

const skills = createRoute({
  method: 'post',
  path: '/skills/import',
  tags: ['Skills'],
  summary: 'Import skills from CSV (dry run or all-or-nothing commit) — HR or learning admins',
  description: `Columns: name (required), category, description, scale_max (1–10, default 5), level_1 … level_10 (level descriptors). A row naming a skill of the organisation (any case) updates it, else creates one; a column left out keeps what is stored, an empty cell clears it. An archived or merged skill is an error of its row, and so is a scale_max other than an existing skill's (use the rescale endpoint). ${limits}`,
  request: { query, body: csvBody },
  responses: { 200: jsonContent(Report), ...errorResponses('validation_failed', 'not_found', 'unprocessable', 'unsupported_media_type', 'payload_too_large') },
});

const profiles = createRoute({
  method: 'post',
  path: '/job-profiles/import',
  tags: ['Job profiles'],
  summary: 'Import job profiles with their expected levels from CSV (dry run or all-or-nothing commit) — HR admins',
  description: `One row per profile and skill. Columns: profile (required), profile_description, family, skill and expected_level (required together; the skill must exist and not be archived, the level within its scale), next_profiles and lateral_profiles (\`;\`-separated names of profiles of the organisation or the file: promotion and lateral career steps; a promotion that loops back is an error). A profile in the file gets exactly the expected skills of its rows: the ones it loses are listed as \`remove\` rows (row 0). Career steps are only added. ${limits}`,
  request: { query, body: csvBody },
  responses: { 200: jsonContent(Report), ...errorResponses('validation_failed', 'not_found', 'unprocessable', 'unsupported_media_type', 'payload_too_large') },
});

const tooLarge = () =>
  new AppError('payload_too_large', `The file is larger than ${MAX_BYTES / 1024 / 1024} MB: split it`, [{ path: 'file', message: 'Too large', maxBytes: MAX_BYTES }]);

/** The CSV arrives as the body (text/csv) or as the `file` field of a multipart upload, as for the people import. */
async function readCsv(req: HonoRequest): Promise<string> {
  // The API's body limit is the one for course media; a CSV gets a smaller one, told before reading.
  if (Number(req.header('content-length') ?? 0) > MAX_BYTES + 64 * 1024) throw tooLarge();
  const type = req.header('content-type') ?? '';
  let csv: string;
  if (type.startsWith('multipart/form-data')) {
    const form = await req.formData();
    const file = form.get('file');
    if (!file || typeof file === 'string') throw new AppError('validation_failed', 'Attach the CSV as the field "file"', [{ path: 'file', message: 'Required' }]);
    if (file.size > MAX_BYTES) throw tooLarge();
    csv = await file.text();
  } else if (type.startsWith('text/csv') || type.startsWith('text/plain') || type.startsWith('application/csv')) {
    csv = await req.text();
  } else throw new AppError('unsupported_media_type', 'Send the CSV as text/csv or as a multipart upload');
  if (Buffer.byteLength(csv) > MAX_BYTES) throw tooLarge();
  // A file's bytes pass no request check: control characters here mean it is not a CSV at all.
  const why = unsafeText(csv);
  if (why) throw new AppError('validation_failed', 'The file is not CSV text', [{ path: 'file', code: 'invalid_characters', message: why }]);
  return csv;
}

export const skillsImportRoutes = createRouter()
  .openapi(skills, async (c) => {
    const actor = requireActor(c);
    const dryRun = c.req.valid('query').dryRun !== 'false';
    return c.json(await runSkillsImport(c.var.ctx, actor, () => readCsv(c.req), { dryRun }, c.var.requestId), 200);
  })
  .openapi(profiles, async (c) => {
    const actor = requireActor(c);
    const dryRun = c.req.valid('query').dryRun !== 'false';
    return c.json(await runJobProfilesImport(c.var.ctx, actor, () => readCsv(c.req), { dryRun }, c.var.requestId), 200);
  });
