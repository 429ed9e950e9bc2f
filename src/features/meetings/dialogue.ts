import { Markup } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import { z } from 'zod';
import { defineCallback } from '../../dialogue/callback.js';
import { defineDialogue, type Turn } from '../../dialogue/define.js';
import type { BotContext } from '../../telegram/context.js';
import { formatWhen, parseWhen, type ParsedWhen } from '../../shared/when.js';
import { t, type MessageKey } from '../../i18n/i18n.js';
import { html } from '../../i18n/html.js';
import type { Language } from '../../i18n/language.js';
import { meetingScope, type MeetingClass } from './queries.js';
import { summary } from './render.js';
import { checkInput, createMeeting, PLACE_MAX, ruleFor, textLength, TOPIC_MAX, updateMeeting, type InputProblem, type MeetingInput } from './service.js';

export const MEETING_DIALOGUE = 'meeting';

export const draftSchema = z.object({
  classId: z.number().int().nullable(),
  /** ISO instant. */
  startsAt: z.string().nullable(),
  place: z.string().nullable(),
  topic: z.string().nullable(),
  repeat: z.enum(['none', 'weekly', 'fortnightly']),
  presentFigures: z.boolean(),
  postToGroup: z.boolean(),
  /** The meeting being edited; null for a new one. */
  editing: z.number().int().nullable(),
});
export type Draft = z.infer<typeof draftSchema>;
export const emptyDraft: Draft = {
  classId: null,
  startsAt: null,
  place: null,
  topic: null,
  repeat: 'none',
  presentFigures: true,
  postToGroup: false,
  editing: null,
};

/** mtd:<action>[:<class id>]; each action is offered at one step, the same data at another is stale. */
const buttonSchema = z.object({
  action: z.enum(['class', 'rep', 'fig', 'grp', 'save', 'when', 'place', 'topic', 'cancel']),
  arg: z.number().int().positive().optional(),
});
const button = defineCallback('mtd', buttonSchema);
type Step = 'class' | 'when' | 'place' | 'topic' | 'confirm';
type MeetingTurn = Turn<Draft, z.output<typeof buttonSchema>, MeetingClass[], Step>;

const whenErrors: Record<'format' | 'bad_date' | 'bad_time', MessageKey> = {
  format: 'meeting.badFormat',
  bad_date: 'meeting.badDate',
  bad_time: 'meeting.badTime',
};

/** The step after what the draft already has (the one-line form and the edit buttons skip what is known). */
export function nextStep(draft: Draft): Step {
  if (draft.classId === null) return 'class';
  if (draft.startsAt === null) return 'when';
  if (draft.place === null) return 'place';
  if (draft.topic === null) return 'topic';
  return 'confirm';
}

/** The answer to a time that cannot be used (or null): what parseWhen refused, a past time, more than a year ahead. */
export function whenProblem(parsed: ParsedWhen, now: Date, language: Language, timeZone: string): string | null {
  if (!parsed.ok) return t(language, whenErrors[parsed.error]);
  const problem = checkInput({ startsAt: parsed.at, place: '', topic: '' }, now);
  return problem ? problemText(problem, language, parsed.at, timeZone) : null;
}

export function problemText(problem: InputProblem, language: Language, startsAt: Date, timeZone: string): string {
  if (problem.key === 'meeting.tooLong') return t(language, 'meeting.tooLong', { length: problem.length, max: problem.max });
  return t(language, problem.key, { when: formatWhen(startsAt, timeZone, language) });
}

function confirmView(turn: MeetingTurn): { text: string; keyboard: InlineKeyboardButton[][] } {
  const { data, scope } = turn;
  const klass = scope.find((c) => c.id === data.classId)!;
  const startsAt = new Date(data.startsAt!);
  const tz = turn.deps.config.timeZone;
  const lang = turn.ctx.lang;
  const text = `${turn.t('meeting.confirmHeader')}\n\n${summary(
    {
      className: klass.name,
      startsAt,
      rule: ruleFor(startsAt, data.repeat, tz),
      place: data.place!,
      topic: data.topic!,
      presentFigures: data.presentFigures,
      postToGroup: data.postToGroup,
    },
    lang,
    tz,
  )}`;
  const yesNo = (v: boolean) => turn.t(v ? 'meeting.yes' : 'meeting.no');
  const keyboard = [
    [turn.button(turn.t(`meeting.btn.repeat.${data.repeat}`), { action: 'rep' })],
    [turn.button(turn.t('meeting.btn.figures', { value: yesNo(data.presentFigures) }), { action: 'fig' })],
    [turn.button(turn.t('meeting.btn.group', { value: yesNo(data.postToGroup) }), { action: 'grp' })],
    [
      turn.button(turn.t('meeting.btn.when'), { action: 'when' }),
      turn.button(turn.t('meeting.btn.place'), { action: 'place' }),
      turn.button(turn.t('meeting.btn.topic'), { action: 'topic' }),
    ],
    [turn.button(turn.t('meeting.btn.save'), { action: 'save' }), turn.button(turn.t('meeting.btn.cancel'), { action: 'cancel' })],
  ];
  return { text, keyboard };
}

const htmlOptions = (keyboard: InlineKeyboardButton[][]) => ({
  parse_mode: 'HTML' as const,
  link_preview_options: { is_disabled: true },
  ...Markup.inlineKeyboard(keyboard),
});

async function showConfirm(turn: MeetingTurn): Promise<void> {
  const { text, keyboard } = confirmView(turn);
  await turn.ctx.reply(text, htmlOptions(keyboard));
}

async function toggle(turn: MeetingTurn, data: Draft): Promise<void> {
  await turn.save(data);
  await turn.answer();
  const { text, keyboard } = confirmView(turn);
  await turn.ctx.editMessageText(text, htmlOptions(keyboard)).catch(() => undefined);
}

const textStep = (field: 'place' | 'topic', max: number) => ({
  enter: (turn: MeetingTurn) => turn.reply(turn.t(field === 'place' ? 'meeting.askPlace' : 'meeting.askTopic', { max })),
  message: {
    accepts: ['text'] as const,
    unsupported: 'meeting.textOnly' as const,
    handle: async (turn: MeetingTurn, input: { text?: string }) => {
      const text = (input.text ?? '').trim().replace(/\s+/g, ' ');
      if (text === '') return turn.reply(turn.t('meeting.textOnly'));
      if (textLength(text) > max) return turn.reply(turn.t('meeting.tooLong', { length: textLength(text), max }));
      const data = { ...turn.data, [field]: text };
      return turn.goto(nextStep(data), data);
    },
  },
});

async function save(turn: MeetingTurn): Promise<void> {
  const { data, scope, deps } = turn;
  const klass = scope.find((c) => c.id === data.classId);
  if (!klass || !data.startsAt || data.place === null || data.topic === null) return turn.stale();
  const now = deps.clock.now();
  const tz = deps.config.timeZone;
  const input: MeetingInput = {
    classId: klass.id,
    branchId: klass.branchId,
    className: klass.name,
    startsAt: new Date(data.startsAt),
    repeat: data.repeat,
    place: data.place,
    topic: data.topic,
    presentFigures: data.presentFigures,
    postToGroup: data.postToGroup,
  };
  const problem = checkInput(input, now);
  if (problem) {
    await turn.answer();
    await turn.reply(problemText(problem, turn.ctx.lang, input.startsAt, tz));
    return turn.goto('when', { ...data, startsAt: null });
  }
  const saved = await deps.db
    .transaction()
    .execute((trx) => (data.editing === null ? createMeeting(trx, input, turn.person, now, tz) : updateMeeting(trx, data.editing, input, now, tz)));
  await turn.finish();
  await turn.answer();
  if (!saved) return turn.reply(turn.t('meeting.gone'));
  deps.outbox.poke();
  deps.logger.info({ event: data.editing === null ? 'meeting_created' : 'meeting_updated', meetingId: saved.meeting.id, classId: klass.id }, 'meeting saved');
  const text = turn.t(data.editing === null ? 'meeting.saved' : 'meeting.updated', {
    summary: html(summary({ ...input, rule: ruleFor(input.startsAt, input.repeat, tz) }, turn.ctx.lang, tz)),
  });
  await turn.reply(saved.noGroup ? `${text}\n${turn.t('meeting.noGroup')}` : text);
}

/**
 * /meeting: class (only when the caller has several) → time → place → topic → a confirmation with
 * the full date and weekday, where repeat / figures / group post are toggled and any field changed
 * before Save. Editing a meeting from /meetings opens the confirmation filled in.
 */
export const meetingDialogue = defineDialogue({
  kind: MEETING_DIALOGUE,
  schema: draftSchema,
  callback: button,
  cancelAction: 'cancel',
  scope: async (ctx: BotContext) => {
    const scope = await meetingScope(ctx.deps.db, ctx.roles);
    return scope && scope.length > 0 ? scope : null;
  },
  start: 'class',
  steps: {
    class: {
      enter: (turn) =>
        turn.ctx.reply(
          turn.t('meeting.chooseClass'),
          Markup.inlineKeyboard(
            chunk(
              turn.scope.slice(0, 60).map((c) => turn.button(c.name, { action: 'class', arg: c.id })),
              3,
            ),
          ),
        ),
      buttons: {
        class: (turn, { arg }) => {
          if (arg === undefined || !turn.scope.some((c) => c.id === arg)) return turn.answer(turn.t('meeting.notYourClass'), { alert: true });
          const data = { ...turn.data, classId: arg };
          return turn.goto(nextStep(data), data);
        },
      },
    },
    when: {
      enter: (turn) => turn.reply(turn.t('meeting.askWhen', { tz: turn.deps.config.timeZone })),
      message: {
        accepts: ['text'],
        unsupported: 'meeting.textOnly',
        handle: async (turn, { text }) => {
          const now = turn.deps.clock.now();
          const tz = turn.deps.config.timeZone;
          const parsed = parseWhen(text ?? '', tz, now);
          const problem = whenProblem(parsed, now, turn.ctx.lang, tz);
          if (problem || !parsed.ok) return turn.reply(problem ?? turn.t('meeting.badFormat'));
          if (parsed.adjusted) await turn.reply(turn.t('meeting.skipped', { typed: (text ?? '').trim(), when: formatWhen(parsed.at, tz, turn.ctx.lang) }));
          const data = { ...turn.data, startsAt: parsed.at.toISOString() };
          return turn.goto(nextStep(data), data);
        },
      },
    },
    place: textStep('place', PLACE_MAX),
    topic: textStep('topic', TOPIC_MAX),
    confirm: {
      enter: showConfirm,
      buttons: {
        rep: (turn) => toggle(turn, { ...turn.data, repeat: turn.data.repeat === 'none' ? 'weekly' : turn.data.repeat === 'weekly' ? 'fortnightly' : 'none' }),
        fig: (turn) => toggle(turn, { ...turn.data, presentFigures: !turn.data.presentFigures }),
        grp: (turn) => toggle(turn, { ...turn.data, postToGroup: !turn.data.postToGroup }),
        when: (turn) => turn.goto('when', { ...turn.data, startsAt: null }),
        place: (turn) => turn.goto('place', { ...turn.data, place: null }),
        topic: (turn) => turn.goto('topic', { ...turn.data, topic: null }),
        save,
      },
    },
  },
});

function chunk<T>(items: T[], size: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += size) rows.push(items.slice(i, i + size));
  return rows;
}
