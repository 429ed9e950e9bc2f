import { Composer, Markup } from 'telegraf';
import { clearDialogue, saveDialogue } from '../../dialogue/store.js';
import { Html, joinHtml, mention } from '../../i18n/html.js';
import type { MessageKey } from '../../i18n/i18n.js';
import { formatLocal } from '../../shared/local-time.js';
import type { AppDeps, BotContext } from '../../telegram/context.js';
import { liaisonOrSecretary, privateOnly } from '../../telegram/guards.js';
import { replyHtml, replyHtmlWithKeyboard } from '../../telegram/reply.js';
import { displayName } from '../../people/queries.js';
import { membersBesidesBot } from './jobs.js';
import { ackersOf, deliveriesOf, recentNotices, unreachableLiaisons } from './queries.js';
import { failedDeliveries, resendFailed } from './resend.js';
import { correctNotice, retractNotice, type ContentError } from './service.js';
import { cutText } from '../../shared/text.js';

export const CORRECT_DIALOGUE = 'notice_correct';

/** Our own failure codes are translated; Telegram's descriptions are shown as Telegram wrote them. */
const failureText = (ctx: BotContext, failure: string) => (failure === 'no_group' || failure === 'bot_removed' ? ctx.t(`failure.${failure}`) : failure);
const SNIPPET = 40;
const MAX_SIZED_CLASSES = 30;

const correctErrors: Record<'not_found' | 'retracted' | 'kind_changed' | ContentError, MessageKey> = {
  not_found: 'notice.notFound',
  retracted: 'notice.alreadyRetracted',
  kind_changed: 'notice.correctTextOnly',
  too_long: 'notice.tooLong',
  caption_too_long: 'notice.captionTooLong',
  empty: 'notice.empty',
};

/** /notices: delivery and acknowledgement state, details per class, retract and correct. */
export function noticeManagement(deps: AppDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  /** Secretaries see their branch's notices; liaisons the ones they wrote. */
  const scope = (ctx: BotContext) => {
    const secretary = ctx.roles.find((r) => r.role === 'secretary');
    if (secretary) return { branchId: secretary.branchId };
    const liaison = ctx.roles.find((r) => r.role === 'liaison');
    return liaison && ctx.person ? { branchId: liaison.branchId, authorId: ctx.person.id } : null;
  };
  const mayManage = async (ctx: BotContext, noticeId: number) => {
    const s = scope(ctx);
    if (!s) return false;
    const notice = await deps.db.selectFrom('notices').select(['branch_id', 'author_id']).where('id', '=', noticeId).executeTakeFirst();
    return !!notice && notice.branch_id === s.branchId && (s.authorId === undefined || notice.author_id === s.authorId);
  };

  composer.command('notices', privateOnly, liaisonOrSecretary, async (ctx) => {
    const s = scope(ctx)!;
    const notices = await recentNotices(deps.db, s, 8);
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
      .map((n) => [
        Markup.button.callback(ctx.t('notices.btn.details', { id: n.id }), `nl:d:${n.id}`),
        Markup.button.callback(ctx.t('notices.btn.correct', { id: n.id }), `nl:c:${n.id}`),
        Markup.button.callback(ctx.t('notices.btn.retract', { id: n.id }), `nl:r:${n.id}`),
      ]);
    await replyHtmlWithKeyboard(ctx, [ctx.t('notices.header'), ...lines].join('\n\n'), buttons);
  });

  composer.action(/^nl:(d|c|r|rc|rk|rs):(\d+)$/, async (ctx) => {
    const [, action, raw] = ctx.match;
    const noticeId = Number(raw);
    if (!ctx.person || !(await mayManage(ctx, noticeId))) return ctx.answerCbQuery(ctx.t('notice.notFound'), { show_alert: true });
    await ctx.answerCbQuery();
    if (action === 'd') {
      await replyHtml(ctx, await details(ctx, noticeId));
      return offerResend(ctx, noticeId);
    }
    if (action === 'rs') return resend(ctx, noticeId);
    if (action === 'r') {
      return replyHtmlWithKeyboard(ctx, ctx.t('notice.retractConfirm', { id: noticeId }), [
        [
          Markup.button.callback(ctx.t('notice.btn.confirmRetract'), `nl:rc:${noticeId}`),
          Markup.button.callback(ctx.t('notice.btn.keep'), `nl:rk:${noticeId}`),
        ],
      ]);
    }
    if (action === 'rk') return replyHtml(ctx, ctx.t('notice.kept'));
    if (action === 'rc') {
      const result = await retractNotice(deps.db, deps.clock.now(), noticeId);
      deps.outbox.poke();
      if (!result.ok) return replyHtml(ctx, ctx.t(result.error === 'already' ? 'notice.alreadyRetracted' : 'notice.notFound', { id: noticeId }));
      deps.logger.info({ event: 'notice_retracted', noticeId }, 'notice retracted');
      return replyHtml(ctx, ctx.t('notice.retracted', { id: noticeId, ...result.value }));
    }
    await saveDialogue(deps.db, ctx.person.id, { kind: CORRECT_DIALOGUE, step: 'text', data: { noticeId } }, deps.clock.now());
    return replyHtml(ctx, ctx.t('notice.correctPrompt', { id: noticeId }));
  });

  composer.on('message', async (ctx, next) => {
    const text = 'text' in ctx.message ? ctx.message.text : undefined;
    if (ctx.dialogue?.kind !== CORRECT_DIALOGUE || ctx.chat.type !== 'private' || text?.startsWith('/') || !ctx.person) return next();
    const noticeId = Number((ctx.dialogue.data as { noticeId?: number }).noticeId);
    if (text === undefined) return replyHtml(ctx, ctx.t('notice.correctTextOnly'));
    const entities = 'entities' in ctx.message ? (ctx.message.entities ?? []) : [];
    const notice = await deps.db.selectFrom('notices').select('kind').where('id', '=', noticeId).executeTakeFirst();
    const result = await correctNotice(deps.db, deps.clock.now(), noticeId, { kind: notice?.kind ?? 'text', text, entities, fileId: null });
    if (!result.ok) {
      if (result.error === 'not_found' || result.error === 'retracted') await clearDialogue(deps.db, ctx.person.id);
      return replyHtml(ctx, ctx.t(correctErrors[result.error], { id: noticeId, ...(result.detail ?? {}) }));
    }
    await clearDialogue(deps.db, ctx.person.id);
    deps.outbox.poke();
    deps.logger.info({ event: 'notice_corrected', noticeId }, 'notice corrected');
    return replyHtml(ctx, ctx.t('notice.corrected', { id: noticeId, editing: result.value.editing }));
  });

  /** Under the details: one button that sends the failed deliveries again, when any of them can go. */
  const offerResend = async (ctx: BotContext, noticeId: number) => {
    const notice = await deps.db.selectFrom('notices').select('retracted_at').where('id', '=', noticeId).executeTakeFirst();
    const count = (await failedDeliveries(deps.db, noticeId)).filter((d) => d.blocked === null).length;
    if (!notice || notice.retracted_at || count === 0) return;
    const button = Markup.button.callback(ctx.t('notice.btn.resend', { count }), `nl:rs:${noticeId}`);
    await replyHtmlWithKeyboard(ctx, ctx.t('notice.resendOffer', { id: noticeId, count }), [[button]]);
  };

  const resend = async (ctx: BotContext, noticeId: number) => {
    const result = await resendFailed(deps.db, deps.clock.now(), noticeId);
    if (!result.ok) {
      const key = result.error === 'retracted' ? 'notice.alreadyRetracted' : result.error === 'none_failed' ? 'notice.nothingFailed' : 'notice.notFound';
      return replyHtml(ctx, ctx.t(key, { id: noticeId }));
    }
    const { queued, blocked } = result.value;
    if (queued > 0) deps.outbox.poke();
    deps.logger.info({ event: 'notice_resent', noticeId, queued, blocked: blocked.length }, 'failed deliveries queued again');
    const list = joinHtml(
      blocked.map((b) => new Html(ctx.t('notice.resendItem', { class: b.className, reason: new Html(ctx.t(`failure.${b.reason}`)) }))),
      '、',
    );
    const lines = [ctx.t(queued > 0 ? 'notice.resent' : 'notice.resendNone', { id: noticeId, queued })];
    if (blocked.length > 0) lines.push(ctx.t('notice.resendBlocked', { list }));
    return replyHtml(ctx, lines.join('\n'));
  };

  const details = async (ctx: BotContext, noticeId: number): Promise<string> => {
    const rows = await deliveriesOf(deps.db, noticeId);
    const notice = await deps.db.selectFrom('notices').select('ask_ack').where('id', '=', noticeId).executeTakeFirstOrThrow();
    const isSecretary = ctx.roles.some((r) => r.role === 'secretary');
    const lines: string[] = [];
    for (const [i, d] of rows.entries()) {
      let acks = '';
      if (notice.ask_ack && d.state === 'sent') {
        const size = i < MAX_SIZED_CLASSES && d.telegramChatId !== null ? await membersBesidesBot(ctx.telegram, d.telegramChatId) : null;
        const people = isSecretary ? await ackersOf(deps.db, d.deliveryId) : [];
        const names =
          people.length > 0
            ? `：${
                joinHtml(
                  people.slice(0, 15).map((p) => mention(p.telegram_user_id, displayName(p.first_name, p.last_name))),
                  '、',
                ).html
              }${people.length > 15 ? '…' : ''}`
            : '';
        acks = ctx.t('notice.detailAcks', { acks: d.acks, size: size === null ? '?' : size, names: new Html(names) });
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
    const unreachable = await unreachableLiaisons(deps.db, noticeId, deps.clock.now());
    if (unreachable.length > 0) {
      const names = joinHtml(
        unreachable.map((p) => mention(p.telegram_user_id, displayName(p.first_name, p.last_name))),
        '、',
      );
      lines.push('', ctx.t('notice.unreachableLiaisons', { names }));
    }
    return [ctx.t('notice.details', { id: noticeId }), ...lines].join('\n');
  };

  return composer;
}
