import type { CourseFormat } from '../authoring/types.ts';

export type CatalogItem = {
  kind: 'course' | 'program';
  id: string;
  title: string;
  summary: string | null;
  coverUrl: string | null;
  format: CourseFormat | null;
  estimatedMinutes: number | null;
  tags: string[];
  skills: Array<{ id: string; name: string; level: number }>;
  selfEnrollment: boolean;
  myEnrollment: { id: string; status: string } | null;
};

export type CatalogCourse = {
  id: string;
  title: string;
  summary: string | null;
  coverUrl: string | null;
  format: CourseFormat;
  externalUrl: string | null;
  estimatedMinutes: number | null;
  tags: string[];
  selfEnrollment: boolean;
  status: string;
  skills: Array<{ id: string; name: string; level: number }>;
  prerequisites: Array<{ id: string; title: string; completed: boolean }>;
  outline: Array<{ id: string; title: string; lessons: Array<{ id: string; title: string; estimatedMinutes: number | null }> }>;
  lessonCount: number;
  myEnrollment: { id: string; status: string } | null;
};

export function duration(minutes: number | null): string | null {
  if (!minutes) return null;
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}
