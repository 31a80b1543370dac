/**
 * Hides the secrets of emailed links (sign-in, invitation and reset tokens) from anyone but the
 * recipient: an admin reading the outbox could otherwise follow them and become that person.
 * Applied to everything the outbox shows, and to the stored copy once SMTP has taken the message.
 */
export const LINK_HIDDEN = '[link hidden]';

// Query or fragment parameters that carry a secret (`?token=`, `&amp;code=`, `#access_token=`).
const SECRET_PARAM = /^(?:[a-z]*[_-]?(?:token|secret)|(?:[a-z]+[_-])?(?:key|code|sig|signature)|apikey|otp|password|passcode|auth)$/i;
// `;` also ends `&amp;` in HTML, so a parameter after an escaped ampersand is still found.
// The value stops before punctuation that ends a sentence.
const PARAM = /([?&#;])([A-Za-z0-9_.-]+)=(\[link hidden\]|[^\s&#"'<>]+?)(?=[.,;:!?)\]]*(?:[\s&#"'<>]|$))/g;
const ABSOLUTE_URL = /\bhttps?:\/\/[^\s"'<>`]+/gi;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A path segment that looks like a bearer secret rather than a name or an id: a long hex digest,
 * or a long base64url string mixing upper and lower case and digits. UUIDs are record ids,
 * guarded by the records' own rules, and stay visible; so do readable (lower-case) slugs.
 */
export function looksSecret(segment: string): boolean {
  if (segment.length < 20 || !/^[A-Za-z0-9_-]+$/.test(segment) || UUID.test(segment)) return false;
  if (segment.length >= 32 && /^[0-9a-f]+$/i.test(segment)) return true;
  return /[a-z]/.test(segment) && /[A-Z]/.test(segment) && /[0-9]/.test(segment);
}

function redactPath(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start < 0) return url;
  const end = url.search(/[?#]/);
  const stop = end < 0 ? url.length : end;
  const path = url
    .slice(start, stop)
    .split('/')
    .map((s) => {
      // A link at the end of a sentence carries the sentence's punctuation.
      const [, segment = '', trail = ''] = /^(.*?)([.,;:!?)\]]*)$/.exec(s) ?? [];
      return looksSecret(segment) ? LINK_HIDDEN + trail : s;
    })
    .join('/');
  return url.slice(0, start) + path + url.slice(stop);
}

/**
 * The text with every link secret replaced by `[link hidden]`, and how many secrets it hides
 * (counting those a stored copy had hidden already).
 */
export function redactLinks(text: string): { text: string; hidden: number } {
  const out = text
    .replace(ABSOLUTE_URL, redactPath)
    .replace(PARAM, (all, sep: string, name: string) => (SECRET_PARAM.test(name) ? `${sep}${name}=${LINK_HIDDEN}` : all));
  return { text: out, hidden: out.split(LINK_HIDDEN).length - 1 };
}

/** The parts of a message the outbox shows, redacted. */
export function redactMail<M extends { subject: string; text: string; html: string | null }>(m: M) {
  const subject = redactLinks(m.subject);
  const text = redactLinks(m.text);
  const html = m.html === null ? null : redactLinks(m.html);
  return { ...m, subject: subject.text, text: text.text, html: html?.text ?? null, hiddenLinks: subject.hidden + text.hidden + (html?.hidden ?? 0) };
}
