import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { beforeAll, describe, expect, it } from 'vitest';
import { richTextIssues } from '../../src/server/modules/learning/authoring/content.schemas.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { authoringOrg, sampleContent, sampleQuiz, tinyPng, uploadFile } from '../support/learning.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

type Block = Record<string, unknown>;
const lessonWith = (...blocks: Block[]) => ({ sections: [{ id: 's1', title: 'One', lessons: [{ id: 'l1', title: 'Lesson', blocks }] }] });
const doc = (...content: unknown[]) => ({ type: 'doc', content });
const p = (...content: unknown[]) => ({ type: 'paragraph', content });

async function draftCourse() {
  const a = await authoringOrg(t);
  const id = (await a.admin.post('courses', { title: 'Content' })).body.id;
  let revision = 1;
  const save = async (content: unknown) => {
    // Content is what these tests vary, valid or not: sent as it is.
    const res = await a.admin.raw.put(`courses/${id}/draft`, { content, revision });
    if (res.status === 200) revision = res.body.revision;
    return res;
  };
  return { ...a, id, save };
}

const paths = (res: { body: any }) => res.body.error.details.map((d: { path: string }) => d.path);
const at = 'content.sections.0.lessons.0.blocks.0';

describe('course content', () => {
  it('accepts rich text built from the allow-list and stores it as sent', async () => {
    const { save, admin, id } = await draftCourse();
    const rich = doc(
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Why' }] },
      p({ type: 'text', text: 'Read ' }, { type: 'text', text: 'this', marks: [{ type: 'bold' }, { type: 'link', attrs: { href: 'https://acme.test', target: '_blank', rel: 'noopener noreferrer nofollow', class: null, title: null } }] }),
      { type: 'bulletList', content: [{ type: 'listItem', content: [p({ type: 'text', text: 'One' })] }] },
      { type: 'orderedList', attrs: { start: 1 }, content: [{ type: 'listItem', content: [p({ type: 'text', text: 'Two', marks: [{ type: 'underline' }] })] }] },
      { type: 'blockquote', content: [p({ type: 'text', text: 'Quote' }, { type: 'hardBreak' })] },
      { type: 'codeBlock', attrs: { language: null }, content: [{ type: 'text', text: 'x = 1' }] },
      { type: 'horizontalRule' },
      p({ type: 'text', text: 'mail', marks: [{ type: 'link', attrs: { href: 'mailto:l@acme.test' } }] }),
    );
    const res = await save(lessonWith({ id: 'b1', type: 'text', doc: rich }));
    expect(res.status).toBe(200);
    const block = (await admin.get(`courses/${id}/draft`)).body.content.sections[0]!.lessons[0]!.blocks[0]!;
    expect(block.type === 'text' && block.doc).toEqual(rich);
  });

  it('accepts what the editor (TipTap StarterKit, headings 1–4) produces, with its default attributes', () => {
    const schema = getSchema([StarterKit.configure({ heading: { levels: [1, 2, 3, 4] } })]);
    const t = (text: string, marks: string[] = []) => schema.text(text, marks.map((m) => (m === 'link' ? schema.marks.link!.create({ href: 'https://acme.test' }) : schema.marks[m]!.create())));
    const para = (...c: ReturnType<typeof t>[]) => schema.nodes.paragraph!.create(null, c);
    const built = schema.nodes.doc!.create(null, [
      schema.nodes.heading!.create({ level: 4 }, [t('Heading')]),
      para(t('b', ['bold']), t('i', ['italic']), t('u', ['underline']), t('s', ['strike']), t('c', ['code']), t('l', ['link'])),
      para(t('line'), schema.nodes.hardBreak!.create(), t('two')),
      schema.nodes.bulletList!.create(null, [schema.nodes.listItem!.create(null, [para(t('x'))])]),
      schema.nodes.orderedList!.create(null, [schema.nodes.listItem!.create(null, [para(t('y'))])]),
      schema.nodes.blockquote!.create(null, [para(t('q'))]),
      schema.nodes.codeBlock!.create(null, [t('code')]),
      schema.nodes.horizontalRule!.create(),
    ]);
    // Every node and mark type the editor knows is one the server accepts.
    const usedNodes = new Set<string>();
    built.descendants((n) => void usedNodes.add(n.type.name));
    expect(Object.keys(schema.nodes).filter((n) => !usedNodes.has(n) && n !== 'doc')).toEqual([]);
    expect(Object.keys(schema.marks).sort()).toEqual(['bold', 'code', 'italic', 'link', 'strike', 'underline']);
    expect(richTextIssues(built.toJSON())).toEqual([]);
  });

  it('refuses unsafe or unknown rich text with the path to the problem', async () => {
    const { save } = await draftCourse();
    const cases: Array<[unknown, string]> = [
      [doc(p({ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] })), `${at}.doc.content.0.content.0.marks.0.attrs.href`],
      [doc({ type: 'image', attrs: { src: 'https://evil.test/x.png' } }), `${at}.doc.content.0.type`],
      [doc({ type: 'iframe' }), `${at}.doc.content.0.type`],
      [doc(p({ type: 'text', text: 'x', marks: [{ type: 'textStyle', attrs: { color: 'red' } }] })), `${at}.doc.content.0.content.0.marks.0.type`],
      [doc({ type: 'paragraph', attrs: { onclick: 'alert(1)' }, content: [] }), `${at}.doc.content.0.attrs.onclick`],
      [doc({ type: 'heading', attrs: { level: 6 }, content: [{ type: 'text', text: 'x' }] }), `${at}.doc.content.0.attrs.level`],
      [doc(p({ type: 'text', text: '<b>x</b>', html: '<script>' })), `${at}.doc.content.0.content.0.html`],
    ];
    for (const [d, path] of cases) {
      const res = await save(lessonWith({ id: 'b1', type: 'text', doc: d }));
      expect(res.status, path).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(paths(res), path).toContain(path);
    }
  });

  it('checks quizzes: pass mark, attempts, draw count and each question kind', async () => {
    const { save } = await draftCourse();
    const q = sampleQuiz();
    const quizBlock = (quiz: unknown) => lessonWith({ id: 'qz', type: 'quiz', quiz });
    expect((await save(quizBlock(q))).status).toBe(200);
    const bad = await save(quizBlock({ ...q, passMark: 120, attemptsAllowed: 0, drawCount: 5 }));
    expect(bad.status).toBe(400);
    expect(paths(bad)).toEqual(expect.arrayContaining([`${at}.quiz.passMark`, `${at}.quiz.attemptsAllowed`, `${at}.quiz.drawCount`]));
    const [single, multiple, tf, short] = q.questions;
    const broken = {
      ...q,
      questions: [
        { ...single!, options: single!.options.map((o) => ({ ...o, correct: true })) },
        { ...multiple!, options: multiple!.options.map((o) => ({ ...o, correct: false })) },
        { ...tf!, options: [...tf!.options, { id: 'q3x', text: 'Maybe', correct: false }] },
        { ...short!, acceptedAnswers: [] },
      ],
    };
    const res = await save(quizBlock(broken));
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual([0, 1, 2].map((i) => `${at}.quiz.questions.${i}.options`).concat(`${at}.quiz.questions.3.acceptedAnswers`));
    expect((await save(quizBlock({ ...q, attemptsAllowed: null, drawCount: 2 }))).status).toBe(200);
  });

  it('requires ids unique across the course', async () => {
    const { save } = await draftCourse();
    const c = sampleContent();
    c.sections[1]!.lessons[0]!.id = 'l1';
    c.sections[0]!.lessons[1]!.blocks[0]!.id = 'q1';
    const res = await save(c);
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(expect.arrayContaining(['content.sections.1.lessons.0.id', 'content.sections.1.lessons.0.blocks.0.quiz.questions.0.id']));
  });

  it('allows videos and embeds from the allow-listed hosts only, and files of the organisation', async () => {
    const { save, admin } = await draftCourse();
    const ok = await save(
      lessonWith(
        { id: 'v1', type: 'video', source: 'url', url: 'https://www.youtube.com/watch?v=abc' },
        { id: 'v2', type: 'video', source: 'url', url: 'https://vimeo.com/123' },
        { id: 'e1', type: 'embed', url: 'https://docs.google.com/presentation/d/1/embed', title: 'Slides' },
      ),
    );
    expect(ok.status).toBe(200);
    for (const b of [
      { id: 'v1', type: 'video', source: 'url', url: 'https://evil.test/video.mp4' },
      { id: 'v1', type: 'video', source: 'url', url: 'http://www.youtube.com/watch?v=abc' },
      { id: 'e1', type: 'embed', url: 'https://evil.test/page', title: 'X' },
      { id: 'e1', type: 'embed', url: 'javascript:alert(1)', title: 'X' },
    ]) {
      const res = await save(lessonWith(b));
      expect(res.status, JSON.stringify(b)).toBe(400);
      expect(paths(res)[0]).toBe(`${at}.url`);
    }
    // Files must exist in the organisation and have been uploaded for that use.
    const cover = (await uploadFile(admin, tinyPng, 'c.png', 'cover', 'image/png')).body.id;
    const handout = (await uploadFile(admin, 'Notes', 'notes.txt', 'document', 'text/plain')).body.id;
    expect((await save(lessonWith({ id: 'f1', type: 'file', fileId: handout, label: 'Notes' }))).status).toBe(200);
    const wrong = await save(lessonWith({ id: 'f1', type: 'file', fileId: cover }, { id: 'v1', type: 'video', source: 'file', fileId: '0190a0a0-0000-7000-8000-000000000000' }));
    expect(wrong.status).toBe(400);
    expect(paths(wrong)).toEqual([`${at}.fileId`, 'content.sections.0.lessons.0.blocks.1.fileId']);
    const { admin: stranger, id: strangerCourse } = await draftCourse();
    const theirs = await stranger.raw.put(`courses/${strangerCourse}/draft`, { content: lessonWith({ id: 'f1', type: 'file', fileId: handout }), revision: 1 });
    expect(theirs.status).toBe(400);
  });
});
