import { randomInt, randomUUID } from 'node:crypto';
import type { Executor } from '../../db/schema.js';
import { t } from '../../i18n/i18n.js';
import type { Language } from '../../i18n/language.js';
import { route } from '../../inbox/service.js';
import { openAddress, sealAddress, type ReturnAddress, type SealKey } from '../../inbox/sealed.js';
import type { Logger } from '../../logging/logger.js';
import type { Keyboard, Rendered } from '../../outbox/messages.js';
import { feedbackButton } from './buttons.js';
import { registeredMembers } from './membership.js';
import { FEEDBACK_ITEM, type Category, type FeedbackItem } from './tables.js';
import { shownTime } from './time.js';

/** A batch goes out at the next full hour, or as soon as this many have gathered in a class. */
export const BATCH_SIZE = 3;
export const MAX_TEXT = 2000;

const queueContext = (queueId: string) => `feedback-queue:${queueId}`;

export interface NewFeedback {
  classId: number;
  branchId: number;
  category: Category;
  body: string;
  photoFileId: string | null;
  /** The writer's private chat, only when they allow replies (and a key is configured). */
  returnTo: ReturnAddress | null;
  /** A suggestion a liaison collected on a dormitory visit (never has a way back). */
  passedOn?: boolean;
}

/** Queues a feedback item for its class's next batch: a random id, no time, the way back sealed in its own table. */
export async function queueFeedback(trx: Executor, key: SealKey | null, input: NewFeedback): Promise<void> {
  const id = randomUUID();
  await trx
    .insertInto('feedback_queue')
    .values({
      id,
      class_id: input.classId,
      branch_id: input.branchId,
      category: input.category,
      body: input.body,
      photo_file_id: input.photoFileId,
      allow_reply: input.returnTo !== null && key !== null,
      passed_on: input.passedOn ?? false,
    })
    .execute();
  if (input.returnTo && key)
    await trx
      .insertInto('feedback_queue_routes')
      .values({ queue_id: id, sealed: sealAddress(key, queueContext(id), input.returnTo) })
      .execute();
}

/** Fisher–Yates with a cryptographic source: the delivery order says nothing about the order of writing. */
export function shuffle<T>(items: readonly T[], random: (n: number) => number = randomInt): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export const categoryLabel = (lang: Language, category: Category): string => t(lang, `feedback.cat.${category}`);

/** The buttons under an item for its liaisons. */
export function itemButtons(lang: Language, item: Pick<FeedbackItem, 'id' | 'allow_reply' | 'photo_file_id'>): Keyboard {
  const b = (label: Parameters<typeof t>[1], action: Parameters<typeof feedbackButton.encode>[0]['action']) => ({
    text: t(lang, label),
    callback_data: feedbackButton.encode({ action, id: item.id }),
  });
  return [
    ...(item.allow_reply ? [[b('feedback.btn.reply', 'r'), b('feedback.btn.mute', 'm')]] : []),
    [b('feedback.btn.handled', 'h'), b('feedback.btn.escalate', 'e')],
    ...(item.photo_file_id ? [[b('feedback.btn.photo', 'p')]] : []),
  ];
}

export function renderHandoff(lang: Language, item: FeedbackItem, className: string, time: string): Rendered {
  return {
    html: t(lang, 'feedback.handoff', {
      id: item.id,
      class: className,
      category: categoryLabel(lang, item.category),
      time,
      reply: t(lang, item.passed_on ? 'feedback.handoff.passedOn' : item.allow_reply ? 'feedback.handoff.replyAllowed' : 'feedback.handoff.noReply'),
      text: item.body,
    }),
    buttons: itemButtons(lang, item),
  };
}

export interface BatchDeps {
  key: SealKey | null;
  timeZone: string;
  logger: Logger;
}

/**
 * Delivers the queued feedback of every class (`all`, at the full hour) or of the classes where a
 * batch has gathered: each class's items in shuffled order, numbered in that order, timed with the
 * batch, and handed to the liaisons through the inbox as anonymous items.
 */
/** Whether some class has gathered a batch (one statement; the every-minute schedule is idle otherwise). */
export async function hasGatheredBatch(db: Executor): Promise<boolean> {
  const row = await db
    .selectFrom('feedback_queue')
    .select('class_id')
    .groupBy('class_id')
    .having((eb) => eb.fn.countAll(), '>=', BATCH_SIZE)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function deliverBatches(trx: Executor, now: Date, deps: BatchDeps, all: boolean): Promise<number> {
  const classes = await trx
    .selectFrom('feedback_queue')
    .select(['class_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('class_id')
    .orderBy('class_id')
    .execute();
  let delivered = 0;
  for (const { class_id: classId, n } of classes) {
    if (!all && Number(n) < BATCH_SIZE) continue;
    delivered += await deliverClass(trx, classId, now, deps);
  }
  return delivered;
}

async function deliverClass(trx: Executor, classId: number, now: Date, deps: BatchDeps): Promise<number> {
  const queued = await trx.selectFrom('feedback_queue').selectAll().where('class_id', '=', classId).forUpdate().skipLocked().execute();
  if (queued.length === 0) return 0;
  const klass = await trx.selectFrom('classes').select('name').where('id', '=', classId).executeTakeFirst();
  const time = shownTime(now, deps.timeZone, await registeredMembers(trx, classId));
  for (const row of shuffle(queued)) {
    const sealed = await trx.selectFrom('feedback_queue_routes').select('sealed').where('queue_id', '=', row.id).executeTakeFirst();
    const returnTo = row.allow_reply && deps.key && sealed ? openAddress(deps.key, queueContext(row.id), sealed.sealed) : null;
    const item = await trx
      .insertInto('feedback_items')
      .values({
        class_id: row.class_id,
        branch_id: row.branch_id,
        category: row.category,
        body: row.body,
        photo_file_id: row.photo_file_id,
        allow_reply: returnTo !== null,
        passed_on: row.passed_on,
        status: 'open',
        note: null,
        handled_by: null,
        batch_at: now,
        handled_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await route(trx, {
      kind: FEEDBACK_ITEM,
      clientRef: item.id,
      classId: row.class_id,
      branchId: row.branch_id,
      asker: { anonymous: true, returnTo },
      handoff: (lang) => renderHandoff(lang, item, klass?.name ?? '', time),
      key: deps.key,
      now,
    });
    await trx.deleteFrom('feedback_queue').where('id', '=', row.id).execute();
  }
  deps.logger.info({ event: 'feedback_batch', classId, items: queued.length }, 'feedback batch delivered');
  return queued.length;
}
