import { Composer } from 'telegraf';
import type { MessageKey } from '../../i18n/i18n.js';
import type { AppDeps, BotContext } from '../../telegram/context.js';
import { isGroupChat, isPrivateChat, privateOnly } from '../../telegram/guards.js';
import { replyHtml } from '../../telegram/reply.js';
import type { CommandSpec } from '../../feature.js';
import { displayName } from '../../people/queries.js';
import { visibleCommands } from '../../telegram/visible-commands.js';

export function helpComposer(allCommands: () => CommandSpec[]) {
  return (_deps: AppDeps): Composer<BotContext> => {
    const composer = new Composer<BotContext>();

    const helpText = async (ctx: BotContext): Promise<string> => {
      const inGroup = isGroupChat(ctx);
      const commands = visibleCommands(allCommands(), { chat: inGroup ? 'group' : 'private', roles: ctx.roles });
      const lines = commands.map((c) => `/${c.command} — ${ctx.t(c.description)}`);
      return [ctx.t(inGroup ? 'help.groupHeader' : 'help.header'), ...lines, '', ctx.t('help.footer')].join('\n');
    };

    composer.start(async (ctx) => {
      const name = ctx.from ? displayName(ctx.from.first_name, ctx.from.last_name ?? null) : '';
      await replyHtml(ctx, `${ctx.t('start.welcome', { name })}\n\n${await helpText(ctx)}`);
    });

    composer.help(async (ctx) => replyHtml(ctx, await helpText(ctx)));

    composer.command('whoami', privateOnly, async (ctx) => {
      const name = ctx.from ? displayName(ctx.from.first_name, ctx.from.last_name ?? null) : '';
      if (ctx.roles.length === 0) return replyHtml(ctx, ctx.t('whoami.none'));
      const lines = ctx.roles.map((r) =>
        r.role === 'secretary'
          ? ctx.t('whoami.secretaryLine', { role: ctx.t('role.secretary'), branch: r.branchName })
          : ctx.t('whoami.classLine', { role: ctx.t(`role.${r.role}` as MessageKey), class: r.className ?? '', branch: r.branchName }),
      );
      return replyHtml(ctx, [ctx.t('whoami.header', { name }), ...lines].join('\n'));
    });

    // A button nobody handles (an old message, forged data): answer it, or the client keeps spinning.
    composer.on('callback_query', async (ctx) => {
      await ctx.answerCbQuery(ctx.t('notice.stale'));
    });

    // Last in the chain: in private, anything not handled gets a pointer to /help; in groups, silence.
    composer.on('message', async (ctx) => {
      if (!isPrivateChat(ctx)) return;
      const text = 'text' in ctx.message ? ctx.message.text : '';
      await replyHtml(ctx, ctx.t(text.startsWith('/') ? 'error.unknownCommand' : 'private.freeText'));
    });

    return composer;
  };
}
