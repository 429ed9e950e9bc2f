import { Composer } from 'telegraf';
import type { MessageKey } from '../../i18n/i18n.js';
import type { AppDeps, BotContext } from '../../telegram/context.js';
import { commandArgs, isGroupChat, isPrivateChat } from '../../telegram/guards.js';
import { replyHtml } from '../../telegram/reply.js';
import { DAILY_LIMITS } from './limits.js';
import { memberOf } from './membership.js';
import { boundGroup, describeReported, fileReport, hasMessageLink, MAX_REASON, parseMessageLink, type ReportOutcome } from './reports.js';

const answers: Record<ReportOutcome, MessageKey> = { new: 'report.thanks', again: 'report.again', over_limit: 'report.overLimit' };

/** A private message that never shows in the group; false when the person never started the bot (or blocked it). */
const tellPrivately = (ctx: BotContext, html: string): Promise<boolean> =>
  ctx.telegram.sendMessage(ctx.from!.id, html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } }).then(
    () => true,
    () => false,
  );

async function botMayDelete(ctx: BotContext): Promise<boolean> {
  try {
    const me = await ctx.telegram.getChatMember(ctx.chat!.id, ctx.botInfo.id);
    return me.status === 'creator' || (me.status === 'administrator' && me.can_delete_messages);
  } catch {
    return false;
  }
}

/** `/report [reason]` as a reply in a class group: the command is deleted when the bot may, the reporter answered discreetly. */
async function reportInGroup(deps: AppDeps, ctx: BotContext): Promise<void> {
  const message = ctx.message!;
  const group = await boundGroup(deps.db, ctx.chat!.id);
  if (group === 'not_in' || group === 'unbound') return replyHtml(ctx, ctx.t('report.unbound'));
  const reported = 'reply_to_message' in message ? message.reply_to_message : undefined;
  if (!reported || ('forum_topic_created' in reported && reported.forum_topic_created)) return replyHtml(ctx, ctx.t('report.notReply'));
  const reason = commandArgs(ctx);
  if ([...reason].length > MAX_REASON) return replyHtml(ctx, ctx.t('report.tooLong'));
  const deleted =
    (await botMayDelete(ctx)) &&
    (await ctx.deleteMessage(message.message_id).then(
      () => true,
      () => false,
    ));
  const outcome = await fileReport(ctx, { group, messageId: reported.message_id, ...describeReported(reported), reason, reporterTelegramId: ctx.from!.id });
  deps.outbox.poke();
  const answer = ctx.t(answers[outcome], { max: DAILY_LIMITS.report });
  if (deleted) {
    await tellPrivately(ctx, answer);
    return;
  }
  const firstTime = await deps.db
    .insertInto('report_hints')
    .values({ person_id: ctx.person!.id })
    .onConflict((oc) => oc.column('person_id').doNothing())
    .returning('person_id')
    .executeTakeFirst();
  const hinted = firstTime !== undefined && (await tellPrivately(ctx, ctx.t('report.hintVisible')));
  await replyHtml(ctx, firstTime !== undefined && !hinted ? `${answer}\n\n${ctx.t('report.hintVisible')}` : answer);
}

/** The discreet way: a t.me/c/… link sent in private (after /report, or alone), the reason after it. */
async function reportByLink(deps: AppDeps, ctx: BotContext, text: string): Promise<void> {
  const link = parseMessageLink(text.trim());
  if (!link) return replyHtml(ctx, ctx.t('report.linkUsage'));
  if ([...link.rest].length > MAX_REASON) return replyHtml(ctx, ctx.t('report.tooLong'));
  const group = await boundGroup(deps.db, link.telegramChatId);
  if (group === 'not_in') return replyHtml(ctx, ctx.t('report.linkUnknownChat'));
  if (group === 'unbound') return replyHtml(ctx, ctx.t('report.unbound'));
  const membership = await memberOf(ctx.telegram, group.telegramChatId, ctx.from!.id);
  if (membership !== 'member') return replyHtml(ctx, ctx.t(membership === 'unchecked' ? 'feedback.unchecked' : 'report.linkNotMember'));
  const outcome = await fileReport(ctx, {
    group,
    messageId: link.messageId,
    excerpt: '',
    authorName: null,
    reason: link.rest,
    reporterTelegramId: ctx.from!.id,
  });
  deps.outbox.poke();
  await replyHtml(ctx, ctx.t(answers[outcome], { max: DAILY_LIMITS.report }));
}

/**
 * Reports. In a group, `/report` is ours; in private only with a message link — a plain private
 * `/report` belongs to the liaisons' class reports (another feature), so it is passed on.
 */
export function reportComposer(deps: AppDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('report', async (ctx, next) => {
    if (!ctx.person) return next();
    if (isGroupChat(ctx)) return reportInGroup(deps, ctx);
    const args = commandArgs(ctx);
    if (!isPrivateChat(ctx) || !hasMessageLink(args)) return next();
    return reportByLink(deps, ctx, args);
  });
  composer.on('text', async (ctx, next) => {
    if (!isPrivateChat(ctx) || !ctx.person || ctx.message.text.startsWith('/') || !parseMessageLink(ctx.message.text.trim())) return next();
    return reportByLink(deps, ctx, ctx.message.text);
  });
  return composer;
}
