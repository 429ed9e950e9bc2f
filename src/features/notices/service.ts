import type { MessageEntity } from 'telegraf/types';
import type { Db, Executor } from '../../db/schema.js';
import { cancelJobs, enqueue } from '../../outbox/store.js';
import { fail, ok, type Result } from '../../shared/result.js';
import type { NoticeKind } from './tables.js';

export const NOTICE_TEXT_LIMIT = 4096;
export const NOTICE_CAPTION_LIMIT = 1024;
/** How long after sending a class's acknowledgements are checked, and the share below which liaisons are nudged. */
export const NUDGE_AFTER_MS = 24 * 3600 * 1000;
export const NUDGE_BELOW_RATIO = 0.5;
/** Button count edits per delivery are batched into windows of this length. */
export const ACK_BUTTON_WINDOW_MS = 10_000;

export interface NoticeContent {
  kind: NoticeKind;
  text: string;
  entities: MessageEntity[];
  fileId: string | null;
}

export interface NewNotice extends NoticeContent {
  branchId: number;
  authorId: number | null;
  pin: boolean;
  askAck: boolean;
  sendAt: Date;
  classIds: number[];
}

/** A notice job's payload: the delivery it is about (the outbox knows no notice tables). */
export const deliveryJob = (deliveryId: number) => ({ deliveryId });

export const jobKey = {
  /** The first send has no suffix; each resend of a failed delivery gets its own key. */
  send: (noticeId: number, deliveryId: number, resend = 0) => `notice:${noticeId}:send:${deliveryId}${resend > 0 ? `:r${resend}` : ''}`,
  pin: (deliveryId: number) => `notice:pin:${deliveryId}`,
  edit: (deliveryId: number, version: number) => `notice:edit:${deliveryId}:v${version}`,
  remove: (deliveryId: number) => `notice:delete:${deliveryId}`,
  ackButton: (deliveryId: number, window: number) => `notice:ack:${deliveryId}:${window}`,
  nudge: (noticeId: number) => `notice:${noticeId}:nudge`,
  /** Per liaison: `sendToPerson` keys it by person. */
  nudgeMessage: (noticeId: number, classId: number) => `notice:${noticeId}:nudge:${classId}`,
};

export type ContentError = 'too_long' | 'caption_too_long' | 'empty';

export function checkContent(content: NoticeContent): Result<NoticeContent, ContentError> {
  if (content.kind === 'text' && content.text.trim() === '') return fail('empty');
  if (content.kind === 'text' && content.text.length > NOTICE_TEXT_LIMIT) return fail('too_long', { length: content.text.length, limit: NOTICE_TEXT_LIMIT });
  if (content.kind !== 'text' && content.text.length > NOTICE_CAPTION_LIMIT) {
    return fail('caption_too_long', { length: content.text.length, limit: NOTICE_CAPTION_LIMIT });
  }
  return ok(content);
}

/**
 * Records the notice, one delivery per class, and one outbox job per delivery, in one transaction:
 * once this commits the notice cannot be lost, and nothing has been sent yet.
 */
export async function createNotice(db: Db, now: Date, input: NewNotice): Promise<{ noticeId: number; queued: number; unreachable: number }> {
  return db.transaction().execute(async (trx) => {
    const notice = await trx
      .insertInto('notices')
      .values({
        branch_id: input.branchId,
        author_id: input.authorId,
        kind: input.kind,
        text: input.text,
        entities: JSON.stringify(input.entities),
        file_id: input.fileId,
        pin: input.pin,
        ask_ack: input.askAck,
        send_at: input.sendAt,
        nudge_at: input.askAck ? new Date(input.sendAt.getTime() + NUDGE_AFTER_MS) : null,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const classes = await trx
      .selectFrom('classes as c')
      .leftJoin('chats as ch', 'ch.class_id', 'c.id')
      .select(['c.id', 'ch.id as chatId', 'ch.active'])
      .where('c.id', 'in', input.classIds)
      .where('c.branch_id', '=', input.branchId)
      .execute();
    let queued = 0;
    for (const klass of classes) {
      const reachable = klass.chatId !== null && klass.active === true;
      const delivery = await trx
        .insertInto('deliveries')
        .values({
          notice_id: notice.id,
          class_id: klass.id,
          chat_id: klass.chatId,
          state: reachable ? 'pending' : 'failed',
          failure: reachable ? null : klass.chatId === null ? 'no_group' : 'bot_removed',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (!reachable) continue;
      queued++;
      await enqueue(
        trx,
        {
          kind: 'notice.send',
          dedupeKey: jobKey.send(notice.id, delivery.id),
          chatId: klass.chatId,
          payload: deliveryJob(delivery.id),
          availableAt: input.sendAt,
        },
        now,
      );
    }
    if (input.askAck) {
      await enqueue(
        trx,
        {
          kind: 'notice.nudge',
          dedupeKey: jobKey.nudge(notice.id),
          payload: { noticeId: notice.id },
          availableAt: new Date(input.sendAt.getTime() + NUDGE_AFTER_MS),
        },
        now,
      );
    }
    return { noticeId: notice.id, queued, unreachable: classes.length - queued };
  });
}

/** Deletes the notice wherever it was delivered; deliveries not yet sent are cancelled. */
export async function retractNotice(db: Db, now: Date, noticeId: number): Promise<Result<{ deleting: number; cancelled: number }, 'not_found' | 'already'>> {
  return db.transaction().execute(async (trx) => {
    const notice = await trx.selectFrom('notices').select(['id', 'retracted_at']).where('id', '=', noticeId).forUpdate().executeTakeFirst();
    if (!notice) return fail('not_found');
    if (notice.retracted_at) return fail('already');
    await trx.updateTable('notices').set({ retracted_at: now }).where('id', '=', noticeId).execute();
    const cancelled = await cancelPendingSends(trx, noticeId, now);
    const sent = await trx.selectFrom('deliveries').select(['id', 'chat_id']).where('notice_id', '=', noticeId).where('state', '=', 'sent').execute();
    for (const d of sent) {
      await enqueue(trx, { kind: 'notice.delete', dedupeKey: jobKey.remove(d.id), chatId: d.chat_id, payload: deliveryJob(d.id), availableAt: now }, now);
    }
    await cancelJobs(trx, [jobKey.nudge(noticeId)], now);
    return ok({ deleting: sent.length, cancelled });
  });
}

/** A send already under way is not cancelled here: its settle sees the retraction and deletes the copy. */
async function cancelPendingSends(trx: Executor, noticeId: number, now: Date): Promise<number> {
  const pending = await trx.selectFrom('deliveries').select(['id', 'resends']).where('notice_id', '=', noticeId).where('state', '=', 'pending').execute();
  if (pending.length === 0) return 0;
  await trx
    .updateTable('deliveries')
    .set({ state: 'cancelled' })
    .where(
      'id',
      'in',
      pending.map((d) => d.id),
    )
    .execute();
  await cancelJobs(
    trx,
    pending.map((d) => jobKey.send(noticeId, d.id, d.resends)),
    now,
  );
  return pending.length;
}

/** New text everywhere: sent copies are edited, copies not yet sent go out with the new text. */
export async function correctNotice(
  db: Db,
  now: Date,
  noticeId: number,
  content: NoticeContent,
): Promise<Result<{ editing: number }, 'not_found' | 'retracted' | 'kind_changed' | ContentError>> {
  const checked = checkContent(content);
  if (!checked.ok) return checked;
  return db.transaction().execute(async (trx) => {
    const notice = await trx.selectFrom('notices').select(['id', 'kind', 'version', 'retracted_at']).where('id', '=', noticeId).forUpdate().executeTakeFirst();
    if (!notice) return fail('not_found');
    if (notice.retracted_at) return fail('retracted');
    if ((notice.kind === 'text') !== (content.kind === 'text')) return fail('kind_changed');
    const version = notice.version + 1;
    await trx
      .updateTable('notices')
      .set({ text: content.text, entities: JSON.stringify(content.entities), version })
      .where('id', '=', noticeId)
      .execute();
    const sent = await trx.selectFrom('deliveries').select(['id', 'chat_id']).where('notice_id', '=', noticeId).where('state', '=', 'sent').execute();
    for (const d of sent) {
      await enqueue(trx, { kind: 'notice.edit', dedupeKey: jobKey.edit(d.id, version), chatId: d.chat_id, payload: deliveryJob(d.id), availableAt: now }, now);
    }
    return ok({ editing: sent.length });
  });
}

export type AckError = 'not_found' | 'not_in_chat' | 'retracted';

/**
 * Counts one acknowledgement per person per delivery. The press must come from the very message the
 * delivery sent (same chat, same message id), so a forged button elsewhere counts for nothing. A
 * first acknowledgement also queues the edit of the button's count for its window (one per window).
 * One statement — the delivery read, the acknowledgement and the job, as CTEs — so a press costs one
 * round trip and the acknowledgement and its job are written together or not at all.
 */
export async function acknowledge(
  db: Db,
  now: Date,
  input: { deliveryId: number; personId: number; telegramChatId: number; messageId: number },
): Promise<Result<{ first: boolean }, AckError>> {
  const window = Math.floor(now.getTime() / ACK_BUTTON_WINDOW_MS) + 1;
  const row = await db
    .with('d', (qb) =>
      qb
        .selectFrom('deliveries as d')
        .innerJoin('notices as n', 'n.id', 'd.notice_id')
        .leftJoin('chats as c', 'c.id', 'd.chat_id')
        .select(['d.id', 'd.chat_id', 'd.telegram_message_id', 'c.telegram_chat_id', 'n.retracted_at', 'n.ask_ack'])
        .where('d.id', '=', input.deliveryId),
    )
    .with('ack', (qb) =>
      qb
        .insertInto('acknowledgements')
        .columns(['delivery_id', 'person_id', 'acknowledged_at'])
        .expression((eb) =>
          eb
            .selectFrom('d')
            .select((s) => [s.ref('d.id').as('delivery_id'), s.val(input.personId).as('person_id'), s.val(now).as('acknowledged_at')])
            .where('d.ask_ack', '=', true)
            .where('d.telegram_chat_id', '=', input.telegramChatId)
            .where('d.telegram_message_id', '=', input.messageId)
            .where('d.retracted_at', 'is', null),
        )
        .onConflict((oc) => oc.columns(['delivery_id', 'person_id']).doNothing())
        .returning('person_id'),
    )
    .with('job', (qb) =>
      qb
        .insertInto('outbox')
        .columns(['kind', 'dedupe_key', 'chat_id', 'payload', 'state', 'available_at', 'created_at'])
        .expression((eb) =>
          eb
            .selectFrom('d')
            .where((w) => w.exists(w.selectFrom('ack').select('person_id')))
            .select((s) => [
              s.val('notice.ack_button').as('kind'),
              s.val(jobKey.ackButton(input.deliveryId, window)).as('dedupe_key'),
              s.ref('d.chat_id').as('chat_id'),
              s.val(JSON.stringify(deliveryJob(input.deliveryId))).as('payload'),
              s.val('pending').as('state'),
              s.val(new Date(window * ACK_BUTTON_WINDOW_MS)).as('available_at'),
              s.val(now).as('created_at'),
            ]),
        )
        .onConflict((oc) => oc.column('dedupe_key').doNothing()),
    )
    .selectFrom('d')
    .selectAll('d')
    .select((s) => s.exists(s.selectFrom('ack').select('person_id')).as('first'))
    .executeTakeFirst();
  if (!row || !row.ask_ack) return fail('not_found');
  if (row.telegram_chat_id !== input.telegramChatId || row.telegram_message_id !== input.messageId) return fail('not_in_chat');
  if (row.retracted_at) return fail('retracted');
  return ok({ first: row.first === true });
}
