import type { ReviewAnswer, ReviewRelationship, ReviewTemplateBody } from '../../../db/schema/index.ts';

export type Anonymity = { peerAnonymous: boolean; upwardAnonymous: boolean; anonymityMinimum: number };
export type SubmittedReview = { relationship: ReviewRelationship; reviewerId: string; reviewerName: string; answers: Record<string, ReviewAnswer> };
export type SharedAnswer = { relationship: ReviewRelationship; author: { id: string; name: string } | null; answer: ReviewAnswer };
export type SharedQuestion = { id: string; prompt: string; kind: string; answers: SharedAnswer[]; withheld: { relationship: ReviewRelationship; reason: string }[] };
export type SharedSection = { id: string; title: string; questions: SharedQuestion[] };

export const isAnonymous = (relationship: ReviewRelationship, a: Pick<Anonymity, 'peerAnonymous' | 'upwardAnonymous'>) =>
  (relationship === 'peer' && a.peerAnonymous) || (relationship === 'upward' && a.upwardAnonymous);

// Anonymous answers are listed by content, never by who or when, so their order points at nobody.
const byContent = (a: SharedAnswer, b: SharedAnswer) => JSON.stringify(a.answer).localeCompare(JSON.stringify(b.answer));

/**
 * What the subject reads once their review is shared: only questions the template shows them;
 * named answers (self, manager, and peers or upward reviewers when the cycle is not anonymous)
 * with their author; anonymous answers without one, and only when a relationship has at least
 * the anonymity minimum of answers to the question; otherwise they are withheld and the subject
 * is told why, without a count.
 */
export function sharedView(body: ReviewTemplateBody, reviews: SubmittedReview[], anonymity: Anonymity): SharedSection[] {
  return body.sections
    .map((s) => ({
      id: s.id,
      title: s.title,
      questions: s.questions
        .filter((q) => q.visibleToSubject)
        .map((q) => {
          const named: SharedAnswer[] = [];
          const anonymous = new Map<ReviewRelationship, SharedAnswer[]>();
          for (const r of reviews) {
            const answer = r.answers[q.id];
            if (!answer || !q.relationships.includes(r.relationship)) continue;
            if (isAnonymous(r.relationship, anonymity)) {
              const list = anonymous.get(r.relationship) ?? [];
              list.push({ relationship: r.relationship, author: null, answer });
              anonymous.set(r.relationship, list);
            } else named.push({ relationship: r.relationship, author: { id: r.reviewerId, name: r.reviewerName }, answer });
          }
          const withheld: SharedQuestion['withheld'] = [];
          const shown = [...named];
          for (const [relationship, list] of anonymous) {
            if (list.length >= anonymity.anonymityMinimum) shown.push(...list.sort(byContent));
            else withheld.push({ relationship, reason: `Fewer than ${anonymity.anonymityMinimum} ${relationship === 'peer' ? 'peers' : 'reports'} answered, so their answers stay hidden` });
          }
          return { id: q.id, prompt: q.prompt, kind: q.kind, answers: shown, withheld };
        }),
    }))
    .filter((s) => s.questions.length > 0);
}
