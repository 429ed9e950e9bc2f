import { sql } from 'kysely';
import type { Executor, Db } from '../db/schema.js';
import type { OutboxRow } from './tables.js';

export interface NewJob {
  kind: string;
  dedupeKey: string;
  chatId?: number | null;
  payload?: Record<string, unknown>;
  availableAt: Date;
}

const rowOf = (job: NewJob, now: Date) => ({
  kind: job.kind,
  dedupe_key: job.dedupeKey,
  chat_id: job.chatId ?? null,
  payload: JSON.stringify(job.payload ?? {}),
  state: 'pending' as const,
  available_at: job.availableAt,
  created_at: now,
});

/** Adds a job unless one with the same key exists (then nothing happens): a job is done once. */
export async function enqueue(db: Executor, job: NewJob, now: Date): Promise<boolean> {
  const inserted = await db
    .insertInto('outbox')
    .values(rowOf(job, now))
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** `enqueue` for many jobs in few statements (a burst of reminders); returns the keys that were new. */
export async function enqueueMany(db: Executor, jobs: NewJob[], now: Date): Promise<Set<string>> {
  const added = new Set<string>();
  for (let i = 0; i < jobs.length; i += 500) {
    const rows = await db
      .insertInto('outbox')
      .values(jobs.slice(i, i + 500).map((job) => rowOf(job, now)))
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('dedupe_key')
      .execute();
    for (const row of rows) added.add(row.dedupe_key);
  }
  return added;
}

/** Cancels the jobs with these keys that have not started; a job under way or done is left as it is. */
export async function cancelJobs(db: Executor, dedupeKeys: string[], now: Date): Promise<number> {
  if (dedupeKeys.length === 0) return 0;
  const result = await db
    .updateTable('outbox')
    .set({ state: 'cancelled', done_at: now })
    .where('dedupe_key', 'in', dedupeKeys)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface ClaimedJob extends OutboxRow {
  telegramChatId: number | null;
  chatActive: boolean | null;
  chatType: string | null;
}

export interface RateSettings {
  /** Messages per second for the whole bot (Telegram: about 30). */
  perSecond: number;
  /** Tokens that may pile up while idle; perSecond + burst must stay within Telegram's 30 in any second. */
  burst: number;
  /** Minimum spacing of messages to one group (Telegram: 20 a minute) and to one private chat. */
  groupSpacingMs: number;
  privateSpacingMs: number;
}

// 28/s + a burst of 1.5 starts at most 29.5 sends in any second: a margin under Telegram's 30 for
// sends that reach Telegram a little later than they were claimed.
export const telegramRates: RateSettings = { perSecond: 28, burst: 1.5, groupSpacingMs: 3000, privateSpacingMs: 1000 };

/**
 * The furthest ahead a chat's pacing (`chats.next_send_at`) is ever set: a time further ahead was
 * written by a clock that has since stepped back, and is ignored (else a group used a minute before
 * the clock went back an hour would wait that hour). A 429 asking for longer still holds its own job.
 */
export const CHAT_WAIT_HORIZON_MS = 120_000;
/** The longest the whole outbox is paused after a 429 (pauseAll's callers); a later pause is stale in the same way. */
export const MAX_PAUSE_MS = 1000;

export interface Claim {
  jobs: ClaimedJob[];
  /** When the budget allows the next send (ms from now), if the budget is what held claims back. */
  budgetWaitMs: number | null;
}

/**
 * Claims due jobs, at most one per chat and no more than the shared send budget allows. The budget
 * row is locked first, so claims from several processes are serialised and the budget and each
 * chat's pacing hold across processes; rows are taken with SKIP LOCKED so nobody waits on another's.
 */
export async function claimDue(db: Db, now: Date, rates: RateSettings, max: number, owner: string | null = null): Promise<Claim> {
  return db.transaction().execute(async (trx) => {
    const budget = await lockBudget(trx, now);
    // A refill time after now means the clock stepped back: count from now (written below), not from then.
    const steppedBack = budget.refilled_at.getTime() > now.getTime();
    const elapsedSeconds = Math.max(0, (now.getTime() - budget.refilled_at.getTime()) / 1000);
    let tokens = Math.min(rates.burst, budget.tokens + elapsedSeconds * rates.perSecond);
    const pausedMs = budget.paused_until === null ? 0 : budget.paused_until.getTime() - now.getTime();
    const paused = pausedMs > 0 && pausedMs <= MAX_PAUSE_MS;
    const wanted = paused ? 0 : Math.min(max, Math.floor(tokens));
    const waitForToken = (left: number) => Math.ceil((Math.max(0, 1 - left) / rates.perSecond) * 1000);
    // Nothing claimed, nothing written: the refill is a function of the stored (tokens, refilled_at),
    // so leaving the row as it is loses nothing (an idle dispatcher must not write).
    if (wanted <= 0) {
      if (steppedBack) await trx.updateTable('send_budget').set({ tokens, refilled_at: now }).where('id', '=', 1).execute();
      const budgetWaitMs = paused ? budget.paused_until!.getTime() - now.getTime() : waitForToken(tokens);
      return { jobs: [], budgetWaitMs };
    }

    const candidates = await trx
      .selectFrom('outbox as o')
      .leftJoin('chats as c', 'c.id', 'o.chat_id')
      .selectAll('o')
      .select(['c.telegram_chat_id as telegramChatId', 'c.active as chatActive', 'c.type as chatType'])
      .where('o.state', '=', 'pending')
      .where('o.available_at', '<=', now)
      .where((eb) =>
        eb.or([eb('c.next_send_at', 'is', null), eb('c.next_send_at', '<=', now), eb('c.next_send_at', '>', new Date(now.getTime() + CHAT_WAIT_HORIZON_MS))]),
      )
      .orderBy('o.available_at')
      .orderBy('o.id')
      .limit(wanted * 4)
      .forUpdate(['o'])
      .skipLocked()
      .execute();

    const picked: ClaimedJob[] = [];
    const chats = new Set<number>();
    for (const job of candidates) {
      if (picked.length >= wanted) break;
      if (job.chat_id !== null) {
        if (chats.has(job.chat_id)) continue;
        chats.add(job.chat_id);
      }
      picked.push(job);
    }
    if (picked.length === 0) return { jobs: [], budgetWaitMs: null };
    await trx
      .updateTable('outbox')
      .set({ state: 'sending', claimed_at: now, claimed_by: owner })
      .where(
        'id',
        'in',
        picked.map((j) => j.id),
      )
      .execute();
    const spacing = (type: string | null) => (type === 'private' ? rates.privateSpacingMs : rates.groupSpacingMs);
    for (const type of new Set(picked.filter((j) => j.chat_id !== null).map((j) => j.chatType))) {
      const ids = picked.filter((j) => j.chat_id !== null && j.chatType === type).map((j) => j.chat_id!);
      await trx
        .updateTable('chats')
        .set({ next_send_at: new Date(now.getTime() + spacing(type)) })
        .where('id', 'in', ids)
        .execute();
    }
    tokens -= picked.length;
    await trx.updateTable('send_budget').set({ tokens, refilled_at: now }).where('id', '=', 1).execute();
    return { jobs: picked, budgetWaitMs: waitForToken(tokens) };
  });
}

async function lockBudget(trx: Executor, now: Date) {
  const row = () => trx.selectFrom('send_budget').selectAll().where('id', '=', 1).forUpdate().executeTakeFirst();
  const budget = await row();
  if (budget) return budget;
  await trx
    .insertInto('send_budget')
    .values({ id: 1, tokens: 0, refilled_at: now })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return (await row())!;
}

export interface Due {
  /** When the earliest pending job may go (its own time or its chat's pacing, whichever is later); null: none pending. */
  nextAt: Date | null;
  /** The oldest claim of a job still 'sending' (maybe by a process that died); null: none. */
  oldestClaimAt: Date | null;
}

/** A plain read, no lock and no write: what an idle dispatcher does instead of a claim transaction. */
export async function nextDue(db: Executor, now: Date): Promise<Due> {
  const stale = new Date(now.getTime() + CHAT_WAIT_HORIZON_MS);
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('outbox as o')
        .leftJoin('chats as c', 'c.id', 'o.chat_id')
        .select(
          sql<Date | null>`min(greatest(o.available_at, coalesce(case when c.next_send_at > ${stale} then null else c.next_send_at end, o.available_at)))`.as(
            'at',
          ),
        )
        .where('o.state', '=', 'pending')
        .as('nextAt'),
      eb
        .selectFrom('outbox')
        .select((e) => e.fn.min('claimed_at').as('at'))
        .where('state', '=', 'sending')
        .as('oldestClaimAt'),
    ])
    .executeTakeFirstOrThrow();
  const date = (value: unknown) => (value === null || value === undefined ? null : new Date(value as Date | string));
  return { nextAt: date(row.nextAt), oldestClaimAt: date(row.oldestClaimAt) };
}

/**
 * Jobs left 'sending' by a process that died: the call may or may not have reached Telegram. They
 * are sent again — the one window where a chat can see a message twice (documented in the README).
 */
export async function releaseStale(db: Executor, now: Date, leaseMs: number): Promise<number> {
  const result = await db
    .updateTable('outbox')
    .set({ state: 'pending', available_at: now, last_error: 'released after an interrupted send' })
    .where('state', '=', 'sending')
    .where('claimed_at', '<', new Date(now.getTime() - leaseMs))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Puts back the jobs `owner` holds as 'sending' but is not running (`running`: the ids it is). After a
 * claim that failed in an unknown state (the commit sent, the answer lost with the connection), those
 * are the jobs it may have claimed: sent now, not after the lease.
 */
export async function releaseUnheld(db: Executor, owner: string, running: readonly number[]): Promise<number> {
  let query = db
    .updateTable('outbox')
    .set({ state: 'pending', claimed_at: null, claimed_by: null })
    .where('state', '=', 'sending')
    .where('claimed_by', '=', owner);
  if (running.length > 0) query = query.where('id', 'not in', running);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function pauseAll(db: Executor, until: Date): Promise<void> {
  await db
    .updateTable('send_budget')
    // a pause further ahead than any pause we set is from a clock that stepped back: replaced
    .set({
      paused_until: sql`case when paused_until is null or paused_until < ${until} or paused_until > ${new Date(until.getTime() + MAX_PAUSE_MS)} then ${until} else paused_until end`,
      tokens: 0,
    })
    .where('id', '=', 1)
    .execute();
}
