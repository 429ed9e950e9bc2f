import { Composer } from 'telegraf';
import { Html, joinHtml, mention } from '../../i18n/html.js';
import type { MessageKey } from '../../i18n/i18n.js';
import { formatLocal } from '../../shared/local-time.js';
import { cutText } from '../../shared/text.js';
import type { AppDeps, BotContext } from '../../telegram/context.js';
import { liaisonOrSecretary, privateOnly } from '../../telegram/guards.js';
import { replyHtml, replyHtmlWithKeyboard } from '../../telegram/reply.js';
import { displayName } from '../../people/queries.js';
import { correctDialogue } from './correct-dialogue.js';
import { membersBesidesBot } from './jobs.js';
import { manageScope, mayManage } from './manage-access.js';
import { noticeButton } from './manage-buttons.js';
import { ackersOf, deliveriesOf, recentNotices, unreachableLiaisons } from './queries.js';
import { failedDeliveries, resendFailed } from './resend.js';
import { retractNotice } from './service.js';
import { onButton, type ButtonContext } from '../../telegram/buttons.js';

/** Our own failure codes are translated; Telegram's descriptions are shown as Telegram wrote them. */
const failureText = (ctx: BotContext, failure: string) => (failure === 'no_group' || failure === 'bot_removed' ? ctx.t(`failure.${failure}`) : failure);
const SNIPPET = 40;
const MAX_SIZED_CLASSES = 30;
const NAMES_SHOWN = 15;

const button = (ctx: BotContext, key: MessageKey, action: Parameters<typeof noticeButton.encode>[0]['action'], notice: number) => ({
  text: ctx.t(key, { id: notice }),
  callback_data: noticeButton.encode({ action, notice }),
});

type ManageButton = NonNullable<ReturnType<typeof noticeButton.decode>>;

/** /notices: delivery and acknowledgement state, details per class, retract and correct. */
export function noticeManagement(deps: AppDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('notices', privateOnly, liaisonOrSecretary, (ctx) => listNotices(deps, ctx));
  const refuse = (ctx: ButtonContext) => ctx.answerCbQuery(ctx.t('notice.notFound'), { show_alert: true });
  onButton(composer, noticeButton, (ctx, value) => onNoticeButton(deps, ctx, value, refuse), { refuse });
  return composer;
}

async function onNoticeButton(deps: AppDeps, ctx: ButtonContext, value: ManageButton, refuse: (ctx: ButtonContext) => Promise<unknown>): Promise<unknown> {
  if (!(await mayManage(deps.db, ctx, value.notice))) return refuse(ctx);
  await ctx.answerCbQuery();
  const id = value.notice;
  switch (value.action) {
    case 'd':
      await replyHtml(ctx, await details(deps, ctx, id));
      return offerResend(deps, ctx, id);
    case 'rs':
      return resend(deps, ctx, id);
    case 'r':
      return replyHtmlWithKeyboard(ctx, ctx.t('notice.retractConfirm', { id }), [
        [button(ctx, 'notice.btn.confirmRetract', 'rc', id), button(ctx, 'notice.btn.keep', 'rk', id)],
      ]);
    case 'rk':
      return replyHtml(ctx, ctx.t('notice.kept'));
    case 'rc':
      return retract(deps, ctx, id);
    case 'c':
      return void (await correctDialogue.begin(ctx, { noticeId: id }));
  }
}

async function listNotices(deps: AppDeps, ctx: BotContext): Promise<void> {
  const notices = await recentNotices(deps.db, manageScope(ctx)!, 8);
  if (notices.length === 0) return replyHtml(ctx, ctx.t('notices.empty'));
  const lines = notices.map((n) =>
    ctx.t('notices.line', {
      id: n.id,
      snippet: cutText(n.text, SNIPPET + 1) || `[${n.kind}]`,
      when: formatLocal(n.send_at, deps.config.timeZone),
      sent: n.sent,
      total: n.total,
      pending: n.pending,
      failed: n.failed,
      acks: new Html(n.ask_ack ? ctx.t('notices.acks', { acks: n.acks }) : ''),
      retracted: new Html(n.retracted_at ? ctx.t('notices.retractedMark') : ''),
    }),
  );
  const buttons = notices
    .filter((n) => !n.retracted_at)
    .slice(0, 5)
    .map((n) => [button(ctx, 'notices.btn.details', 'd', n.id), button(ctx, 'notices.btn.correct', 'c', n.id), button(ctx, 'notices.btn.retract', 'r', n.id)]);
  await replyHtmlWithKeyboard(ctx, [ctx.t('notices.header'), ...lines].join('\n\n'), buttons);
}

async function retract(deps: AppDeps, ctx: BotContext, id: number): Promise<void> {
  const result = await retractNotice(deps.db, deps.clock.now(), id);
  deps.outbox.poke();
  if (!result.ok) return replyHtml(ctx, ctx.t(result.error === 'already' ? 'notice.alreadyRetracted' : 'notice.notFound', { id }));
  deps.logger.info({ event: 'notice_retracted', noticeId: id }, 'notice retracted');
  return replyHtml(ctx, ctx.t('notice.retracted', { id, ...result.value }));
}

/** Under the details: one button that sends the failed deliveries again, when any of them can go. */
async function offerResend(deps: AppDeps, ctx: BotContext, id: number): Promise<void> {
  const notice = await deps.db.selectFrom('notices').select('retracted_at').where('id', '=', id).executeTakeFirst();
  const count = (await failedDeliveries(deps.db, id)).filter((d) => d.blocked === null).length;
  if (!notice || notice.retracted_at || count === 0) return;
  const resendButton = { text: ctx.t('notice.btn.resend', { count }), callback_data: noticeButton.encode({ action: 'rs', notice: id }) };
  await replyHtmlWithKeyboard(ctx, ctx.t('notice.resendOffer', { id, count }), [[resendButton]]);
}

async function resend(deps: AppDeps, ctx: BotContext, id: number): Promise<void> {
  const result = await resendFailed(deps.db, deps.clock.now(), id);
  if (!result.ok) {
    const key = result.error === 'retracted' ? 'notice.alreadyRetracted' : result.error === 'none_failed' ? 'notice.nothingFailed' : 'notice.notFound';
    return replyHtml(ctx, ctx.t(key, { id }));
  }
  const { queued, blocked } = result.value;
  if (queued > 0) deps.outbox.poke();
  deps.logger.info({ event: 'notice_resent', noticeId: id, queued, blocked: blocked.length }, 'failed deliveries queued again');
  const list = joinHtml(
    blocked.map((b) => new Html(ctx.t('notice.resendItem', { class: b.className, reason: new Html(ctx.t(`failure.${b.reason}`)) }))),
    '、',
  );
  const lines = [ctx.t(queued > 0 ? 'notice.resent' : 'notice.resendNone', { id, queued })];
  if (blocked.length > 0) lines.push(ctx.t('notice.resendBlocked', { list }));
  return replyHtml(ctx, lines.join('\n'));
}

const names = (people: Array<{ telegram_user_id: number; first_name: string; last_name: string | null }>) =>
  joinHtml(
    people.map((p) => mention(p.telegram_user_id, displayName(p.first_name, p.last_name))),
    '、',
  );

/** One line per class: its delivery, why it failed, and (asked for) the acknowledgements — with names for a secretary. */
async function details(deps: AppDeps, ctx: BotContext, id: number): Promise<string> {
  const rows = await deliveriesOf(deps.db, id);
  const notice = await deps.db.selectFrom('notices').select('ask_ack').where('id', '=', id).executeTakeFirstOrThrow();
  const isSecretary = ctx.roles.some((r) => r.role === 'secretary');
  const lines: string[] = [];
  for (const [i, d] of rows.entries()) {
    let acks = '';
    if (notice.ask_ack && d.state === 'sent') {
      const size = i < MAX_SIZED_CLASSES && d.telegramChatId !== null ? await membersBesidesBot(ctx.telegram, d.telegramChatId) : null;
      const people = isSecretary ? await ackersOf(deps.db, d.deliveryId) : [];
      const shown = people.length > 0 ? `：${names(people.slice(0, NAMES_SHOWN)).html}${people.length > NAMES_SHOWN ? '…' : ''}` : '';
      acks = ctx.t('notice.detailAcks', { acks: d.acks, size: size === null ? '?' : size, names: new Html(shown) });
    }
    lines.push(
      ctx.t('notice.detailLine', {
        class: d.className,
        state: ctx.t(`delivery.${d.state}` as MessageKey),
        failure: new Html(d.failure && d.state !== 'sent' ? ctx.t('notice.detailFailure', { reason: failureText(ctx, d.failure) }) : ''),
        acks: new Html(acks),
      }),
    );
  }
  const unreachable = await unreachableLiaisons(deps.db, id, deps.clock.now());
  if (unreachable.length > 0) lines.push('', ctx.t('notice.unreachableLiaisons', { names: names(unreachable) }));
  return [ctx.t('notice.details', { id }), ...lines].join('\n');
}
