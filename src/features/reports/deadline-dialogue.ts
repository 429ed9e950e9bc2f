import { Composer, Markup } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import { z } from 'zod';
import { defineCallback } from '../../dialogue/callback.js';
import { defineDialogue, type Turn } from '../../dialogue/define.js';
import type { MessageKey } from '../../i18n/i18n.js';
import { branchSettings } from '../../reminders/settings.js';
import { formatWhen, localIsoDate, localParts, parseWhen } from '../../shared/when.js';
import type { BotContext } from '../../telegram/context.js';
import { privateOnly, secretaryOnly } from '../../telegram/guards.js';
import { replyHtml } from '../../telegram/reply.js';
import { secretaryBranch } from '../../people/access.js';
import { createDeadline, DEADLINE_NAME_MAX, type CreateDeadlineError } from './service.js';
import { describeRule, nextDue, type DeadlineRule } from './rule.js';

const kinds = ['monthly', 'weekly', 'weeks', 'once', 'cron'] as const;
type Kind = (typeof kinds)[number];

const dataSchema = z.object({
  name: z.string().nullable(),
  kind: z.enum(kinds).nullable(),
  day: z.number().int().min(1).max(31).nullable(),
  everyWeeks: z.number().int().min(1).max(52).nullable(),
  weekday: z.number().int().min(0).max(6).nullable(),
  /** once: the local date and time; otherwise the time of day. */
  date: z.string().nullable(),
  time: z.string().nullable(),
  cron: z.string().nullable(),
  /** null: every class. */
  tag: z.string().nullable(),
});
type Data = z.output<typeof dataSchema>;
const empty: Data = { name: null, kind: null, day: null, everyWeeks: null, weekday: null, date: null, time: null, cron: null, tag: null };

/** dl:<action>[:<arg>] — a kind's index, a weekday (0 = Sunday), a tag's index. */
const buttonSchema = z.object({
  action: z.enum(['kind', 'wd', 'all', 'tag', 'create', 'cancel']),
  arg: z.number().int().nonnegative().optional(),
});
type DeadlineButton = z.output<typeof buttonSchema>;
const deadlineButton = defineCallback('dl', buttonSchema);

/** The secretary's branch, its classes and tags (loaded every turn; a secretary no more cannot go on). */
interface Scope {
  branchId: number;
  classes: number;
  tags: Array<{ tag: string; count: number }>;
}
type Step = 'name' | 'kind' | 'day' | 'every' | 'weekday' | 'once' | 'cron' | 'time' | 'classes' | 'confirm';
type DeadlineTurn = Turn<Data, DeadlineButton, Scope, Step>;

const MAX_TAGS = 30;
const weekdayOrder = [1, 2, 3, 4, 5, 6, 0];

async function scopeOf(ctx: BotContext): Promise<Scope | null> {
  const branch = secretaryBranch(ctx.roles);
  if (!branch) return null;
  const classes = await ctx.deps.db.selectFrom('classes').select('tags').where('branch_id', '=', branch.branchId).execute();
  const counts = new Map<string, number>();
  for (const c of classes) for (const tag of c.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  const tags = [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([tag, count]) => ({ tag, count }));
  return { branchId: branch.branchId, classes: classes.length, tags };
}

/** The rule the answers make; weekly rules count their weeks from today. */
export function ruleOf(data: Data, timeZone: string, now: Date): DeadlineRule | null {
  switch (data.kind) {
    case 'monthly':
      return data.day !== null && data.time ? { kind: 'monthly', day: data.day, time: data.time } : null;
    case 'weekly':
    case 'weeks':
      if (data.weekday === null || !data.time) return null;
      return {
        kind: 'weekly',
        weekday: data.weekday,
        time: data.time,
        everyWeeks: data.kind === 'weekly' ? 1 : (data.everyWeeks ?? 2),
        from: localIsoDate(now, timeZone),
      };
    case 'once':
      return data.date && data.time ? { kind: 'once', date: data.date, time: data.time } : null;
    case 'cron':
      return data.cron ? { kind: 'cron', expression: data.cron } : null;
    default:
      return null;
  }
}

const TIME = /^(\d{1,2})\s*[:：]\s*(\d{2})$/;

/** "18:00" → "18:00"; "25:00" → 'bad_time'; anything else → null. */
function readTime(text: string): string | 'bad_time' | null {
  const m = TIME.exec(text.trim());
  if (!m) return null;
  const [hour, minute] = [Number(m[1]), Number(m[2])];
  if (hour > 23 || minute > 59) return 'bad_time';
  return `${String(hour).padStart(2, '0')}:${m[2]}`;
}

/** A whole number typed alone (also 31日 / 31号), within bounds; null otherwise. */
function readNumber(text: string, min: number, max: number): number | null {
  const m = /^(\d{1,2})\s*[日号]?$/.exec(text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)));
  if (!m) return null;
  const n = Number(m[1]);
  return n >= min && n <= max ? n : null;
}

const cancelRow = (turn: DeadlineTurn) => [turn.button(turn.t('deadline.btn.cancel'), { action: 'cancel' })];

/** After the rule's details: its time of day, unless the rule carries one (once, cron). */
const afterDetails = (turn: DeadlineTurn, data: Data) => turn.goto(data.kind === 'once' || data.kind === 'cron' ? 'classes' : 'time', data);

/** A rule with no due time ahead cannot be a deadline: said at once, before the classes are chosen. */
async function checkedRule(turn: DeadlineTurn, data: Data): Promise<boolean> {
  const now = turn.deps.clock.now();
  const rule = ruleOf(data, turn.deps.config.timeZone, now);
  if (rule && nextDue(rule, turn.deps.config.timeZone, now)) return true;
  await turn.reply(turn.t('deadline.noOccurrence'));
  return false;
}

const createErrors: Record<CreateDeadlineError, MessageKey> = {
  bad_name: 'deadline.badName',
  no_occurrence: 'deadline.noOccurrence',
  too_frequent: 'deadline.tooFrequent',
  no_classes: 'deadline.noClasses',
  duplicate_name: 'deadline.duplicateName',
};

async function showConfirm(turn: DeadlineTurn): Promise<void> {
  const { deps, data, scope } = turn;
  const timeZone = deps.config.timeZone;
  const now = deps.clock.now();
  const rule = ruleOf(data, timeZone, now);
  const first = rule && nextDue(rule, timeZone, now);
  if (!rule || !first) {
    await turn.reply(turn.t('deadline.noOccurrence'));
    return turn.goto('kind', data);
  }
  const second = nextDue(rule, timeZone, first);
  const settings = await branchSettings(deps.db, scope.branchId);
  const count = data.tag === null ? scope.classes : (scope.tags.find((t) => t.tag === data.tag)?.count ?? 0);
  const text = turn.t('deadline.confirm', {
    name: data.name ?? '',
    rule: describeRule(rule, turn.ctx.lang, timeZone),
    classes: data.tag === null ? turn.t('deadline.classesAll', { count }) : turn.t('deadline.classesTag', { tag: data.tag, count }),
    first: formatWhen(first, timeZone, turn.ctx.lang),
    second: second ? formatWhen(second, timeZone, turn.ctx.lang) : turn.t('deadline.noSecond'),
    days: settings.deadlineReminderDays.join(' / '),
    time: settings.deadlineReminderTime,
    quiet: settings.quietHours ? `${settings.quietHours.start}–${settings.quietHours.end}` : turn.t('deadline.noQuiet'),
  });
  await turn.ctx.reply(text, {
    parse_mode: 'HTML',
    ...Markup.inlineKeyboard([[turn.button(turn.t('deadline.btn.create'), { action: 'create' })], cancelRow(turn)]),
  });
}

async function create(turn: DeadlineTurn): Promise<void> {
  const { deps, data, scope } = turn;
  const timeZone = deps.config.timeZone;
  const now = deps.clock.now();
  const rule = ruleOf(data, timeZone, now);
  if (!rule || data.name === null) return turn.stale();
  const result = await deps.db
    .transaction()
    .execute((trx) => createDeadline(trx, { branchId: scope.branchId, name: data.name!, rule, tag: data.tag, createdBy: turn.person.id }, now, timeZone));
  await turn.answer();
  if (!result.ok) {
    await turn.reply(turn.t(createErrors[result.error], { name: data.name }));
    if (result.error === 'no_classes') return turn.goto('classes', data);
    if (result.error === 'duplicate_name' || result.error === 'bad_name') return turn.goto('name', data);
    return turn.goto('kind', data);
  }
  await turn.finish();
  deps.logger.info({ event: 'deadline_created', deadlineId: result.value.id, classes: result.value.classes }, 'report deadline created');
  await turn.reply(
    turn.t('deadline.created', { name: data.name, first: formatWhen(result.value.firstDue, timeZone, turn.ctx.lang), classes: result.value.classes }),
  );
}

/**
 * /deadline (secretary): name → recurrence (monthly on a day, weekly, every N weeks, once, cron) →
 * its details → time → classes (all or a tag) → a confirmation with the first due dates → create.
 * The first occurrence opens at once: one report per class.
 */
export const deadlineDialogue = defineDialogue({
  kind: 'deadline',
  schema: dataSchema,
  callback: deadlineButton,
  cancelAction: 'cancel',
  scope: scopeOf,
  start: 'name',
  steps: {
    name: {
      enter: (turn) => turn.reply(turn.t('deadline.askName', { max: DEADLINE_NAME_MAX })),
      message: {
        accepts: ['text'],
        unsupported: 'deadline.badName',
        handle: async (turn, { text }) => {
          const name = text.trim();
          if (name.length === 0 || name.length > DEADLINE_NAME_MAX || name.startsWith('/'))
            return turn.reply(turn.t('deadline.badName', { max: DEADLINE_NAME_MAX }));
          return turn.goto('kind', { ...turn.data, name });
        },
      },
    },
    kind: {
      enter: (turn) =>
        turn.ctx.reply(turn.t('deadline.askKind', { name: turn.data.name ?? '' }), {
          parse_mode: 'HTML',
          ...Markup.inlineKeyboard([
            ...kinds.map((kind, i) => [turn.button(turn.t(`deadline.kind.${kind}` as MessageKey), { action: 'kind', arg: i })]),
            cancelRow(turn),
          ]),
        }),
      buttons: {
        kind: (turn, { arg }) => {
          const kind: Kind | undefined = arg === undefined ? undefined : kinds[arg];
          if (!kind) return turn.stale();
          const data = { ...empty, name: turn.data.name, tag: turn.data.tag, kind };
          const next: Record<Kind, Step> = { monthly: 'day', weekly: 'weekday', weeks: 'every', once: 'once', cron: 'cron' };
          return turn.goto(next[kind], data);
        },
      },
    },
    day: {
      enter: (turn) => turn.reply(turn.t('deadline.askDay')),
      message: {
        accepts: ['text'],
        unsupported: 'deadline.badDay',
        handle: async (turn, { text }) => {
          const day = readNumber(text, 1, 31);
          return day === null ? turn.reply(turn.t('deadline.badDay')) : turn.goto('time', { ...turn.data, day });
        },
      },
    },
    every: {
      enter: (turn) => turn.reply(turn.t('deadline.askEvery')),
      message: {
        accepts: ['text'],
        unsupported: 'deadline.badEvery',
        handle: async (turn, { text }) => {
          const everyWeeks = readNumber(text, 2, 12);
          return everyWeeks === null ? turn.reply(turn.t('deadline.badEvery')) : turn.goto('weekday', { ...turn.data, everyWeeks });
        },
      },
    },
    weekday: {
      enter: (turn) => {
        const buttons = weekdayOrder.map((d) => turn.button(turn.t(`deadline.weekday.${d}` as MessageKey), { action: 'wd', arg: d }));
        const rows: InlineKeyboardButton[][] = [buttons.slice(0, 4), buttons.slice(4), cancelRow(turn)];
        return turn.ctx.reply(turn.t('deadline.askWeekday'), { parse_mode: 'HTML', ...Markup.inlineKeyboard(rows) });
      },
      buttons: {
        wd: (turn, { arg }) => (arg === undefined || arg > 6 ? turn.stale() : turn.goto('time', { ...turn.data, weekday: arg })),
      },
    },
    once: {
      enter: (turn) => turn.reply(turn.t('deadline.askOnce')),
      message: {
        accepts: ['text'],
        unsupported: 'deadline.badWhen',
        handle: async (turn, { text }) => {
          const timeZone = turn.deps.config.timeZone;
          const now = turn.deps.clock.now();
          const when = parseWhen(text, timeZone, now);
          if (!when.ok)
            return turn.reply(turn.t(when.error === 'bad_date' ? 'deadline.badDate' : when.error === 'bad_time' ? 'deadline.badTime' : 'deadline.badWhen'));
          if (when.at.getTime() <= now.getTime()) return turn.reply(turn.t('deadline.inPast', { when: formatWhen(when.at, timeZone, turn.ctx.lang) }));
          const local = localParts(when.at, timeZone);
          const time = `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
          return afterDetails(turn, { ...turn.data, date: localIsoDate(when.at, timeZone), time });
        },
      },
    },
    cron: {
      enter: (turn) => turn.reply(turn.t('deadline.askCron')),
      message: {
        accepts: ['text'],
        unsupported: 'deadline.badCron',
        handle: async (turn, { text }) => {
          const expression = text.trim().replace(/\s+/g, ' ');
          if (expression.split(' ').length !== 5 || expression.length > 100) return turn.reply(turn.t('deadline.badCron'));
          const data = { ...turn.data, cron: expression };
          if (!(await checkedRule(turn, data))) return;
          return afterDetails(turn, data);
        },
      },
    },
    time: {
      enter: (turn) => turn.reply(turn.t('deadline.askTime')),
      message: {
        accepts: ['text'],
        unsupported: 'deadline.badTime',
        handle: async (turn, { text }) => {
          const time = readTime(text);
          if (time === null || time === 'bad_time') return turn.reply(turn.t('deadline.badTime'));
          const data = { ...turn.data, time };
          if (!(await checkedRule(turn, data))) return;
          return turn.goto('classes', data);
        },
      },
    },
    classes: {
      enter: (turn) => {
        const rows = [[turn.button(turn.t('deadline.btn.all', { count: turn.scope.classes }), { action: 'all' })]];
        for (const [i, { tag, count }] of turn.scope.tags.slice(0, MAX_TAGS).entries())
          rows.push([turn.button(turn.t('deadline.btn.tag', { tag, count }), { action: 'tag', arg: i })]);
        rows.push(cancelRow(turn));
        return turn.ctx.reply(turn.t('deadline.askClasses'), { parse_mode: 'HTML', ...Markup.inlineKeyboard(rows) });
      },
      buttons: {
        all: (turn) =>
          turn.scope.classes === 0 ? turn.answer(turn.t('deadline.noClasses'), { alert: true }) : turn.goto('confirm', { ...turn.data, tag: null }),
        tag: (turn, { arg }) => {
          const tag = arg === undefined ? undefined : turn.scope.tags[arg];
          return tag ? turn.goto('confirm', { ...turn.data, tag: tag.tag }) : turn.stale();
        },
      },
    },
    confirm: {
      enter: showConfirm,
      buttons: { create },
    },
  },
});

export function deadlineCommand(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('deadline', privateOnly, secretaryOnly, async (ctx) => {
    const scope = await scopeOf(ctx);
    if (!scope || scope.classes === 0) return replyHtml(ctx, ctx.t('deadline.noClassesYet'));
    await deadlineDialogue.begin(ctx, empty);
  });
  return composer;
}
