import type { DbOrTx } from '../../../platform/db/index.ts';
import { validationFailed, type ErrorDetail } from '../../../platform/http/errors.ts';
import { referencedFiles, type ValidContent } from './content.schemas.ts';
import { filePurposes } from './content.repo.ts';

/** Files referenced by the content must be the organisation's, uploaded for that use. */
export async function assertContentFiles(db: DbOrTx, orgId: string, content: ValidContent, prefix = 'content'): Promise<void> {
  const refs = referencedFiles(content);
  if (!refs.length) return;
  const found = await filePurposes(db, orgId, refs.map((r) => r.id));
  const errors: ErrorDetail[] = [];
  for (const r of refs) {
    if (!found.has(r.id)) errors.push({ path: `${prefix}.${r.path}`, message: 'No such file' });
    else if (found.get(r.id) !== r.purpose) errors.push({ path: `${prefix}.${r.path}`, message: `Upload this file as ${r.purpose}` });
  }
  if (errors.length) throw validationFailed('The content refers to files that cannot be used', errors);
}
