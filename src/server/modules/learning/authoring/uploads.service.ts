import type { AppContext } from '../../../context.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { canReadPersonalOf, isManagerOf, requirePermission } from '../../org/index.ts';
import { actorRef, recordChange, storeFile } from '../../platform/index.ts';
import { canManageCourses, canManageEnrollments } from '../learning.policy.ts';
import { checkUpload, cleanName, filePurposes, type FilePurpose } from './uploads.check.ts';
import * as repo from './uploads.repo.ts';

/** Where the API serves a learning file (`GET /learning/files/{id}`, readLearningFile); no file, no URL. */
export function learningFileUrl(id: string): string;
export function learningFileUrl(id: string | null): string | null;
export function learningFileUrl(id: string | null): string | null {
  return id ? `/api/v1/learning/files/${id}` : null;
}

export async function uploadLearningFile(
  ctx: AppContext,
  actor: Actor,
  input: { purpose: FilePurpose; file: File },
  requestId?: string,
) {
  // Course material is authored by learning admins; anyone hands in evidence of their own.
  if (input.purpose !== 'evidence') requirePermission(actor, canManageCourses);
  const name = cleanName(input.file.name);
  if (input.file.size > ctx.config.maxUploadBytes) {
    throw new AppError('payload_too_large', 'The file is too large', [{ path: 'file', message: 'Too large', maxBytes: ctx.config.maxUploadBytes }]);
  }
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  const { contentType } = await checkUpload(input.purpose, name, input.file.type ?? '', bytes, ctx.config.maxUploadBytes);
  const row = await ctx.db.transaction(async (tx) => {
    const f = await storeFile(ctx, tx, { orgId: actor.orgId, name, contentType, bytes, createdBy: actor.personId, purpose: input.purpose });
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'learning_file.uploaded',
      recordType: 'stored_file',
      recordId: f.id,
      after: { name, contentType, size: f.size, purpose: input.purpose },
      event: false,
    });
    return f;
  });
  return { id: row.id, name: row.name, contentType: row.contentType, size: Number(row.size), purpose: input.purpose, url: learningFileUrl(row.id) };
}

/** Evidence is personal: the uploader, their manager chain, HR and learning admins, and whoever approves it. */
async function canReadEvidence(ctx: AppContext, actor: Actor, file: { id: string; createdBy: string | null }): Promise<boolean> {
  if (canManageEnrollments(actor)) return true;
  if (file.createdBy && (await canReadPersonalOf(ctx.db, actor, file.createdBy))) return true;
  for (const s of await repo.evidenceSubmissions(ctx.db, actor.orgId, file.id)) {
    if (s.reviewerId === actor.personId) return true;
    if (s.approver === 'person' && s.approverPersonId === actor.personId) return true;
    if (s.approver === 'manager' && (s.learnerManagerId === actor.personId || (await isManagerOf(ctx.db, actor, s.personId)))) return true;
  }
  for (const owner of await repo.externalLearningOwners(ctx.db, actor.orgId, file.id)) {
    if (await canReadPersonalOf(ctx.db, actor, owner)) return true;
  }
  return false;
}

export async function readLearningFile(ctx: AppContext, actor: Actor, id: string) {
  const file = await repo.findFile(ctx.db, actor.orgId, id);
  // Files of other modules (imports, attachments) are not served here.
  if (!file || !(filePurposes as readonly string[]).includes(file.purpose ?? '')) throw notFound('File');
  if (file.purpose === 'evidence' && !(await canReadEvidence(ctx, actor, file))) throw notFound('File');
  // Lesson material is for authors and the course's learners; covers show in the catalog to everyone.
  if (['video', 'captions', 'document'].includes(file.purpose!) && !canManageCourses(actor)) {
    if (!(await repo.enrolledWithFile(ctx.db, actor.orgId, actor.personId, file.id))) throw notFound('File');
  }
  const bytes = await ctx.files.get(file.storageKey);
  return { file, bytes, inline: ['cover', 'video', 'captions'].includes(file.purpose!) };
}
