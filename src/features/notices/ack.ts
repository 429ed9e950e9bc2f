import { Composer } from 'telegraf';
import type { AppDeps, BotContext } from '../../telegram/context.js';
import { ackButton } from './ack-button.js';
import { acknowledge } from './service.js';
import { onButton, type ButtonContext } from '../../telegram/buttons.js';

/** The "收到 ✅" button under a notice in a class group. */
export function acknowledgements(deps: AppDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const refuse = (ctx: ButtonContext) => ctx.answerCbQuery(ctx.t('ack.invalid'));
  onButton(
    composer,
    ackButton,
    async (ctx, value, person) => {
      const message = ctx.callbackQuery.message;
      if (!message) return refuse(ctx);
      const deliveryId = value.delivery;
      // Someone who has left the group cannot acknowledge through an old message.
      try {
        const member = await ctx.telegram.getChatMember(message.chat.id, ctx.from.id);
        if (member.status === 'left' || member.status === 'kicked') return ctx.answerCbQuery(ctx.t('ack.invalid'), { show_alert: true });
      } catch {
        return ctx.answerCbQuery(ctx.t('ack.invalid'), { show_alert: true });
      }
      const result = await acknowledge(deps.db, deps.clock.now(), {
        deliveryId,
        personId: person.id,
        telegramChatId: message.chat.id,
        messageId: message.message_id,
      });
      if (!result.ok) return ctx.answerCbQuery(ctx.t(result.error === 'retracted' ? 'ack.retracted' : 'ack.invalid'), { show_alert: true });
      if (result.value.first) deps.outbox.poke();
      return ctx.answerCbQuery(ctx.t(result.value.first ? 'ack.thanks' : 'ack.already'));
    },
    { refuse },
  );
  return composer;
}
