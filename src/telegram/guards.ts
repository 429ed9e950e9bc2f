import type { MiddlewareFn } from 'telegraf';
import { isLiaison, secretaryBranch } from '../people/access.js';
import type { BotContext } from './context.js';
import { replyHtml } from './reply.js';

export const isGroupChat = (ctx: BotContext) => ctx.chat?.type === 'group' || ctx.chat?.type === 'supergroup';
export const isPrivateChat = (ctx: BotContext) => ctx.chat?.type === 'private';

export const privateOnly: MiddlewareFn<BotContext> = async (ctx, next) => {
  if (isPrivateChat(ctx)) return next();
  await replyHtml(ctx, ctx.t('error.privateOnly'));
};

export const groupOnly: MiddlewareFn<BotContext> = async (ctx, next) => {
  if (isGroupChat(ctx)) return next();
  await replyHtml(ctx, ctx.t('error.groupOnly'));
};

export const secretaryOnly: MiddlewareFn<BotContext> = async (ctx, next) => {
  if (secretaryBranch(ctx.roles)) return next();
  await replyHtml(ctx, ctx.t('error.notAllowed', { who: ctx.t('role.secretary') }));
};

export const liaisonOrSecretary: MiddlewareFn<BotContext> = async (ctx, next) => {
  if (secretaryBranch(ctx.roles) || isLiaison(ctx.roles)) return next();
  await replyHtml(ctx, ctx.t('error.notAllowed', { who: `${ctx.t('role.secretary')} / ${ctx.t('role.liaison')}` }));
};

/** The words after the command, trimmed ("" when none). */
export function commandArgs(ctx: BotContext): string {
  const payload = (ctx as BotContext & { payload?: string }).payload;
  return typeof payload === 'string' ? payload.trim() : '';
}
