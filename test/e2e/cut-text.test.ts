import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeGroup, makeUser } from '../support/fake-bot-api/index.js';
import { conversation } from '../support/conversation.js';
import { startHarness, type Harness } from '../support/harness.js';
import { openTestDb, type TestDb } from '../support/test-db.js';
import { loadShippedFaq, setUpClass } from '../faq/setup.js';

let t: TestDb;
let h: Harness;
let say: ReturnType<typeof conversation>;

const secretary = makeUser(101, '王书记');
const liaisonA = makeUser(201, '李联络');
const liaisonB = makeUser(202, '赵联络');
const student = makeUser(301, '小明');
const admin = makeUser(401, '群主');
const group = makeGroup(-5001, '计科2101班');

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => {
  await t.reset();
  await loadShippedFaq(t.db);
  h = await startHarness({ db: t.db });
  say = conversation(h);
  await setUpClass(h, { secretary, liaisons: [liaisonA, liaisonB], group, admin });
});
afterEach(async () => h.stop());

describe('cut text stays valid for Telegram', () => {
  it.each([
    ['an emoji', '😀'],
    ['a CJK extension character', '𠀀'],
  ])('lists a long unanswered question whose cut falls inside %s', async (_what, wide) => {
    h.api.setChatMember(liaisonA.id, h.api.bot.id, 'kicked');
    h.api.setChatMember(liaisonB.id, h.api.bot.id, 'kicked');
    await say.group(group, student, '/ask 入党需要什么条件');
    const head = `党员之家在哪里${'啊'.repeat(191)}`; // 198 UTF-16 units: the wide character takes units 198–199
    await say.private(student, `${head}${wide}还有别的问题`);

    const since = h.api.mark();
    const list = (await say.private(secretary, '/unanswered')).join('\n');
    expect(list).toContain(`${head}…`);
    expect(list).not.toContain(wide);
    const refused = h.api.calls.slice(since).filter((c) => c.status === 400);
    expect(refused).toEqual([]);
  });
});
