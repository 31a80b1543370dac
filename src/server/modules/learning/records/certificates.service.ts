import { z } from 'zod';
import type { AppContext } from '../../../context.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { decodeCursor, keysetPage } from '../../../platform/http/openapi.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { canReadLearningOf } from '../learning.policy.ts';
import { certificatePdf } from './certificates.pdf.ts';
import * as repo from './certificates.repo.ts';

export const verifyUrl = (ctx: AppContext, code: string) => `${ctx.config.publicUrl}/verify/${code}`;

export function certificateStatus(c: Pick<repo.CertificateRow, 'revokedAt' | 'expiresAt'>, now: Date): 'valid' | 'expired' | 'revoked' {
  if (c.revokedAt) return 'revoked';
  if (c.expiresAt && c.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'valid';
}

export async function listMine(ctx: AppContext, actor: Actor, q: { limit?: number; cursor?: string }) {
  const limit = q.limit ?? 50;
  const now = ctx.clock.now();
  const rows = await repo.listForPerson(ctx.db, actor.orgId, actor.personId, {
    limit: limit + 1,
    after: decodeCursor(q.cursor, z.tuple([z.string(), z.uuid()])),
  });
  const { data, nextCursor } = keysetPage(rows, limit, (last) => [last.issuedAt.toISOString(), last.id]);
  return {
    data: data.map((c) => ({
      id: c.id,
      enrollmentId: c.enrollmentId,
      courseId: c.courseId,
      programId: c.programId,
      title: c.title,
      issuedAt: c.issuedAt.toISOString(),
      expiresAt: c.expiresAt?.toISOString() ?? null,
      status: certificateStatus(c, now),
      verificationCode: c.verificationCode,
      verifyUrl: verifyUrl(ctx, c.verificationCode),
    })),
    nextCursor,
  };
}

/** The PDF, for whoever may see the learner's learning (the learner, their managers, admins). */
export async function certificateFile(ctx: AppContext, actor: Actor, id: string) {
  const c = await repo.findCertificate(ctx.db, actor.orgId, id);
  if (!c || !(await canReadLearningOf(ctx.db, actor, c.personId))) throw notFound('Certificate');
  const bytes = await certificatePdf({
    personName: c.personName,
    title: c.title,
    orgName: c.orgName,
    issuedAt: c.issuedAt,
    expiresAt: c.expiresAt,
    verifyUrl: verifyUrl(ctx, c.verificationCode),
    code: c.verificationCode,
  });
  const slug = c.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'certificate';
  return { bytes, filename: `certificate-${slug}.pdf` };
}

/** Public: the name, title, dates and validity only; nothing else about the person. */
export async function verify(ctx: AppContext, code: string) {
  const c = await repo.findByCode(ctx.db, code);
  if (!c) throw notFound('Certificate');
  return {
    name: c.personName,
    title: c.title,
    issuedAt: c.issuedAt.toISOString(),
    expiresAt: c.expiresAt?.toISOString() ?? null,
    status: certificateStatus(c, ctx.clock.now()),
  };
}
