// A local SMTP server for tests: it accepts every message and writes it, decoded, as one JSON file
// under a directory, so the browser journeys read mail as the recipient gets it (not from the
// admin's outbox, which hides sign-in links).
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

export type SunkMail = { to: string[]; from: string; subject: string; text: string; html: string | null; receivedAt: string };

/** Listens on 127.0.0.1 (port 0: any free one) and stores each message under `dir`. */
export async function startMailSink(dir: string, port = 0): Promise<{ port: number; close: () => Promise<void> }> {
  mkdirSync(dir, { recursive: true });
  let seq = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', callback);
      stream.on('end', () => {
        try {
          const mail: SunkMail = {
            ...decodeMessage(Buffer.concat(chunks).toString('latin1')),
            to: session.envelope.rcptTo.map((a) => a.address.toLowerCase()),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            receivedAt: new Date().toISOString(),
          };
          const name = `${Date.now()}-${String(++seq).padStart(6, '0')}`;
          // Written whole, then renamed: a reader never sees half a message.
          writeFileSync(path.join(dir, `${name}.tmp`), JSON.stringify(mail));
          renameSync(path.join(dir, `${name}.tmp`), path.join(dir, `${name}.json`));
          callback();
        } catch (err) {
          callback(err as Error);
        }
      });
    },
  });
  server.listen(port, '127.0.0.1');
  await once(server.server, 'listening');
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Every message stored under `dir`, oldest first. */
export function readMails(dir: string): SunkMail[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
  return names.sort().map((n) => JSON.parse(readFileSync(path.join(dir, n), 'utf8')) as SunkMail);
}

// ---- MIME, as far as Tandem's own mail needs it (nodemailer's text, HTML and attachments) ------

type Part = { headers: Map<string, string>; body: string };

function split(raw: string): Part {
  const at = raw.search(/\r?\n\r?\n/);
  const head = at < 0 ? raw : raw.slice(0, at);
  const body = at < 0 ? '' : raw.slice(at).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

const param = (header: string | undefined, name: string) =>
  new RegExp(`;\\s*${name}="?([^";]+)"?`, 'i').exec(header ?? '')?.[1];

/** Bytes held one per character (latin1) into text of the given charset. */
const text = (bytes: string, charset = 'utf-8') => new TextDecoder(charset).decode(Buffer.from(bytes, 'latin1'));

function decodeBody(p: Part): string {
  const type = p.headers.get('content-type');
  const charset = param(type, 'charset') ?? 'utf-8';
  const encoding = (p.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return text(Buffer.from(p.body.replace(/\s+/g, ''), 'base64').toString('latin1'), charset);
  if (encoding === 'quoted-printable') {
    const bytes = p.body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return text(bytes, charset).replace(/\r\n/g, '\n');
  }
  return text(p.body, charset).replace(/\r\n/g, '\n');
}

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`), as nodemailer writes non-ASCII subjects. */
function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([BQ])\?([^?]*)\?=/gi, (_, charset: string, kind: string, data: string) =>
      kind.toUpperCase() === 'B'
        ? text(Buffer.from(data, 'base64').toString('latin1'), charset)
        : text(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), charset),
    );
}

function leaves(p: Part): Part[] {
  const type = p.headers.get('content-type') ?? 'text/plain';
  const boundary = param(type, 'boundary');
  if (!/^multipart\//i.test(type) || !boundary) return [p];
  const [, ...sections] = p.body.split(`--${boundary}`);
  return sections.filter((s) => !s.startsWith('--')).flatMap((s) => leaves(split(s.replace(/^\r?\n/, ''))));
}

export function decodeMessage(raw: string): { subject: string; text: string; html: string | null } {
  const message = split(raw);
  const parts = leaves(message).filter((p) => !/attachment/i.test(p.headers.get('content-disposition') ?? ''));
  const of = (type: RegExp) => parts.find((p) => type.test(p.headers.get('content-type') ?? 'text/plain'));
  const plain = of(/^text\/plain/i);
  const html = of(/^text\/html/i);
  return {
    subject: decodeWords(message.headers.get('subject') ?? ''),
    text: plain ? decodeBody(plain) : '',
    html: html ? decodeBody(html) : null,
  };
}
