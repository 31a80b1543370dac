import type { DbOrTx } from '../../../platform/db/index.ts';

/**
 * What authoring asks of the skills library when a course names the skills it teaches. Talent
 * owns skills and uses learning (plans enrol people), so learning cannot import it: bootstrap.ts
 * puts talent's catalog on the context (`ctx.skillCatalog`), as it does identity's account guard.
 */
export type SkillCatalog = {
  /** The organisation's skills among `ids` (archived ones included, so the caller can say so). */
  findSkills(db: DbOrTx, orgId: string, ids: string[]): Promise<Array<{ id: string; name: string; maxLevel: number; archivedAt: Date | null }>>;
};
