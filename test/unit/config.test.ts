import { describe, expect, it } from 'vitest';
import { createConfig, formatConfigProblems } from '../../src/config/config.js';

describe('createConfig', () => {
  it('defaults to polling on the embedded database in Asia/Shanghai', () => {
    expect(createConfig({ BOT_TOKEN: '123:abc' })).toEqual({
      ok: true,
      config: {
        botToken: '123:abc',
        database: { kind: 'pglite', dataDir: './data' },
        telegramApiRoot: 'https://api.telegram.org',
        timeZone: 'Asia/Shanghai',
        logLevel: 'info',
        defaultBranchName: '党支部',
        inboxKey: null,
        questionRetentionDays: 180,
        web: { port: null, appUrl: null },
        mode: { kind: 'polling' },
      },
    });
  });

  it('reads the dashboard settings and refuses a plain-http WEB_APP_URL', () => {
    expect(createConfig({ BOT_TOKEN: '123:abc', WEB_PORT: '8090', WEB_APP_URL: 'https://bot.example.edu/app/' })).toMatchObject({
      ok: true,
      config: { web: { port: 8090, appUrl: 'https://bot.example.edu/app/' } },
    });
    const bad = createConfig({ BOT_TOKEN: '123:abc', WEB_PORT: 'eighty', WEB_APP_URL: 'http://bot.example.edu/' });
    expect(bad.ok).toBe(false);
    const problems = bad.ok ? [] : bad.problems;
    expect(problems.some((p) => p.startsWith('WEB_PORT must be a port number'))).toBe(true);
    expect(problems.some((p) => p.startsWith('WEB_APP_URL must start with https://'))).toBe(true);
  });

  it('reads PostgreSQL and webhook settings', () => {
    const result = createConfig({
      BOT_TOKEN: '123:abc',
      DATABASE_URL: 'postgres://u:p@db:5432/bot',
      BOT_MODE: 'webhook',
      WEBHOOK_URL: 'https://bot.example.edu/tg',
      WEBHOOK_PORT: '9000',
      WEBHOOK_SECRET: 's3cret_-',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/',
    });
    expect(result).toMatchObject({
      ok: true,
      config: {
        database: { kind: 'postgres', url: 'postgres://u:p@db:5432/bot' },
        telegramApiRoot: 'http://127.0.0.1:8081',
        mode: { kind: 'webhook', url: 'https://bot.example.edu/tg', port: 9000, secret: 's3cret_-' },
      },
    });
  });

  it('names every bad variable at once', () => {
    const result = createConfig({ BOT_TOKEN: 'nonsense', LOG_LEVEL: 'loud', BOT_MODE: 'webhook', WEBHOOK_PORT: '70000', WEBHOOK_SECRET: 'has space' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const names = result.problems.map((p) => p.split(' ')[0]);
    expect(names).toEqual(['BOT_TOKEN', 'LOG_LEVEL', 'WEBHOOK_URL', 'WEBHOOK_PORT', 'WEBHOOK_SECRET']);
    expect(formatConfigProblems(result.problems)).toMatch(/^The bot cannot start/);
  });

  it('reads how long FAQ questions are kept, and refuses a nonsense value', () => {
    expect(createConfig({ BOT_TOKEN: '1:a', QUESTION_RETENTION_DAYS: '30' })).toMatchObject({ ok: true, config: { questionRetentionDays: 30 } });
    for (const bad of ['0', '-5', '1.5', 'half a year', '99999']) {
      const result = createConfig({ BOT_TOKEN: '1:a', QUESTION_RETENTION_DAYS: bad });
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.problems[0], bad).toMatch(/^QUESTION_RETENTION_DAYS must be/);
    }
  });

  it('refuses an unknown mode and treats empty values as unset', () => {
    expect(createConfig({ BOT_TOKEN: '1:a', BOT_MODE: 'push' })).toEqual({ ok: false, problems: ['BOT_MODE must be polling or webhook'] });
    expect(createConfig({ BOT_TOKEN: '1:a', DATABASE_URL: '', TZ: '' })).toMatchObject({
      ok: true,
      config: { database: { kind: 'pglite' }, timeZone: 'Asia/Shanghai' },
    });
  });
});
