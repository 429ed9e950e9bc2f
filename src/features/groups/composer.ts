import { Composer } from 'telegraf';
import { message } from 'telegraf/filters';
import type { ChatMember } from 'telegraf/types';
import type { AppDeps, BotContext } from '../../telegram/context.js';
import { groupOnly } from '../../telegram/guards.js';
import { replyHtml } from '../../telegram/reply.js';
import { liaisonList } from './liaison-list.js';
import { setChatTitle, upsertChat } from './queries.js';
import { chatOfUpdate } from '../../chats/of-update.js';
import { bindComposer } from './bind-composer.js';
import { classLiaisons, classOfChat } from './service.js';

const isPresent = (member: ChatMember): boolean =>
  member.status === 'member' || member.status === 'administrator' || member.status === 'creator' || (member.status === 'restricted' && member.is_member);

export function groupsComposer(deps: AppDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.use(bindComposer(deps));

  composer.on('my_chat_member', async (ctx) => {
    const update = ctx.myChatMember;
    const chat = update.chat;
    if (chat.type === 'private') {
      // The user blocked (kicked) or unblocked the bot: only a chat we already message is tracked.
      await deps.db
        .updateTable('chats')
        .set({ active: isPresent(update.new_chat_member), updated_at: deps.clock.now() })
        .where('telegram_chat_id', '=', chat.id)
        .execute();
      return;
    }
    if (chat.type !== 'group' && chat.type !== 'supergroup') return;
    const wasIn = isPresent(update.old_chat_member);
    const isIn = isPresent(update.new_chat_member);
    const row = await upsertChat(deps.db, chat, isIn, deps.clock.now());
    deps.logger.info({ event: isIn ? 'bot_in_group' : 'bot_left_group', chatId: chat.id, classId: row.class_id }, 'membership changed');
    if (isIn && !wasIn) {
      if (row.class_id) {
        const klass = await classOfChat(deps.db, chat.id);
        await replyHtml(ctx, ctx.t('bind.already', { class: klass?.className ?? '' }));
      } else {
        await replyHtml(ctx, ctx.t('group.added'));
      }
    }
  });

  composer.on(message('migrate_to_chat_id'), async (ctx) => {
    await deps.migrateChat(deps.db, ctx.chat.id, ctx.message.migrate_to_chat_id, deps.clock.now());
    deps.logger.info({ event: 'chat_migrated', from: ctx.chat.id, to: ctx.message.migrate_to_chat_id }, 'group became supergroup');
  });

  composer.on(message('migrate_from_chat_id'), async (ctx) => {
    await deps.migrateChat(deps.db, ctx.message.migrate_from_chat_id, ctx.chat.id, deps.clock.now());
  });

  composer.on(message('new_chat_title'), async (ctx) => {
    await setChatTitle(deps.db, ctx.chat.id, ctx.message.new_chat_title, deps.clock.now());
  });

  composer.command('liaisons', groupOnly, async (ctx) => {
    const chat = await chatOfUpdate(ctx);
    const klass = chat?.classId ? { className: chat.className!, liaisons: await classLiaisons(deps.db, chat.classId) } : null;
    if (!klass) return replyHtml(ctx, ctx.t('liaisons.notBound'));
    if (klass.liaisons.length === 0) return replyHtml(ctx, ctx.t('liaisons.none', { class: klass.className }));
    const names = liaisonList(klass.liaisons);
    const missing = klass.liaisons.length < 2 ? `\n${ctx.t('liaisons.missing', { count: klass.liaisons.length })}` : '';
    return replyHtml(ctx, ctx.t('liaisons.list', { class: klass.className, names }) + missing);
  });

  return composer;
}
