import { Composer } from 'telegraf';
import type { AppDeps, BotContext } from '../../telegram/context.js';
import { commandArgs } from '../../telegram/guards.js';
import { replyHtml } from '../../telegram/reply.js';
import { findClassInBranch } from '../classes/queries.js';
import { beginReport, liaisonClassIds, reportDialogue } from './dialogue.js';
import { reportsToFill, reportView } from './queries.js';
import { reportsManagement } from './manage.js';
import { deadlineCommand } from './deadline-dialogue.js';
import { fillButton } from './reminders.js';
import { onButton, type ButtonContext } from '../../telegram/buttons.js';

/** `/report https://t.me/c/…/123` is a report of a harmful message (issue 10's feature), not a class report. */
const MESSAGE_LINK = /^(?:https?:\/\/)?(?:t\.me|telegram\.me|telegram\.dog)\//i;

/**
 * /report is shared: in a group (a reply to a message) and with a t.me message link it belongs to
 * the harmful-message reports, so those go on to the next handler; in private without a link it is
 * the liaison's class report.
 */
function reportCommand(deps: AppDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('report', async (ctx, next) => {
    const args = commandArgs(ctx);
    if (ctx.chat.type !== 'private' || MESSAGE_LINK.test(args)) return next();
    const classIds = liaisonClassIds(ctx);
    if (classIds.length === 0) return replyHtml(ctx, ctx.t('report.notLiaison'));
    let wanted = classIds;
    if (args !== '') {
      const liaisonRoles = ctx.roles.filter((r) => r.role === 'liaison' && r.classId !== null);
      const found = await Promise.all([...new Set(liaisonRoles.map((r) => r.branchId))].map((b) => findClassInBranch(deps.db, b, args)));
      const klass = found.find((c) => c && classIds.includes(c.id));
      if (!klass) return replyHtml(ctx, ctx.t('report.notYourClass', { class: args }));
      wanted = [klass.id];
    }
    const reports = await reportsToFill(deps.db, wanted, deps.clock.now());
    if (reports.length === 0) return replyHtml(ctx, ctx.t('report.nothingOpen'));
    if (reports.length > 1) return void (await reportDialogue.begin(ctx, { reportId: null, back: false }));
    await replyHtml(ctx, ctx.t('report.intro'));
    await beginReport(ctx, (await reportView(deps.db, reports[0]!.id))!);
  });

  // "Fill in" under a reminder: the same dialogue, on that report, if it is still the caller's to change.
  const refuse = (ctx: ButtonContext) => ctx.answerCbQuery(ctx.t('report.notYourReport'), { show_alert: true });
  onButton(
    composer,
    fillButton,
    async (ctx, value) => {
      const report = await reportView(deps.db, value.id);
      if (!report || !liaisonClassIds(ctx).includes(report.class_id)) return refuse(ctx);
      if (report.state === 'reviewed') return ctx.answerCbQuery(ctx.t('report.alreadyReviewedShort'), { show_alert: true });
      await ctx.answerCbQuery();
      await beginReport(ctx, report);
    },
    { refuse },
  );
  return composer;
}

export function reportsComposer(deps: AppDeps): Composer<BotContext> {
  return new Composer<BotContext>(reportCommand(deps), deadlineCommand(), reportsManagement(deps));
}
