// A local SMTP server for tests: it accepts every message and writes it, decoded, as one JSON file
// under a directory, so the browser journeys read mail as the recipient gets it (not from the
// admin's outbox, which hides sign-in links).
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { simpleParser } from 'mailparser';
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
      simpleParser(stream)
        .then((parsed) => {
          const mail: SunkMail = {
            subject: parsed.subject ?? '',
            text: (parsed.text ?? '').replace(/\r\n/g, '\n'),
            html: typeof parsed.html === 'string' ? parsed.html : null,
            to: session.envelope.rcptTo.map((a) => a.address.toLowerCase()),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            receivedAt: new Date().toISOString(),
          };
          const name = `${Date.now()}-${String(++seq).padStart(6, '0')}`;
          // Written whole, then renamed: a reader never sees half a message.
          writeFileSync(path.join(dir, `${name}.tmp`), JSON.stringify(mail));
          renameSync(path.join(dir, `${name}.tmp`), path.join(dir, `${name}.json`));
          callback();
        })
        .catch((err: Error) => callback(err));
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
