import { Markup } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import { z } from 'zod';
import { defineCallback } from '../../dialogue/callback.js';
import { defineDialogue, type StepSpec, type Turn } from '../../dialogue/define.js';
import { t } from '../../i18n/i18n.js';
import { formatLocal } from '../../shared/local-time.js';
import type { BotContext } from '../../telegram/context.js';
import { displayName } from '../../people/queries.js';
import { countVisits, reportPeriod } from '../visits/queries.js';
import { figureSchema, isFigure, reportFields, textSchema, TEXT_MAX, type ReportField } from './fields.js';
import { reportView, reportsToFill, type ReportView } from './queries.js';
import { missingFields, saveField, submitReport } from './service.js';
import { fieldLabel, fieldValue, renderReport } from './view.js';

/** rp:<action>[:<arg>] — a report id (pick), a field's index (edit). */
const buttonSchema = z.object({
  action: z.enum(['pick', 'keep', 'none', 'edit', 'submit', 'close', 'logged']),
  arg: z.number().int().nonnegative().optional(),
});
type ReportButton = z.output<typeof buttonSchema>;
export const reportButton = defineCallback('rp', buttonSchema);

const dataSchema = z.object({
  /** null while the liaison picks which report. */
  reportId: z.number().int().positive().nullable(),
  /** Editing one field from the preview: go back to the preview after it. */
  back: z.boolean(),
});
type Data = z.output<typeof dataSchema>;

/** The classes the caller is a liaison of, loaded for every turn: a liaison who lost the role cannot go on. */
interface Scope {
  classIds: number[];
}
type Step = 'pick' | ReportField | 'preview';
type ReportTurn = Turn<Data, ReportButton, Scope, Step>;

export function liaisonClassIds(ctx: BotContext): number[] {
  return ctx.roles.filter((r) => r.role === 'liaison' && r.classId !== null).map((r) => r.classId!);
}

const MAX_PICK = 8;

/** The report this dialogue is about, if the caller may still change it; otherwise the dialogue ends with the reason. */
async function loadReport(turn: ReportTurn, reportId = turn.data.reportId): Promise<ReportView | null> {
  const report = reportId === null ? undefined : await reportView(turn.deps.db, reportId);
  if (!report || !turn.scope.classIds.includes(report.class_id)) {
    await turn.finish();
    await turn.answer(turn.t('report.notYourReport'), { alert: true });
    if (!turn.ctx.callbackQuery) await turn.reply(turn.t('report.notYourReport'));
    return null;
  }
  if (report.state === 'reviewed') {
    await turn.finish();
    await turn.answer();
    await turn.reply(turn.t('report.alreadyReviewed', { deadline: report.deadlineName, class: report.className }));
    return null;
  }
  return report;
}

/** After answering a field: the next unanswered one, or the preview (always the preview when editing from it). */
function nextStep(report: ReportView, data: Data): Step {
  if (data.back) return 'preview';
  return missingFields(report)[0] ?? 'preview';
}

async function answer(turn: ReportTurn, field: ReportField, value: number | string): Promise<void> {
  const report = await loadReport(turn);
  if (!report) return;
  const saved = await saveField(turn.deps.db, report.id, field, value, turn.person.id, turn.deps.clock.now());
  if (!saved.ok) {
    await turn.finish();
    return turn.reply(turn.t('report.alreadyReviewed', { deadline: report.deadlineName, class: report.className }));
  }
  const updated = { ...report, [field]: value };
  return turn.goto(nextStep(updated, turn.data), { ...turn.data, back: false });
}

const closeButton = (turn: ReportTurn) => turn.button(turn.t('report.btn.close'), { action: 'close' });

async function close(turn: ReportTurn): Promise<void> {
  await turn.finish();
  await turn.answer();
  await turn.reply(turn.t('report.closed'));
}

/** The dormitory visits logged with /visit over the report's period: offered as the dorm_visits figure. */
async function loggedVisits(turn: ReportTurn, report: ReportView) {
  const period = await reportPeriod(turn.deps.db, report, turn.deps.config.timeZone);
  return { ...period, n: await countVisits(turn.deps.db, report.class_id, period) };
}

/** One step per field: the question with the answer saved so far; "keep" it, "none" for a written part. */
function fieldStep(field: ReportField): StepSpec<Data, ReportButton, Scope, Step> {
  const figure = isFigure(field);
  return {
    enter: async (turn) => {
      const report = await loadReport(turn);
      if (!report) return;
      const index = reportFields.indexOf(field);
      const current = report[field];
      const row: InlineKeyboardButton[] = [];
      if (current !== null) row.push(turn.button(turn.t('report.btn.keep'), { action: 'keep' }));
      if (!figure) row.push(turn.button(turn.t('report.btn.none'), { action: 'none' }));
      const logged = field === 'dorm_visits' ? await loggedVisits(turn, report) : null;
      if (logged) row.unshift(turn.button(turn.t('report.btn.useLogged', { n: logged.n }), { action: 'logged' }));
      row.push(closeButton(turn));
      const prompt = turn.t(figure ? 'report.askFigure' : 'report.askText', {
        n: index + 1,
        total: reportFields.length,
        label: turn.t(fieldLabel(field)),
        max: TEXT_MAX,
      });
      const now = current === null ? '' : `\n\n${turn.t('report.current', { value: fieldValue(turn.ctx.t, report, field) })}`;
      const hint = logged ? `\n\n${turn.t('report.visitsLogged', logged)}` : '';
      await turn.ctx.reply(prompt + hint + now, { parse_mode: 'HTML', ...Markup.inlineKeyboard([row]) });
    },
    message: {
      accepts: ['text'],
      unsupported: figure ? 'report.badFigure' : 'report.textOnly',
      handle: async (turn, { text }) => {
        if (figure) {
          const parsed = figureSchema.safeParse(text);
          return parsed.success ? answer(turn, field, parsed.data) : turn.reply(turn.t('report.badFigure'));
        }
        const parsed = textSchema.safeParse(text);
        if (!parsed.success) return turn.reply(turn.t('report.badText', { max: TEXT_MAX, length: text.trim().length }));
        return answer(turn, field, parsed.data);
      },
    },
    buttons: {
      keep: async (turn) => {
        const report = await loadReport(turn);
        if (!report) return;
        if (report[field] === null) return turn.stale();
        return turn.goto(nextStep(report, turn.data), { ...turn.data, back: false });
      },
      none: (turn) => (figure ? turn.stale() : answer(turn, field, '')),
      logged: async (turn) => {
        const report = field === 'dorm_visits' ? await loadReport(turn) : null;
        if (!report) return field === 'dorm_visits' ? undefined : turn.stale();
        return answer(turn, field, (await loggedVisits(turn, report)).n);
      },
      close,
    },
  };
}

async function showPreview(turn: ReportTurn): Promise<void> {
  const report = await loadReport(turn);
  if (!report) return;
  const submitKey = report.state === 'submitted' ? 'report.btn.resubmit' : 'report.btn.submit';
  const edits = reportFields.map((field, i) => turn.button(turn.t(fieldLabel(field)), { action: 'edit', arg: i }));
  const rows: InlineKeyboardButton[][] = [[turn.button(turn.t(submitKey), { action: 'submit' })]];
  for (let i = 0; i < edits.length; i += 3) rows.push(edits.slice(i, i + 3));
  rows.push([closeButton(turn)]);
  const text = [renderReport(turn.ctx.t, report, turn.deps.config.timeZone), '', turn.t('report.previewHint')].join('\n');
  await turn.ctx.reply(text, { parse_mode: 'HTML', ...Markup.inlineKeyboard(rows) });
}

async function submit(turn: ReportTurn): Promise<void> {
  const report = await loadReport(turn);
  if (!report) return;
  const { deps, person } = turn;
  const now = deps.clock.now();
  const timeZone = deps.config.timeZone;
  const submitter = { id: person.id, name: displayName(person.first_name, person.last_name) };
  const result = await deps.db.transaction().execute((trx) =>
    submitReport(trx, report.id, submitter, now, (language, r, amended) =>
      t(language, amended ? 'report.coLiaison.amended' : 'report.coLiaison.submitted', {
        who: submitter.name,
        deadline: r.deadlineName,
        class: r.className,
        due: formatLocal(r.dueAt, timeZone),
        late: r.late ? t(language, 'report.lateMark') : '',
      }),
    ),
  );
  if (!result.ok) {
    if (result.error === 'incomplete') {
      await turn.answer(turn.t('report.incomplete'), { alert: true });
      return turn.goto(missingFields(report)[0]!, { ...turn.data, back: false });
    }
    await turn.finish();
    return turn.reply(
      turn.t(result.error === 'reviewed' ? 'report.alreadyReviewed' : 'report.notYourReport', { deadline: report.deadlineName, class: report.className }),
    );
  }
  deps.outbox.poke();
  deps.logger.info({ event: 'report_submitted', reportId: report.id, amended: result.value.amended, late: result.value.late }, 'report submitted');
  await turn.finish();
  await turn.answer();
  const key = result.value.amended ? 'report.amendedDone' : result.value.late ? 'report.submittedLate' : 'report.submittedDone';
  await turn.reply(turn.t(key, { deadline: report.deadlineName, class: report.className, due: formatLocal(report.dueAt, timeZone) }));
}

/**
 * /report: a liaison fills in the class's report one field at a time, each answer saved at once
 * (the other liaison, or a restart, finds it there), then a preview and Submit. A submitted report
 * can be changed and submitted again until the secretary marks it reviewed.
 */
export const reportDialogue = defineDialogue({
  kind: 'report',
  schema: dataSchema,
  callback: reportButton,
  cancelled: 'report.cancelled',
  scope: async (ctx: BotContext): Promise<Scope | null> => {
    const classIds = liaisonClassIds(ctx);
    return classIds.length > 0 ? { classIds } : null;
  },
  start: 'pick',
  steps: {
    pick: {
      enter: async (turn) => {
        const reports = await reportsToFill(turn.deps.db, turn.scope.classIds, turn.deps.clock.now(), MAX_PICK);
        const timeZone = turn.deps.config.timeZone;
        const rows = reports.map((r) => [
          turn.button(
            turn.t(r.state === 'open' ? 'report.pickOpen' : 'report.pickSubmitted', {
              class: r.className,
              deadline: r.deadlineName,
              due: formatLocal(r.dueAt, timeZone).slice(5),
            }),
            { action: 'pick', arg: r.id },
          ),
        ]);
        await turn.ctx.reply(turn.t('report.pick'), { parse_mode: 'HTML', ...Markup.inlineKeyboard([...rows, [closeButton(turn)]]) });
      },
      buttons: {
        pick: async (turn, { arg }) => {
          const report = arg === undefined ? null : await loadReport(turn, arg);
          if (!report) return;
          return turn.goto(nextStep(report, { reportId: report.id, back: false }), { reportId: report.id, back: false });
        },
        close,
      },
    },
    ...(Object.fromEntries(reportFields.map((field) => [field, fieldStep(field)])) as Record<ReportField, StepSpec<Data, ReportButton, Scope, Step>>),
    preview: {
      enter: showPreview,
      buttons: {
        submit,
        edit: async (turn, { arg }) => {
          const field = arg === undefined ? undefined : reportFields[arg];
          if (!field) return turn.stale();
          return turn.goto(field, { ...turn.data, back: true });
        },
        close,
      },
    },
  },
});

/** Where /report starts for a report: its first unanswered field, or the preview when all are answered. */
export async function beginReport(ctx: BotContext, report: ReportView): Promise<boolean> {
  const data = { reportId: report.id, back: false };
  return reportDialogue.begin(ctx, data, nextStep(report, data));
}
