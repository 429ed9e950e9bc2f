import type { BotContext } from '../../telegram/context.js';

/**
 * Is the sender an administrator of this group? An admin posting anonymously arrives as the group
 * itself (sender_chat), so that counts too; otherwise Telegram is asked with getChatMember.
 */
export async function isGroupAdmin(ctx: BotContext): Promise<boolean> {
  const chat = ctx.chat;
  if (!chat || !ctx.from) return false;
  const senderChat = ctx.message && 'sender_chat' in ctx.message ? ctx.message.sender_chat : undefined;
  if (senderChat && senderChat.id === chat.id) return true;
  try {
    const member = await ctx.telegram.getChatMember(chat.id, ctx.from.id);
    return member.status === 'creator' || member.status === 'administrator';
  } catch (error) {
    ctx.deps.logger.warn({ event: 'admin_check_failed', chatId: chat.id }, 'could not check group admin');
    return false;
  }
}
