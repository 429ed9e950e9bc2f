/// <reference lib="dom" />
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDashboardLink } from '../../src/features/dashboard/cli.js';
import { liaisonA, liaisonB, secretary, startDashboardFixture, student, WEB_APP_URL, type DashboardFixture } from '../support/dashboard-fixture.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

/**
 * The dashboard in a real headless Chromium (Debian's chromium package; .ci/run installs it). Telegram's
 * own script cannot load here (no network): the page gets initData from the URL's #tgWebAppData, as
 * Telegram passes it, or from a Telegram.WebApp object put in place before the page loads.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`dashboard browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const LIGHT = {
  bg_color: '#ffffff',
  text_color: '#000000',
  hint_color: '#707579',
  link_color: '#3390ec',
  button_color: '#3390ec',
  button_text_color: '#ffffff',
  secondary_bg_color: '#f4f4f5',
};

let t: TestDb;
let f: DashboardFixture;
let profile: string;
let browser: BrowserContext;

describe.skipIf(!haveChromium)('dashboard in headless Chromium', () => {
  beforeAll(async () => {
    t = await openTestDb();
    f = await startDashboardFixture(t);
    profile = mkdtempSync(join(tmpdir(), 'cpa-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      acceptDownloads: true,
      viewport: { width: 1280, height: 900 },
      locale: 'zh-CN',
    });
    // nothing leaves the machine: Telegram's script (and anything else outside) fails at once
    await browser.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await f?.h.stop();
    await t?.close();
  });

  const launchUrl = (initData: string) =>
    `${f.base}/#tgWebAppData=${encodeURIComponent(initData)}&tgWebAppVersion=8.0&tgWebAppPlatform=tdesktop&tgWebAppThemeParams=${encodeURIComponent(JSON.stringify(LIGHT))}`;

  async function open(url: string): Promise<Page> {
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(url);
    return page;
  }

  const rowsOf = (page: Page) => page.locator('[data-testid=overview] tbody tr');

  it('shows the secretary the table, the charts, a filter, a class page and the xlsx download', async () => {
    const page = await open(launchUrl(f.initData(secretary)));
    await expect.poll(() => rowsOf(page).count(), { timeout: 15_000 }).toBe(3);
    expect(await page.locator('[data-testid=total]').innerText()).toContain('合计');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    // each chart drew on its canvas
    for (const chart of ['chart-ack', 'chart-timeliness', 'chart-funnel', 'chart-faq']) {
      await expect.poll(() => page.locator(`[data-testid=${chart}] canvas`).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    }
    const drawn = await page
      .locator('[data-testid=chart-ack] canvas')
      .first()
      .evaluate((canvas: HTMLCanvasElement) => {
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let painted = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
        return painted;
      });
    expect(drawn).toBeGreaterThan(500);
    // the Telegram theme reached the CSS variables
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--tg-theme-link-color').trim())).toBe('#3390ec');

    mkdirSync('bench/results', { recursive: true });
    await page.screenshot({ path: 'bench/results/dashboard.png', fullPage: true });

    // sort by applicants (descending on the first press)
    await page.locator('th[data-sort=applicants]').click();
    const applicants = await rowsOf(page).evaluateAll((rows) => rows.map((r) => Number(r.children[7]!.textContent)));
    expect(applicants).toEqual([...applicants].sort((a, b) => b - a));

    await page.selectOption('[data-testid=tag-filter]', '2022级');
    await expect.poll(() => rowsOf(page).count()).toBe(1);
    expect(await rowsOf(page).first().innerText()).toContain('软工2201');
    expect(await page.locator('[data-testid=total]').innerText()).toContain('1 个班级');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download]')]);
    const file = join(profile, 'overview.xlsx');
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(2).getCell(1).value).toBe('软工2201');
    expect(String(sheet.getRow(3).getCell(1).value)).toBe('合计');

    await page.selectOption('[data-testid=tag-filter]', '');
    await page.fill('[data-testid=search]', 'cs2102');
    // the table of the tag filter also has one row: wait for the searched one (the search reloads after 250 ms)
    await expect.poll(() => rowsOf(page).allInnerTexts()).toEqual([expect.stringContaining('计科2102')]);
    await rowsOf(page).first().click();
    await expect.poll(() => page.locator('[data-testid=class-title]').innerText()).toContain('计科2102');
    expect(await page.locator('body').innerText()).toContain('发展党员名册');
    await page.close();
  }, 90_000);

  it('shows a liaison only their classes, in a dark theme from the Telegram.WebApp object', async () => {
    const page = await browser.newPage();
    const initData = f.initData(liaisonA);
    await page.addInitScript(
      ([data]) => {
        (window as unknown as { Telegram: unknown }).Telegram = {
          WebApp: { initData: data, colorScheme: 'dark', themeParams: { bg_color: '#17212b', text_color: '#f5f5f5' }, ready() {}, expand() {} },
        };
      },
      [initData],
    );
    await page.goto(`${f.base}/`);
    await expect.poll(() => rowsOf(page).count(), { timeout: 15_000 }).toBe(2);
    expect((await rowsOf(page).allInnerTexts()).join('\n')).not.toContain('软工2201');
    expect(await page.evaluate(() => document.documentElement.dataset.scheme)).toBe('dark');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(23, 33, 43)');
    await page.close();
  }, 60_000);

  it('downloads the xlsx through Telegram.WebApp.downloadFile inside Telegram: a one-off address that serves once', async () => {
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    let browserDownloads = 0;
    page.on('download', () => browserDownloads++);
    await page.addInitScript(
      ([data]) => {
        const calls: unknown[] = [];
        (window as unknown as { downloadCalls: unknown[] }).downloadCalls = calls;
        (window as unknown as { Telegram: unknown }).Telegram = {
          WebApp: {
            initData: data,
            version: '8.0',
            isVersionAtLeast: () => true,
            ready() {},
            expand() {},
            downloadFile: (params: unknown) => calls.push(params),
          },
        };
      },
      [f.initData(secretary)],
    );
    await page.goto(`${f.base}/`);
    await expect.poll(() => rowsOf(page).count(), { timeout: 15_000 }).toBe(3);
    await page.selectOption('[data-testid=tag-filter]', '2022级');
    await expect.poll(() => rowsOf(page).count()).toBe(1);
    const calls = () => page.evaluate(() => (window as unknown as { downloadCalls: Array<{ url: string; file_name: string }> }).downloadCalls);
    await page.click('[data-testid=download]');
    await expect.poll(async () => (await calls()).length, { timeout: 10_000 }).toBe(1);
    const [call] = await calls();
    expect(call!.file_name).toBe('支部概览-2026-12-02.xlsx');
    expect(call!.url.startsWith(`${WEB_APP_URL}api/download?token=`)).toBe(true);
    expect(browserDownloads).toBe(0); // no blob download inside Telegram

    // what Telegram would fetch, on this machine
    const address = `${f.base}/${call!.url.slice(WEB_APP_URL.length)}`;
    const first = await fetch(address);
    expect(first.status).toBe(200);
    const file = Buffer.from(await first.arrayBuffer());
    expect(file.subarray(0, 2).toString('latin1')).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getRow(2).getCell(1).value).toBe('软工2201');
    const second = await fetch(address);
    expect(second.status).toBe(410);
    expect((await second.text()).startsWith('PK')).toBe(false);

    // a forged token and an expired address get no data
    const forged = await fetch(`${f.base}/api/download?token=${'x'.repeat(43)}`);
    expect(forged.status).toBe(401);
    expect(await forged.text()).toContain('download_link_invalid');
    await page.click('[data-testid=download]');
    await expect.poll(async () => (await calls()).length, { timeout: 10_000 }).toBe(2);
    const late = (await calls())[1]!;
    f.clock.advance(6 * 60_000);
    try {
      const expired = await fetch(`${f.base}/${late.url.slice(WEB_APP_URL.length)}`);
      expect(expired.status).toBe(410);
      expect(await expired.text()).toContain('download_link_expired');
    } finally {
      f.clock.set(new Date(f.clock.now().getTime() - 6 * 60_000));
    }
    await page.close();
  }, 60_000);

  it('answers in English for an English Telegram', async () => {
    const page = await open(launchUrl(f.initData(liaisonB)));
    await expect.poll(() => rowsOf(page).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('h1').innerText()).toContain('Branch overview');
    await page.close();
  }, 60_000);

  it('gives a student the polite "for the branch" page and no data', async () => {
    const page = await open(launchUrl(f.initData(student)));
    await expect.poll(() => page.locator('[data-testid=for-branch]').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('body').innerText()).toContain('只对支部书记和各班联络员开放');
    expect(await page.locator('table').count()).toBe(0);
    await page.close();
  }, 60_000);

  it('gives forged and expired initData nothing', async () => {
    const genuine = f.initData(secretary);
    const forged = genuine
      .replace(encodeURIComponent('王书记'), encodeURIComponent('假书记'))
      .replace(encodeURIComponent('"id":101'), encodeURIComponent('"id":201'));
    const expired = f.initData(secretary, { authDate: new Date(f.clock.now().getTime() - 2 * 3600_000) });
    for (const [initData, text] of [
      [forged, '请从 Telegram 打开'],
      [expired, '登录信息已过期'],
    ] as const) {
      const page = await open(launchUrl(initData));
      await expect.poll(() => page.locator('[data-testid=sign-in]').count(), { timeout: 15_000 }).toBe(1);
      expect(await page.locator('body').innerText()).toContain(text);
      expect(await page.locator('table').count()).toBe(0);
      await page.close();
    }
  }, 60_000);

  it('opens a one-time login link once in a desktop browser; the replayed link is refused', async () => {
    const out: string[] = [];
    expect(await runDashboardLink(t.db, f.clock, secretary.id, WEB_APP_URL, { out: (l) => out.push(l), err: () => undefined })).toBe(0);
    const path = new URL(out[1]!).search;
    const page = await open(`${f.base}/login${path}`);
    await expect.poll(() => rowsOf(page).count(), { timeout: 15_000 }).toBe(3);
    await page.close();
    const again = await browser.newPage();
    const response = await again.goto(`${f.base}/login${path}`);
    expect(response!.status()).toBe(401);
    expect(await again.locator('body').innerText()).toContain('登录链接已失效');
    await again.close();
  }, 60_000);
});
