import { describe, expect, it } from 'vitest';
import { zh } from '../../src/i18n/catalog/zh.js';
import { en } from '../../src/i18n/catalog/en.js';
import { html, mention } from '../../src/i18n/html.js';
import { t } from '../../src/i18n/i18n.js';
import { languageFromTelegram } from '../../src/i18n/language.js';
import { splitForTelegram } from '../../src/telegram/reply.js';

describe('i18n', () => {
  it('escapes every parameter unless it is prebuilt HTML', () => {
    expect(t('zh', 'bind.notFound', { class: '<b>&x</b>' })).toBe('在你负责的班级中没有找到“&lt;b&gt;&amp;x&lt;/b&gt;”。发送 /whoami 可以查看你负责的班级。');
    expect(t('en', 'liaisons.list', { class: 'A"B', names: mention(5, '<i>Li</i>') })).toContain(
      '<b>A&quot;B</b>:\n<a href="tg://user?id=5">&lt;i&gt;Li&lt;/i&gt;</a>',
    );
    expect(t('en', 'error.notAllowed', { who: html('<u>x</u>') })).toBe('Sorry, only the <u>x</u> can use this command.');
  });

  it('speaks Chinese by default and English to English Telegram users', () => {
    expect(languageFromTelegram(undefined)).toBe('zh');
    expect(languageFromTelegram('zh-hans')).toBe('zh');
    expect(languageFromTelegram('ru')).toBe('zh');
    expect(languageFromTelegram('en')).toBe('en');
    expect(languageFromTelegram('en-GB')).toBe('en');
  });

  it('has the same placeholders in both catalogs', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zh) as Array<keyof typeof zh>) expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
  });

  it('splits long replies on line ends under the Telegram limit', () => {
    const text = Array.from({ length: 500 }, (_, i) => `第 ${i} 行：计科2101 联络员 张三、李四`).join('\n');
    const parts = splitForTelegram(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(4096);
    expect(parts.join('\n')).toBe(text);
    expect(splitForTelegram('short')).toEqual(['short']);
  });
});
