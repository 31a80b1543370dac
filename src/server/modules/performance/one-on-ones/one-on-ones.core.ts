import type { AppContext } from '../../../context.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { actorRef, emit, recordChange } from '../../platform/index.ts';
import { nextOccurrences } from './cadence.ts';
import { ONE_ON_ONE_POINT_ADDED } from './one-on-ones.events.ts';
import * as repo from './one-on-ones.repo.ts';

/** How many meetings ahead of now a series keeps as rows (talking points and reminders attach to them). */
export const MEETINGS_AHEAD = 3;

export const participantsOf = (s: Pick<repo.SeriesRow, 'organiserId' | 'attendeeId'>) => [s.organiserId, s.attendeeId];
export const otherParticipant = (s: Pick<repo.SeriesRow, 'organiserId' | 'attendeeId'>, me: string) => (s.organiserId === me ? s.attendeeId : s.organiserId);

/** Makes sure the next MEETINGS_AHEAD meetings of an active series exist (idempotent; one insert). */
export async function ensureMeetingsAhead(tx: DbOrTx, series: repo.SeriesRow, now: Date): Promise<void> {
  if (series.endedAt) return;
  const times = nextOccurrences(series, now, MEETINGS_AHEAD);
  await repo.insertMeetings(tx, series.orgId, series.id, times, now);
}

/** The meeting points go to now, materialising meetings first when none is ahead. */
export async function currentMeetingFor(tx: DbOrTx, series: repo.SeriesRow, now: Date): Promise<repo.MeetingRow> {
  const found = await repo.nextScheduledMeeting(tx, series.orgId, series, now);
  if (found) return found;
  await ensureMeetingsAhead(tx, series, now);
  return (await repo.nextScheduledMeeting(tx, series.orgId, series, now))!;
}

export type AddToNextInput = {
  /** The other participant; by default the actor's manager. */
  withPersonId?: string;
  body: string;
  private?: boolean;
  sourceRecordType: string;
  sourceRecordId: string;
};

const noOneOnOne = (message: string) => new AppError('no_one_on_one', message);

/**
 * Puts a talking point on the next scheduled meeting of the active series between the actor and
 * the person (by default the actor's manager), in the caller's transaction. 409 `no_one_on_one`
 * when there is no such series.
 */
export async function addToNextOneOnOne(
  ctx: AppContext,
  tx: DbOrTx,
  actor: Actor,
  input: AddToNextInput,
  requestId?: string,
): Promise<{ agendaItemId: string; seriesId: string; meetingId: string }> {
  let withId = input.withPersonId;
  if (!withId) {
    const [me] = await repo.findPeople(tx, actor.orgId, [actor.personId]);
    withId = me?.managerId ?? undefined;
    if (!withId) throw noOneOnOne('You have no manager to hold a 1:1 with; choose the person to add the point for');
  }
  const series = withId === actor.personId ? undefined : await repo.findActiveSeriesBetween(tx, actor.orgId, actor.personId, withId);
  if (!series) throw noOneOnOne('There is no active 1:1 series with this person; start one on the 1:1s page first');
  const now = ctx.clock.now();
  const meeting = await currentMeetingFor(tx, series, now);
  const item = await repo.insertAgendaItem(tx, {
    orgId: actor.orgId,
    seriesId: series.id,
    meetingId: meeting.id,
    firstMeetingId: meeting.id,
    authorId: actor.personId,
    body: input.body,
    private: input.private ?? false,
    sourceRecordType: input.sourceRecordType,
    sourceRecordId: input.sourceRecordId,
    createdAt: now,
    updatedAt: now,
  });
  await recordPointAdded(tx, actor, series, item, requestId);
  return { agendaItemId: item.id, seriesId: series.id, meetingId: meeting.id };
}

/** Audits a new point and emits its event; a private point's text stays out of the audit log. */
export async function recordPointAdded(tx: DbOrTx, actor: Actor, series: repo.SeriesRow, item: repo.AgendaItemRow, requestId?: string) {
  await recordChange(tx, actorRef(actor, requestId), {
    action: 'agenda_item.created',
    recordType: 'agenda_item',
    recordId: item.id,
    after: { meetingId: item.meetingId, private: item.private, body: item.private ? null : item.body, sourceRecordType: item.sourceRecordType, sourceRecordId: item.sourceRecordId },
    emits: emit(ONE_ON_ONE_POINT_ADDED, {
      seriesId: series.id,
      participantIds: participantsOf(series),
      meetingId: item.meetingId,
      agendaItemId: item.id,
      private: item.private,
      sourceRecordType: item.sourceRecordType,
    }),
  });
}
