import { Composer } from 'telegraf';
import type { MessageKey } from '../../i18n/i18n.js';
import type { AppDeps, BotContext } from '../../telegram/context.js';
import { commandArgs, groupOnly, isGroupChat, privateOnly } from '../../telegram/guards.js';
import { replyHtml, replyHtmlWithKeyboard } from '../../telegram/reply.js';
import type { Result } from '../../shared/result.js';
import { classesUnderAuthority, matchClassRef } from './authority.js';
import { binderName, bindByClassRef, bindByCode, type Binder, type BindError, type Bound } from './bind.js';
import { BIND_CODE_LIFETIME_DAYS, BIND_PREFIX, bindLink, bindPayloadSchema, createBindCode } from './bind-codes.js';

const bindErrors: Record<BindError, MessageKey> = {
  not_allowed: 'bind.notAllowed',
  not_found: 'bind.notFound',
  ambiguous: 'bind.ambiguous',
  move_not_allowed: 'bind.moveNotAllowed',
  chat_taken: 'bind.chatTaken',
  code_invalid: 'bind.codeInvalid',
};

/** `/bind CLASS` or a bind code in a group, `/bind_link` in private. */
export function bindComposer(deps: AppDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  const binder = (ctx: BotContext): Binder => ({ personId: ctx.person?.id ?? null, name: binderName(ctx.from), roles: ctx.roles });

  const answer = async (ctx: BotContext, ref: string, result: Result<Bound, BindError>) => {
    if (!result.ok) return replyHtml(ctx, ctx.t(bindErrors[result.error], { class: ref }));
    const bound = result.value;
    deps.logger.info({ event: 'chat_bound', chatId: ctx.chat?.id, moved: bound.previousChatTitle !== null }, 'group bound to class');
    deps.outbox.poke();
    if (bound.alreadyBound) return replyHtml(ctx, ctx.t('bind.already', { class: bound.className }));
    if (bound.previousChatTitle !== null) {
      return replyHtml(ctx, ctx.t('bind.moved', { class: bound.className, branch: bound.branchName, previous: bound.previousChatTitle }));
    }
    return replyHtml(ctx, ctx.t('bind.done', { class: bound.className, branch: bound.branchName }));
  };

  // The "add to group" link arrives as `/start bind_…` in the group the user picked.
  composer.start(async (ctx, next) => {
    const payload = ctx.payload.trim();
    if (!payload.startsWith(BIND_PREFIX)) return next();
    if (!isGroupChat(ctx)) return replyHtml(ctx, ctx.t('bindLink.openInGroup'));
    const code = bindPayloadSchema.safeParse(payload);
    if (!code.success) return replyHtml(ctx, ctx.t('bind.codeInvalid'));
    return answer(ctx, '', await bindByCode(deps.db, deps.clock, ctx.chat, code.data, binder(ctx)));
  });

  composer.command('bind', groupOnly, async (ctx) => {
    const ref = commandArgs(ctx);
    if (!ref || ref.length > 64) return replyHtml(ctx, ctx.t('bind.usage'));
    const code = bindPayloadSchema.safeParse(ref);
    if (code.success) return answer(ctx, ref, await bindByCode(deps.db, deps.clock, ctx.chat, code.data, binder(ctx)));
    return answer(ctx, ref, await bindByClassRef(deps.db, deps.clock, ctx.chat, ref, binder(ctx)));
  });

  composer.command('bind_link', privateOnly, async (ctx) => {
    const mine = await classesUnderAuthority(deps.db, ctx.roles);
    if (mine.length === 0) return replyHtml(ctx, ctx.t('bindLink.notAllowed'));
    const ref = commandArgs(ctx);
    const codes = mine.map((c) => c.code).join('、');
    if (!ref && mine.length > 1) return replyHtml(ctx, ctx.t('bindLink.usage', { classes: codes }));
    const matches = ref ? matchClassRef(mine, ref) : mine;
    if (matches.length !== 1) return replyHtml(ctx, ctx.t('bindLink.notFound', { class: ref, classes: codes }));
    const klass = matches[0]!;
    const code = await createBindCode(deps.db, deps.clock, { classId: klass.id, createdBy: ctx.person?.id ?? null, canMove: klass.canMove });
    const link = bindLink(deps.botUsername(), code);
    deps.logger.info({ event: 'bind_link_created', classId: klass.id }, 'bind link created');
    await replyHtmlWithKeyboard(ctx, ctx.t('bindLink.created', { class: klass.name, link, days: BIND_CODE_LIFETIME_DAYS }), [
      [{ text: ctx.t('bindLink.button'), url: link }],
    ]);
  });

  return composer;
}
