import { createRoute, z } from '@hono/zod-openapi';
import { requireActor } from '../../../platform/http/actor.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { errorResponses, IdParam, jsonContent } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import { filePurposes } from './uploads.check.ts';
import * as service from './uploads.service.ts';

const tags = ['Learning files'];

export const LearningFileSchema = z
  .object({ id: z.uuid(), name: z.string(), contentType: z.string(), size: z.number().int(), purpose: z.enum(filePurposes), url: z.string() })
  .openapi('LearningFile');

const UploadForm = z.object({
  file: z.any().openapi({ type: 'string', format: 'binary' }),
  purpose: z.enum(filePurposes),
});

const upload = createRoute({
  method: 'post',
  path: '/learning/files',
  tags,
  summary: 'Upload a cover, video, captions, document (learning admins) or evidence (anyone)',
  description:
    'Multipart with `file` and `purpose`. The type is read from the bytes: cover PNG/JPEG/WebP/GIF up to 5 MB; video MP4/WebM; captions WebVTT; document and evidence PDF, DOCX, XLSX, PPTX, PNG, JPEG, ZIP, TXT, CSV. A type not allowed, or content that does not match the name or declared type, answers 415.',
  request: { body: { required: true, content: { 'multipart/form-data': { schema: UploadForm } } } },
  responses: {
    201: jsonContent(LearningFileSchema, 'Stored'),
    ...errorResponses('validation_failed', 'not_found', 'payload_too_large', 'unsupported_media_type'),
  },
});

const download = createRoute({
  method: 'get',
  path: '/learning/files/{id}',
  tags,
  summary: 'The bytes of a learning file; evidence only to those who may see it',
  request: { params: IdParam },
  responses: { 200: { description: 'The file' }, ...errorResponses('not_found') },
});

const asciiName = (n: string) => n.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');

/** Uploads for learning content (covers, videos, captions, files, evidence), checked by content. */
export const learningFileRoutes = createRouter()
  .openapi(upload, async (c) => {
    const { purpose, file } = c.req.valid('form');
    if (!(file instanceof File)) throw new AppError('validation_failed', 'Attach the file as the field "file"', [{ path: 'file', message: 'Required' }]);
    return c.json(await service.uploadLearningFile(c.var.ctx, requireActor(c), { purpose, file }, c.var.requestId), 201);
  })
  .openapi(download, async (c) => {
    const { file, bytes, inline } = await service.readLearningFile(c.var.ctx, requireActor(c), c.req.valid('param').id);
    const headers: Record<string, string> = {
      'Content-Type': file.contentType,
      'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${asciiName(file.name)}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, max-age=3600',
      'Accept-Ranges': 'bytes',
    };
    // Video players seek with byte ranges; one range is all they ask for.
    const range = /^bytes=(\d*)-(\d*)$/.exec(c.req.header('range') ?? '');
    const size = bytes.byteLength;
    if (range && (range[1] || range[2])) {
      const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
      const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
      if (start >= size || start > end) {
        return c.body(null, 416, { ...headers, 'Content-Range': `bytes */${size}` });
      }
      const part = new Uint8Array(bytes.subarray(start, end + 1));
      return c.body(part, 206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': String(part.byteLength) });
    }
    return c.body(new Uint8Array(bytes), 200, { ...headers, 'Content-Length': String(size) });
  });
