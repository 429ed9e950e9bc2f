import { close } from '../../inbox/service.js';
import { itemOf } from '../../inbox/queries.js';
import { cutText } from '../../shared/text.js';
import type { AppDeps, BotContext } from '../../telegram/context.js';
import { secretaryBranch } from '../../people/access.js';
import { plain, replyTo, type Buttons } from './context.js';
import { openQuestions, type QuestionInChat } from './queries.js';
import { callbackData } from './schemas.js';
import { FAQ_ITEM } from './tables.js';

const LATEST = 10;
const BUTTONS_PER_ROW = 5;
const MAX_LENGTH = 4000;

/** /unanswered: the questions of the secretary's branch still waiting in the liaison inbox, per class, and the latest ten with a button each to dismiss it. */
async function renderUnanswered(deps: AppDeps, ctx: BotContext, branchId: number): Promise<{ html: string; buttons: Buttons }> {
  const { perClass, latest } = await openQuestions(deps.db, branchId, LATEST);
  const total = perClass.reduce((n, c) => n + c.count, 0);
  if (total === 0) return { html: ctx.t('faq.unanswered.none'), buttons: [] };
  const unknown = ctx.t('faq.liaison.unknownClass');
  const date = (d: Date) => d.toLocaleString('sv-SE', { timeZone: deps.config.timeZone }).slice(0, 16);
  // one message (it carries the buttons): questions are cut shorter when escaping made the text too long
  const render = (cut: number) =>
    [
      ctx.t('faq.unanswered.header', { count: total }),
      ...perClass.map((c) => ctx.t('faq.unanswered.classLine', { class: c.className ?? unknown, count: c.count })),
      '',
      ctx.t('faq.unanswered.latest'),
      ...latest.map(
        (q, i) =>
          `${ctx.t('faq.unanswered.number', { n: i + 1 })} ` +
          ctx.t('faq.unanswered.item', {
            date: date(q.createdAt),
            class: q.className ?? unknown,
            status: ctx.t(q.routing === 'routed' ? 'faq.status.routed' : 'faq.status.recorded'),
            question: cutText(q.question, cut),
          }),
      ),
      '',
      ctx.t('faq.unanswered.dismissHint'),
    ].join('\n');
  const html = [200, 80, 20].map(render).find((text) => text.length <= MAX_LENGTH) ?? render(10);
  const buttons: Buttons = [];
  latest.forEach((q, i) => {
    if (i % BUTTONS_PER_ROW === 0) buttons.push([]);
    buttons.at(-1)!.push({ text: `✖ ${i + 1}`, callback_data: callbackData.dismiss(q.id) });
  });
  return { html, buttons };
}

export async function listUnanswered(deps: AppDeps, ctx: BotContext): Promise<void> {
  const { html, buttons } = await renderUnanswered(deps, ctx, secretaryBranch(ctx.roles)!.branchId);
  await replyTo(ctx, ctx.chat!.id, html, buttons.length > 0 ? { buttons } : {});
}

/**
 * A dismiss button under /unanswered: the question's inbox item is closed (no reply; no longer
 * listed). Only whoever may handle it — its class's liaisons, its branch's secretaries — may; a
 * forged button for another branch's question gets the same answer as a stale one.
 */
export async function dismissQuestion(deps: AppDeps, ctx: BotContext, q: QuestionInChat): Promise<void> {
  const item = await itemOf(deps.db, FAQ_ITEM, q.id);
  const closed = item ? await deps.db.transaction().execute((trx) => close(trx, item.id, { roles: ctx.roles }, deps.clock.now())) : 'not_found';
  if (closed !== 'closed') {
    deps.logger.info({ event: 'faq_dismiss_refused', questionId: q.id, personId: ctx.person?.id, reason: closed }, 'dismiss refused');
    return void (await ctx.answerCbQuery(plain(ctx.t('faq.cb.invalid'))));
  }
  deps.logger.info({ event: 'faq_dismissed', questionId: q.id, itemId: item!.id, personId: ctx.person?.id }, 'question dismissed');
  await ctx.answerCbQuery(plain(ctx.t('faq.unanswered.dismissed')));
  const branch = secretaryBranch(ctx.roles);
  if (!branch || !ctx.callbackQuery?.message) return;
  const { html, buttons } = await renderUnanswered(deps, ctx, branch.branchId);
  await ctx
    .editMessageText(html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, reply_markup: { inline_keyboard: buttons } })
    .catch(() => undefined);
}
