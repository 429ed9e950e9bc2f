import type { Executor } from '../db/schema.js';
import type { HandoffState, InboxItem, ItemState, Routing } from './tables.js';

export interface Liaison {
  personId: number;
  /** false once the bot learnt that they blocked it (their private chat is inactive). */
  reachable: boolean;
}

/** The class's liaisons, in the order they were appointed. */
export async function liaisonsOf(db: Executor, classId: number | null): Promise<Liaison[]> {
  if (classId === null) return [];
  const rows = await db
    .selectFrom('role_assignments as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .leftJoin('chats as c', 'c.telegram_chat_id', 'p.telegram_user_id')
    .select(['r.person_id', 'c.active'])
    .where('r.role', '=', 'liaison')
    .where('r.class_id', '=', classId)
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({ personId: r.person_id, reachable: r.active !== false }));
}

export async function itemById(db: Executor, id: number, lock = false): Promise<InboxItem | undefined> {
  const query = db.selectFrom('inbox_items').selectAll().where('id', '=', id);
  return lock ? query.forUpdate().executeTakeFirst() : query.executeTakeFirst();
}

export async function itemOf(db: Executor, kind: string, clientRef: number): Promise<InboxItem | undefined> {
  return db.selectFrom('inbox_items').selectAll().where('kind', '=', kind).where('client_ref', '=', clientRef).executeTakeFirst();
}

export interface NewItem {
  kind: string;
  clientRef: number;
  classId: number | null;
  branchId: number | null;
  anonymous: boolean;
  askerId: number | null;
  routing: Routing;
}

/** The new item's id, or undefined when the client's row already has one. */
export async function insertItem(db: Executor, item: NewItem, now: Date): Promise<number | undefined> {
  const row = await db
    .insertInto('inbox_items')
    .values({
      kind: item.kind,
      client_ref: item.clientRef,
      class_id: item.classId,
      branch_id: item.branchId,
      anonymous: item.anonymous,
      asker_id: item.anonymous ? null : item.askerId,
      state: 'open',
      routing: item.routing,
      claimed_by: null,
      answered_by: null,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['kind', 'client_ref']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function setItem(
  db: Executor,
  id: number,
  now: Date,
  values: { state?: ItemState; routing?: Routing; claimedBy?: number; answeredBy?: number },
): Promise<void> {
  await db
    .updateTable('inbox_items')
    .set({
      updated_at: now,
      ...(values.state ? { state: values.state } : {}),
      ...(values.routing ? { routing: values.routing } : {}),
      ...(values.claimedBy !== undefined ? { claimed_by: values.claimedBy } : {}),
      ...(values.answeredBy !== undefined ? { answered_by: values.answeredBy } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** How many of a person's items reached the liaisons since `since` (the per-asker limit). */
export async function routedSince(db: Executor, askerId: number, since: Date): Promise<number> {
  const row = await db
    .selectFrom('inbox_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('asker_id', '=', askerId)
    .where('routing', '=', 'routed')
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertHandoff(db: Executor, itemId: number, personId: number, now: Date): Promise<void> {
  await db
    .insertInto('inbox_handoffs')
    .values({ item_id: itemId, person_id: personId, state: 'pending', updated_at: now })
    .onConflict((oc) => oc.columns(['item_id', 'person_id']).doNothing())
    .execute();
}

/** Records a hand-off's outcome; returns how many of the item's hand-offs may still arrive or did. */
export async function settleHandoff(db: Executor, itemId: number, personId: number, state: HandoffState, now: Date): Promise<number> {
  await db.updateTable('inbox_handoffs').set({ state, updated_at: now }).where('item_id', '=', itemId).where('person_id', '=', personId).execute();
  const row = await db
    .selectFrom('inbox_handoffs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('item_id', '=', itemId)
    .where('state', '<>', 'failed')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The liaisons an item reached (for the asker's replies back): the one who answered first. */
export async function handoffRecipients(db: Executor, itemId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('inbox_handoffs')
    .select('person_id')
    .where('item_id', '=', itemId)
    .where('state', '<>', 'failed')
    .orderBy('person_id')
    .execute();
  return rows.map((r) => r.person_id);
}

export async function addMessage(
  db: Executor,
  itemId: number,
  direction: 'to_asker' | 'to_liaisons',
  authorId: number | null,
  body: string,
  now: Date,
): Promise<number> {
  const row = await db
    .insertInto('inbox_messages')
    .values({ item_id: itemId, direction, author_id: authorId, body, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function saveReturnRoute(db: Executor, itemId: number, sealed: string, now: Date): Promise<void> {
  await db
    .insertInto('inbox_return_routes')
    .values({ item_id: itemId, sealed, updated_at: now })
    .onConflict((oc) => oc.column('item_id').doUpdateSet({ sealed, updated_at: now }))
    .execute();
}

export async function returnRoute(db: Executor, itemId: number): Promise<string | undefined> {
  return (await db.selectFrom('inbox_return_routes').select('sealed').where('item_id', '=', itemId).executeTakeFirst())?.sealed;
}

/** Return routes silent for longer than the cutoff are forgotten: the thread can no longer reach its asker. */
export async function forgetReturnRoutes(db: Executor, olderThan: Date): Promise<number> {
  const result = await db.deleteFrom('inbox_return_routes').where('updated_at', '<', olderThan).executeTakeFirst();
  return Number(result.numDeletedRows);
}
