import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { runDashboardLink } from '../../src/features/dashboard/cli.js';
import { createDownloadToken } from '../../src/features/dashboard/downloads.js';
import { createDashboardHandler, createDashboardServer } from '../../src/features/dashboard/http.js';
import { createLogger } from '../../src/logging/logger.js';
import { createLoginCode, redeemLoginCode } from '../../src/features/dashboard/sessions.js';
import { hashOneTimeCode } from '../../src/shared/one-time-code.js';
import { signInitData } from '../../src/features/dashboard/init-data.js';
import { startDashboardFixture, liaisonA, liaisonB, secretary, student, WEB_APP_URL, type DashboardFixture } from '../support/dashboard-fixture.js';
import { makeUser, startFakeBotApi } from '../support/fake-bot-api/index.js';
import { conversation } from '../support/conversation.js';
import { startHarness } from '../support/harness.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

let t: TestDb;
let f: DashboardFixture;

beforeAll(async () => {
  t = await openTestDb();
  f = await startDashboardFixture(t);
}, 120_000);
afterAll(async () => {
  await f?.h.stop();
  await t?.close();
});

const get = (path: string, init: { initData?: string; cookie?: string } = {}) =>
  fetch(`${f.base}${path}`, {
    redirect: 'manual',
    headers: { ...(init.initData ? { authorization: `tma ${init.initData}` } : {}), ...(init.cookie ? { cookie: init.cookie } : {}) },
  });
const json = async (path: string, init: { initData?: string; cookie?: string } = {}) => {
  const response = await get(path, init);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
type Row = { classId: number; code: string; tags: string[]; counts: { applicants: number }; acks: { rate: number | null } };

describe('dashboard: who sees what', () => {
  it('gives the secretary every class of the branch, with the total, the charts and a class page with names', async () => {
    const auth = { initData: f.initData(secretary) };
    expect(await json('/api/me', auth)).toMatchObject({ status: 200, body: { name: '王书记', language: 'zh', secretary: true, classes: 3 } });
    const overview = await json('/api/overview', auth);
    expect(overview.status).toBe(200);
    const rows = overview.body.rows as Row[];
    expect(rows.map((r) => r.code).sort()).toEqual(['CS2101', 'CS2102', 'CS2201']);
    expect(overview.body.tags).toEqual(['2021级', '2022级']);
    const total = overview.body.total as { classes: number; counts: { applicants: number } };
    expect(total.classes).toBe(3);
    expect(total.counts.applicants).toBe(rows.reduce((n, r) => n + r.counts.applicants, 0));
    expect(total.counts.applicants).toBeGreaterThan(0);
    expect(rows.every((r) => r.acks.rate !== null && r.acks.rate > 0 && r.acks.rate <= 1)).toBe(true);

    const charts = await json('/api/charts', auth);
    const acks = charts.body.acknowledgements as Array<{ rate: number; acks: number; members: number }>;
    expect(acks.length).toBe(6); // 8 notices, every fourth without an acknowledgement button
    expect(acks.every((a) => a.members === 36 && a.acks > 0 && a.rate === a.acks / a.members)).toBe(true);
    const timeliness = charts.body.timeliness as { periods: unknown[]; classes: Array<{ states: string[] }> };
    expect(timeliness.periods).toHaveLength(4);
    expect(new Set(timeliness.classes.flatMap((c) => c.states))).toEqual(new Set(['on_time', 'late', 'missing']));
    expect((charts.body.funnel as { applicants: number }).applicants).toBe(total.counts.applicants);
    const weeks = charts.body.faqWeeks as Array<{ bot: number; liaisons: number }>;
    expect(weeks).toHaveLength(12);
    expect(weeks.reduce((n, w) => n + w.bot + w.liaisons, 0)).toBeGreaterThan(0);
    expect(weeks.some((w) => w.liaisons > 0)).toBe(true);

    const page = await json(`/api/class?id=${f.classIds.CS2201}`, auth);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ code: 'CS2201', liaisons: [{ name: 'Lee', link: 'tg://user?id=202' }] });
    expect((page.body.records as Array<{ name: string }>).length).toBeGreaterThan(0);
    expect((page.body.notices as unknown[]).length).toBe(8);
    expect((page.body.reports as unknown[]).length).toBe(4);
  });

  it('filters by tag and by part of a name or code, the total following the filter', async () => {
    const auth = { initData: f.initData(secretary) };
    const byTag = await json(`/api/overview?tag=${encodeURIComponent('2021级')}`, auth);
    expect((byTag.body.rows as Row[]).map((r) => r.code).sort()).toEqual(['CS2101', 'CS2102']);
    expect((byTag.body.total as { classes: number }).classes).toBe(2);
    const bySearch = await json(`/api/overview?q=${encodeURIComponent('软工')}`, auth);
    expect((bySearch.body.rows as Row[]).map((r) => r.code)).toEqual(['CS2201']);
    const byCode = await json('/api/overview?q=cs2102', auth);
    expect((byCode.body.rows as Row[]).map((r) => r.code)).toEqual(['CS2102']);
  });

  it('gives a liaison only their own classes, refuses another class by id, and answers in English for an English Telegram', async () => {
    const a = await json('/api/overview', { initData: f.initData(liaisonA) });
    expect((a.body.rows as Row[]).map((r) => r.code).sort()).toEqual(['CS2101', 'CS2102']);
    const b = { initData: f.initData(liaisonB) };
    expect(await json('/api/me', b)).toMatchObject({ status: 200, body: { language: 'en', secretary: false, classes: 1 } });
    expect(((await json('/api/overview', b)).body.rows as Row[]).map((r) => r.code)).toEqual(['CS2201']);
    expect(await json(`/api/class?id=${f.classIds.CS2101}`, b)).toEqual({ status: 403, body: { error: 'not_your_class' } });
    expect((await json(`/api/class?id=${f.classIds.CS2201}`, b)).status).toBe(200);
    // the charts cover the liaison's classes only: 12 students seen in one class
    const charts = await json('/api/charts', b);
    expect((charts.body.acknowledgements as Array<{ members: number }>).every((p) => p.members === 12)).toBe(true);
  });

  it('refuses a student and a stranger with 403, never data', async () => {
    for (const user of [student, makeUser(999, '路人')]) {
      for (const path of ['/api/me', '/api/overview', '/api/charts', `/api/class?id=${f.classIds.CS2101}`]) {
        expect(await json(path, { initData: f.initData(user) })).toEqual({ status: 403, body: { error: 'not_for_you' } });
      }
    }
  });

  it('refuses forged, re-signed, expired and missing initData with 401', async () => {
    const genuine = f.initData(secretary);
    const forgedUser = genuine.replace(encodeURIComponent('"id":101'), encodeURIComponent('"id":201'));
    expect(forgedUser).not.toBe(genuine);
    const cases = [
      forgedUser,
      f.initData(secretary, { token: '123456:another-bots-token' }),
      `${genuine.slice(0, -4)}0000`,
      genuine.replace(/hash=[0-9a-f]+/, ''),
      'user=%7B%22id%22%3A101%7D&hash=abc',
    ];
    for (const initData of cases) expect(await json('/api/overview', { initData })).toEqual({ status: 401, body: { error: 'unauthorized' } });
    const old = f.initData(secretary, { authDate: new Date(f.clock.now().getTime() - 3601_000) });
    expect(await json('/api/overview', { initData: old })).toEqual({ status: 401, body: { error: 'expired' } });
    expect(await json('/api/overview', { initData: f.initData(secretary, { authDate: new Date(f.clock.now().getTime() - 3500_000) }) })).toMatchObject({
      status: 200,
    });
    expect((await json('/api/overview')).status).toBe(401);
    expect(f.h.rawLogs.some((l) => l.includes(genuine.split('hash=')[1]!))).toBe(false);
  });

  it('answers malformed query parameters with 400 and names what was expected', async () => {
    const initData = f.initData(secretary);
    for (const path of [
      '/api/class',
      '/api/class?id=abc',
      '/api/class?id=-1',
      '/api/class?id=1&id=2',
      '/api/overview?tag=',
      `/api/overview?q=${'x'.repeat(65)}`,
      '/api/overview?sort=name',
      '/api/charts?x=1',
    ]) {
      const answer = await json(path, { initData });
      expect(answer.status, path).toBe(400);
      expect(answer.body.error).toBe('bad_request');
      expect(typeof answer.body.detail).toBe('string');
    }
    expect((await json('/api/class?id=999999', { initData })).status).toBe(403);
    expect((await json('/api/nothing', { initData })).status).toBe(404);
  });
});

describe('dashboard: the xlsx download', () => {
  it('writes the filtered overview with the total line, for the secretary only', async () => {
    const response = await get(`/api/overview.xlsx?tag=${encodeURIComponent('2021级')}`, { initData: f.initData(secretary) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('党支部');
    expect(sheet.getRow(1).getCell(1).value).toBe('班级');
    const names = [2, 3].map((r) => sheet.getRow(r).getCell(1).value);
    expect(names.sort()).toEqual(['计科2101', '计科2102']);
    expect(String(sheet.getRow(4).getCell(1).value)).toBe('合计');
    expect((await get('/api/overview.xlsx', { initData: f.initData(student) })).status).toBe(403);
  });
});

describe('dashboard: the one-off download address for Telegram.WebApp.downloadFile', () => {
  const post = (path: string, initData?: string) =>
    fetch(`${f.base}${path}`, { method: 'POST', headers: initData ? { authorization: `tma ${initData}` } : {} });
  /** The address Telegram would fetch, on this machine: WEB_APP_URL's path and query against the test server. */
  const local = (url: string) => `${f.base}/${url.slice(WEB_APP_URL.length)}`;
  async function makeLink(user = secretary, query = ''): Promise<{ url: string; fileName: string }> {
    const response = await post(`/api/overview.xlsx/link${query}`, f.initData(user));
    expect(response.status).toBe(200);
    return (await response.json()) as { url: string; fileName: string };
  }

  it('serves the filtered xlsx once, to whoever holds the address, with an ASCII and a UTF-8 file name', async () => {
    const link = await makeLink(secretary, `?tag=${encodeURIComponent('2021级')}`);
    expect(link.url).toMatch(new RegExp(`^${WEB_APP_URL}api/download\\?token=[A-Za-z0-9_-]{43}$`));
    expect(link.fileName).toBe('支部概览-2026-12-02.xlsx');
    const token = new URL(link.url).searchParams.get('token')!;
    // only the hash is stored
    const rows = await t.db.selectFrom('dashboard_downloads').select('token_hash').execute();
    expect(rows.map((r) => r.token_hash)).toContain(hashOneTimeCode(token));
    expect(rows.map((r) => r.token_hash)).not.toContain(token);

    const head = await fetch(local(link.url), { method: 'HEAD' });
    expect(head.status).toBe(200); // a HEAD does not spend it
    const response = await fetch(local(link.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="overview-2026-12-02.xlsx"; filename*=UTF-8''${encodeURIComponent('支部概览-2026-12-02.xlsx')}`,
    );
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.subarray(0, 2).toString('latin1')).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    const names = [2, 3].map((r) => workbook.worksheets[0]!.getRow(r).getCell(1).value);
    expect(names.sort()).toEqual(['计科2101', '计科2102']);
    expect(String(workbook.worksheets[0]!.getRow(4).getCell(1).value)).toBe('合计');

    const again = await fetch(local(link.url));
    expect(again.status).toBe(410);
    expect(await again.json()).toMatchObject({ error: 'download_link_used', detail: expect.stringContaining('already been used') });
  });

  it('names the file in English for an English viewer and covers only their classes', async () => {
    const link = await makeLink(liaisonB);
    expect(link.fileName).toBe('Branch overview-2026-12-02.xlsx');
    const response = await fetch(local(link.url));
    expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''Branch%20overview-2026-12-02.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getRow(2).getCell(1).value).toBe('软工2201');
    expect(String(workbook.worksheets[0]!.getRow(3).getCell(1).value)).toBe('Total');
  });

  it('refuses another viewer without spending the address; refuses forged, malformed and expired tokens with no data', async () => {
    const link = await makeLink(secretary);
    const other = await fetch(local(link.url), { headers: { authorization: `tma ${f.initData(liaisonA)}` } });
    expect(other.status).toBe(403);
    expect(await other.json()).toMatchObject({ error: 'not_your_download' });
    expect((await fetch(local(link.url), { headers: { authorization: `tma ${f.initData(secretary)}` } })).status).toBe(200);

    const forged = await fetch(`${f.base}/api/download?token=${'A'.repeat(43)}`);
    expect(forged.status).toBe(401);
    expect(forged.headers.get('content-type')).toContain('json');
    expect(await forged.json()).toMatchObject({ error: 'download_link_invalid' });
    for (const path of ['/api/download', '/api/download?token=short', `/api/download?token=${'A'.repeat(43)}&token=${'B'.repeat(43)}`]) {
      expect((await fetch(`${f.base}${path}`)).status, path).toBe(400);
    }

    const late = await makeLink(secretary);
    f.clock.advance(5 * 60_000 + 1000);
    try {
      const expired = await fetch(local(late.url));
      expect(expired.status).toBe(410);
      expect(await expired.json()).toMatchObject({ error: 'download_link_expired' });
    } finally {
      f.clock.set(new Date(f.clock.now().getTime() - (5 * 60_000 + 1000)));
    }
  });

  it('has no address to give without WEB_APP_URL (503: the page falls back to the direct download)', async () => {
    const logger = createLogger('silent');
    const config = { botToken: f.h.api.token, timeZone: 'Asia/Shanghai', web: { appUrl: null } };
    const server = createDashboardServer(createDashboardHandler({ db: t.db, clock: f.clock, logger, config }), 0, logger);
    const port = await server.listen();
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/overview.xlsx/link`, {
        method: 'POST',
        headers: { authorization: `tma ${f.initData(secretary)}` },
      });
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ error: 'no_web_app_url' });
    } finally {
      await server.close();
    }
  });

  it('makes addresses only for a signed-in secretary or liaison, by POST', async () => {
    expect((await post('/api/overview.xlsx/link')).status).toBe(401);
    expect((await post('/api/overview.xlsx/link', f.initData(student))).status).toBe(403);
    expect((await post('/api/overview.xlsx/link?tag=', f.initData(secretary))).status).toBe(400);
    const viaGet = await get('/api/overview.xlsx/link', { initData: f.initData(secretary) });
    expect(viaGet.status).toBe(405);
    expect(viaGet.headers.get('allow')).toBe('POST');
    expect((await post('/api/overview', f.initData(secretary))).status).toBe(405);
  });
});

describe('dashboard: the one-time login link', () => {
  // the command's work (the CLI's `dashboard link` calls it with its own database; here the test's, which may be a schema or in memory)
  async function link(person: number) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runDashboardLink(t.db, f.clock, person, WEB_APP_URL, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out, err };
  }

  it('checks the command line before opening a database', async () => {
    for (const argv of [
      ['dashboard', 'link'],
      ['dashboard', 'link', '--person', 'abc'],
      ['dashboard', 'link', '--person=-5'],
    ]) {
      const err: string[] = [];
      expect(await runCli(argv, {}, { out: () => undefined, err: (l) => err.push(l) })).toBe(2);
      expect(err.join('\n')).toContain('dashboard link needs --person TELEGRAM_USER_ID');
    }
  });

  it('opens a session cookie once; the replayed link is refused', async () => {
    const made = await link(secretary.id);
    expect(made.code).toBe(0);
    const url = new URL(made.out[1]!);
    expect(url.origin + url.pathname).toBe(`${WEB_APP_URL}login`);
    const first = await get(`/login${url.search}`);
    expect(first.status).toBe(303);
    const cookie = first.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^dashboard_session=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=43200; HttpOnly; Secure; SameSite=Lax$/);
    const session = cookie.split(';')[0]!;
    expect(await json('/api/me', { cookie: session })).toMatchObject({ status: 200, body: { name: '王书记', secretary: true } });
    const replay = await get(`/login${url.search}`);
    expect(replay.status).toBe(401);
    expect(replay.headers.get('set-cookie')).toBeNull();
    expect(await replay.text()).toContain('登录链接已失效');
    expect((await json('/api/me', { cookie: 'dashboard_session=forged-session-token' })).status).toBe(401);
  });

  it('expires after 10 minutes, and is refused for a student', async () => {
    const made = await link(liaisonA.id);
    f.clock.advance(10 * 60_000 + 1000);
    try {
      expect((await get(`/login${new URL(made.out[1]!).search}`)).status).toBe(401);
    } finally {
      f.clock.set(new Date(f.clock.now().getTime() - (10 * 60_000 + 1000)));
    }
    const refused = await link(student.id);
    expect(refused.code).toBe(1);
    expect(refused.err.join('\n')).toContain('has no role the dashboard is for');
    expect((await get('/login?code=short')).status).toBe(401);
  });
});

describe('dashboard: the menu button', () => {
  it('is set to the web app in the private chats of the secretary and the liaisons, not the student', async () => {
    const buttons = f.h.api.calls.filter((c) => c.method === 'setChatMenuButton');
    const chats = buttons.map((c) => Number(c.params.chat_id)).sort();
    expect(chats).toEqual([secretary.id, liaisonA.id, liaisonB.id].sort());
    expect(buttons.find((c) => Number(c.params.chat_id) === secretary.id)!.params.menu_button).toEqual({
      type: 'web_app',
      text: '支部概览',
      web_app: { url: WEB_APP_URL },
    });
  });
});

describe('dashboard: reached from the chat and the webhook server', () => {
  it('puts an "open the dashboard" button under /overview', async () => {
    const since = f.h.api.mark();
    await conversation(f.h).private(secretary, '/overview');
    const reply = f.h.api.calls.slice(since).find((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === secretary.id)!;
    const rows = (reply.params.reply_markup as { inline_keyboard: Array<Array<Record<string, unknown>>> }).inline_keyboard;
    expect(rows.at(-1)).toEqual([{ text: '📊 打开支部概览', web_app: { url: WEB_APP_URL } }]);
  });

  it('is served by the webhook server in webhook mode, beside the webhook path', async () => {
    const api = await startFakeBotApi();
    const probe = createServer().listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve)); // a port just free
    const hook = await startHarness({
      db: t.db,
      api,
      clock: f.clock,
      env: { BOT_MODE: 'webhook', WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/hook`, WEBHOOK_PORT: String(port), WEBHOOK_SECRET: 'hook_secret' },
    });
    try {
      expect(hook.app.webPort).toBe(port);
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<script defer src="app.js"></script>');
      const initData = signInitData(
        { user: JSON.stringify({ id: secretary.id, first_name: '王书记' }), auth_date: String(Math.floor(f.clock.now().getTime() / 1000)) },
        api.token,
      );
      const me = await fetch(`http://127.0.0.1:${port}/api/me`, { headers: { authorization: `tma ${initData}` } });
      expect(me.status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/elsewhere`)).status).toBe(404);
    } finally {
      await hook.stop();
      await api.close();
    }
  });
});

describe('initData', () => {
  it('signs exactly as the documented data-check-string', async () => {
    const { createHmac } = await import('node:crypto');
    const token = '123456:ABC-token';
    const signed = new URLSearchParams(signInitData({ user: '{"id":1,"first_name":"A"}', auth_date: '1700000000', query_id: 'Q' }, token));
    const dataCheckString = 'auth_date=1700000000\nquery_id=Q\nuser={"id":1,"first_name":"A"}';
    const secret = createHmac('sha256', 'WebAppData').update(token).digest();
    expect(signed.get('hash')).toBe(createHmac('sha256', secret).update(dataCheckString).digest('hex'));
  });
});

describe('dashboard: housekeeping', () => {
  it('deletes expired login codes, sessions and download tokens on its schedule and keeps the live ones', async () => {
    const start = f.clock.now();
    const person = (await t.db.selectFrom('people').where('telegram_user_id', '=', secretary.id).select('id').executeTakeFirstOrThrow()).id;
    const unused = await createLoginCode(t.db, person, start);
    const spent = await createLoginCode(t.db, person, start);
    const session = (await redeemLoginCode(t.db, spent.code, start))!;
    const download = await createDownloadToken(t.db, { personId: person, filter: {}, language: 'zh' }, start);
    const hashes = async () => ({
      codes: await t.db.selectFrom('dashboard_login_codes').select(['code_hash', 'expires_at']).execute(),
      sessions: await t.db.selectFrom('dashboard_sessions').select(['token_hash', 'expires_at']).execute(),
      downloads: await t.db.selectFrom('dashboard_downloads').select(['token_hash', 'expires_at']).execute(),
    });
    const all = (rows: Awaited<ReturnType<typeof hashes>>) => [...rows.codes, ...rows.sessions, ...rows.downloads];
    try {
      f.clock.advance(20 * 60_000); // codes (10 min) and the download token (5 min) are past their time; the session (12 h) is not
      const fresh = await createLoginCode(t.db, person, f.clock.now());
      expect((await hashes()).codes.map((r) => r.code_hash)).toContain(hashOneTimeCode(unused.code));
      expect((await f.h.app.scheduler.tick())['dashboard.housekeeping']).toBe('ran');
      let rows = await hashes();
      expect(rows.codes.map((r) => r.code_hash)).toEqual([hashOneTimeCode(fresh.code)]);
      expect(rows.downloads.map((r) => r.token_hash)).not.toContain(hashOneTimeCode(download.token));
      expect(rows.sessions.map((r) => r.token_hash)).toContain(hashOneTimeCode(session.token));
      expect(all(rows).every((r) => r.expires_at > f.clock.now())).toBe(true);
      expect((await json('/api/me', { cookie: `dashboard_session=${session.token}` })).status).toBe(200);

      f.clock.advance(12 * 3600_000);
      expect((await f.h.app.scheduler.tick())['dashboard.housekeeping']).toBe('ran');
      rows = await hashes();
      expect(all(rows)).toEqual([]);
    } finally {
      f.clock.set(start);
    }
  });
});
