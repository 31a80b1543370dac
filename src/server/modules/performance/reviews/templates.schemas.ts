import { z } from '@hono/zod-openapi';
import { reviewQuestionKinds, reviewRelationships } from '../../../db/schema/index.ts';

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters`);
const name = z.string().trim().min(1, 'Enter a name').max(120, 'At most 120 characters');
/** Question and section ids are short keys the answers are stored under; the form makes them. */
const key = z.string().trim().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/i, 'Use 1–40 letters, digits, _ or -');

const Anchor = z.strictObject({
  value: z.number().int().min(0).max(100),
  label: text(60).min(1, 'Label each point of the scale'),
  description: text(300).optional(),
});

const Question = z.strictObject({
  id: key,
  kind: z.enum(reviewQuestionKinds),
  prompt: text(500).min(1, 'Write the question'),
  help: text(1000).optional(),
  required: z.boolean().default(true),
  options: z.array(text(120).min(1)).max(20).optional(),
  multiple: z.boolean().optional(),
  relationships: z.array(z.enum(reviewRelationships)).min(1, 'Choose who answers it').max(4),
  visibleToSubject: z.boolean().default(true),
});

const Section = z.strictObject({
  id: key,
  title: text(200).min(1, 'Give the section a title'),
  description: text(1000).optional(),
  questions: z.array(Question).min(1, 'A section needs a question').max(50),
});

const ScorePart = z.strictObject({ source: z.enum([...reviewRelationships, 'goals']), weight: z.number().finite().gt(0, 'A weight is more than 0').max(100) });

/** The form itself; checked as a whole (unique ids, an increasing scale, options for choices). */
export const TemplateBody = z
  .strictObject({
    scale: z.array(Anchor).min(2, 'A scale has at least 2 points').max(10, 'A scale has at most 10 points'),
    sections: z.array(Section).min(1, 'Add a section').max(20),
    formula: z.strictObject({ parts: z.array(ScorePart).max(5) }).default({ parts: [{ source: 'manager', weight: 1 }] }),
  })
  .superRefine((b, ctx) => {
    for (let i = 1; i < b.scale.length; i++)
      if (b.scale[i]!.value <= b.scale[i - 1]!.value) ctx.addIssue({ code: 'custom', path: ['scale', i, 'value'], message: 'Scale points go up, each above the one before' });
    const seen = new Set<string>();
    b.sections.forEach((s, si) =>
      s.questions.forEach((q, qi) => {
        const at = ['sections', si, 'questions', qi];
        if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: [...at, 'id'], message: 'Another question has this id' });
        seen.add(q.id);
        if (q.kind === 'choice' && (q.options?.length ?? 0) < 2) ctx.addIssue({ code: 'custom', path: [...at, 'options'], message: 'A choice needs at least 2 options' });
        if (new Set(q.relationships).size !== q.relationships.length) ctx.addIssue({ code: 'custom', path: [...at, 'relationships'], message: 'Name each relationship once' });
      }),
    );
    const sources = b.formula.parts.map((p) => p.source);
    if (new Set(sources).size !== sources.length) ctx.addIssue({ code: 'custom', path: ['formula', 'parts'], message: 'Name each part of the score once' });
    b.formula.parts.forEach((p, i) => {
      const rated = p.source === 'goals' ? b.sections.some((s) => s.questions.some((q) => q.kind === 'goals')) : b.sections.some((s) => s.questions.some((q) => q.kind === 'rating' && q.relationships.includes(p.source as never)));
      if (!rated) ctx.addIssue({ code: 'custom', path: ['formula', 'parts', i, 'source'], message: p.source === 'goals' ? 'No question rates goals' : `No rating question is answered by ${p.source}` });
    });
  });

export const TemplateSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    body: z.object({
      scale: z.array(z.object({ value: z.number(), label: z.string(), description: z.string().optional() })),
      sections: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          description: z.string().optional(),
          questions: z.array(
            z.object({
              id: z.string(),
              kind: z.enum(reviewQuestionKinds),
              prompt: z.string(),
              help: z.string().optional(),
              required: z.boolean(),
              options: z.array(z.string()).optional(),
              multiple: z.boolean().optional(),
              relationships: z.array(z.enum(reviewRelationships)),
              visibleToSubject: z.boolean(),
            }),
          ),
        }),
      ),
      formula: z.object({ parts: z.array(z.object({ source: z.string(), weight: z.number() })) }),
    }),
    version: z.number().int(),
    archived: z.boolean(),
    /** Cycles launched with it: they keep the version they launched with. */
    cycles: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('ReviewTemplate');

export const TemplateCreate = z.strictObject({ name, description: text(2000).nullable().optional(), body: TemplateBody }).openapi('ReviewTemplateCreate');
export const TemplateUpdate = z
  .strictObject({ name: name.optional(), description: text(2000).nullable().optional(), body: TemplateBody.optional(), archived: z.boolean().optional() })
  .openapi('ReviewTemplateUpdate');
export const TemplatesQuery = z.object({ q: text(100).optional(), includeArchived: z.enum(['true', 'false']).optional() });
