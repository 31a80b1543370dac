import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { rows, uuidArray } from '../../../platform/db/sql.ts';
import type { Actor } from '../../../platform/http/types.ts';
import type { ReasonDetail } from '../../learning/index.ts';

const SHOWN = 80;

/**
 * An enrolment's 1:1 reason, per viewer: the talking point's words and a link to the series for
 * the two participants (a private point for its author only); nothing for anyone else, who reads
 * the generic "from a 1:1" label.
 */
export async function describeAgendaItems(db: DbOrTx, actor: Actor, ids: string[]): Promise<Map<string, ReasonDetail>> {
  if (!ids.length) return new Map();
  const r = await db.execute(sql`
    select a.id::text as id, a.body, a.series_id::text as series_id
    from agenda_item a
    join one_on_one_series s on s.id = a.series_id
    where a.org_id = ${actor.orgId} and a.id = any(${uuidArray(ids)})
      and ${actor.personId} in (s.organiser_id, s.attendee_id)
      and (not a.private or a.author_id = ${actor.personId})`);
  return new Map(
    rows<{ id: string; body: string; series_id: string }>(r).map((a) => [
      a.id,
      { label: `1:1 point: ${a.body.length > SHOWN ? `${a.body.slice(0, SHOWN - 1)}…` : a.body}`, href: `/one-on-ones/${a.series_id}` },
    ]),
  );
}

/** The same for a note: "1:1 note" and the link, for the participants (a private note for its author only). */
export async function describeNotes(db: DbOrTx, actor: Actor, ids: string[]): Promise<Map<string, ReasonDetail>> {
  if (!ids.length) return new Map();
  const r = await db.execute(sql`
    select n.id::text as id, n.series_id::text as series_id
    from one_on_one_note n
    join one_on_one_series s on s.id = n.series_id
    where n.org_id = ${actor.orgId} and n.id = any(${uuidArray(ids)})
      and ${actor.personId} in (s.organiser_id, s.attendee_id)
      and (not n.private or n.author_id = ${actor.personId})`);
  return new Map(rows<{ id: string; series_id: string }>(r).map((n) => [n.id, { label: '1:1 note', href: `/one-on-ones/${n.series_id}` }]));
}
