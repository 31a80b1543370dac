import { z } from '@hono/zod-openapi';
import { embedHosts, videoHosts } from '../../../../shared/embeds.ts';
import { questionKinds } from '../../../db/schema/index.ts';

// ---- rich text: TipTap JSON against an allow-list -------------------------------------------

const allowedNodes: Record<string, readonly string[]> = {
  doc: [],
  paragraph: [],
  heading: ['level'],
  bulletList: [],
  orderedList: ['start', 'type'],
  listItem: [],
  blockquote: [],
  codeBlock: ['language'],
  hardBreak: [],
  horizontalRule: [],
  text: [],
};
const allowedMarks: Record<string, readonly string[]> = {
  bold: [],
  italic: [],
  strike: [],
  code: [],
  underline: [],
  link: ['href', 'target', 'rel', 'class', 'title'],
};
const MAX_DEPTH = 20;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function safeLink(href: unknown): boolean {
  if (typeof href !== 'string') return false;
  try {
    return ['http:', 'https:', 'mailto:'].includes(new URL(href).protocol);
  } catch {
    return false;
  }
}

/** Every problem of a rich text tree, each with its path; an empty list means it is safe to store. */
export function richTextIssues(node: unknown, path: (string | number)[] = [], depth = 0): Array<{ path: (string | number)[]; message: string }> {
  const out: Array<{ path: (string | number)[]; message: string }> = [];
  if (depth > MAX_DEPTH) return [{ path, message: 'Nested too deeply' }];
  if (!isObj(node) || typeof node.type !== 'string') return [{ path, message: 'Expected a rich text node' }];
  const attrsAllowed = allowedNodes[node.type];
  if (!attrsAllowed) return [{ path: [...path, 'type'], message: `Node "${node.type}" is not allowed` }];
  if (depth === 0 && node.type !== 'doc') out.push({ path: [...path, 'type'], message: 'The document must start with "doc"' });
  if (depth > 0 && node.type === 'doc') out.push({ path: [...path, 'type'], message: '"doc" may only be the root' });
  for (const k of Object.keys(node)) {
    if (!['type', 'attrs', 'content', 'text', 'marks'].includes(k)) out.push({ path: [...path, k], message: `Unknown field "${k}"` });
  }
  if (node.attrs !== undefined && node.attrs !== null) {
    if (!isObj(node.attrs)) out.push({ path: [...path, 'attrs'], message: 'Expected an object' });
    else
      for (const [k, v] of Object.entries(node.attrs)) {
        if (!attrsAllowed.includes(k)) out.push({ path: [...path, 'attrs', k], message: `Attribute "${k}" is not allowed on ${node.type}` });
        else if (v !== null && typeof v === 'object') out.push({ path: [...path, 'attrs', k], message: 'Expected a plain value' });
      }
    if (node.type === 'heading') {
      const level = (node.attrs as Record<string, unknown>)?.level;
      if (!(typeof level === 'number' && Number.isInteger(level) && level >= 1 && level <= 4)) {
        out.push({ path: [...path, 'attrs', 'level'], message: 'Headings are level 1 to 4' });
      }
    }
  }
  if (node.type === 'text') {
    if (typeof node.text !== 'string' || !node.text.length) out.push({ path: [...path, 'text'], message: 'Text nodes need text' });
    if (node.content !== undefined) out.push({ path: [...path, 'content'], message: 'Text nodes have no content' });
  } else if (node.text !== undefined) out.push({ path: [...path, 'text'], message: 'Only text nodes carry text' });
  if (node.marks !== undefined) {
    if (node.type !== 'text' || !Array.isArray(node.marks)) out.push({ path: [...path, 'marks'], message: 'Only text nodes carry marks' });
    else
      node.marks.forEach((m, i) => {
        const at = [...path, 'marks', i];
        if (!isObj(m) || typeof m.type !== 'string') return out.push({ path: at, message: 'Expected a mark' });
        const ok = allowedMarks[m.type];
        if (!ok) return out.push({ path: [...at, 'type'], message: `Mark "${m.type}" is not allowed` });
        const attrs = isObj(m.attrs) ? m.attrs : {};
        for (const k of Object.keys(attrs)) if (!ok.includes(k)) out.push({ path: [...at, 'attrs', k], message: `Attribute "${k}" is not allowed` });
        if (m.type === 'link' && !safeLink(attrs.href)) out.push({ path: [...at, 'attrs', 'href'], message: 'Links must be http, https or mailto' });
      });
  }
  if (node.content !== undefined) {
    if (!Array.isArray(node.content)) out.push({ path: [...path, 'content'], message: 'Expected a list of nodes' });
    else node.content.forEach((c, i) => out.push(...richTextIssues(c, [...path, 'content', i], depth + 1)));
  }
  return out;
}

export const RichTextDocSchema = z
  .looseObject({ type: z.literal('doc'), content: z.array(z.any()).optional() })
  .superRefine((doc, ctx) => {
    for (const i of richTextIssues(doc)) ctx.addIssue({ code: 'custom', path: i.path, message: i.message });
  })
  .openapi('RichTextDoc', { description: 'TipTap JSON; allow-listed nodes and marks only' });

// ---- blocks -----------------------------------------------------------------------------------

export const ContentId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'Use letters, digits, - and _');
const title = z.string().trim().min(1, 'Enter a title').max(300);
const optText = (max: number) => z.string().trim().max(max).nullable().optional();

const hostOf = (url: string) => {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' ? u.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
};
const allVideoHosts: readonly string[] = [...videoHosts.youtube, ...videoHosts.vimeo];
const VideoUrl = z.string().max(2000).refine((u) => allVideoHosts.includes(hostOf(u) ?? ''), 'Use an https YouTube or Vimeo link');
const EmbedUrl = z
  .string()
  .max(2000)
  .refine((u) => (embedHosts as readonly string[]).includes(hostOf(u) ?? ''), `Embeds must be https links to: ${embedHosts.join(', ')}`);

const Option = z.strictObject({ id: ContentId, text: z.string().trim().min(1, 'Enter the option').max(1000), correct: z.boolean(), feedback: optText(2000) });

const Question = z
  .strictObject({
    id: ContentId,
    kind: z.enum(questionKinds),
    prompt: z.string().trim().min(1, 'Enter the question').max(4000),
    options: z.array(Option).max(20).default([]),
    acceptedAnswers: z.array(z.string().trim().min(1).max(300)).max(50).default([]),
    feedbackCorrect: optText(2000),
    feedbackIncorrect: optText(2000),
    points: z.number().int().min(0).max(100).default(1),
  })
  .superRefine((q, ctx) => {
    const correct = q.options.filter((o) => o.correct).length;
    const issue = (message: string, path: (string | number)[] = ['options']) => ctx.addIssue({ code: 'custom', path, message });
    if (q.kind === 'single') {
      if (q.options.length < 2) issue('Give at least two options');
      if (correct !== 1) issue('Mark exactly one option correct');
    } else if (q.kind === 'multiple') {
      if (q.options.length < 2) issue('Give at least two options');
      if (correct < 1) issue('Mark at least one option correct');
    } else if (q.kind === 'true_false') {
      if (q.options.length !== 2 || correct !== 1) issue('True/false needs exactly two options, one correct');
    } else {
      if (!q.acceptedAnswers.length) issue('Give at least one accepted answer', ['acceptedAnswers']);
      if (q.options.length) issue('Short answers have no options');
    }
    const ids = new Set<string>();
    q.options.forEach((o, i) => {
      if (ids.has(o.id)) issue(`Option id "${o.id}" is used twice`, ['options', i, 'id']);
      ids.add(o.id);
    });
  });

export const QuizSchema = z
  .strictObject({
    passMark: z.number().int().min(0).max(100),
    attemptsAllowed: z.number().int().min(1).max(100).nullable(),
    timeLimitMinutes: z.number().int().min(1).max(600).nullable().default(null),
    shuffleQuestions: z.boolean().default(false),
    shuffleOptions: z.boolean().default(false),
    drawCount: z.number().int().min(1).nullable().default(null),
    questions: z.array(Question).min(1, 'Add at least one question').max(200),
  })
  .superRefine((q, ctx) => {
    if (q.drawCount != null && q.drawCount > q.questions.length) {
      ctx.addIssue({ code: 'custom', path: ['drawCount'], message: `Draw at most ${q.questions.length} questions` });
    }
  })
  .openapi('Quiz');

const Block = z.discriminatedUnion('type', [
  z.strictObject({ id: ContentId, type: z.literal('text'), doc: RichTextDocSchema }),
  z.discriminatedUnion('source', [
  z.strictObject({
    id: ContentId,
    type: z.literal('video'),
    source: z.literal('file'),
    fileId: z.uuid(),
    captionsFileId: z.uuid().nullable().optional(),
    title: optText(300),
  }),
  z.strictObject({ id: ContentId, type: z.literal('video'), source: z.literal('url'), url: VideoUrl, title: optText(300) }),
  ]),
  z.strictObject({ id: ContentId, type: z.literal('file'), fileId: z.uuid(), label: optText(300) }),
  z.strictObject({ id: ContentId, type: z.literal('embed'), url: EmbedUrl, title, height: z.number().int().min(100).max(2000).nullable().optional() }),
  z.strictObject({ id: ContentId, type: z.literal('quiz'), quiz: QuizSchema }),
]);

const Lesson = z.strictObject({
  id: ContentId,
  title,
  estimatedMinutes: z.number().int().min(0).max(10_000).nullable().optional(),
  blocks: z.array(Block).max(100),
});
const Section = z.strictObject({ id: ContentId, title, lessons: z.array(Lesson).max(200) });

/** A course's whole content document; ids are unique across the course (options within their question). */
export const CourseContentSchema = z
  .strictObject({ sections: z.array(Section).max(100) })
  .superRefine((c, ctx) => {
    const seen = new Map<string, string>();
    const check = (id: string, path: (string | number)[]) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `Id "${id}" is already used at ${seen.get(id)}` });
      else seen.set(id, path.join('.'));
    };
    c.sections.forEach((s, si) => {
      check(s.id, ['sections', si]);
      s.lessons.forEach((l, li) => {
        check(l.id, ['sections', si, 'lessons', li]);
        l.blocks.forEach((b, bi) => {
          const at = ['sections', si, 'lessons', li, 'blocks', bi];
          check(b.id, at);
          if (b.type === 'quiz') b.quiz.questions.forEach((q, qi) => check(q.id, [...at, 'quiz', 'questions', qi]));
        });
      });
    });
  })
  .openapi('CourseContent');

export type ValidContent = z.infer<typeof CourseContentSchema>;

/** Files the content points at, with the purpose each must have been uploaded for. */
export function referencedFiles(c: ValidContent): Array<{ id: string; purpose: 'video' | 'captions' | 'document'; path: string }> {
  const out: Array<{ id: string; purpose: 'video' | 'captions' | 'document'; path: string }> = [];
  c.sections.forEach((s, si) =>
    s.lessons.forEach((l, li) =>
      l.blocks.forEach((b, bi) => {
        const at = `sections.${si}.lessons.${li}.blocks.${bi}`;
        if (b.type === 'video' && b.source === 'file') {
          out.push({ id: b.fileId, purpose: 'video', path: `${at}.fileId` });
          if (b.captionsFileId) out.push({ id: b.captionsFileId, purpose: 'captions', path: `${at}.captionsFileId` });
        }
        if (b.type === 'file') out.push({ id: b.fileId, purpose: 'document', path: `${at}.fileId` });
      }),
    ),
  );
  return out;
}

export function lessonCount(c: { sections: Array<{ lessons: unknown[] }> }): number {
  return c.sections.reduce((n, s) => n + s.lessons.length, 0);
}
