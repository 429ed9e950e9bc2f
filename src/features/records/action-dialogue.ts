import { z } from 'zod';
import { defineCallback } from '../../dialogue/callback.js';
import { defineDialogue, type Turn } from '../../dialogue/define.js';
import type { BotContext } from '../../telegram/context.js';
import type { Translate } from '../../i18n/i18n.js';
import { parseDate } from './dates.js';
import { classRecords, findRecords, recordClasses, visibleRecord, type RecordClass, type RecordWithClass } from './queries.js';
import { checkStageChange, nextStageOf, type Breach } from './rules.js';
import { addThoughtReport, changeStage, type Exception, type Refusal } from './service.js';
import { actorFor, chunk, keyboardOptions, tidy, todayOf } from './support.js';
import { breachText, stageName } from './views.js';
import { blockingText, cancelRow, classStep, confirmView, reasonStep } from './steps.js';

/*
 * /stage and /thought_report: class (when the caller has several) → person → date → for a stage,
 * a confirmation; a breach of a minimum period lets the branch secretary confirm an exception
 * with a reason. Every turn reloads the record through the caller's access.
 */

const draftSchema = z.object({
  action: z.enum(['stage', 'report']),
  classId: z.number().int().nullable(),
  recordId: z.number().int().nullable(),
  page: z.number().int().min(0),
  /** The date typed so far (the one-line form fills it in before the date step). */
  date: z.string().nullable(),
});
export type ActionDraft = z.infer<typeof draftSchema>;

const buttonSchema = z.object({
  action: z.enum(['c', 'p', 'pg', 'today', 'ok', 'exc', 'x']),
  arg: z.number().int().min(0).optional(),
});
const button = defineCallback('rd', buttonSchema);
type Step = 'class' | 'person' | 'date' | 'confirm' | 'reason';
type ActionButton = z.output<typeof buttonSchema>;
type ActionTurn = Turn<ActionDraft, ActionButton, RecordClass[], Step>;

const PICK_PAGE = 16;

export const recordScope = async (ctx: BotContext): Promise<RecordClass[] | null> => {
  const classes = await recordClasses(ctx.deps.db, ctx.roles);
  return classes.length > 0 ? classes : null;
};

/** The draft's record, through the caller's access; the dialogue ends with a short answer when it is gone. */
async function recordOf(turn: ActionTurn): Promise<RecordWithClass | null> {
  const record = turn.data.recordId === null ? null : await visibleRecord(turn.deps.db, turn.ctx.roles, turn.data.recordId);
  if (record && !record.archived_at) return record;
  await turn.finish();
  await turn.answer();
  await turn.reply(turn.t('records.gone'));
  return null;
}

async function showPeople(turn: ActionTurn): Promise<void> {
  const klass = turn.scope.find((c) => c.id === turn.data.classId);
  if (!klass) return turn.stale();
  const records = await classRecords(turn.deps.db, klass.id);
  if (records.length === 0) {
    await turn.finish();
    return turn.reply(turn.t('records.pick.empty', { class: klass.name }));
  }
  const pages = Math.ceil(records.length / PICK_PAGE);
  const page = Math.min(turn.data.page, pages - 1);
  const shown = records.slice(page * PICK_PAGE, (page + 1) * PICK_PAGE);
  const keyboard = chunk(
    shown.map((r) => turn.button(r.name, { action: 'p', arg: r.id })),
    2,
  );
  const paging = [
    ...(page > 0 ? [turn.button(turn.t('records.btn.prev'), { action: 'pg', arg: page - 1 })] : []),
    ...(page < pages - 1 ? [turn.button(turn.t('records.btn.next'), { action: 'pg', arg: page + 1 })] : []),
  ];
  if (paging.length > 0) keyboard.push(paging);
  keyboard.push(cancelRow(turn));
  await turn.ctx.reply(turn.t('records.pick.person', { class: klass.name }), keyboardOptions(keyboard));
}

async function pick(turn: ActionTurn, recordId: number): Promise<void> {
  const record = await visibleRecord(turn.deps.db, turn.ctx.roles, recordId);
  if (!record || record.archived_at || record.class_id !== turn.data.classId) return turn.answer(turn.t('records.notYours'), { alert: true });
  return turn.goto('date', { ...turn.data, recordId });
}

/** The breaches of the draft's stage change as of today. */
function stageBreaches(turn: ActionTurn, record: RecordWithClass, date: string): Breach[] {
  return checkStageChange(record, nextStageOf(record.stage)!, date, todayOf(turn.deps));
}

async function takeDate(turn: ActionTurn, date: string): Promise<void> {
  const record = await recordOf(turn);
  if (!record) return;
  const actor = actorFor(turn.ctx, record);
  if (turn.data.action === 'report') {
    const wrong: Breach[] = [
      ...(date > todayOf(turn.deps) ? [{ rule: 'future_date' as const, exceptable: false }] : []),
      ...(record.applied_on && date < record.applied_on ? [{ rule: 'before_application' as const, exceptable: false }] : []),
    ];
    if (wrong.length > 0) return turn.reply(breachText(turn.ctx.t, wrong));
    const outcome = await addThoughtReport(turn.deps.db, record.id, date, actor, turn.deps.clock.now());
    await turn.finish();
    if (outcome === 'gone') return turn.reply(turn.t('records.gone'));
    return turn.reply(turn.t(outcome === 'added' ? 'records.report.done' : 'records.report.duplicate', { name: record.name, date }));
  }
  const blocked = blockingText(turn, stageBreaches(turn, record, date), actor.isSecretary);
  if (blocked) return turn.reply(blocked);
  return turn.goto('confirm', { ...turn.data, date });
}

async function save(turn: ActionTurn, exception: Exception | null): Promise<void> {
  const record = await recordOf(turn);
  if (!record || turn.data.date === null) return;
  const to = nextStageOf(record.stage);
  if (!to) return turn.stale();
  const date = turn.data.date;
  const result = await changeStage(turn.deps.db, record.id, to, date, actorFor(turn.ctx, record), turn.deps.clock.now(), todayOf(turn.deps), exception);
  await turn.finish();
  await turn.answer();
  if (!result.ok) return turn.reply(refusalText(turn.ctx.t, result.refusal));
  turn.deps.logger.info({ event: 'record_stage', recordId: record.id, to, exception: exception !== null }, 'stage changed');
  const done = turn.t('records.stage.done', { name: record.name, from: stageName(turn.ctx.t, record.stage), to: stageName(turn.ctx.t, to), date });
  await turn.reply(exception ? `${done}\n${turn.t('records.exception.note', { reason: exception.reason })}` : done);
}

export function refusalText(t: Translate, refusal: Refusal): string {
  if (refusal.kind === 'breach') return breachText(t, refusal.breaches);
  if (refusal.kind === 'not_allowed') return t('records.breach.secretaryOnly');
  return t('records.gone');
}

export const actionDialogue = defineDialogue({
  kind: 'record_action',
  schema: draftSchema,
  callback: button,
  cancelAction: 'x',
  scope: recordScope,
  start: 'class',
  steps: {
    class: classStep<ActionDraft, ActionButton, Step>((data) => ['person', { ...data, page: 0 }]),
    person: {
      enter: showPeople,
      message: {
        accepts: ['text'],
        unsupported: 'records.textOnly',
        handle: async (turn, { text }) => {
          const wanted = tidy(text);
          const found = turn.data.classId === null ? [] : await findRecords(turn.deps.db, [turn.data.classId], wanted);
          if (found.length !== 1) return turn.reply(turn.t('records.pick.noMatch', { name: wanted }));
          return pick(turn, found[0]!.id);
        },
      },
      buttons: {
        p: (turn, { arg }) => (arg === undefined ? turn.stale() : pick(turn, arg)),
        pg: async (turn, { arg }) => {
          await turn.save({ ...turn.data, page: arg ?? 0 });
          await turn.answer();
          await showPeople(turn);
        },
      },
    },
    date: {
      enter: async (turn) => {
        const record = await recordOf(turn);
        if (!record) return;
        const typed = turn.data.date;
        const last = turn.data.action === 'stage' && !nextStageOf(record.stage);
        if (typed !== null && !last) {
          // the one-line form gave the date already
          await turn.save({ ...turn.data, date: null });
          return takeDate(turn, typed);
        }
        if (turn.data.action === 'report') {
          return turn.ctx.reply(
            turn.t('records.report.askDate', { name: record.name }),
            keyboardOptions([[turn.button(turn.t('records.btn.today'), { action: 'today' })], cancelRow(turn)]),
          );
        }
        const to = nextStageOf(record.stage);
        if (!to) {
          await turn.finish();
          return turn.reply(turn.t('records.stage.last', { name: record.name }));
        }
        return turn.ctx.reply(
          turn.t('records.stage.askDate', { name: record.name, from: stageName(turn.ctx.t, record.stage), to: stageName(turn.ctx.t, to) }),
          keyboardOptions([cancelRow(turn)]),
        );
      },
      message: {
        accepts: ['text'],
        unsupported: 'records.textOnly',
        handle: async (turn, { text }) => {
          const date = parseDate(text, todayOf(turn.deps));
          if (!date) return turn.reply(turn.t('records.badDate'));
          return takeDate(turn, date);
        },
      },
      buttons: {
        today: async (turn) => {
          await turn.answer();
          await takeDate(turn, todayOf(turn.deps));
        },
      },
    },
    confirm: {
      enter: async (turn) => {
        const record = await recordOf(turn);
        if (!record || turn.data.date === null) return;
        const to = stageName(turn.ctx.t, nextStageOf(record.stage)!);
        const question = turn.t('records.stage.confirm', { name: record.name, from: stageName(turn.ctx.t, record.stage), to, date: turn.data.date });
        return confirmView(turn, question, stageBreaches(turn, record, turn.data.date));
      },
      buttons: {
        ok: (turn) => save(turn, null),
        exc: async (turn) => {
          const record = await recordOf(turn);
          if (!record) return;
          if (!actorFor(turn.ctx, record).isSecretary) return turn.answer(turn.t('records.breach.secretaryOnly'), { alert: true });
          return turn.goto('reason', turn.data);
        },
      },
    },
    reason: reasonStep<ActionDraft, ActionButton, Step>(async (turn, reason) => {
      const record = await recordOf(turn);
      if (!record || turn.data.date === null) return;
      const rules = stageBreaches(turn, record, turn.data.date).map((b) => b.rule);
      return save(turn, { rules, reason });
    }),
  },
});
