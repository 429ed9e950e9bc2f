import { Markup } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import { z } from 'zod';
import { defineCallback } from '../../dialogue/callback.js';
import { defineDialogue, type Turn } from '../../dialogue/define.js';
import { localIsoDate } from '../../shared/when.js';
import type { BotContext } from '../../telegram/context.js';
import { queueFeedback } from '../feedback/queue.js';
import { oldestVisitDate, parseVisitDate } from './dates.js';
import { saveVisit } from './queries.js';

export const LEARNED_MAX = 1000;
export const SUGGESTION_MAX = 500;
export const SUGGESTIONS_MAX = 10;
/** dorm_visits.suggestions holds them one a line, at most 2000 characters. */
const SUGGESTIONS_TOTAL = 2000;

/** vs:<action>[:<arg>] — a class id (class) or a suggestion's index (file). */
const buttonSchema = z.object({
  action: z.enum(['class', 'today', 'done', 'none', 'save', 'file', 'finish', 'cancel']),
  arg: z.number().int().nonnegative().max(2_147_483_647).optional(),
});
type VisitButton = z.output<typeof buttonSchema>;
export const visitButton = defineCallback('vs', buttonSchema);

const dataSchema = z.object({
  classId: z.number().int().positive().nullable(),
  date: z.string().nullable(),
  dorm: z.string().nullable(),
  learned: z.string().nullable(),
  suggestions: z.array(z.string()),
  /** Indexes of the suggestions already filed as anonymous feedback (after saving). */
  filed: z.array(z.number().int().nonnegative()),
});
export type VisitData = z.output<typeof dataSchema>;
export const emptyVisit: VisitData = { classId: null, date: null, dorm: null, learned: null, suggestions: [], filed: [] };

interface VisitClass {
  id: number;
  name: string;
  branchId: number;
}
interface Scope {
  classes: VisitClass[];
}
type Step = 'class' | 'date' | 'dorm' | 'learned' | 'suggestions' | 'preview' | 'file';
type VisitTurn = Turn<VisitData, VisitButton, Scope, Step>;

/** The classes the caller logs visits for: where they are a liaison or the League secretary. */
export function visitorClassIds(ctx: BotContext): number[] {
  return [...new Set(ctx.roles.filter((r) => (r.role === 'liaison' || r.role === 'league_secretary') && r.classId !== null).map((r) => r.classId!))];
}

const today = (turn: VisitTurn) => localIsoDate(turn.deps.clock.now(), turn.deps.config.timeZone);
const classOf = (turn: VisitTurn) => turn.scope.classes.find((c) => c.id === turn.data.classId);
const cancelButton = (turn: VisitTurn) => turn.button(turn.t('visit.btn.cancel'), { action: 'cancel' });
const prompt = (turn: VisitTurn, html: string, rows: InlineKeyboardButton[][]) => turn.ctx.reply(html, { parse_mode: 'HTML', ...Markup.inlineKeyboard(rows) });

/** A step that takes a text, once the class is chosen. */
const textStep = (accept: (turn: VisitTurn, text: string) => Promise<unknown>) => ({
  accepts: ['text'] as const,
  unsupported: 'visit.unsupported' as const,
  handle: async (turn: VisitTurn, input: { text?: string }) => (classOf(turn) ? accept(turn, input.text ?? '') : turn.stale()),
});

const dormSchema = z.string().trim().min(1).max(50);
const learnedSchema = z.string().trim().min(1).max(LEARNED_MAX);

async function fileSuggestion(turn: VisitTurn, index: number | undefined): Promise<void> {
  const klass = classOf(turn);
  const text = index === undefined ? undefined : turn.data.suggestions[index];
  if (!klass || text === undefined || index === undefined) return turn.stale();
  const personId = turn.person.id;
  // The dialogue row is locked while the item is queued: a double press files it once.
  const filed = await turn.deps.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('dialogues').select('data').where('person_id', '=', personId).forUpdate().executeTakeFirst();
    const stored = dataSchema.safeParse(row?.data);
    if (!stored.success || stored.data.filed.includes(index)) return null;
    await queueFeedback(trx, null, {
      classId: klass.id,
      branchId: klass.branchId,
      category: 'life',
      body: text,
      photoFileId: null,
      returnTo: null,
      passedOn: true,
    });
    const data = { ...stored.data, filed: [...stored.data.filed, index] };
    await trx
      .updateTable('dialogues')
      .set({ data: JSON.stringify(data) })
      .where('person_id', '=', personId)
      .execute();
    return data;
  });
  if (!filed) return turn.answer(turn.t('visit.alreadyFiled'), { alert: true });
  turn.deps.logger.info({ event: 'visit_suggestion_filed', classId: klass.id }, 'visit suggestion filed as feedback');
  await turn.answer();
  await turn.reply(turn.t('visit.filed', { n: index + 1, class: klass.name }));
  if (filed.filed.length >= filed.suggestions.length) {
    await turn.finish();
    return turn.reply(turn.t('visit.finished'));
  }
  await turn.goto('file', filed);
}

/**
 * /visit: a class's liaison or League secretary logs a dormitory visit — class (when several),
 * date, dormitory, what was learned, suggestions — then may file each suggestion as the class's
 * anonymous feedback (category 生活与宿舍) in one press. The feedback row keeps no link to the visit
 * or to who filed it; it is marked as passed on, not a classmate's own message.
 */
export const visitDialogue = defineDialogue({
  kind: 'visit',
  schema: dataSchema,
  callback: visitButton,
  cancelAction: 'cancel',
  scope: async (ctx: BotContext): Promise<Scope | null> => {
    const ids = visitorClassIds(ctx);
    if (ids.length === 0) return null;
    const classes = await ctx.deps.db.selectFrom('classes').select(['id', 'name', 'branch_id as branchId']).where('id', 'in', ids).orderBy('name').execute();
    return { classes };
  },
  start: 'class',
  steps: {
    class: {
      enter: async (turn) => {
        const rows = turn.scope.classes.map((c) => [turn.button(c.name, { action: 'class', arg: c.id })]);
        await prompt(turn, turn.t('visit.pickClass'), [...rows, [cancelButton(turn)]]);
      },
      buttons: {
        class: async (turn, { arg }) => {
          if (!turn.scope.classes.some((c) => c.id === arg)) return turn.stale();
          return turn.goto('date', { ...turn.data, classId: arg! });
        },
      },
    },
    date: {
      enter: async (turn) => {
        const klass = classOf(turn);
        if (!klass) return turn.stale();
        await prompt(turn, turn.t('visit.askDate', { class: klass.name }), [
          [turn.button(turn.t('visit.btn.today', { date: today(turn) }), { action: 'today' }), cancelButton(turn)],
        ]);
      },
      message: textStep(async (turn, text) => {
        const now = today(turn);
        const date = parseVisitDate(text, now);
        if (!date) return turn.reply(turn.t('visit.badDate'));
        if (date > now) return turn.reply(turn.t('visit.futureDate', { date, today: now }));
        if (date < oldestVisitDate(now)) return turn.reply(turn.t('visit.tooOld', { date }));
        return turn.goto('dorm', { ...turn.data, date });
      }),
      buttons: { today: (turn) => turn.goto('dorm', { ...turn.data, date: today(turn) }) },
    },
    dorm: {
      enter: (turn) => prompt(turn, turn.t('visit.askDorm'), [[cancelButton(turn)]]),
      message: textStep(async (turn, text) => {
        const dorm = dormSchema.safeParse(text.replace(/\s+/g, ' '));
        return dorm.success ? turn.goto('learned', { ...turn.data, dorm: dorm.data }) : turn.reply(turn.t('visit.badDorm'));
      }),
    },
    learned: {
      enter: (turn) => prompt(turn, turn.t('visit.askLearned', { max: LEARNED_MAX }), [[cancelButton(turn)]]),
      message: textStep(async (turn, text) => {
        const learned = learnedSchema.safeParse(text);
        if (!learned.success) return turn.reply(turn.t('visit.badLearned', { max: LEARNED_MAX, length: text.trim().length }));
        return turn.goto('suggestions', { ...turn.data, learned: learned.data });
      }),
    },
    suggestions: {
      enter: (turn) =>
        prompt(turn, turn.t('visit.askSuggestions'), [
          [turn.button(turn.t('visit.btn.noSuggestions'), { action: 'none' }), turn.button(turn.t('visit.btn.done'), { action: 'done' })],
          [cancelButton(turn)],
        ]),
      message: textStep(async (turn, text) => {
        const lines = text
          .split(/\r?\n/)
          .map((l) => l.trim().replace(/^(?:[-•*·]|\d+[.、)）])\s*/, ''))
          .filter((l) => l !== '');
        const all = [...turn.data.suggestions, ...lines];
        if (lines.length === 0 || lines.some((l) => l.length > SUGGESTION_MAX) || all.length > SUGGESTIONS_MAX || all.join('\n').length > SUGGESTIONS_TOTAL)
          return turn.reply(turn.t('visit.badSuggestion', { max: SUGGESTION_MAX, count: SUGGESTIONS_MAX, total: SUGGESTIONS_TOTAL }));
        await turn.save({ ...turn.data, suggestions: all });
        return prompt(turn, turn.t('visit.suggestionsSoFar', { n: all.length }), [[turn.button(turn.t('visit.btn.done'), { action: 'done' })]]);
      }),
      buttons: {
        none: (turn) => turn.goto('preview', { ...turn.data, suggestions: [] }),
        done: (turn) => turn.goto('preview', turn.data),
      },
    },
    preview: {
      enter: async (turn) => {
        const { date, dorm, learned, suggestions } = turn.data;
        const klass = classOf(turn);
        if (!klass || !date || !dorm || !learned) return turn.stale();
        const listed = suggestions.length === 0 ? turn.t('visit.noSuggestionsShort') : suggestions.map((s, i) => `\n${i + 1}. ${s}`).join('');
        await turn.ctx.reply(turn.t('visit.preview', { class: klass.name, date, dorm, learned, suggestions: listed }), {
          parse_mode: 'HTML',
          ...Markup.inlineKeyboard([[turn.button(turn.t('visit.btn.save'), { action: 'save' }), cancelButton(turn)]]),
        });
      },
      buttons: {
        save: async (turn) => {
          const { date, dorm, learned, suggestions } = turn.data;
          const klass = classOf(turn);
          if (!klass || !date || !dorm || !learned) return turn.stale();
          const now = turn.deps.clock.now();
          await turn.deps.db
            .transaction()
            .execute((trx) => saveVisit(trx, { classId: klass.id, visitedOn: date, dormitory: dorm, learned, suggestions, createdBy: turn.person.id }, now));
          turn.deps.logger.info({ event: 'visit_logged', classId: klass.id }, 'dormitory visit logged');
          await turn.answer();
          await turn.reply(turn.t('visit.saved', { class: klass.name, date }));
          if (suggestions.length === 0) return turn.finish();
          return turn.goto('file', turn.data);
        },
      },
    },
    file: {
      enter: async (turn) => {
        const rows = turn.data.suggestions.flatMap((_, i) =>
          turn.data.filed.includes(i) ? [] : [[turn.button(turn.t('visit.btn.file', { n: i + 1 }), { action: 'file', arg: i })]],
        );
        await prompt(turn, turn.t('visit.fileOffer'), [...rows, [turn.button(turn.t('visit.btn.finish'), { action: 'finish' })]]);
      },
      buttons: {
        file: (turn, { arg }) => fileSuggestion(turn, arg),
        finish: async (turn) => {
          await turn.finish();
          await turn.answer();
          await turn.reply(turn.t('visit.finished'));
        },
      },
    },
  },
});
