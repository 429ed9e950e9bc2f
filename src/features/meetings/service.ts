import type { Executor } from '../../db/schema.js';
import { html } from '../../i18n/html.js';
import { t } from '../../i18n/i18n.js';
import type { Person } from '../../people/tables.js';
import { sendToChat, sendToPerson } from '../../outbox/messages.js';
import { cancelReminders } from '../../reminders/remind.js';
import { branchSettings } from '../../reminders/settings.js';
import { nextOccurrence, type RecurrenceRule } from '../../scheduler/recurrence.js';
import { formatWhen, localIsoDate, localParts } from '../../shared/when.js';
import { attendanceKeyboard } from './buttons.js';
import { materialiseMeeting } from './plan.js';
import { attendanceOf, deleteOccurrencesAfter, groupChats, lockMeeting, occurrenceWithMeeting, peopleOfClasses } from './queries.js';
import { repeatLine, summary, type MeetingView } from './render.js';
import type { Meeting } from './tables.js';

export const PLACE_MAX = 100;
export const TOPIC_MAX = 200;
const YEAR_MS = 366 * 86_400_000;

export type Repeat = 'none' | 'weekly' | 'fortnightly';

export interface MeetingInput {
  classId: number;
  branchId: number;
  className: string;
  startsAt: Date;
  repeat: Repeat;
  place: string;
  topic: string;
  presentFigures: boolean;
  postToGroup: boolean;
}

/** Length as people count it (code points), for the place and topic limits. */
export const textLength = (text: string) => [...text].length;

export type InputProblem = { key: 'meeting.past' | 'meeting.tooFar' } | { key: 'meeting.tooLong'; length: number; max: number };

/** Checked when a time is typed and again on Save (the confirmation may be pressed much later). */
export function checkInput(input: Pick<MeetingInput, 'startsAt' | 'place' | 'topic'>, now: Date): InputProblem | null {
  if (input.startsAt.getTime() <= now.getTime()) return { key: 'meeting.past' };
  if (input.startsAt.getTime() - now.getTime() > YEAR_MS) return { key: 'meeting.tooFar' };
  for (const [text, max] of [
    [input.place, PLACE_MAX],
    [input.topic, TOPIC_MAX],
  ] as const) {
    if (textLength(text) > max) return { key: 'meeting.tooLong', length: textLength(text), max };
  }
  return null;
}

/** A one-off meeting is a `once` rule; a weekly or fortnightly one repeats on its first date's weekday, counted from that date. */
export function ruleFor(startsAt: Date, repeat: Repeat, timeZone: string): RecurrenceRule {
  const l = localParts(startsAt, timeZone);
  const time = `${String(l.hour).padStart(2, '0')}:${String(l.minute).padStart(2, '0')}`;
  const date = localIsoDate(startsAt, timeZone);
  if (repeat === 'none') return { kind: 'once', date, time };
  return { kind: 'weekly', weekday: l.weekday, time, everyWeeks: repeat === 'fortnightly' ? 2 : 1, from: date };
}

export const repeatOf = (rule: RecurrenceRule): Repeat => (rule.kind !== 'weekly' ? 'none' : (rule.everyWeeks ?? 1) === 2 ? 'fortnightly' : 'weekly');

export function viewOf(
  meeting: Pick<Meeting, 'rule' | 'place' | 'topic' | 'present_figures' | 'post_to_group'>,
  className: string,
  startsAt: Date,
): MeetingView {
  return {
    className,
    startsAt,
    rule: meeting.rule as RecurrenceRule,
    place: meeting.place,
    topic: meeting.topic,
    presentFigures: meeting.present_figures,
    postToGroup: meeting.post_to_group,
  };
}

/** The meeting's next start after `now` (null when it has none left). */
export const nextStart = (meeting: Pick<Meeting, 'rule'>, timeZone: string, now: Date) => nextOccurrence(meeting.rule as RecurrenceRule, timeZone, now);

function groupText(key: 'meeting.group.announce' | 'meeting.group.changed', view: MeetingView, timeZone: string): string {
  return t('zh', key, { when: formatWhen(view.startsAt, timeZone, 'zh'), repeat: html(repeatLine(view.rule, 'zh')), place: view.place, topic: view.topic });
}

export interface Saved {
  meeting: Meeting;
  /** The class has no bound group, so nothing was posted although the meeting asked for it. */
  noGroup: boolean;
}

/** Saves a new meeting, materialises its first occurrences and, when asked, posts it in the class group. */
export async function createMeeting(trx: Executor, input: MeetingInput, by: Person, now: Date, timeZone: string): Promise<Saved> {
  const meeting = await trx
    .insertInto('meetings')
    .values({
      branch_id: input.branchId,
      class_id: input.classId,
      created_by: by.id,
      rule: JSON.stringify(ruleFor(input.startsAt, input.repeat, timeZone)),
      place: input.place,
      topic: input.topic,
      present_figures: input.presentFigures,
      post_to_group: input.postToGroup,
      state: 'active',
      materialised_until: now,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await materialiseMeeting(trx, meeting, await branchSettings(trx, input.branchId), now, timeZone);
  let noGroup = false;
  if (input.postToGroup) {
    const group = (await groupChats(trx, [input.classId])).get(input.classId);
    if (group === undefined) noGroup = true;
    else
      await sendToChat(trx, group, groupText('meeting.group.announce', viewOf(meeting, input.className, input.startsAt), timeZone), {
        dedupeKey: `meeting:${meeting.id}:announce`,
        now,
      });
  }
  return { meeting, noGroup };
}

/**
 * Changes a meeting: the reminders not yet sent are cancelled, the future occurrences planned again
 * under a new revision (new reminder keys), and everyone already reminded is told, with the group
 * when the meeting is posted there.
 */
export async function updateMeeting(trx: Executor, meetingId: number, input: MeetingInput, now: Date, timeZone: string): Promise<Saved | null> {
  const old = await lockMeeting(trx, meetingId);
  if (!old || old.state !== 'active' || old.class_id !== input.classId) return null;
  const { reminded } = await cancelReminders(trx, { kind: 'meeting', subjectId: meetingId, after: now }, now);
  await deleteOccurrencesAfter(trx, meetingId, now);
  const meeting = await trx
    .updateTable('meetings')
    .set({
      rule: JSON.stringify(ruleFor(input.startsAt, input.repeat, timeZone)),
      place: input.place,
      topic: input.topic,
      present_figures: input.presentFigures,
      post_to_group: input.postToGroup,
      revision: old.revision + 1,
      materialised_until: now,
      updated_at: now,
    })
    .where('id', '=', meetingId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await materialiseMeeting(trx, meeting, await branchSettings(trx, meeting.branch_id), now, timeZone);
  const view = viewOf(meeting, input.className, input.startsAt);
  for (const personId of reminded) {
    await sendToPerson(trx, personId, (lang) => t(lang, 'meeting.changed', { class: input.className, summary: html(summary(view, lang, timeZone)) }), {
      dedupeKey: `meeting:${meetingId}:changed.v${meeting.revision}`,
      now,
    });
  }
  let noGroup = false;
  if (old.post_to_group || input.postToGroup) {
    const group = (await groupChats(trx, [input.classId])).get(input.classId);
    if (group === undefined) noGroup = input.postToGroup;
    else
      await sendToChat(trx, group, groupText(old.post_to_group ? 'meeting.group.changed' : 'meeting.group.announce', view, timeZone), {
        dedupeKey: `meeting:${meetingId}:changed.v${meeting.revision}`,
        now,
      });
  }
  return { meeting, noGroup };
}

/** Cancels a meeting (a recurring one: the whole series): reminders not sent are cancelled, whoever got one is told. */
export async function cancelMeeting(trx: Executor, meetingId: number, className: string, now: Date, timeZone: string): Promise<boolean> {
  const meeting = await lockMeeting(trx, meetingId);
  if (!meeting || meeting.state !== 'active') return false;
  const startsAt = nextStart(meeting, timeZone, now);
  const { reminded } = await cancelReminders(trx, { kind: 'meeting', subjectId: meetingId, after: now }, now);
  await trx.updateTable('meetings').set({ state: 'cancelled', materialised_until: null, updated_at: now }).where('id', '=', meetingId).execute();
  await trx.updateTable('meeting_occurrences').set({ next_due_at: null }).where('meeting_id', '=', meetingId).execute();
  if (!startsAt) return true;
  for (const personId of reminded) {
    await sendToPerson(
      trx,
      personId,
      (lang) => t(lang, 'meeting.cancelledNotice', { class: className, when: formatWhen(startsAt, timeZone, lang), place: meeting.place }),
      { dedupeKey: `meeting:${meetingId}:cancelled`, now },
    );
  }
  if (meeting.post_to_group) {
    const group = (await groupChats(trx, [meeting.class_id])).get(meeting.class_id);
    if (group !== undefined)
      await sendToChat(trx, group, t('zh', 'meeting.group.cancelled', { when: formatWhen(startsAt, timeZone, 'zh'), place: meeting.place }), {
        dedupeKey: `meeting:${meetingId}:cancelled`,
        now,
      });
  }
  return true;
}

export type AttendanceOutcome =
  { ok: false; reason: 'gone' | 'not_yours' | 'cancelled' | 'over' } | { ok: true; answer: 'yes' | 'no'; toldCoLiaisons: number; className: string };

/**
 * A liaison's answer from a reminder's button. The occurrence is named by the button, so the
 * caller must be a liaison of that occurrence's class (a forged button naming another class's
 * meeting is refused), the meeting still on and not yet begun. "Cannot go" tells the co-liaison.
 */
export async function answerAttendance(
  trx: Executor,
  occurrenceId: number,
  person: Person,
  isLiaisonOf: (classId: number) => boolean,
  answer: 'yes' | 'no',
  now: Date,
  timeZone: string,
): Promise<AttendanceOutcome> {
  const occ = await occurrenceWithMeeting(trx, occurrenceId, true);
  if (!occ) return { ok: false, reason: 'gone' };
  if (!isLiaisonOf(occ.class_id)) return { ok: false, reason: 'not_yours' };
  if (occ.state !== 'active') return { ok: false, reason: 'cancelled' };
  if (now.getTime() >= occ.starts_at.getTime()) return { ok: false, reason: 'over' };
  await trx
    .insertInto('meeting_attendance')
    .values({ occurrence_id: occurrenceId, person_id: person.id, answer, answered_at: now })
    .onConflict((oc) => oc.columns(['occurrence_id', 'person_id']).doUpdateSet({ answer, answered_at: now }))
    .execute();
  if (answer === 'yes') return { ok: true, answer, toldCoLiaisons: 0, className: occ.class_name };
  const people = (await peopleOfClasses(trx, [{ id: occ.class_id, branchId: occ.branch_id }])).get(occ.class_id)!;
  // The co-liaisons, except one who has already said they cannot come either (the escalation covers that).
  const answers = (await attendanceOf(trx, [occurrenceId])).get(occurrenceId);
  const others = people.liaisons.filter((l) => l.personId !== person.id && answers?.get(l.personId) !== 'no');
  const name = [person.first_name, person.last_name].filter(Boolean).join(' ');
  for (const other of others) {
    await sendToPerson(
      trx,
      other.personId,
      (lang) => ({
        html: t(lang, 'meeting.handoff', { name, class: occ.class_name, when: formatWhen(occ.starts_at, timeZone, lang), place: occ.place, topic: occ.topic }),
        buttons: attendanceKeyboard(occurrenceId, lang),
      }),
      { dedupeKey: `meeting:occurrence:${occurrenceId}:handoff:${person.id}`, now },
    );
  }
  return { ok: true, answer, toldCoLiaisons: others.length, className: occ.class_name };
}
