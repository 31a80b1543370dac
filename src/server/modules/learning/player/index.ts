export { playerRoutes } from './player.routes.ts';
export { gradeAttempt, type Answers } from './quiz.grading.ts';
