import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { startApp, type RunningApp } from '../../src/app.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { openDatabase } from '../../src/db/open.js';
import type { Db } from '../../src/db/schema.js';
import { createNotice } from '../../src/features/notices/service.js';
import { importFaq } from '../../src/features/faq/service.js';
import { systemClock } from '../../src/shared/clock.js';
import type { GateSettings } from '../../src/telegram/send-gate.js';
import type { ReplySettings } from '../../src/telegram/replies.js';
import { postgresAnswers } from './broadcast-db.js';
import { makeGroup, startFakeBotApi, type FakeBotApi, type FakeChat } from '../../test/support/fake-bot-api/index.js';

export type DatabaseKind = 'pglite' | 'postgres';

/** The PostgreSQL the load benches use (BENCH_DATABASE_URL / TEST_DATABASE_URL / the local one), or null when it does not answer or is `none`. */
export async function benchPostgresUrl(whenMissing: (url: string) => void = () => {}): Promise<string | null> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  if (url === 'none') return null;
  if (await postgresAnswers(url)) return url;
  whenMissing(url);
  return null;
}
export const GROUPS = 50;
export const USERS = 200;
export const NOTICE_TEXT = '【通知】本周五晚七点召开主题班会，请准时参加。';

export interface BenchUser {
  id: number;
  group: FakeChat;
  started: boolean;
}

export interface LoadWorld {
  api: FakeBotApi;
  app: RunningApp;
  db: Db;
  users: BenchUser[];
  groups: FakeChat[];
  /** Per group: the notice's message id and its delivery id (for the acknowledgement button). */
  notice: Map<number, { messageId: number; deliveryId: number }>;
  /** Times (performance.now) at which updates finished, and how many identical answers were merged. */
  handledAt: number[];
  coalesced: () => number;
  close(): Promise<void>;
}

async function openBenchDb(kind: DatabaseKind, url: string | null): Promise<{ db: Db; drop(): Promise<void> }> {
  if (kind === 'pglite') {
    const db = await openDatabase({ kind: 'pglite' });
    return { db, drop: () => db.destroy() };
  }
  const schema = `bench_load_${randomBytes(4).toString('hex')}`;
  const admin = await openDatabase({ kind: 'postgres', url: url! });
  await sql`create schema ${sql.id(schema)}`.execute(admin);
  const db = await openDatabase({ kind: 'postgres', url: url!, schema });
  return {
    db,
    drop: async () => {
      await db.destroy();
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin);
      await admin.destroy();
    },
  };
}

/** 50 classes, each bound to a group with two liaisons; 200 students, half of whom have started the bot. */
async function seed(db: Db, api: FakeBotApi): Promise<{ users: BenchUser[]; groups: FakeChat[]; branchId: number; classIds: number[] }> {
  const faq = await importFaq(db, systemClock, readFileSync(new URL('../../db/faq/faq.yaml', import.meta.url), 'utf8'));
  if (!faq.ok) throw new Error('faq import failed');
  const branch = await db.insertInto('branches').values({ name: '党支部' }).returning('id').executeTakeFirstOrThrow();
  const groups: FakeChat[] = [];
  const classIds: number[] = [];
  for (let g = 0; g < GROUPS; g++) {
    const group = makeGroup(-7000 - g, `班级${g}群`);
    groups.push(group);
    const klass = await db
      .insertInto('classes')
      .values({ branch_id: branch.id, name: `班级${g}`, code: `K${g}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    classIds.push(klass.id);
    await db.insertInto('chats').values({ telegram_chat_id: group.id, type: 'group', title: group.title, class_id: klass.id, active: true }).execute();
    for (let l = 0; l < 2; l++) {
      const p = await db
        .insertInto('people')
        .values({ telegram_user_id: 500_000 + g * 2 + l, first_name: `联络${g}-${l}`, last_name: null, username: null, language: 'zh' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('role_assignments').values({ person_id: p.id, role: 'liaison', branch_id: branch.id, class_id: klass.id }).execute();
    }
  }
  const users: BenchUser[] = [];
  for (let u = 0; u < USERS; u++) {
    const user = { id: 100_000 + u, group: groups[u % GROUPS]!, started: u % 2 === 0 };
    users.push(user);
    api.setChatMember(user.group.id, user.id, 'member');
    if (user.started) await db.insertInto('chats').values({ telegram_chat_id: user.id, type: 'private', title: '', active: true, class_id: null }).execute();
  }
  return { users, groups, branchId: branch.id, classIds };
}

/** A fresh database, fake and app; a notice with an acknowledgement button delivered to every group. */
export async function buildWorld(
  kind: DatabaseKind,
  url: string | null,
  sendGate?: Partial<GateSettings>,
  replies?: Partial<ReplySettings>,
  /** The app's view of the database (e.g. one that counts statements); the seed and the bench use the plain one. */
  appDb: (db: Db) => Db = (db) => db,
): Promise<LoadWorld> {
  const { db, drop } = await openBenchDb(kind, url);
  await migrateToLatest(db);
  const api = await startFakeBotApi();
  const { users, groups, branchId, classIds } = await seed(db, api);
  const handledAt: number[] = [];
  let coalesced = 0;
  // LOG_LEVEL debug for the `update_handled` lines; each line is only scanned, not parsed
  const sink = new Writable({
    write(chunk, _encoding, done) {
      const text = String(chunk);
      if (text.includes('"update_handled"')) handledAt.push(performance.now());
      else if (text.includes('"reply_coalesced"')) coalesced++;
      done();
    },
  });
  const started = await startApp({
    env: { BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, LOG_LEVEL: 'debug' },
    db: appDb(db),
    logDestination: sink,
    runScheduler: false,
    ...(sendGate ? { sendGate } : {}),
    ...(replies ? { replies } : {}),
  });
  if (!started.ok) throw new Error(started.message);
  // a steady state: the FAQ index is built and the spelling tables loaded, as a while after a restart
  await started.app.warmedUp;
  await createNotice(db, new Date(), {
    branchId,
    authorId: null,
    kind: 'text',
    text: NOTICE_TEXT,
    entities: [],
    fileId: null,
    pin: false,
    askAck: true,
    sendAt: new Date(),
    classIds,
  });
  started.app.dispatcher.poke();
  const notice = new Map<number, { messageId: number; deliveryId: number }>();
  const deadline = Date.now() + 60_000;
  while (notice.size < GROUPS && Date.now() < deadline) {
    for (const c of api.callsTo('sendMessage')) {
      if (c.params.text !== NOTICE_TEXT || c.status !== 200) continue;
      const data = JSON.stringify(c.params.reply_markup ?? '');
      const deliveryId = Number(/ack:(\d+)/.exec(data)?.[1] ?? 0);
      notice.set(Number(c.params.chat_id), { messageId: (c.response as { result: { message_id: number } }).result.message_id, deliveryId });
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  if (notice.size < GROUPS) throw new Error(`the notice reached ${notice.size} of ${GROUPS} groups`);
  return {
    api,
    app: started.app,
    db,
    users,
    groups,
    notice,
    handledAt,
    coalesced: () => coalesced,
    close: async () => {
      await started.app.stop('bench');
      await api.close();
      await drop();
    },
  };
}

export type BenchKind = 'ask' | 'liaisons' | 'ack';

/** Pushes one update of `kind` from `user` in their group; returns the callback query's id (for an ack). */
export function pushBenchUpdate(world: LoadWorld, kind: BenchKind, user: BenchUser, messageId: number, question: string): string {
  const from = { id: user.id, is_bot: false, first_name: `同学${user.id}` };
  const callbackId = `cb${messageId}`;
  if (kind === 'ack') {
    const n = world.notice.get(user.group.id)!;
    world.api.pushUpdate({
      callback_query: {
        id: callbackId,
        from,
        chat_instance: 'bench',
        data: `ack:${n.deliveryId}`,
        message: { message_id: n.messageId, date: 0, chat: user.group, text: '' },
      },
    } as never);
    return callbackId;
  }
  const text = kind === 'ask' ? `/ask ${question}` : '/liaisons';
  const length = kind === 'ask' ? 4 : 9;
  world.api.pushUpdate({
    message: {
      message_id: messageId,
      date: Math.floor(Date.now() / 1000),
      chat: user.group,
      from,
      text,
      entities: [{ type: 'bot_command', offset: 0, length }],
    },
  } as never);
  return callbackId;
}
