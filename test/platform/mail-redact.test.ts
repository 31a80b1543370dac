import { describe, expect, it } from 'vitest';
import { looksSecret, redactLinks, redactMail } from '../../src/server/modules/platform/mail.redact.ts';

const token = 'Zr4mQ9_xK2-b7LpW0sVtY3nE8cHjU5aD1fGiOkMqRwS';

describe('redactLinks', () => {
  it('hides the token of invitation and reset links, keeping where they lead', () => {
    const text = `Choose your password:\n\nhttps://tandem.example/accept-invitation?token=${token}\n\nor reset: http://localhost:3000/reset-password?token=${token}.`;
    const out = redactLinks(text);
    expect(out.text).toBe(
      'Choose your password:\n\nhttps://tandem.example/accept-invitation?token=[link hidden]\n\nor reset: http://localhost:3000/reset-password?token=[link hidden].',
    );
    expect(out.hidden).toBe(2);
    expect(out.text).not.toContain(token);
  });

  it('hides secret parameters wherever they stand, in text and in HTML attributes', () => {
    const html = `<a href="https://x.example/sso?next=%2Fhome&amp;access_token=${token}">Sign in</a> <a href="/verify?a=1&code=123456#id_token=${token}">v</a>`;
    const out = redactLinks(html);
    expect(out.text).toBe(
      '<a href="https://x.example/sso?next=%2Fhome&amp;access_token=[link hidden]">Sign in</a> <a href="/verify?a=1&code=[link hidden]#id_token=[link hidden]">v</a>',
    );
    expect(out.hidden).toBe(3);
  });

  it('hides a secret-looking path segment but not ids, slugs or ordinary links', () => {
    const secretPath = redactLinks(`Open https://files.example/s/${token}/report.pdf, please`);
    expect(secretPath.text).toBe('Open https://files.example/s/[link hidden]/report.pdf, please');
    expect(redactLinks(`https://files.example/d/${'ab12'.repeat(16)}.`).text).toBe('https://files.example/d/[link hidden].');

    const ordinary = 'See https://tandem.example/learn/courses/0f8fad5b-d9cb-469f-a165-70867728950e?tab=overview and https://tandem.example/programs/introduction-to-information-security-2024 or mailto:hr@acme.example';
    expect(redactLinks(ordinary)).toEqual({ text: ordinary, hidden: 0 });
  });

  it('leaves an already hidden link as it is, and still counts it', () => {
    const once = redactLinks(`https://t.example/reset-password?token=${token}`).text;
    expect(redactLinks(once)).toEqual({ text: once, hidden: 1 });
  });

  it('tells secrets from names', () => {
    expect(looksSecret(token)).toBe(true);
    expect(looksSecret('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')).toBe(true);
    expect(looksSecret('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(false);
    expect(looksSecret('introduction-to-information-security')).toBe(false);
    expect(looksSecret('accept-invitation')).toBe(false);
  });
});

describe('redactMail', () => {
  it('redacts subject, text and HTML and reports how many links it hid', () => {
    const m = redactMail({ id: 'm1', subject: 'Your link', text: `Go: https://t.example/accept-invitation?token=${token}`, html: `<a href="https://t.example/accept-invitation?token=${token}">Go</a>` });
    expect(m).toEqual({
      id: 'm1',
      subject: 'Your link',
      text: 'Go: https://t.example/accept-invitation?token=[link hidden]',
      html: '<a href="https://t.example/accept-invitation?token=[link hidden]">Go</a>',
      hiddenLinks: 2,
    });
  });
});
