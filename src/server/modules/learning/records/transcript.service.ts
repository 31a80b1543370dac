import PDFDocument from 'pdfkit';
import { csvText, fileSlug } from '../../../platform/http/download.ts';
import type { AppContext } from '../../../context.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { longDate, pdfBuffer } from './certificates.pdf.ts';
import { externalDto } from './external-learning.service.ts';
import { visibleLearner } from '../learning.policy.ts';
import * as repo from './transcript.repo.ts';

export type TranscriptItem = {
  kind: 'course' | 'program' | 'external';
  id: string;
  courseId: string | null;
  programId: string | null;
  title: string;
  provider: string | null;
  externalKind: string | null;
  completedOn: string;
  durationMinutes: number | null;
  score: number | null;
  status: 'completed' | 'expired';
  expiresAt: string | null;
  certificateId: string | null;
  reasonType: string | null;
  evidenceUrl: string | null;
  evidenceFileUrl: string | null;
};

/** Completed learning here and learning recorded from elsewhere, newest first. */
export async function getTranscript(ctx: AppContext, actor: Actor, personId: string) {
  const p = await visibleLearner(ctx.db, actor, personId);
  const [done, external] = await Promise.all([repo.completedLearning(ctx.db, actor.orgId, personId), repo.externalOf(ctx.db, actor.orgId, personId)]);
  const now = ctx.clock.now();
  const items: TranscriptItem[] = [
    ...done.map((e): TranscriptItem => {
      const expired = e.status === 'expired' || (!!e.expiresAt && e.expiresAt <= now);
      return {
        kind: e.programId ? 'program' : 'course',
        id: e.id,
        courseId: e.courseId,
        programId: e.programId,
        title: (e.programId ? e.programTitle : e.courseTitle) ?? 'Untitled',
        provider: null,
        externalKind: null,
        completedOn: e.completedAt!.toISOString().slice(0, 10),
        durationMinutes: e.timeSpentSeconds > 0 ? Math.max(1, Math.round(e.timeSpentSeconds / 60)) : e.estimatedMinutes,
        score: e.score,
        status: expired ? 'expired' : 'completed',
        expiresAt: e.expiresAt?.toISOString() ?? null,
        certificateId: e.certificateId,
        reasonType: e.reasonType,
        evidenceUrl: null,
        evidenceFileUrl: null,
      };
    }),
    ...external.map((x): TranscriptItem => {
      const d = externalDto(x);
      return {
        kind: 'external',
        id: d.id,
        courseId: null,
        programId: null,
        title: d.title,
        provider: d.provider,
        externalKind: d.kind,
        completedOn: d.completedOn,
        durationMinutes: d.durationMinutes,
        score: null,
        status: 'completed',
        expiresAt: null,
        certificateId: null,
        reasonType: null,
        evidenceUrl: d.evidenceUrl,
        evidenceFileUrl: d.evidenceFileUrl,
      };
    }),
  ].sort((a, b) => (a.completedOn < b.completedOn ? 1 : a.completedOn > b.completedOn ? -1 : 0));
  return {
    person: { id: p.id, name: `${p.firstName} ${p.lastName}`, jobTitle: p.jobTitle },
    generatedAt: now.toISOString(),
    items,
  };
}

type Transcript = Awaited<ReturnType<typeof getTranscript>>;

const kindLabel = (i: TranscriptItem) => (i.kind === 'external' ? `External ${i.externalKind ?? ''}`.trim() : i.kind === 'program' ? 'Program' : 'Course');

const slug = (s: string) => fileSlug(s, 'person');

export function transcriptCsv(t: Transcript): { text: string; filename: string } {
  const text = csvText(
    ['Kind', 'Title', 'Provider', 'Completed on', 'Duration (minutes)', 'Score (%)', 'Status', 'Expires on', 'Evidence link'],
    t.items.map((i) => [
      kindLabel(i),
      i.title,
      i.provider ?? '',
      i.completedOn,
      i.durationMinutes ?? '',
      i.score ?? '',
      i.status,
      i.expiresAt?.slice(0, 10) ?? '',
      i.evidenceUrl ?? '',
    ]),
  );
  return { text, filename: `transcript-${slug(t.person.name)}.csv` };
}

export async function transcriptPdf(t: Transcript): Promise<{ bytes: Buffer; filename: string }> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Learning transcript: ${t.person.name}` } });
  doc.font('Helvetica-Bold').fontSize(20).text('Learning transcript');
  doc.moveDown(0.3);
  doc.font('Helvetica').fontSize(12).text(t.person.name + (t.person.jobTitle ? ` · ${t.person.jobTitle}` : ''));
  doc.fontSize(9).fillColor('#555').text(`Generated ${longDate(new Date(t.generatedAt))}`);
  doc.moveDown(1).fillColor('#000');
  if (!t.items.length) doc.fontSize(11).text('No completed learning yet.');
  for (const i of t.items) {
    if (doc.y > doc.page.height - 110) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(11).fillColor('#000').text(i.title);
    const facts = [
      kindLabel(i),
      i.provider,
      `completed ${longDate(new Date(i.completedOn))}`,
      i.durationMinutes != null ? `${i.durationMinutes} min` : null,
      i.score != null ? `score ${i.score}%` : null,
      i.status === 'expired' ? 'expired' : i.expiresAt ? `valid until ${longDate(new Date(i.expiresAt))}` : null,
    ].filter(Boolean);
    doc.font('Helvetica').fontSize(9).fillColor('#444').text(facts.join(' · '));
    if (i.evidenceUrl) doc.text(`Evidence: ${i.evidenceUrl}`);
    doc.moveDown(0.6);
  }
  return { bytes: await pdfBuffer(doc), filename: `transcript-${slug(t.person.name)}.pdf` };
}
