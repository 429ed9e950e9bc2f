import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import type { Db } from '../../src/db/schema.js';
import { conversation } from '../support/conversation.js';
import { makeGroup, makeUser } from '../support/fake-bot-api/index.js';
import { inviteCodeIn, startHarness, type Harness } from '../support/harness.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

// What a PostgreSQL restart or failover does to a running bot: every connection of the bot is
// terminated, also those checked out in the middle of a transaction. PostgreSQL only (PGlite is in-process).
const onPostgres = process.env.TEST_DB_KIND === 'postgres';
const appName = `cpa_term_${process.pid}_${randomBytes(3).toString('hex')}`;

let t: TestDb;
let admin: Db;
let h: Harness;
/** Connections the bot's pool has seen die (each reported once). */
let lost = 0;

/** Terminates every backend of the bot's pool; returns how many there were. */
async function terminateBotBackends(): Promise<number> {
  const { rows } = await sql<{ pid: number }>`
    select pid from pg_stat_activity where application_name = ${appName} and pid <> pg_backend_pid()`.execute(admin);
  await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = ${appName}`.execute(admin);
  return rows.length;
}

describe.skipIf(!onPostgres)('PostgreSQL terminating the bot’s connections', () => {
  beforeAll(async () => {
    t = await openTestDb({ applicationName: appName, onConnectionLost: () => lost++ });
    admin = await openDatabase({ kind: 'postgres', url: process.env.TEST_DATABASE_URL! });
    h = await startHarness({ db: t.db });
  });
  afterAll(async () => {
    await h?.stop();
    await t?.close();
    await admin?.destroy();
  });

  it('keeps running under load: failed updates get the apology, the broadcast is delivered once, later updates work', async () => {
    const say = conversation(h);
    const secretary = makeUser(101, '王书记');
    const groups = Array.from({ length: 6 }, (_, i) => makeGroup(-9100 - i, `计科21${i}班`));
    const setup = h.logs.find((l) => l.event === 'setup_link')!;
    await say.private(secretary, `/start ${inviteCodeIn(String(setup.link))}`);
    for (const [i, group] of groups.entries()) {
      await say.private(secretary, `/class_add 计科21${i} C${i}`);
      h.api.setChatMember(group.id, secretary.id, 'administrator');
      await say.group(group, secretary, `/bind C${i}`);
    }
    await say.private(secretary, '/notice');
    await say.private(secretary, '数据库重启也要送达的通知');
    for (const data of ['nd:all', 'nd:next', 'nd:now']) await say.press(secretary, secretary.id, data);

    // Load: the broadcast is queued while 240 private messages arrive; the backends are terminated every 20 updates.
    const students = Array.from({ length: 240 }, (_, i) => makeUser(10_000 + i, `学生${i}`));
    const send = await sendButton(h, secretary.id);
    const ids = [h.api.pressButton(secretary, { chat: { id: secretary.id, type: 'private' }, message_id: send }, 'nd:send')];
    for (const s of students) ids.push(h.api.sendPrivateText(s, s.id % 2 ? '/start' : '/help'));
    let terminated = 0;
    for (let i = 0; i < ids.length; i += 20) {
      await h.handled(ids[i]!);
      terminated += await terminateBotBackends();
    }
    for (const id of ids) await h.handled(id);
    expect(terminated).toBeGreaterThan(0);

    // Every student got an answer: the normal one, or the apology for an update the outage broke.
    for (const s of students) await h.api.waitForMessage(s.id, undefined, { timeoutMs: 10_000 });
    const failed = h.logs.filter((l) => l.event === 'update_failed').length;
    const apologies = h.api.callsTo('sendMessage').filter((c) => String(c.params.text).includes('出了点问题')).length;
    expect(apologies).toBe(failed);

    // The broadcast reaches every group exactly once, and no outbox row is lost or left behind.
    for (const g of groups) await h.api.waitForMessage(g.id, /数据库重启也要送达的通知/, { timeoutMs: 15_000 });
    // Once the pool has seen its connections die, the next update is answered normally on a new one.
    const before = lost;
    const killed = await terminateBotBackends();
    await waitFor(async () => lost >= before + killed);
    const late = makeUser(99_999, '后来者');
    expect(await say.private(late, '/start')).toEqual([expect.stringContaining('你好，后来者')]);
    const unsettled = () =>
      t.db
        .selectFrom('outbox')
        .select(['kind', 'state', 'attempts', 'last_error'])
        .where('state', 'in', ['pending', 'sending'])
        .where('available_at', '<=', new Date())
        .execute();
    await waitFor(async () => (await unsettled()).length === 0).catch(async () => expect(await unsettled()).toEqual([]));
    const rows = await t.db.selectFrom('outbox').select(['kind', 'state', 'last_error']).where('kind', '=', 'notice.send').execute();
    expect(rows.length).toBe(groups.length);
    expect(rows.filter((r) => r.state !== 'done')).toEqual([]);
    for (const g of groups) {
      const copies = h.api
        .callsTo('sendMessage')
        .filter((c) => String(c.params.chat_id) === String(g.id) && c.status === 200 && String(c.params.text).includes('数据库重启'));
      expect(copies).toHaveLength(1);
    }
  }, 120_000);
});

/** The message id of the preview that carries the "send" button. */
async function sendButton(h: Harness, chatId: number): Promise<number> {
  const call = [...h.api.calls]
    .reverse()
    .find((c) => String(c.params.chat_id) === String(chatId) && JSON.stringify(c.params.reply_markup ?? '').includes('"nd:send"'));
  return (call!.response as { result: { message_id: number } }).result.message_id;
}

/** Polls a condition settled in the background (the dispatcher's rows, the pool noticing a dead connection). */
async function waitFor(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
