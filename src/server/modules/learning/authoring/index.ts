export { CourseContentSchema, QuizSchema, RichTextDocSchema, referencedFiles, richTextIssues, safeLink } from './content.schemas.ts';
export { assertContentFiles } from './content.ts';
export * as coursesRepo from './courses.repo.ts';
export { courseRoutes } from './courses.routes.ts';
export { archiveCourse, createCourse, publishCourse, saveDraft, updateCourse } from './courses.service.ts';
export { checkUpload, filePurposes, type FilePurpose } from './uploads.check.ts';
export { learningFileRoutes } from './uploads.routes.ts';
export { learningFileUrl, uploadLearningFile } from './uploads.service.ts';
