import type { CustomFieldValues, CustomFieldVisibility, SmartGroupRule } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/http/types.ts';
import { canReadEveryField } from './org.policy.ts';

/**
 * How the viewer stands to the person whose fields are read: the person themself, someone above
 * them in the reporting chain, or anyone else. A rule or list over many people reads as `other`,
 * since it reaches people outside the viewer's chain.
 */
export type Relation = 'self' | 'chain' | 'other';

export type FieldViewer = Pick<Actor, 'roles' | 'via' | 'scopes'>;

export type FieldDef = { key: string; visibility: CustomFieldVisibility };
type Def = FieldDef;

/** The one rule: `everyone` is public, `chain` is the person, their managers and HR, `hr` is HR only. */
export function mayReadField(visibility: CustomFieldVisibility, viewer: FieldViewer, relation: Relation): boolean {
  if (canReadEveryField(viewer)) return true;
  switch (visibility) {
    case 'everyone':
      return true;
    case 'chain':
      return relation !== 'other';
    case 'hr':
      return false;
  }
}

/** The definitions whose values the viewer may read of a person they stand to as `relation`. */
export function readableFields<D extends Def>(defs: readonly D[], viewer: FieldViewer, relation: Relation): D[] {
  return defs.filter((d) => mayReadField(d.visibility, viewer, relation));
}

/**
 * A person's values as the viewer may see them. Values without a definition (none should exist:
 * deleting a field strips them) are left out rather than shown unchecked.
 */
export function visibleValues(values: CustomFieldValues, defs: readonly Def[], viewer: FieldViewer, relation: Relation): CustomFieldValues {
  const keys = new Set(readableFields(defs, viewer, relation).map((d) => d.key));
  return Object.fromEntries(Object.entries(values).filter(([k]) => keys.has(k)));
}

/**
 * Whether the viewer may read a smart group's rule, and so its members and preview: a rule reaches
 * people outside anyone's chain, so each field it reads must be readable of anyone (`other`).
 * Otherwise the members of "employment type is Contractor" would tell who is a contractor.
 */
export function mayReadRule(rule: SmartGroupRule | null, defs: Def[], viewer: FieldViewer): boolean {
  if (!rule) return true;
  const keys = new Set(readableFields(defs, viewer, 'other').map((d) => d.key));
  return rule.conditions.every((c) => c.field !== 'customField' || keys.has(c.key));
}
