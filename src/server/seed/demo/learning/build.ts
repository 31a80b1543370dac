import type {
  ContentBlock,
  CourseContent,
  Quiz,
  QuizOption,
  QuizQuestion,
  RichTextDoc,
  RichTextNode,
} from '../../../db/schema/index.ts';

/**
 * A tiny writing format for the demo's lesson text, so the courses read as prose in the source:
 * `## ` and `### ` headings, `- ` bullets, `1. ` numbered items, `> ` quotes, other lines
 * paragraphs, lines between two ~~~ lines a code block; `**bold**` and `code` inside a line.
 * Turned into TipTap JSON.
 */
export function md(source: string): RichTextDoc {
  const lines = source
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const content: RichTextNode[] = [];
  let list: RichTextNode | null = null;
  let code: string[] | null = null;
  for (const line of lines) {
    if (line === '~~~') {
      if (code) content.push({ type: 'codeBlock', content: [{ type: 'text', text: code.join('\n') }] });
      code = code ? null : [];
      list = null;
      continue;
    }
    if (code) {
      code.push(line);
      continue;
    }
    const bullet = /^- (.*)$/.exec(line);
    const numbered = /^\d+\. (.*)$/.exec(line);
    const item = bullet ?? numbered;
    if (item) {
      const type = bullet ? 'bulletList' : 'orderedList';
      if (!list || list.type !== type) {
        list = { type, content: [] };
        content.push(list);
      }
      list.content!.push({ type: 'listItem', content: [paragraph(item[1]!)] });
      continue;
    }
    list = null;
    const heading = /^(#{2,3}) (.*)$/.exec(line);
    if (heading) content.push({ type: 'heading', attrs: { level: heading[1]!.length }, content: inline(heading[2]!) });
    else if (line.startsWith('> ')) content.push({ type: 'blockquote', content: [paragraph(line.slice(2))] });
    else content.push(paragraph(line));
  }
  return { type: 'doc', content };
}

function paragraph(text: string): RichTextNode {
  return { type: 'paragraph', content: inline(text) };
}

function inline(text: string): RichTextNode[] {
  return text
    .split(/(\*\*[^*]+\*\*|`[^`]+`)/)
    .filter(Boolean)
    .map((part) => {
      if (part.startsWith('**') && part.endsWith('**')) return { type: 'text', text: part.slice(2, -2), marks: [{ type: 'bold' }] };
      if (part.startsWith('`') && part.endsWith('`')) return { type: 'text', text: part.slice(1, -1), marks: [{ type: 'code' }] };
      return { type: 'text', text: part };
    });
}

// ---- quizzes: ids are filled in by `course()` so they are unique across the course ----------

type Opt = [text: string, correct: boolean, feedback?: string];
export type QuestionSpec = Omit<QuizQuestion, 'id' | 'options'> & { options: Array<Omit<QuizOption, 'id'>> };

const opts = (list: Opt[]) => list.map(([text, correct, feedback]) => ({ text, correct, feedback: feedback ?? null }));

export const single = (prompt: string, options: Opt[]): QuestionSpec => ({
  kind: 'single',
  prompt,
  options: opts(options),
  acceptedAnswers: [],
  points: 1,
});

export const multiple = (prompt: string, options: Opt[]): QuestionSpec => ({
  kind: 'multiple',
  prompt,
  options: opts(options),
  acceptedAnswers: [],
  points: 1,
});

/** True/false with feedback for a learner who answers true and one who answers false. */
export const trueFalse = (prompt: string, answer: boolean, ifTrue: string, ifFalse: string): QuestionSpec => ({
  kind: 'true_false',
  prompt,
  options: [
    { text: 'True', correct: answer, feedback: ifTrue },
    { text: 'False', correct: !answer, feedback: ifFalse },
  ],
  acceptedAnswers: [],
  points: 1,
});

export const shortAnswer = (prompt: string, accepted: string[], feedbackCorrect: string, feedbackIncorrect: string): QuestionSpec => ({
  kind: 'short_answer',
  prompt,
  options: [],
  acceptedAnswers: accepted,
  feedbackCorrect,
  feedbackIncorrect,
  points: 1,
});

export type QuizSpec = Omit<Quiz, 'questions'> & { questions: QuestionSpec[] };

export const quizSettings = (passMark: number, attemptsAllowed: number | null, questions: QuestionSpec[]): QuizSpec => ({
  passMark,
  attemptsAllowed,
  timeLimitMinutes: null,
  shuffleQuestions: true,
  shuffleOptions: true,
  drawCount: null,
  questions,
});

// ---- course outline ---------------------------------------------------------------------------

export type LessonSpec = { title: string; minutes: number; text?: string; quiz?: QuizSpec };
export type SectionSpec = { title: string; lessons: LessonSpec[] };

/** Builds a `CourseContent` with stable ids prefixed by the course key (`fb-s1-l2`, `fb-q3-b`). */
export function course(key: string, sections: SectionSpec[]): CourseContent {
  let question = 0;
  return {
    sections: sections.map((s, si) => {
      const sid = `${key}-s${si + 1}`;
      return {
        id: sid,
        title: s.title,
        lessons: s.lessons.map((l, li) => {
          const lid = `${sid}-l${li + 1}`;
          const blocks: ContentBlock[] = [];
          if (l.text) blocks.push({ id: `${lid}-text`, type: 'text', doc: md(l.text) });
          if (l.quiz) {
            const questions = l.quiz.questions.map((q): QuizQuestion => {
              const qid = `${key}-q${++question}`;
              return { ...q, id: qid, options: q.options.map((o, oi) => ({ ...o, id: `${qid}-${'abcdefgh'[oi]}` })) };
            });
            blocks.push({ id: `${lid}-quiz`, type: 'quiz', quiz: { ...l.quiz, questions } });
          }
          return { id: lid, title: l.title, estimatedMinutes: l.minutes, blocks };
        }),
      };
    }),
  };
}
