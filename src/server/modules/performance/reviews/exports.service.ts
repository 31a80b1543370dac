import PDFDocument from 'pdfkit';
import type { AppContext } from '../../../context.ts';
import type { ReviewAnswer, ReviewTemplateBody } from '../../../db/schema/index.ts';
import { csvText, fileSlug, pdfBuffer } from '../../../platform/http/download.ts';
import { notFound } from '../../../platform/http/errors.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { requirePermission } from '../../org/index.ts';
import { canManageReviews } from '../performance.policy.ts';
import * as cycles from './cycles.repo.ts';
import * as repo from './reviews.repo.ts';
import { subjectResult } from './reviews.service.ts';
import { finalScore, type ScoredReview } from './score.ts';

// Raw rows bring timestamps as strings on one driver and Dates on the other.
const day = (d: Date | string | null) => (d ? new Date(d).toISOString().slice(0, 10) : '');

/**
 * A cycle's results for HR, one row per subject: where their reviews stand, the formula's score,
 * the calibrated final and potential, shared and acknowledged. It names no reviewer.
 */
export async function cycleResultsCsv(ctx: AppContext, actor: Actor, cycleId: string) {
  requirePermission(actor, canManageReviews);
  const c = await cycles.findCycle(ctx.db, actor.orgId, cycleId);
  if (!c || !c.templateSnapshot) throw notFound('Review cycle');
  const [list, submitted] = await Promise.all([repo.cycleResults(ctx.db, actor.orgId, cycleId), repo.submittedReviewsOfCycle(ctx.db, actor.orgId, cycleId)]);
  const bySubject = new Map<string, ScoredReview[]>();
  for (const r of submitted) bySubject.set(r.subjectId, [...(bySubject.get(r.subjectId) ?? []), r]);
  const text = csvText(
    ['Name', 'Email', 'Department', 'Manager', 'Reviews', 'Submitted', 'Score', 'Final rating', 'Potential', 'Shared on', 'Acknowledged on'],
    list.map((p) => {
      const score = finalScore(c.templateSnapshot!, bySubject.get(p.personId) ?? []).score;
      return [p.name, p.email, p.department ?? '', p.manager ?? '', p.reviews, p.submitted, score === null ? '' : score.toFixed(2), p.finalRating ?? '', p.potential ?? '', day(p.releasedAt), day(p.acknowledgedAt)];
    }),
  );
  return { text, filename: `${fileSlug(c.name, 'review-cycle')}-results.csv` };
}

function answerText(a: ReviewAnswer, body: ReviewTemplateBody, names: { skills: Map<string, string>; goals: Map<string, string> }): string {
  const point = (v: number) => body.scale.find((s) => s.value === v)?.label ?? String(v);
  if (a.rating !== undefined) return `${a.rating} · ${point(a.rating)}`;
  if (a.text !== undefined) return a.text;
  if (a.choices) return a.choices.join(', ');
  if (a.skills) return Object.entries(a.skills).map(([id, l]) => `${names.skills.get(id) ?? 'Skill'}: ${l}`).join('; ');
  if (a.goals) return Object.entries(a.goals).map(([id, v]) => `${names.goals.get(id) ?? 'Goal'}: ${point(v)}`).join('; ');
  return '';
}

/**
 * One subject's reviews of a cycle as a PDF, exactly what the reader may see on the page: every
 * answer with its author for the subject's managers and HR; the shared view (no hidden questions,
 * no anonymous authors, withheld answers left out) for the subject once shared; 404 otherwise.
 */
export async function reviewPdf(ctx: AppContext, actor: Actor, cycleId: string, personId: string) {
  const result = await subjectResult(ctx, actor, cycleId, personId);
  const c = (await cycles.findCycle(ctx.db, actor.orgId, cycleId))!;
  const body = c.templateSnapshot as ReviewTemplateBody;
  const names = { skills: new Map(result.skills.map((s) => [s.skillId, s.name])), goals: new Map(result.goals.map((g) => [g.goalId, g.title])) };
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `${result.cycle.name}: ${result.subject.name}` } });
  doc.font('Helvetica-Bold').fontSize(18).text(result.cycle.name);
  doc.font('Helvetica').fontSize(12).text(result.subject.name);
  doc.fontSize(9).fillColor('#555').text(result.view === 'subject' ? 'Your shared review' : 'Every review, with its authors (for the subject’s managers and HR)');
  doc.moveDown(1).fillColor('#000');
  for (const s of result.sections) {
    if (doc.y > doc.page.height - 120) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(13).fillColor('#000').text(s.title);
    doc.moveDown(0.3);
    for (const q of s.questions) {
      doc.font('Helvetica-Bold').fontSize(10).fillColor('#000').text(q.prompt);
      if (!q.answers.length && !q.withheld.length) doc.font('Helvetica').fontSize(9).fillColor('#555').text('No answers.');
      for (const a of q.answers) {
        const who = a.author ? `${a.author.name} (${a.relationship})` : `An anonymous ${a.relationship === 'peer' ? 'peer' : 'report'}`;
        doc.font('Helvetica').fontSize(9).fillColor('#444').text(`${who}: `, { continued: true }).fillColor('#000').text(answerText(a.answer, body, names));
      }
      for (const w of q.withheld) doc.font('Helvetica-Oblique').fontSize(9).fillColor('#555').text(w.reason);
      doc.moveDown(0.5);
    }
  }
  if (result.acknowledgedAt) doc.moveDown(0.5).font('Helvetica').fontSize(9).fillColor('#555').text(`Acknowledged ${result.acknowledgedAt.slice(0, 10)}${result.subjectComment ? `: “${result.subjectComment}”` : ''}`);
  return { bytes: await pdfBuffer(doc), filename: `${fileSlug(result.subject.name, 'review')}-${fileSlug(result.cycle.name, 'cycle')}.pdf` };
}
