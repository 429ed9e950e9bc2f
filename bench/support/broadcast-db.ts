import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { migrateToLatest } from '../../src/db/migrate.js';
import { openDatabase } from '../../src/db/open.js';
import type { Db } from '../../src/db/schema.js';
import { createNotice } from '../../src/features/notices/service.js';
import type { DispatcherOptions } from '../../src/outbox/dispatcher.js';

/** Where a benchmark run keeps its data: an in-memory or on-disk PGlite, or a schema of PostgreSQL. */
export type BenchTarget = { kind: 'pglite'; dataDir?: string } | { kind: 'postgres'; url: string; schema: string };

export const NOTICE_KIND = 'notice.send';

export async function openBench(target: BenchTarget): Promise<Db> {
  if (target.kind === 'postgres') return openDatabase({ kind: 'postgres', url: target.url, schema: target.schema });
  return openDatabase(target.dataDir ? { kind: 'pglite', dataDir: target.dataDir } : { kind: 'pglite' });
}

/** A fresh, empty schema `bench_<random>` on the server; `drop()` removes it with everything in it. */
export async function createBenchSchema(url: string): Promise<{ schema: string; drop(): Promise<void> }> {
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const admin = await openDatabase({ kind: 'postgres', url });
  try {
    await sql`create schema ${sql.id(schema)}`.execute(admin);
  } catch (error) {
    await admin.destroy();
    throw error;
  }
  return {
    schema,
    drop: async () => {
      try {
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin);
      } finally {
        await admin.destroy();
      }
    },
  };
}

/** True when a PostgreSQL server answers at `url` within `timeoutMs` (a `pg_isready` of sorts). */
export async function postgresAnswers(url: string, timeoutMs = 2000): Promise<boolean> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export interface Seeded {
  noticeId: number;
  queued: number;
  /** Telegram ids of the bound group chats, one per class. */
  telegramChatIds: number[];
}

export const BENCH_TEXT = '【基准】本周五 18:00 在 A101 召开支部大会，请各班准时参加。';

export interface BoundClasses {
  branchId: number;
  classIds: number[];
  /** Telegram ids of the bound group chats, one per class. */
  telegramChatIds: number[];
}

/** One branch and `classes` classes, each bound to an active group (rows inserted directly). */
export async function seedBoundClasses(db: Db, classes: number, now: Date): Promise<BoundClasses> {
  await migrateToLatest(db);
  const branch = await db
    .insertInto('branches')
    .values({ name: `基准支部 ${now.toISOString()}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  const classRows = await db
    .insertInto('classes')
    .values(Array.from({ length: classes }, (_, i) => ({ branch_id: branch.id, name: `基准${String(i + 1).padStart(4, '0')}班`, code: `B${i + 1}` })))
    .returning('id')
    .execute();
  const telegramChatIds = classRows.map((_, i) => -1_000_000_000 - (i + 1));
  await db
    .insertInto('chats')
    .values(classRows.map((c, i) => ({ telegram_chat_id: telegramChatIds[i]!, type: 'group', title: `基准${i + 1}班群`, class_id: c.id, active: true })))
    .execute();
  return { branchId: branch.id, classIds: classRows.map((c) => c.id), telegramChatIds };
}

/** `seedBoundClasses`, and one text notice to all of them through the real `createNotice` (no acknowledgement, no pin, now). */
export async function seedBroadcast(db: Db, classes: number, now: Date): Promise<Seeded> {
  const { branchId, classIds, telegramChatIds } = await seedBoundClasses(db, classes, now);
  const created = await createNotice(db, now, {
    kind: 'text',
    text: BENCH_TEXT,
    entities: [],
    fileId: null,
    branchId,
    authorId: null,
    pin: false,
    askAck: false,
    sendAt: now,
    classIds,
  });
  if (created.queued !== classes) throw new Error(`seed: expected ${classes} deliveries queued, createNotice queued ${created.queued}`);
  return { noticeId: created.noticeId, queued: created.queued, telegramChatIds };
}

/** Outbox jobs of the broadcast that are not settled yet (pending, or claimed and 'sending'). */
export async function openJobs(db: Db): Promise<number> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', NOTICE_KIND)
    .where('state', 'in', ['pending', 'sending'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Open jobs by state: 'sending' ones found at start-up were left by a process that died mid-send. */
export async function openJobStates(db: Db): Promise<{ pending: number; sending: number }> {
  const rows = await db
    .selectFrom('outbox')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('kind', '=', NOTICE_KIND)
    .where('state', 'in', ['pending', 'sending'])
    .groupBy('state')
    .execute();
  const of = (state: string) => Number(rows.find((r) => r.state === state)?.n ?? 0);
  return { pending: of('pending'), sending: of('sending') };
}

export interface SettledSummary {
  deliveries: Record<string, number>;
  /** When the last job of the broadcast was closed (ms since the epoch), from `outbox.done_at`. */
  lastSettledAt: number | null;
  retried: number;
}

export async function settledSummary(db: Db, noticeId: number): Promise<SettledSummary> {
  const states = await db
    .selectFrom('deliveries')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('notice_id', '=', noticeId)
    .groupBy('state')
    .execute();
  const last = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.max('done_at').as('last'))
    .where('kind', '=', NOTICE_KIND)
    .executeTakeFirstOrThrow();
  const retried = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', NOTICE_KIND)
    .where('attempts', '>', 0)
    .executeTakeFirstOrThrow();
  const lastAt = last.last as Date | string | null;
  return {
    deliveries: Object.fromEntries(states.map((s) => [s.state, Number(s.n)])),
    lastSettledAt: lastAt === null ? null : new Date(lastAt).getTime(),
    retried: Number(retried.n),
  };
}

/** Dispatcher options as JSON (for the worker's environment); `sleep` cannot cross a process. */
export type PlainDispatcherOptions = Omit<DispatcherOptions, 'sleep'>;

export function parseDispatcherOptions(json: string | undefined): PlainDispatcherOptions {
  if (!json) return {};
  const parsed = JSON.parse(json) as unknown;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('dispatcher options: expected a JSON object');
  return parsed as PlainDispatcherOptions;
}
