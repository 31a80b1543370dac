import type { CourseContent, CourseFormat } from '../../../db/schema/index.ts';

/** A course of the demo catalog, written for Acme. `key` names it inside the seed only. */
export type DemoCourse = {
  key: string;
  title: string;
  summary: string;
  estimatedMinutes: number;
  tags: string[];
  format: CourseFormat;
  externalUrl?: string;
  selfEnrollment: boolean;
  status: 'published' | 'draft';
  /** Skill name and the level the course brings a learner to. */
  skills: Array<[string, number]>;
  prerequisites?: string[];
  content: CourseContent;
  /** A later published version; learners who started before it keep version 1. */
  version2?: { content: CourseContent; publishedDaysAgo: number };
  /** Reaction comments learners left, picked from at random. */
  comments: string[];
};
