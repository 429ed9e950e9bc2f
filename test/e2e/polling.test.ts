import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeGroup, makeUser } from '../support/fake-bot-api/index.js';
import { conversation } from '../support/conversation.js';
import { startHarness, textOf, type Harness } from '../support/harness.js';
import { openTestDb, type TestDb } from '../support/test-db.js';
import { setUpClass } from '../faq/setup.js';

let t: TestDb;
let h: Harness | undefined;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => t.reset());
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const secretary = makeUser(101, '王书记');
const liaisonA = makeUser(201, '李联络');
const liaisonB = makeUser(202, '赵联络');
const student = makeUser(301, '小明');
const admin = makeUser(401, '群主');
const classGroup = makeGroup(-5001, '计科2101班');
const slowGroup = makeGroup(-5002, '网络不好的群');

const handledIds = (x: Harness) => x.logs.filter((l) => l.event === 'update_handled').map((l) => l.updateId);

/** A promise the test settles when it chooses. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('polling: one slow chat does not hold up the others', () => {
  it('answers /liaisons in one group while a reply in another group is stalled, and keeps that group’s order', async () => {
    h = await startHarness({ db: t.db });
    const say = conversation(h);
    await setUpClass(h, { secretary, liaisons: [liaisonA, liaisonB], group: classGroup, admin });
    await say.update(() => h!.api.botAddedToGroup(slowGroup, admin), slowGroup.id);

    const stall = gate();
    h.api.injectFault('sendMessage', { kind: 'held', release: stall.opened }, { chatId: slowGroup.id });
    const since = h.api.mark();
    const stalled = h.api.sendGroupText(slowGroup, student, '/liaisons');
    const behind = h.api.sendGroupText(slowGroup, student, '/liaisons');
    await h.api.waitForCall('sendMessage', (c) => String(c.params.chat_id) === String(slowGroup.id), { since });

    // the class group is answered while the other group's reply hangs
    const [liaisons] = await say.group(classGroup, student, '/liaisons');
    expect(liaisons).toContain('李联络');
    expect(handledIds(h)).not.toContain(stalled);
    expect(handledIds(h)).not.toContain(behind); // it waits behind the stalled one of its own chat

    stall.open();
    await h.handled(behind);
    const ids = handledIds(h);
    expect(ids.indexOf(stalled)).toBeLessThan(ids.indexOf(behind));
    const toSlowGroup = h.api.calls.slice(since).filter((c) => c.method === 'sendMessage' && String(c.params.chat_id) === String(slowGroup.id));
    expect(toSlowGroup.map(textOf)).toEqual([expect.stringContaining('/bind'), expect.stringContaining('/bind')]);
  });

  it('stops only after every fetched update is handled, then confirms the offset past them', async () => {
    const x = await startHarness({ db: t.db });
    const stall = gate();
    x.api.injectFault('sendMessage', { kind: 'held', release: stall.opened }, { chatId: student.id });
    const first = x.api.sendPrivateText(student, '/help');
    const second = x.api.sendPrivateText(student, '/whoami');
    await x.api.waitForCall('sendMessage', (c) => String(c.params.chat_id) === String(student.id));
    let stopped = false;
    const stopping = x.stop().then(() => (stopped = true));
    await until(() => x.logs.some((l) => l.event === 'stopping'));
    await new Promise((r) => setImmediate(r));
    expect(stopped).toBe(false); // the held reply keeps it waiting
    stall.open();
    await stopping;
    const ids = handledIds(x);
    expect(ids.indexOf(first)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(first)).toBeLessThan(ids.indexOf(second));
    const confirm = x.api.callsTo('getUpdates').at(-1)!;
    expect(confirm.params).toMatchObject({ offset: second + 1, limit: 1 });
  });
});

describe('polling: a dropped long poll', () => {
  it('gives up on a getUpdates that is never answered and polls again', async () => {
    h = await startHarness({ db: t.db, pollingRequestTimeoutMs: 300 });
    const since = h.api.mark();
    h.api.injectFault('getUpdates', { kind: 'dropped' });
    const polls = () => h!.api.calls.slice(since).filter((c) => c.method === 'getUpdates');
    await until(() => polls().length > 0);
    const dropped = polls()[0]!;
    const id = h.api.sendPrivateText(student, '/whoami');
    await h.handled(id);
    expect(dropped.status).toBeUndefined(); // never answered
    expect(h.logs.some((l) => l.event === 'polling_timeout')).toBe(true);
    expect(polls()[1]!.params.offset).toBe(dropped.params.offset); // polled again from the same place
  });
});

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setImmediate(r));
}
