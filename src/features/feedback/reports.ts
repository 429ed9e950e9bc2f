import type { Message } from 'telegraf/types';
import type { Db } from '../../db/schema.js';
import { liaisonsOf } from '../../inbox/queries.js';
import { route } from '../../inbox/service.js';
import type { JobHandler } from '../../outbox/dispatcher.js';
import { enqueue } from '../../outbox/store.js';
import { cutText } from '../../shared/text.js';
import type { BotContext } from '../../telegram/context.js';
import { attempt } from '../../telegram/sender.js';
import { displayName } from '../../people/queries.js';
import { keyOf } from './dialogue.js';
import { takeLimit } from './limits.js';
import { renderReport } from './report-views.js';
import { REPORT_ITEM } from './tables.js';

export const FORWARD_JOB = 'report.forward';
export const MAX_REASON = 500;
const MAX_EXCERPT = 1000;

/** A supergroup message link, https://t.me/c/<internal id>/<message id> (a topic id may sit between). */
const LINK = /(?:https?:\/\/)?t\.me\/c\/(\d{1,15})\/(?:\d{1,10}\/)?(\d{1,10})(?:\?\S*)?/i;

export interface MessageLink {
  telegramChatId: number;
  messageId: number;
  /** What followed the link: the reason. */
  rest: string;
}

/** The link at the start of `text` (after an optional /report), or null. */
export function parseMessageLink(text: string): MessageLink | null {
  const match = LINK.exec(text);
  if (!match || match.index > 0) return null;
  const telegramChatId = -Number(`100${match[1]}`);
  const messageId = Number(match[2]);
  if (!Number.isSafeInteger(telegramChatId) || !(messageId > 0)) return null;
  return { telegramChatId, messageId, rest: text.slice(match[0].length).trim() };
}

/** Whether the text has a message link anywhere (the other /report of private chats passes these on). */
export const hasMessageLink = (text: string) => LINK.test(text);

export const linkOf = (telegramChatId: number, messageId: number): string | null =>
  String(telegramChatId).startsWith('-100') ? `https://t.me/c/${String(telegramChatId).slice(4)}/${messageId}` : null;

export interface GroupRow {
  id: number;
  telegramChatId: number;
  title: string;
  classId: number;
  branchId: number;
}

/** The bound class group the bot is in, by its Telegram id. */
export async function boundGroup(db: Db, telegramChatId: number): Promise<GroupRow | 'not_in' | 'unbound'> {
  const row = await db
    .selectFrom('chats as c')
    .leftJoin('classes as k', 'k.id', 'c.class_id')
    .select(['c.id', 'c.telegram_chat_id', 'c.title', 'c.active', 'c.class_id', 'k.branch_id'])
    .where('c.telegram_chat_id', '=', telegramChatId)
    .executeTakeFirst();
  if (!row || !row.active) return 'not_in';
  if (row.class_id === null || row.branch_id === null) return 'unbound';
  return { id: row.id, telegramChatId: row.telegram_chat_id, title: row.title, classId: row.class_id, branchId: row.branch_id };
}

export interface ReportInput {
  group: GroupRow;
  messageId: number;
  excerpt: string;
  authorName: string | null;
  reason: string;
  reporterTelegramId: number;
}

export type ReportOutcome = 'new' | 'again' | 'over_limit';

/**
 * Files a report: counted against the reporter's daily limit (a keyed hash, see limits.ts), one row
 * per reported message, handed to the class's liaisons through the inbox as an anonymous item, with
 * the message forwarded to each. Nothing about the reporter is written.
 */
export async function fileReport(ctx: BotContext, input: ReportInput): Promise<ReportOutcome> {
  const { db, clock, config } = ctx.deps;
  const now = clock.now();
  const reason = input.reason.trim();
  return db.transaction().execute(async (trx): Promise<ReportOutcome> => {
    const allowed = await takeLimit(trx, { key: keyOf(ctx), purpose: 'report', telegramUserId: input.reporterTelegramId, now, timeZone: config.timeZone });
    if (!allowed) return 'over_limit';
    const existing = await trx
      .selectFrom('reports')
      .select(['id', 'reasons'])
      .where('chat_id', '=', input.group.id)
      .where('message_id', '=', input.messageId)
      .forUpdate()
      .executeTakeFirst();
    if (existing) {
      const reasons = reason ? cutText([existing.reasons, reason].filter(Boolean).join('\n'), 2000) : existing.reasons;
      await trx
        .updateTable('reports')
        .set((eb) => ({ times: eb(eb.ref('times'), '+', 1), reasons }))
        .where('id', '=', existing.id)
        .execute();
      return 'again';
    }
    const report = await trx
      .insertInto('reports')
      .values({
        class_id: input.group.classId,
        branch_id: input.group.branchId,
        chat_id: input.group.id,
        message_id: input.messageId,
        link: linkOf(input.group.telegramChatId, input.messageId),
        excerpt: cutText(input.excerpt, MAX_EXCERPT),
        author_name: input.authorName,
        reasons: reason,
        status: 'open',
        note: null,
        handled_by: null,
        created_at: now,
        handled_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const className = (await trx.selectFrom('classes').select('name').where('id', '=', input.group.classId).executeTakeFirst())?.name ?? '';
    const outcome = await route(trx, {
      kind: REPORT_ITEM,
      clientRef: report.id,
      classId: input.group.classId,
      branchId: input.group.branchId,
      asker: { anonymous: true, returnTo: null },
      handoff: (lang) => renderReport(lang, report, { className, groupTitle: input.group.title }),
      key: null,
      now,
    });
    if (outcome.kind === 'routed') {
      for (const liaison of (await liaisonsOf(trx, input.group.classId)).filter((l) => l.reachable)) {
        const chat = await trx
          .selectFrom('chats')
          .innerJoin('people', 'people.telegram_user_id', 'chats.telegram_chat_id')
          .select('chats.id')
          .where('people.id', '=', liaison.personId)
          .executeTakeFirst();
        if (!chat) continue;
        await enqueue(
          trx,
          {
            kind: FORWARD_JOB,
            dedupeKey: `report:${report.id}:forward:${liaison.personId}`,
            chatId: chat.id,
            payload: { fromChatId: input.group.telegramChatId, messageId: input.messageId },
            availableAt: now,
          },
          now,
        );
      }
    }
    ctx.deps.logger.info({ event: 'report_filed', reportId: report.id, classId: input.group.classId, routing: outcome.kind }, 'message reported');
    return 'new';
  });
}

/** The reported message, forwarded to a liaison (so they see its author and can open it in the group). */
export const forwardJobs: Record<string, JobHandler> = {
  [FORWARD_JOB]: {
    run(job, { telegram }) {
      const payload = job.payload as { fromChatId?: unknown; messageId?: unknown };
      const from = Number(payload.fromChatId);
      const messageId = Number(payload.messageId);
      if (job.telegramChatId === null || !Number.isSafeInteger(from) || !Number.isSafeInteger(messageId)) {
        return Promise.resolve({ kind: 'rejected', reason: 'bad forward payload' });
      }
      return attempt(
        () => telegram.forwardMessage(job.telegramChatId!, from, messageId),
        (m) => m.message_id,
      );
    },
  },
};

/** What a report records of the reported message: its text (or caption) and its author's name. */
export function describeReported(message: Message): { excerpt: string; authorName: string | null } {
  const text = 'text' in message ? message.text : 'caption' in message ? (message.caption ?? '') : '';
  const from = message.from;
  return { excerpt: text, authorName: from ? displayName(from.first_name, from.last_name ?? null) + (from.username ? ` @${from.username}` : '') : null };
}
