import { sql } from 'kysely';
import type { Executor } from '../../db/schema.js';
import { unreachablePeople } from '../../outbox/messages.js';

export async function noticeWithDelivery(db: Executor, deliveryId: number) {
  return db
    .selectFrom('deliveries as d')
    .innerJoin('notices as n', 'n.id', 'd.notice_id')
    .select([
      'd.id as deliveryId',
      'd.state',
      'd.telegram_message_id as messageId',
      'd.class_id as classId',
      'd.ack_count_shown as ackCountShown',
      'n.id as noticeId',
      'n.kind',
      'n.text',
      'n.entities',
      'n.file_id as fileId',
      'n.pin',
      'n.ask_ack as askAck',
      'n.version',
      'n.retracted_at as retractedAt',
    ])
    .where('d.id', '=', deliveryId)
    .executeTakeFirst();
}

export async function ackCount(db: Executor, deliveryId: number): Promise<number> {
  const row = await db
    .selectFrom('acknowledgements')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('delivery_id', '=', deliveryId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface DeliveryStatus {
  deliveryId: number;
  className: string;
  state: string;
  failure: string | null;
  acks: number;
  telegramChatId: number | null;
}

export async function deliveriesOf(db: Executor, noticeId: number): Promise<DeliveryStatus[]> {
  const rows = await db
    .selectFrom('deliveries as d')
    .innerJoin('classes as c', 'c.id', 'd.class_id')
    .leftJoin('chats as ch', 'ch.id', 'd.chat_id')
    .select(['d.id', 'c.name', 'd.state', 'd.failure', 'ch.telegram_chat_id'])
    .select(sql<number>`(select count(*) from acknowledgements a where a.delivery_id = d.id)`.as('acks'))
    .where('d.notice_id', '=', noticeId)
    .orderBy('c.name')
    .execute();
  return rows.map((r) => ({
    deliveryId: r.id,
    className: r.name,
    state: r.state,
    failure: r.failure,
    acks: Number(r.acks),
    telegramChatId: r.telegram_chat_id,
  }));
}

export async function recentNotices(db: Executor, filter: { branchId: number; authorId?: number }, limit = 10) {
  let query = db
    .selectFrom('notices as n')
    .select(['n.id', 'n.text', 'n.kind', 'n.send_at', 'n.created_at', 'n.retracted_at', 'n.ask_ack', 'n.version'])
    .select(sql<number>`(select count(*) from deliveries d where d.notice_id = n.id and d.state = 'sent')`.as('sent'))
    .select(sql<number>`(select count(*) from deliveries d where d.notice_id = n.id and d.state = 'pending')`.as('pending'))
    .select(sql<number>`(select count(*) from deliveries d where d.notice_id = n.id and d.state = 'failed')`.as('failed'))
    .select(sql<number>`(select count(*) from deliveries d where d.notice_id = n.id)`.as('total'))
    .select(sql<number>`(select count(*) from acknowledgements a join deliveries d on d.id = a.delivery_id where d.notice_id = n.id)`.as('acks'))
    .where('n.branch_id', '=', filter.branchId);
  if (filter.authorId !== undefined) query = query.where('n.author_id', '=', filter.authorId);
  const rows = await query.orderBy('n.id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ ...r, sent: Number(r.sent), pending: Number(r.pending), failed: Number(r.failed), total: Number(r.total), acks: Number(r.acks) }));
}

export async function ackersOf(db: Executor, deliveryId: number) {
  return db
    .selectFrom('acknowledgements as a')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .select(['p.telegram_user_id', 'p.first_name', 'p.last_name'])
    .where('a.delivery_id', '=', deliveryId)
    .orderBy('a.acknowledged_at')
    .orderBy('p.id')
    .execute();
}

/**
 * Once the acknowledgement nudge of this notice is due: the liaisons of its classes that a private
 * message cannot reach (never pressed Start, or blocked the bot), as the core records it.
 */
export async function unreachableLiaisons(db: Executor, noticeId: number, now: Date) {
  const notice = await db.selectFrom('notices').select('nudge_at').where('id', '=', noticeId).executeTakeFirst();
  if (!notice?.nudge_at || notice.nudge_at > now) return [];
  const liaisons = await db
    .selectFrom('deliveries as d')
    .innerJoin('role_assignments as r', 'r.class_id', 'd.class_id')
    .select('r.person_id')
    .distinct()
    .where('d.notice_id', '=', noticeId)
    .where('d.state', '=', 'sent')
    .where('r.role', '=', 'liaison')
    .execute();
  const ids = await unreachablePeople(
    db,
    liaisons.map((l) => l.person_id),
  );
  if (ids.length === 0) return [];
  return db.selectFrom('people').select(['telegram_user_id', 'first_name', 'last_name']).where('id', 'in', ids).orderBy('id').execute();
}
