import { signInitData } from '../../src/features/dashboard/init-data.js';
import { FixedClock } from '../../src/shared/clock.js';
import { onboardBranch } from './branch.js';
import { conversation } from './conversation.js';
import { seedBranchHistory } from './dashboard-seed.js';
import { makeUser, type FakeUser } from './fake-bot-api/index.js';
import { startHarness, type Harness } from './harness.js';
import type { TestDb } from './test-db.js';

export const WEB_APP_URL = 'https://dashboard.example.test/';
// Wednesday 2 December 2026, 10:00 in Shanghai.
export const START = new Date('2026-12-02T02:00:00Z');

export const secretary = makeUser(101, '王书记', { language_code: 'zh-hans' });
export const liaisonA = makeUser(201, '李联络');
export const liaisonB = makeUser(202, 'Lee', { language_code: 'en' });
export const student = makeUser(301, '小明');

export interface DashboardFixture {
  h: Harness;
  clock: FixedClock;
  /** The dashboard's address on this machine (http://127.0.0.1:PORT). */
  base: string;
  classIds: Record<'CS2101' | 'CS2102' | 'CS2201', number>;
  /** initData signed with the bot's token, as Telegram would make it for this user (auth_date: now unless given). */
  initData(user: FakeUser, options?: { authDate?: Date; token?: string }): string;
}

/**
 * The real app (polling, WEB_PORT=0) with a branch onboarded through the chat — a secretary, three
 * classes in two grades, liaison A for CS2101 and CS2102, liaison B for CS2201, a student who only
 * pressed Start — and a term of history in the tables.
 */
export async function startDashboardFixture(t: TestDb): Promise<DashboardFixture> {
  const clock = new FixedClock(START);
  const h = await startHarness({ db: t.db, clock, runDispatcher: false, env: { WEB_PORT: '0', WEB_APP_URL } });
  const say = conversation(h);
  await onboardBranch(
    h,
    say,
    secretary,
    [
      '/class_add 计科2101 CS2101',
      '/class_add 计科2102 CS2102',
      '/class_add 软工2201 CS2201',
      '/class_tags CS2101 2021级',
      '/class_tags CS2102 2021级',
      '/class_tags CS2201 2022级',
    ],
    [
      [liaisonA, 'CS2101'],
      [liaisonA, 'CS2102'],
      [liaisonB, 'CS2201'],
    ],
  );
  await say.private(student, '/start');
  const classes = await t.db.selectFrom('classes').select(['id', 'code', 'branch_id']).execute();
  const classIds = Object.fromEntries(classes.map((c) => [c.code, c.id])) as DashboardFixture['classIds'];
  if (classes.length !== 3) throw new Error('the fixture expected three classes');
  await seedBranchHistory(t.db, { branchId: classes[0]!.branch_id, classIds: classes.map((c) => c.id), now: START, students: 12, notices: 8, weeks: 8 });
  return {
    h,
    clock,
    base: `http://127.0.0.1:${h.app.webPort}`,
    classIds,
    initData: (user, options = {}) =>
      signInitData(
        {
          query_id: 'AAHdF6IQAAAAAN0XohDhrOrc',
          user: JSON.stringify({ id: user.id, first_name: user.first_name, language_code: user.language_code ?? 'zh-hans', allows_write_to_pm: true }),
          auth_date: String(Math.floor((options.authDate ?? clock.now()).getTime() / 1000)),
        },
        options.token ?? h.api.token,
      ),
  };
}
