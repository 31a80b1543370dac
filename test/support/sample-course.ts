import type { CourseContent, Quiz } from '../../src/shared/course-content.ts';

// Plain data, free of server imports: the integration tests and the browser journeys share it.

/** A short quiz: one single-choice, one multiple-choice, one true/false, one short answer. */
export function sampleQuiz(overrides: Partial<Quiz> = {}): Quiz {
  return {
    passMark: 75,
    attemptsAllowed: 3,
    timeLimitMinutes: null,
    shuffleQuestions: false,
    shuffleOptions: false,
    drawCount: null,
    questions: [
      {
        id: 'q1',
        kind: 'single',
        prompt: 'What should you do with a suspicious email?',
        options: [
          { id: 'q1a', text: 'Report it', correct: true, feedback: 'Yes: reporting lets security warn others.' },
          { id: 'q1b', text: 'Forward it to colleagues', correct: false, feedback: 'That spreads it.' },
        ],
        acceptedAnswers: [],
        points: 1,
      },
      {
        id: 'q2',
        kind: 'multiple',
        prompt: 'Which are signs of phishing?',
        options: [
          { id: 'q2a', text: 'Urgency', correct: true },
          { id: 'q2b', text: 'A mismatched sender domain', correct: true },
          { id: 'q2c', text: 'Your manager’s usual signature', correct: false },
        ],
        acceptedAnswers: [],
        points: 1,
      },
      {
        id: 'q3',
        kind: 'true_false',
        prompt: 'Passwords may be shared with IT support.',
        options: [
          { id: 'q3t', text: 'True', correct: false },
          { id: 'q3f', text: 'False', correct: true },
        ],
        acceptedAnswers: [],
        points: 1,
      },
      {
        id: 'q4',
        kind: 'short_answer',
        prompt: 'What does MFA stand for?',
        options: [],
        acceptedAnswers: ['multi-factor authentication', 'multi factor authentication'],
        points: 1,
      },
    ],
    ...overrides,
  };
}

/** Two lessons of text, then a lesson with the sample quiz. */
export function sampleContent(quiz: Quiz = sampleQuiz()): CourseContent {
  const text = (t: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }] });
  return {
    sections: [
      {
        id: 's1',
        title: 'Basics',
        lessons: [
          { id: 'l1', title: 'Why it matters', blocks: [{ id: 'b1', type: 'text', doc: text('Most breaches start with an email.') }] },
          { id: 'l2', title: 'Spotting it', blocks: [{ id: 'b2', type: 'text', doc: text('Look at the sender, the link and the tone.') }] },
        ],
      },
      { id: 's2', title: 'Check yourself', lessons: [{ id: 'l3', title: 'Quiz', blocks: [{ id: 'quiz1', type: 'quiz', quiz }] }] },
    ],
  };
}

/** Answers to `sampleQuiz()` by question id: all right, or all wrong. */
export const sampleAnswers = {
  right: { q1: 'q1a', q2: ['q2a', 'q2b'], q3: 'q3f', q4: 'Multi-factor authentication' },
  wrong: { q1: 'q1b', q2: ['q2c'], q3: 'q3t', q4: 'password' },
};
