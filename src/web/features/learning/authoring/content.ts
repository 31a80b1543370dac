/** The course content model, shared with the server, which validates drafts against it. */
export type {
  ContentBlock as Block,
  CourseContent as Content,
  CourseSection as Section,
  Lesson,
  QuestionKind,
  Quiz,
  QuizOption,
  QuizQuestion,
} from '../../../../shared/course-content.ts';
