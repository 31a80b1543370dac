import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../../platform/http/errors.ts';

export const filePurposes = ['cover', 'video', 'captions', 'document', 'evidence'] as const;
export type FilePurpose = (typeof filePurposes)[number];

const MB = 1024 * 1024;
const documentTypes = ['pdf', 'docx', 'xlsx', 'pptx', 'png', 'jpg', 'zip'];
const rules: Record<FilePurpose, { binary: string[]; text: string[]; maxBytes?: number; label: string }> = {
  cover: { binary: ['png', 'jpg', 'webp', 'gif'], text: [], maxBytes: 5 * MB, label: 'PNG, JPEG, WebP or GIF images' },
  video: { binary: ['mp4', 'webm'], text: [], label: 'MP4 or WebM videos' },
  captions: { binary: [], text: ['vtt'], label: 'WebVTT caption files (.vtt)' },
  document: { binary: documentTypes, text: ['txt', 'csv'], label: 'PDF, Word, Excel, PowerPoint, PNG, JPEG, ZIP, text or CSV files' },
  evidence: { binary: documentTypes, text: ['txt', 'csv'], label: 'PDF, Word, Excel, PowerPoint, PNG, JPEG, ZIP, text or CSV files' },
};

const textTypes: Record<string, string> = { txt: 'text/plain', csv: 'text/csv', vtt: 'text/vtt' };
/** What browsers and systems declare for the same thing. */
const mimeAliases: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'application/x-zip-compressed': 'application/zip',
  'application/x-zip': 'application/zip',
};
const extAliases: Record<string, string> = { jpeg: 'jpg', jpe: 'jpg' };

const unsupported = (message: string) => new AppError('unsupported_media_type', message, [{ path: 'file', message }]);

export const extensionOf = (name: string) => {
  const m = /\.([a-z0-9]{1,8})$/i.exec(name);
  const ext = m ? m[1]!.toLowerCase() : '';
  return extAliases[ext] ?? ext;
};

/** A display name safe for headers and listings: no path, no control characters. */
export function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(-200);
  return clean || 'file';
}

function isUtf8Text(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decides the content type from the bytes, never from what the client says, and refuses types
 * the purpose does not allow or whose bytes do not match the declared name or type.
 */
export async function checkUpload(
  purpose: FilePurpose,
  name: string,
  declaredType: string,
  bytes: Uint8Array,
  maxUploadBytes: number,
): Promise<{ contentType: string }> {
  const rule = rules[purpose];
  const limit = Math.min(maxUploadBytes, rule.maxBytes ?? Infinity);
  if (bytes.byteLength > limit) {
    throw new AppError('payload_too_large', `The file is larger than ${Math.floor(limit / MB) || limit + ' bytes'}${limit >= MB ? ' MB' : ''}`, [
      { path: 'file', message: `At most ${(limit / MB).toFixed(limit % MB ? 1 : 0)} MB`, maxBytes: limit },
    ]);
  }
  if (bytes.byteLength === 0) throw new AppError('validation_failed', 'The file is empty', [{ path: 'file', message: 'The file is empty' }]);
  const ext = extensionOf(name);
  const declared = mimeAliases[declaredType.split(';')[0]!.trim().toLowerCase()] ?? declaredType.split(';')[0]!.trim().toLowerCase();
  const vague = !declared || declared === 'application/octet-stream';
  const found = await fileTypeFromBuffer(bytes);
  // Text formats file-type knows (WebVTT) go through the text checks below.
  const sniffed = found && !Object.keys(textTypes).includes(found.ext) ? found : undefined;

  if (sniffed) {
    const sExt = extAliases[sniffed.ext] ?? sniffed.ext;
    if (!rule.binary.includes(sExt)) throw unsupported(`This looks like a .${sExt} file; ${purpose} uploads take ${rule.label}`);
    if (ext !== sExt) throw unsupported(`The file is named .${ext || '(no extension)'} but its content is .${sExt}`);
    if (!vague && declared !== sniffed.mime) throw unsupported(`The file was sent as ${declared} but its content is ${sniffed.mime}`);
    return { contentType: sniffed.mime };
  }
  const text = isUtf8Text(bytes);
  if (text === null || !rule.text.length) throw unsupported(`The content is not one of the ${rule.label} allowed here`);
  if (!rule.text.includes(ext)) throw unsupported(`Name the file .${rule.text.join(' or .')}; ${purpose} uploads take ${rule.label}`);
  if (!vague && !declared.startsWith('text/') && !['application/csv', 'application/vnd.ms-excel'].includes(declared)) {
    throw unsupported(`The file was sent as ${declared} but its content is text`);
  }
  if (ext === 'vtt' && !/^\uFEFF?WEBVTT(?:[ \t\r\n]|$)/.test(text)) throw unsupported('Caption files must start with WEBVTT');
  return { contentType: `${textTypes[ext]}; charset=utf-8` };
}
