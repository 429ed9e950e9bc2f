import { Composer, Markup } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import { html } from '../../i18n/html.js';
import { splitQuotedArgs } from '../../shared/quoted-args.js';
import { formatWhen, parseWhen, type ParsedWhen } from '../../shared/when.js';
import type { AppDeps, BotContext } from '../../telegram/context.js';
import { commandArgs, privateOnly } from '../../telegram/guards.js';
import { replyHtml } from '../../telegram/reply.js';
import { isLiaisonOf } from '../../people/access.js';
import { attendanceButton, manageButton } from './buttons.js';
import { emptyDraft, meetingDialogue, nextStep, problemText, whenProblem, type Draft } from './dialogue.js';
import { activeMeetings, attendanceOf, classInScope, meetingScope, meetingWithClass, peopleOfClasses, type MeetingClass } from './queries.js';
import { repeatLine } from './render.js';
import { answerAttendance, cancelMeeting, checkInput, nextStart, repeatOf, viewOf } from './service.js';
import { onButton } from '../../telegram/buttons.js';

const MAX_LISTED = 20;

/** The scope, or the refusal already sent. */
async function scopeOrRefuse(ctx: BotContext): Promise<MeetingClass[] | null> {
  const scope = await meetingScope(ctx.deps.db, ctx.roles);
  if (scope && scope.length > 0) return scope;
  await replyHtml(ctx, ctx.t(scope ? 'meeting.noClasses' : 'meeting.notAllowed'));
  return null;
}

/** Two words (`周四 19:30`) or one (`明天19:30`); the more telling refusal when neither reads. */
function parseLeadingWhen(words: string[], deps: AppDeps): { parsed: ParsedWhen; used: number } {
  const now = deps.clock.now();
  const tz = deps.config.timeZone;
  const two = words.length >= 2 ? parseWhen(`${words[0]} ${words[1]}`, tz, now) : null;
  if (two?.ok) return { parsed: two, used: 2 };
  const one = words.length >= 1 ? parseWhen(words[0]!, tz, now) : ({ ok: false, error: 'format' } as const);
  if (one.ok) return { parsed: one, used: 1 };
  return { parsed: two && two.error !== 'format' ? two : one, used: 0 };
}

const isUnreadable = (parsed: ParsedWhen) => !parsed.ok && parsed.error === 'format';

/**
 * `/meeting` opens the dialogue; `/meeting [CLASS] TIME PLACE TOPIC` fills it in and goes straight to
 * the confirmation (what is missing is asked for). Anything that cannot be used is answered and
 * nothing is written.
 */
function meetingCommand(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('meeting', privateOnly, async (ctx) => {
    const scope = await scopeOrRefuse(ctx);
    if (!scope) return;
    const words = splitQuotedArgs(commandArgs(ctx));
    if (words === null) return replyHtml(ctx, ctx.t('meeting.badFormat'));
    const draft: Draft = { ...emptyDraft, classId: scope.length === 1 ? scope[0]!.id : null };
    let rest = words;
    if (rest.length > 0) {
      const named = classInScope(scope, rest[0]!);
      if (named) {
        draft.classId = named.id;
        rest = rest.slice(1);
      } else if (isUnreadable(parseLeadingWhen(rest, ctx.deps).parsed)) {
        // Not a time either: a class that is not the caller's (or does not exist; the answer is the same).
        return replyHtml(ctx, ctx.t('meeting.notYourClass'));
      }
    }
    if (rest.length > 0) {
      const { parsed, used } = parseLeadingWhen(rest, ctx.deps);
      const problem = whenProblem(parsed, ctx.deps.clock.now(), ctx.lang, ctx.deps.config.timeZone);
      if (problem || !parsed.ok) return replyHtml(ctx, problem ?? ctx.t('meeting.badFormat'));
      draft.startsAt = parsed.at.toISOString();
      const typed = rest.slice(0, used).join(' ');
      rest = rest.slice(used);
      if (rest.length > 0) draft.place = rest[0]!;
      if (rest.length > 1) draft.topic = rest.slice(1).join(' ');
      const tooLong = checkInput({ startsAt: parsed.at, place: draft.place ?? '', topic: draft.topic ?? '' }, ctx.deps.clock.now());
      if (tooLong) return replyHtml(ctx, problemText(tooLong, ctx.lang, parsed.at, ctx.deps.config.timeZone));
      if (parsed.adjusted) await replyHtml(ctx, ctx.t('meeting.skipped', { typed, when: formatWhen(parsed.at, ctx.deps.config.timeZone, ctx.lang) }));
    }
    await meetingDialogue.begin(ctx, draft, nextStep(draft));
  });
  return composer;
}

/** `/meetings`: the upcoming meetings of the caller's classes, who confirmed the next one, with Edit / Cancel buttons. */
function meetingsCommand(deps: AppDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('meetings', privateOnly, async (ctx) => {
    const scope = await scopeOrRefuse(ctx);
    if (!scope) return;
    const now = deps.clock.now();
    const tz = deps.config.timeZone;
    const meetings = (
      await activeMeetings(
        deps.db,
        scope.map((c) => c.id),
        now,
      )
    )
      .map((m) => ({ m, startsAt: nextStart(m, tz, now) }))
      .filter((x): x is { m: (typeof x)['m']; startsAt: Date } => x.startsAt !== null)
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
      .slice(0, MAX_LISTED);
    if (meetings.length === 0) return replyHtml(ctx, ctx.t('meeting.list.none'));
    const people = await peopleOfClasses(
      deps.db,
      scope.filter((c) => meetings.some((x) => x.m.class_id === c.id)),
    );
    const answers = await attendanceOf(
      deps.db,
      meetings.flatMap((x) => (x.m.next_occurrence_id ? [x.m.next_occurrence_id] : [])),
    );
    const lines = meetings.map(({ m, startsAt }) => {
      const given = m.next_occurrence_id ? answers.get(m.next_occurrence_id) : undefined;
      const said = (people.get(m.class_id)?.liaisons ?? []).flatMap((l) => {
        const answer = given?.get(l.personId);
        return answer ? [ctx.t(answer === 'yes' ? 'meeting.attendance.yes' : 'meeting.attendance.no', { name: l.name })] : [];
      });
      return ctx.t('meeting.list.item', {
        class: m.class_name,
        when: formatWhen(startsAt, tz, ctx.lang),
        repeat: html(repeatLine(viewOf(m, m.class_name, startsAt).rule, ctx.lang)),
        place: m.place,
        topic: m.topic,
        attendance: said.length > 0 ? said.join('；') : ctx.t('meeting.attendance.none'),
      });
    });
    const keyboard: InlineKeyboardButton[][] = meetings.map(({ m }) => [
      Markup.button.callback(ctx.t('meeting.btn.edit', { class: m.class_name }), manageButton.encode({ action: 'e', meeting: m.id })),
      Markup.button.callback(ctx.t('meeting.btn.cancelMeeting', { class: m.class_name }), manageButton.encode({ action: 'c', meeting: m.id })),
    ]);
    await ctx.reply([ctx.t('meeting.list.header'), ...lines].join('\n\n'), {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...Markup.inlineKeyboard(keyboard),
    });
  });
  return composer;
}

/** Edit / Cancel from /meetings; a button naming a meeting of a class that is not the caller's is refused. */
function manageButtons(deps: AppDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  onButton(composer, manageButton, async (ctx, value) => {
    const scope = (await meetingScope(deps.db, ctx.roles)) ?? [];
    const meeting = await meetingWithClass(deps.db, value.meeting);
    if (!meeting || !scope.some((c) => c.id === meeting.class_id)) return ctx.answerCbQuery(ctx.t('meeting.notYours'), { show_alert: true });
    const now = deps.clock.now();
    const tz = deps.config.timeZone;
    const startsAt = meeting.state === 'active' ? nextStart(meeting, tz, now) : null;
    if (!startsAt) return ctx.answerCbQuery(ctx.t('meeting.gone'), { show_alert: true });
    if (value.action === 'e') {
      await ctx.answerCbQuery();
      const draft: Draft = {
        classId: meeting.class_id,
        startsAt: startsAt.toISOString(),
        place: meeting.place,
        topic: meeting.topic,
        repeat: repeatOf(viewOf(meeting, meeting.class_name, startsAt).rule),
        presentFigures: meeting.present_figures,
        postToGroup: meeting.post_to_group,
        editing: meeting.id,
      };
      await meetingDialogue.begin(ctx, draft, 'confirm');
      return;
    }
    if (value.action === 'c') {
      await ctx.answerCbQuery();
      const repeat = html(repeatLine(viewOf(meeting, meeting.class_name, startsAt).rule, ctx.lang).replace(/^\n/, '，'));
      return ctx.reply(ctx.t('meeting.cancelAsk', { class: meeting.class_name, when: formatWhen(startsAt, tz, ctx.lang), repeat }), {
        parse_mode: 'HTML',
        ...Markup.inlineKeyboard([[Markup.button.callback(ctx.t('meeting.btn.cancelConfirm'), manageButton.encode({ action: 'cc', meeting: meeting.id }))]]),
      });
    }
    const done = await deps.db.transaction().execute((trx) => cancelMeeting(trx, meeting.id, meeting.class_name, now, tz));
    if (!done) return ctx.answerCbQuery(ctx.t('meeting.gone'), { show_alert: true });
    deps.outbox.poke();
    deps.logger.info({ event: 'meeting_cancelled', meetingId: meeting.id, classId: meeting.class_id }, 'meeting cancelled');
    await ctx.answerCbQuery();
    await ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
    await replyHtml(ctx, ctx.t('meeting.cancelled', { class: meeting.class_name }));
  });
  return composer;
}

/** 我会参加 / 去不了 under a reminder or a hand-off. */
function attendanceButtons(deps: AppDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  onButton(composer, attendanceButton, async (ctx, value, person) => {
    const answer = value.action === 'y' ? 'yes' : 'no';
    const now = deps.clock.now();
    const outcome = await deps.db
      .transaction()
      .execute((trx) => answerAttendance(trx, value.occurrence, person, (classId) => isLiaisonOf(ctx.roles, classId), answer, now, deps.config.timeZone));
    if (!outcome.ok) {
      const key = { gone: 'meeting.gone', not_yours: 'meeting.notYours', cancelled: 'meeting.answer.cancelled', over: 'meeting.answer.over' } as const;
      return ctx.answerCbQuery(ctx.t(key[outcome.reason]), { show_alert: true });
    }
    if (outcome.toldCoLiaisons > 0) deps.outbox.poke();
    deps.logger.info({ event: 'meeting_attendance', occurrenceId: value.occurrence, answer }, 'liaison answered');
    const reply = answer === 'yes' ? 'meeting.answer.yes' : outcome.toldCoLiaisons > 0 ? 'meeting.answer.no' : 'meeting.answer.noAlone';
    await ctx.answerCbQuery(ctx.t(reply), { show_alert: answer === 'no' });
    // The buttons give way to the answer, so the message shows what was said.
    await ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
    await replyHtml(ctx, ctx.t(answer === 'yes' ? 'meeting.answered.yes' : 'meeting.answered.no'));
  });
  return composer;
}

export function meetingsComposer(deps: AppDeps): Composer<BotContext> {
  return new Composer<BotContext>(meetingCommand(), meetingsCommand(deps), manageButtons(deps), attendanceButtons(deps));
}
