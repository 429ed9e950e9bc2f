import type { Executor } from '../db/schema.js';
import type { Language } from '../i18n/language.js';
import { sendToPerson, type Rendered } from '../outbox/messages.js';
import { sendToAsker, isAsker, type AskerTarget, type ToAskerOutcome } from './asker.js';
import { addMessage, handoffRecipients, insertHandoff, insertItem, itemById, itemOf, liaisonsOf, routedSince, saveReturnRoute, setItem } from './queries.js';
import { seal, type ReturnAddress, type SealKey } from './sealed.js';
import type { InboxItem, Routing } from './tables.js';

/** The outbox job of a hand-off: a message to a liaison whose outcome comes back to `inbox_handoffs`. */
export const HANDOFF_JOB = 'inbox.handoff';

/** A named asker, or an anonymous one: never stored; `returnTo` (sealed) only if they allow replies. */
export type Asker = { anonymous: false; personId: number } | { anonymous: true; returnTo: ReturnAddress | null };

export interface RouteInput {
  kind: string;
  clientRef: number;
  classId: number | null;
  branchId: number | null;
  asker: Asker;
  /** The message each liaison gets, in their language; it must not name an anonymous asker. */
  handoff: (language: Language) => Rendered;
  /** Named askers only: past `max` items routed in `windowMs` an item is only recorded. */
  limit?: { max: number; windowMs: number };
  key: SealKey | null;
  now: Date;
}

export type RouteOutcome =
  | { kind: 'routed'; itemId: number; liaisons: number }
  | { kind: 'recorded'; itemId: number; reason: 'no_liaisons' | 'unreachable' | 'over_limit' }
  | { kind: 'exists'; itemId: number; routing: Routing }
  | { kind: 'no_key' };

/**
 * Hands an item to its class's liaisons: one outbox message each (skipping a liaison known to
 * have blocked the bot), in the caller's transaction. When nobody can be told, or a named asker is
 * over the limit, the item is only recorded (the branch sees it).
 */
export async function route(trx: Executor, input: RouteInput): Promise<RouteOutcome> {
  const { asker, now } = input;
  if (asker.anonymous && asker.returnTo && !input.key) return { kind: 'no_key' };
  const existing = await itemOf(trx, input.kind, input.clientRef);
  if (existing) return { kind: 'exists', itemId: existing.id, routing: existing.routing };
  const liaisons = await liaisonsOf(trx, input.classId);
  const reachable = liaisons.filter((l) => l.reachable);
  const overLimit =
    !asker.anonymous &&
    input.limit !== undefined &&
    (await routedSince(trx, asker.personId, new Date(now.getTime() - input.limit.windowMs))) >= input.limit.max;
  const reason = overLimit ? 'over_limit' : liaisons.length === 0 ? 'no_liaisons' : reachable.length === 0 ? 'unreachable' : null;
  const itemId = await insertItem(
    trx,
    {
      kind: input.kind,
      clientRef: input.clientRef,
      classId: input.classId,
      branchId: input.branchId,
      anonymous: asker.anonymous,
      askerId: asker.anonymous ? null : asker.personId,
      routing: reason === null ? 'routed' : 'recorded',
    },
    now,
  );
  if (itemId === undefined) {
    const raced = (await itemOf(trx, input.kind, input.clientRef))!;
    return { kind: 'exists', itemId: raced.id, routing: raced.routing };
  }
  if (asker.anonymous && asker.returnTo && input.key) await saveReturnRoute(trx, itemId, seal(input.key, itemId, asker.returnTo), now);
  if (reason !== null) return { kind: 'recorded', itemId, reason };
  for (const liaison of reachable) {
    await insertHandoff(trx, itemId, liaison.personId, now);
    await sendToPerson(trx, liaison.personId, input.handoff, {
      dedupeKey: `inbox:${itemId}:handoff`,
      now,
      kind: HANDOFF_JOB,
      ref: { item: itemId, person: liaison.personId },
    });
  }
  return { kind: 'routed', itemId, liaisons: reachable.length };
}

/** The caller's roles, as far as the inbox needs them. */
export type RoleLike = { role: string; branchId: number; classId: number | null };

/** The class's liaisons and the branch's secretaries handle an item; an item of no branch is nobody's (no secretary of any branch may). */
export function mayHandle(roles: RoleLike[], item: Pick<InboxItem, 'class_id' | 'branch_id'>): boolean {
  if (item.class_id !== null && roles.some((r) => r.role === 'liaison' && r.classId === item.class_id)) return true;
  return item.branch_id !== null && roles.some((r) => r.role === 'secretary' && r.branchId === item.branch_id);
}

export type ClaimOutcome = { kind: 'claimed'; item: InboxItem } | { kind: 'not_found' } | { kind: 'not_allowed' } | { kind: 'answered' } | { kind: 'closed' };

/** A liaison takes an item up ("answer"). Someone else may still answer first; `answer` decides. */
export async function claim(trx: Executor, itemId: number, by: { personId: number; roles: RoleLike[] }, now: Date): Promise<ClaimOutcome> {
  const item = await itemById(trx, itemId, true);
  if (!item) return { kind: 'not_found' };
  if (!mayHandle(by.roles, item)) return { kind: 'not_allowed' };
  if (item.state === 'answered') return { kind: 'answered' };
  if (item.state === 'closed') return { kind: 'closed' };
  await setItem(trx, item.id, now, { state: 'claimed', claimedBy: by.personId });
  return { kind: 'claimed', item: { ...item, state: 'claimed', claimed_by: by.personId } };
}

export interface AnswerInput {
  itemId: number;
  by: { personId: number; roles: RoleLike[] };
  body: string;
  to: AskerTarget;
  /** true (the FAQ): only the first answer goes out; false: a thread, every reply goes out. */
  once: boolean;
  key: SealKey | null;
  now: Date;
}

export type AnswerOutcome =
  | { kind: 'answered'; delivery: ToAskerOutcome; messageId: number }
  | { kind: 'not_found' }
  | { kind: 'not_allowed' }
  | { kind: 'answered_before' }
  | { kind: 'closed' };

/** A liaison's reply to the asker: stored in the thread and queued to the asker, in one transaction. */
export async function answer(trx: Executor, input: AnswerInput): Promise<AnswerOutcome> {
  const item = await itemById(trx, input.itemId, true);
  if (!item) return { kind: 'not_found' };
  if (!mayHandle(input.by.roles, item)) return { kind: 'not_allowed' };
  if (item.state === 'closed') return { kind: 'closed' };
  if (input.once && item.state === 'answered') return { kind: 'answered_before' };
  const messageId = await addMessage(trx, item.id, 'to_asker', input.by.personId, input.body, input.now);
  await setItem(trx, item.id, input.now, { state: 'answered', ...(item.answered_by === null ? { answeredBy: input.by.personId } : {}) });
  const delivery = await sendToAsker(trx, item, input.to, input.key, `inbox:${item.id}:reply:${messageId}`, input.now);
  return { kind: 'answered', delivery, messageId };
}

export type AskerReplyOutcome = { kind: 'sent'; liaisons: number } | { kind: 'not_found' } | { kind: 'not_yours' } | { kind: 'closed' };

/**
 * The asker answers back (threads both ways): checked against the item's asker (for an anonymous
 * item, against the sealed route), stored without an author, and queued to the liaisons who got it.
 */
export async function replyFromAsker(
  trx: Executor,
  input: { itemId: number; telegramUserId: number; body: string; render: (language: Language) => Rendered; key: SealKey | null; now: Date },
): Promise<AskerReplyOutcome> {
  const item = await itemById(trx, input.itemId, true);
  if (!item) return { kind: 'not_found' };
  if (!(await isAsker(trx, item, input.telegramUserId, input.key))) return { kind: 'not_yours' };
  if (item.state === 'closed') return { kind: 'closed' };
  const messageId = await addMessage(trx, item.id, 'to_liaisons', null, input.body, input.now);
  await setItem(trx, item.id, input.now, { state: 'open' });
  // A message either way keeps the way back alive (it is forgotten after a silence).
  if (item.anonymous) await trx.updateTable('inbox_return_routes').set({ updated_at: input.now }).where('item_id', '=', item.id).execute();
  const liaisons = await handoffRecipients(trx, item.id);
  for (const personId of liaisons) {
    await sendToPerson(trx, personId, input.render, { dedupeKey: `inbox:${item.id}:asker:${messageId}`, now: input.now });
  }
  return { kind: 'sent', liaisons: liaisons.length };
}

/** Closes an item; an anonymous asker's return route is deleted with it. */
export async function close(trx: Executor, itemId: number, by: { roles: RoleLike[] }, now: Date): Promise<'closed' | 'not_found' | 'not_allowed'> {
  const item = await itemById(trx, itemId, true);
  if (!item) return 'not_found';
  if (!mayHandle(by.roles, item)) return 'not_allowed';
  await setItem(trx, item.id, now, { state: 'closed' });
  await trx.deleteFrom('inbox_return_routes').where('item_id', '=', item.id).execute();
  return 'closed';
}
