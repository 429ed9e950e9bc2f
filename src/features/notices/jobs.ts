import type { Telegram } from 'telegraf';
import type { InlineKeyboardMarkup, MessageEntity } from 'telegraf/types';
import { z } from 'zod';
import type { Executor } from '../../db/schema.js';
import { t } from '../../i18n/i18n.js';
import type { Language } from '../../i18n/language.js';
import type { JobHandler } from '../../outbox/dispatcher.js';
import { sendToPerson } from '../../outbox/messages.js';
import { enqueue, type ClaimedJob } from '../../outbox/store.js';
import { attempt, type SendOutcome } from '../../telegram/sender.js';
import { classMembers } from '../../people/queries.js';
import { ackButton as ackCodec } from './ack-button.js';
import { ackCount, noticeWithDelivery } from './queries.js';
import { deliveryJob, jobKey, NUDGE_BELOW_RATIO } from './service.js';

export function ackKeyboard(deliveryId: number, count: number): InlineKeyboardMarkup {
  return { inline_keyboard: [[{ text: t('zh', 'notice.ackButton', { count }), callback_data: ackCodec.encode({ delivery: deliveryId }) }]] };
}

const skip: SendOutcome = { kind: 'ok' };
const noChat: SendOutcome = { kind: 'rejected', reason: 'no chat' };

/** What `deliveryJob` wrote (rows queued before migration 090 got it from `outbox.delivery_id`). */
const deliveryPayload = z.object({ deliveryId: z.number().int().positive() });
const deliveryOf = (job: ClaimedJob): number | null => {
  const parsed = deliveryPayload.safeParse(job.payload);
  return parsed.success ? parsed.data.deliveryId : null;
};
const load = async (db: Executor, job: ClaimedJob) => {
  const deliveryId = deliveryOf(job);
  return deliveryId === null ? undefined : noticeWithDelivery(db, deliveryId);
};

/**
 * The notice version each send put on the wire, for the settle that follows its run. The dispatcher
 * settles a job in the process that ran it, with the same job object, right after the run.
 */
const versionSent = new WeakMap<ClaimedJob, number>();

const sendNotice: JobHandler = {
  async run(job, { db, telegram }) {
    const n = await load(db, job);
    if (!n || n.state !== 'pending' || n.retractedAt) return skip;
    if (job.telegramChatId === null) return noChat;
    versionSent.set(job, n.version);
    const chatId = job.telegramChatId;
    const markup = n.askAck ? { reply_markup: ackKeyboard(n.deliveryId, await ackCount(db, n.deliveryId)) } : {};
    const entities = n.entities as MessageEntity[];
    if (n.kind === 'photo') {
      return attempt(
        () => telegram.sendPhoto(chatId, n.fileId!, { caption: n.text, caption_entities: entities, ...markup }),
        (m) => m.message_id,
      );
    }
    if (n.kind === 'document') {
      return attempt(
        () => telegram.sendDocument(chatId, n.fileId!, { caption: n.text, caption_entities: entities, ...markup }),
        (m) => m.message_id,
      );
    }
    return attempt(
      () => telegram.sendMessage(chatId, n.text, { entities, link_preview_options: { is_disabled: true }, ...markup }),
      (m) => m.message_id,
    );
  },
  async settle(trx, job, result, { clock }) {
    const deliveryId = deliveryOf(job);
    const sentVersion = versionSent.get(job);
    versionSent.delete(job);
    if (deliveryId === null) return;
    const now = clock.now();
    if (result.kind === 'failed') {
      await trx
        .updateTable('deliveries')
        .set({ state: 'failed', failure: result.reason })
        .where('id', '=', deliveryId)
        .where('state', '=', 'pending')
        .execute();
      return;
    }
    if (result.messageId === undefined) return; // skipped: retracted or cancelled before the send
    // The notice row is locked (shared) first: a retraction or correction committing meanwhile is
    // either seen here, or commits after this and finds the delivery sent (and queues its own job).
    const notice = await trx
      .selectFrom('notices as n')
      .innerJoin('deliveries as d', 'd.notice_id', 'n.id')
      .select(['n.pin', 'n.version', 'n.retracted_at'])
      .where('d.id', '=', deliveryId)
      .forShare(['n'])
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('deliveries')
      .set({ state: 'sent', telegram_message_id: result.messageId, sent_at: now, failure: null })
      .where('id', '=', deliveryId)
      .execute();
    const follow = (kind: string, dedupeKey: string) =>
      enqueue(trx, { kind, dedupeKey, chatId: job.chat_id, payload: deliveryJob(deliveryId), availableAt: now }, now);
    // Retracted while the send was in flight: this copy is deleted too (its settle marks it retracted).
    if (notice.retracted_at) return void (await follow('notice.delete', jobKey.remove(deliveryId)));
    if (notice.pin) await follow('notice.pin', jobKey.pin(deliveryId));
    // Corrected while the send was in flight: this copy went out with the old text.
    if (sentVersion !== undefined && notice.version !== sentVersion) await follow('notice.edit', jobKey.edit(deliveryId, notice.version));
  },
};

const pinNotice: JobHandler = {
  async run(job, { db, telegram }) {
    const n = await load(db, job);
    if (!n || n.state !== 'sent' || !n.messageId || job.telegramChatId === null) return skip;
    return attempt(() => telegram.pinChatMessage(job.telegramChatId!, n.messageId!));
  },
};

const editNotice: JobHandler = {
  async run(job, { db, telegram }) {
    const n = await load(db, job);
    if (!n || n.state !== 'sent' || !n.messageId || job.telegramChatId === null) return skip;
    const markup = n.askAck ? { reply_markup: ackKeyboard(n.deliveryId, await ackCount(db, n.deliveryId)) } : {};
    const entities = n.entities as MessageEntity[];
    if (n.kind === 'text') {
      return attempt(() =>
        telegram.editMessageText(job.telegramChatId!, n.messageId!, undefined, n.text, { entities, link_preview_options: { is_disabled: true }, ...markup }),
      );
    }
    return attempt(() => telegram.editMessageCaption(job.telegramChatId!, n.messageId!, undefined, n.text, { caption_entities: entities, ...markup }));
  },
};

const deleteNotice: JobHandler = {
  async run(job, { db, telegram }) {
    const n = await load(db, job);
    if (!n || !n.messageId || job.telegramChatId === null) return skip;
    return attempt(() => telegram.deleteMessage(job.telegramChatId!, n.messageId!));
  },
  async settle(trx, job, result) {
    const deliveryId = deliveryOf(job);
    if (deliveryId === null) return;
    await trx
      .updateTable('deliveries')
      .set(result.kind === 'done' ? { state: 'retracted' } : { failure: `could not delete: ${result.reason}` })
      .where('id', '=', deliveryId)
      .execute();
  },
};

const ackButton: JobHandler = {
  async run(job, { db, telegram }) {
    const n = await load(db, job);
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
    const low: Array<{ classId: number; className: string; acks: number; size: number }> = [];
    for (const d of deliveries) {
      const acks = await ackCount(ctx.db, d.id);
      const size = (await membersBesidesBot(ctx.telegram, d.telegram_chat_id)) ?? 0;
      if (size === 0 || acks / size < NUDGE_BELOW_RATIO) low.push({ classId: d.class_id, className: d.name, acks, size });
    }
    const members = await classMembers(
      ctx.db,
      low.map((d) => d.classId),
    );
    const now = ctx.clock.now();
    // Through the core private-message path: it keeps the private chat row and the liaison's reachability.
    await ctx.db.transaction().execute(async (trx) => {
      for (const d of low) {
        for (const liaison of (members.get(d.classId) ?? []).filter((m) => m.role === 'liaison')) {
          const text = (language: Language) => t(language, 'notice.nudge', { class: d.className, acks: d.acks, size: d.size || '?' });
          await sendToPerson(trx, liaison.personId, text, { dedupeKey: jobKey.nudgeMessage(noticeId, d.classId), now });
        }
      }
    });
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

/** Nudges queued before they went through `sendToPerson` (kind `notice.nudge_message`): still sent. */
const legacyNudgeMessage: JobHandler = {
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
  'notice.nudge_message': legacyNudgeMessage,
};
