import type { Telegram } from 'telegraf';
import type { InlineKeyboardMarkup, MessageEntity } from 'telegraf/types';
import { t } from '../../i18n/i18n.js';
import type { JobContext, JobHandler } from '../../outbox/dispatcher.js';
import { enqueue } from '../../outbox/store.js';
import { attempt, type SendOutcome } from '../../telegram/sender.js';
import { classMembers } from '../people/queries.js';
import { ackCount, noticeWithDelivery } from './queries.js';
import { jobKey, NUDGE_BELOW_RATIO } from './service.js';

export function ackKeyboard(deliveryId: number, count: number): InlineKeyboardMarkup {
  return { inline_keyboard: [[{ text: t('zh', 'notice.ackButton', { count }), callback_data: `ack:${deliveryId}` }]] };
}

const skip: SendOutcome = { kind: 'ok' };
const noChat: SendOutcome = { kind: 'rejected', reason: 'no chat' };

const sendNotice: JobHandler = {
  async run(job, { db, telegram }) {
    const n = job.delivery_id ? await noticeWithDelivery(db, job.delivery_id) : undefined;
    if (!n || n.state !== 'pending' || n.retractedAt) return skip;
    if (job.telegramChatId === null) return noChat;
    const chatId = job.telegramChatId;
    const markup = n.askAck ? { reply_markup: ackKeyboard(n.deliveryId, await ackCount(db, n.deliveryId)) } : {};
    const entities = n.entities as MessageEntity[];
    if (n.kind === 'photo') {
      return attempt(() => telegram.sendPhoto(chatId, n.fileId!, { caption: n.text, caption_entities: entities, ...markup }), (m) => m.message_id);
    }
    if (n.kind === 'document') {
      return attempt(() => telegram.sendDocument(chatId, n.fileId!, { caption: n.text, caption_entities: entities, ...markup }), (m) => m.message_id);
    }
    return attempt(() => telegram.sendMessage(chatId, n.text, { entities, link_preview_options: { is_disabled: true }, ...markup }), (m) => m.message_id);
  },
  async settle(trx, job, result, { clock }) {
    if (!job.delivery_id) return;
    const now = clock.now();
    if (result.kind === 'failed') {
      await trx.updateTable('deliveries').set({ state: 'failed', failure: result.reason }).where('id', '=', job.delivery_id).where('state', '=', 'pending').execute();
      return;
    }
    if (result.messageId === undefined) return; // skipped: retracted or cancelled meanwhile
    await trx
      .updateTable('deliveries')
      .set({ state: 'sent', telegram_message_id: result.messageId, sent_at: now, failure: null })
      .where('id', '=', job.delivery_id)
      .execute();
    const notice = await trx
      .selectFrom('deliveries as d')
      .innerJoin('notices as n', 'n.id', 'd.notice_id')
      .select(['n.pin'])
      .where('d.id', '=', job.delivery_id)
      .executeTakeFirstOrThrow();
    if (notice.pin) {
      await enqueue(trx, { kind: 'notice.pin', dedupeKey: jobKey.pin(job.delivery_id), chatId: job.chat_id, deliveryId: job.delivery_id, availableAt: now }, now);
    }
  },
};

const pinNotice: JobHandler = {
  async run(job, { db, telegram }) {
    const n = job.delivery_id ? await noticeWithDelivery(db, job.delivery_id) : undefined;
    if (!n || n.state !== 'sent' || !n.messageId || job.telegramChatId === null) return skip;
    return attempt(() => telegram.pinChatMessage(job.telegramChatId!, n.messageId!));
  },
};

const editNotice: JobHandler = {
  async run(job, { db, telegram }) {
    const n = job.delivery_id ? await noticeWithDelivery(db, job.delivery_id) : undefined;
    if (!n || n.state !== 'sent' || !n.messageId || job.telegramChatId === null) return skip;
    const markup = n.askAck ? { reply_markup: ackKeyboard(n.deliveryId, await ackCount(db, n.deliveryId)) } : {};
    const entities = n.entities as MessageEntity[];
    if (n.kind === 'text') {
      return attempt(() => telegram.editMessageText(job.telegramChatId!, n.messageId!, undefined, n.text, { entities, link_preview_options: { is_disabled: true }, ...markup }));
    }
    return attempt(() => telegram.editMessageCaption(job.telegramChatId!, n.messageId!, undefined, n.text, { caption_entities: entities, ...markup }));
  },
};

const deleteNotice: JobHandler = {
  async run(job, { db, telegram }) {
    const n = job.delivery_id ? await noticeWithDelivery(db, job.delivery_id) : undefined;
    if (!n || !n.messageId || job.telegramChatId === null) return skip;
    return attempt(() => telegram.deleteMessage(job.telegramChatId!, n.messageId!));
  },
  async settle(trx, job, result) {
    if (!job.delivery_id) return;
    await trx
      .updateTable('deliveries')
      .set(result.kind === 'done' ? { state: 'retracted' } : { failure: `could not delete: ${result.reason}` })
      .where('id', '=', job.delivery_id)
      .execute();
  },
};

const ackButton: JobHandler = {
  async run(job, { db, telegram }) {
    const n = job.delivery_id ? await noticeWithDelivery(db, job.delivery_id) : undefined;
    if (!n || n.state !== 'sent' || !n.messageId || n.retractedAt || job.telegramChatId === null) return skip;
    const count = await ackCount(db, n.deliveryId);
    if (count === n.ackCountShown) return skip;
    const outcome = await attempt(() => telegram.editMessageReplyMarkup(job.telegramChatId!, n.messageId!, undefined, ackKeyboard(n.deliveryId, count)));
    if (outcome.kind === 'ok') await db.updateTable('deliveries').set({ ack_count_shown: count }).where('id', '=', n.deliveryId).execute();
    return outcome;
  },
};

/** After the set time, a class with few acknowledgements gets its two liaisons nudged privately. */
const nudgeCheck: JobHandler = {
  async run(job, ctx) {
    const noticeId = Number((job.payload as { noticeId?: number }).noticeId);
    const deliveries = await ctx.db
      .selectFrom('deliveries as d')
      .innerJoin('chats as c', 'c.id', 'd.chat_id')
      .innerJoin('classes as k', 'k.id', 'd.class_id')
      .select(['d.id', 'd.class_id', 'c.telegram_chat_id', 'k.name'])
      .where('d.notice_id', '=', noticeId)
      .where('d.state', '=', 'sent')
      .execute();
    const members = await classMembers(ctx.db, deliveries.map((d) => d.class_id));
    const now = ctx.clock.now();
    for (const d of deliveries) {
      const acks = await ackCount(ctx.db, d.id);
      const size = (await membersBesidesBot(ctx.telegram, d.telegram_chat_id)) ?? 0;
      if (size > 0 && acks / size >= NUDGE_BELOW_RATIO) continue;
      for (const liaison of (members.get(d.class_id) ?? []).filter((m) => m.role === 'liaison')) {
        const chat = await ctx.db
          .insertInto('chats')
          .values({ telegram_chat_id: liaison.telegramUserId, type: 'private', title: '', active: true, class_id: null })
          .onConflict((oc) => oc.column('telegram_chat_id').doUpdateSet({ type: 'private' }))
          .returning('id')
          .executeTakeFirstOrThrow();
        await enqueue(
          ctx.db,
          {
            kind: 'notice.nudge_message',
            dedupeKey: jobKey.nudgeMessage(noticeId, d.class_id, liaison.personId),
            chatId: chat.id,
            payload: { noticeId, className: d.name, acks, size, personId: liaison.personId },
            availableAt: now,
          },
          now,
        );
      }
    }
    return skip;
  },
};

/** Members of a group other than the bot; null when Telegram cannot say. */
export async function membersBesidesBot(telegram: Telegram, telegramChatId: number): Promise<number | null> {
  try {
    return Math.max(0, (await telegram.getChatMembersCount(telegramChatId)) - 1);
  } catch {
    return null;
  }
}

const nudgeMessage: JobHandler = {
  async run(job, { telegram }) {
    const p = job.payload as { className: string; acks: number; size: number };
    if (job.telegramChatId === null) return noChat;
    const text = t('zh', 'notice.nudge', { class: p.className, acks: p.acks, size: p.size || '?' });
    return attempt(() => telegram.sendMessage(job.telegramChatId!, text, { parse_mode: 'HTML' }));
  },
};

export const noticeJobHandlers: Record<string, JobHandler> = {
  'notice.send': sendNotice,
  'notice.pin': pinNotice,
  'notice.edit': editNotice,
  'notice.delete': deleteNotice,
  'notice.ack_button': ackButton,
  'notice.nudge': nudgeCheck,
  'notice.nudge_message': nudgeMessage,
};

