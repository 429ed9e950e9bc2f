import { Composer, Markup } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import { z } from 'zod';
import { defineCallback } from '../../dialogue/callback.js';
import { formatLocal } from '../../shared/local-time.js';
import type { AppDeps, BotContext } from '../../telegram/context.js';
import { privateOnly, secretaryOnly } from '../../telegram/guards.js';
import { replyHtml } from '../../telegram/reply.js';
import { secretaryBranch } from '../../people/access.js';
import { exportPeriod } from './export.js';
import { activeDeadlines, currentOccurrences, occurrenceCounts, occurrenceReports, occurrenceWithDeadline, reportView } from './queries.js';
import { markReviewed, stopDeadline } from './service.js';
import { renderReport } from './view.js';
import { onButton } from '../../telegram/buttons.js';

/** rs:<action>:<id>[:<page>] — o: an occurrence's classes (page), v: a report, r: mark reviewed, csv/xlsx: export, s/sc: stop a deadline. */
export const secretaryButton = defineCallback(
  'rs',
  z.object({
    action: z.enum(['o', 'v', 'r', 'csv', 'xlsx', 's', 'sc']),
    id: z.number().int().positive(),
    page: z.number().int().min(0).max(1000).optional(),
  }),
);
type SecretaryButton = Parameters<typeof secretaryButton.encode>[0];
const button = (label: string, value: SecretaryButton) => Markup.button.callback(label, secretaryButton.encode(value));

const PAGE = 30;
const MAX_DEADLINES = 10;

/** What every button handler works with: the caller's branch and person, and the decoded button. */
interface Press<A extends SecretaryButton['action']> {
  deps: AppDeps;
  ctx: BotContext;
  branch: { branchId: number; branchName: string };
  personId: number;
  value: SecretaryButton & { action: A };
}

const local = (deps: AppDeps, d: Date) => formatLocal(d, deps.config.timeZone);
const notFound = (ctx: BotContext) => ctx.answerCbQuery(ctx.t('reports.notFound'), { show_alert: true });

/** /reports for the secretary: each deadline's last and next occurrence, class by class, each report, reviewed, exported. */
export function reportsManagement(deps: AppDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('reports', privateOnly, secretaryOnly, (ctx) => listDeadlines(deps, ctx));
  onButton(
    composer,
    secretaryButton,
    async (ctx, value, person) => {
      const branch = secretaryBranch(ctx.roles);
      if (!branch) return notFound(ctx);
      const press = { deps, ctx, branch, personId: person.id };
      if (value.action === 's' || value.action === 'sc') return stopButton({ ...press, value: { ...value, action: value.action } });
      if (value.action === 'v' || value.action === 'r') return reportButton({ ...press, value: { ...value, action: value.action } });
      return occurrenceButton({ ...press, value: { ...value, action: value.action } });
    },
    { refuse: notFound },
  );
  return composer;
}

/** /reports: the branch's deadlines with their last and next occurrence's counts. */
async function listDeadlines(deps: AppDeps, ctx: BotContext): Promise<unknown> {
  const branch = secretaryBranch(ctx.roles)!;
  const deadlines = (await activeDeadlines(deps.db, branch.branchId)).slice(0, MAX_DEADLINES);
  if (deadlines.length === 0) return replyHtml(ctx, ctx.t('reports.none'));
  const now = deps.clock.now();
  const blocks: string[] = [ctx.t('reports.header', { branch: branch.branchName })];
  const rows: InlineKeyboardButton[][] = [];
  for (const d of deadlines) {
    const { last, next } = await currentOccurrences(deps.db, d.id, now);
    const lines = [ctx.t('reports.deadline', { name: d.name })];
    const row: InlineKeyboardButton[] = [];
    for (const [occurrence, key, btn] of [
      [last, 'reports.last', 'reports.btn.last'],
      [next, 'reports.next', 'reports.btn.next'],
    ] as const) {
      if (!occurrence) continue;
      const c = await occurrenceCounts(deps.db, occurrence.id);
      lines.push(ctx.t(key, { due: local(deps, occurrence.due_at), ...c, missing: c.total - c.submitted }));
      row.push(button(ctx.t(btn, { due: local(deps, occurrence.due_at).slice(5, 10) }), { action: 'o', id: occurrence.id, page: 0 }));
    }
    if (!last && !next) lines.push(ctx.t('reports.noOccurrence'));
    row.push(button(ctx.t('reports.btn.stop'), { action: 's', id: d.id }));
    rows.push(row);
    blocks.push(lines.join('\n'));
  }
  await ctx.reply(blocks.join('\n\n'), { parse_mode: 'HTML', ...Markup.inlineKeyboard(rows) });
}

/** s: asks to confirm stopping a deadline; sc: stops it. */
async function stopButton({ deps, ctx, branch, value }: Press<'s' | 'sc'>): Promise<unknown> {
  const deadline = (await activeDeadlines(deps.db, branch.branchId)).find((d) => d.id === value.id);
  if (!deadline) return notFound(ctx);
  await ctx.answerCbQuery();
  if (value.action === 's') {
    return ctx.reply(ctx.t('reports.stopConfirm', { name: deadline.name }), {
      parse_mode: 'HTML',
      ...Markup.inlineKeyboard([[button(ctx.t('reports.btn.stopConfirm'), { action: 'sc', id: deadline.id })]]),
    });
  }
  await stopDeadline(deps.db, deadline.id, branch.branchId, deps.clock.now());
  deps.logger.info({ event: 'deadline_stopped', deadlineId: deadline.id }, 'report deadline stopped');
  return replyHtml(ctx, ctx.t('reports.stopped', { name: deadline.name }));
}

/** v: shows a report; r: marks it reviewed. */
async function reportButton({ deps, ctx, branch, personId, value }: Press<'v' | 'r'>): Promise<unknown> {
  const report = await reportView(deps.db, value.id);
  if (!report || report.branchId !== branch.branchId) return notFound(ctx);
  if (value.action === 'r') {
    const result = await markReviewed(deps.db, report.id, branch.branchId, personId, deps.clock.now());
    if (!result.ok)
      return ctx.answerCbQuery(ctx.t(result.error === 'not_submitted' ? 'reports.notSubmitted' : 'reports.alreadyReviewed'), { show_alert: true });
    deps.logger.info({ event: 'report_reviewed', reportId: report.id }, 'report reviewed');
    await ctx.answerCbQuery();
    return replyHtml(ctx, ctx.t('reports.reviewed', { class: report.className, deadline: report.deadlineName }));
  }
  await ctx.answerCbQuery();
  const buttons = report.state === 'submitted' ? [[button(ctx.t('reports.btn.review'), { action: 'r', id: report.id })]] : [];
  buttons.push([button(ctx.t('reports.btn.back'), { action: 'o', id: report.occurrenceId, page: 0 })]);
  return ctx.reply(renderReport(ctx.t, report, deps.config.timeZone), { parse_mode: 'HTML', ...Markup.inlineKeyboard(buttons) });
}

type Occurrence = NonNullable<Awaited<ReturnType<typeof occurrenceWithDeadline>>>;

/** o: an occurrence's classes (a page); csv/xlsx: its period exported. */
async function occurrenceButton(press: Press<'o' | 'csv' | 'xlsx'>): Promise<unknown> {
  const { deps, ctx, branch, value } = press;
  const occurrence = await occurrenceWithDeadline(deps.db, value.id);
  if (!occurrence || occurrence.branchId !== branch.branchId) return notFound(ctx);
  await ctx.answerCbQuery();
  if (value.action === 'o') return showOccurrence(deps, ctx, occurrence, value.page ?? 0);
  const out = await exportPeriod(deps.db, branch.branchId, occurrence.period, value.action, ctx.t, deps.config.timeZone);
  deps.logger.info({ event: 'reports_exported', period: occurrence.period, format: value.action, rows: out.rows }, 'reports exported');
  await ctx.replyWithDocument(
    { source: out.file, filename: out.filename },
    { caption: ctx.t('reports.exported', { period: occurrence.period, rows: out.rows }), parse_mode: 'HTML' },
  );
}

async function showOccurrence(deps: AppDeps, ctx: BotContext, occurrence: Occurrence, page: number): Promise<void> {
  const counts = await occurrenceCounts(deps.db, occurrence.id);
  const reports = await occurrenceReports(deps.db, occurrence.id, page * PAGE, PAGE);
  const due = occurrence.dueAt.getTime() <= deps.clock.now().getTime();
  const lines = reports.map((r) => {
    const key =
      r.state === 'reviewed'
        ? 'reports.class.reviewed'
        : r.state === 'submitted'
          ? r.late
            ? 'reports.class.late'
            : 'reports.class.submitted'
          : due
            ? 'reports.class.missing'
            : 'reports.class.pending';
    return ctx.t(key, { class: r.className, when: r.submittedAt ? local(deps, r.submittedAt) : '' });
  });
  const head = ctx.t('reports.occurrence', {
    name: occurrence.deadlineName,
    due: local(deps, occurrence.dueAt),
    ...counts,
    missing: counts.total - counts.submitted,
    page: page + 1,
    pages: Math.max(1, Math.ceil(counts.total / PAGE)),
  });
  await ctx.reply([head, ...lines].join('\n'), {
    parse_mode: 'HTML',
    ...Markup.inlineKeyboard(occurrenceKeyboard(ctx, occurrence, reports, page, counts.total)),
  });
}

function occurrenceKeyboard(
  ctx: BotContext,
  occurrence: Occurrence,
  reports: Awaited<ReturnType<typeof occurrenceReports>>,
  page: number,
  total: number,
): InlineKeyboardButton[][] {
  const opened = reports.filter((r) => r.state !== 'open').map((r) => button(r.className, { action: 'v', id: r.id }));
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < opened.length; i += 3) rows.push(opened.slice(i, i + 3));
  const paging: InlineKeyboardButton[] = [];
  if (page > 0) paging.push(button(ctx.t('reports.btn.prev'), { action: 'o', id: occurrence.id, page: page - 1 }));
  if ((page + 1) * PAGE < total) paging.push(button(ctx.t('reports.btn.more'), { action: 'o', id: occurrence.id, page: page + 1 }));
  if (paging.length > 0) rows.push(paging);
  rows.push([
    button(ctx.t('reports.btn.csv', { period: occurrence.period }), { action: 'csv', id: occurrence.id }),
    button(ctx.t('reports.btn.xlsx', { period: occurrence.period }), { action: 'xlsx', id: occurrence.id }),
  ]);
  return rows;
}
