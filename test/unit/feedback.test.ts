import { describe, expect, it } from 'vitest';
import { createConfig } from '../../src/config/config.js';
import { shuffle } from '../../src/features/feedback/queue.js';
import { hasMessageLink, linkOf, parseMessageLink } from '../../src/features/feedback/reports.js';
import { shownTime } from '../../src/features/feedback/time.js';
import { openText, parseSealKey, sealText } from '../../src/inbox/sealed.js';
import { neutralise, toCsv } from '../../src/shared/spreadsheet.js';

const HEX = 'a1'.repeat(32);

describe('the key: FEEDBACK_KEY and INBOX_KEY are one', () => {
  it('takes either name, and refuses two different values', () => {
    expect(createConfig({ BOT_TOKEN: '1:a', FEEDBACK_KEY: HEX })).toMatchObject({ ok: true, config: { inboxKey: HEX } });
    expect(createConfig({ BOT_TOKEN: '1:a', INBOX_KEY: HEX, FEEDBACK_KEY: HEX })).toMatchObject({ ok: true, config: { inboxKey: HEX } });
    const both = createConfig({ BOT_TOKEN: '1:a', INBOX_KEY: HEX, FEEDBACK_KEY: 'b2'.repeat(32) });
    expect(both.ok).toBe(false);
    expect(!both.ok && both.problems.join('\n')).toContain('FEEDBACK_KEY and INBOX_KEY are two names of one key');
    const bad = createConfig({ BOT_TOKEN: '1:a', FEEDBACK_KEY: 'short' });
    expect(!bad.ok && bad.problems.join('\n')).toContain('FEEDBACK_KEY must be 32 random bytes');
  });

  it('seals text to one context: it does not open in another, nor under another key', () => {
    const key = parseSealKey(HEX)!;
    const sealed = sealText(key, 'feedback-draft:7', '{"text":"x"}');
    expect(sealed).not.toContain('text');
    expect(openText(key, 'feedback-draft:7', sealed)).toBe('{"text":"x"}');
    expect(openText(key, 'feedback-draft:8', sealed)).toBeNull();
    expect(openText(parseSealKey('b2'.repeat(32))!, 'feedback-draft:7', sealed)).toBeNull();
    expect(openText(key, 'feedback-draft:7', 'garbage')).toBeNull();
  });
});

describe('message links', () => {
  it('reads t.me/c links (with a topic, with or without https) and the reason after them', () => {
    expect(parseMessageLink('https://t.me/c/1234567/89 辱骂同学')).toEqual({ telegramChatId: -1001234567, messageId: 89, rest: '辱骂同学' });
    expect(parseMessageLink('t.me/c/1234567/5/89')).toEqual({ telegramChatId: -1001234567, messageId: 89, rest: '' });
    expect(parseMessageLink('see https://t.me/c/1234567/89')).toBeNull();
    expect(parseMessageLink('https://t.me/somegroup/89')).toBeNull();
    expect(hasMessageLink('看这个 https://t.me/c/1/2')).toBe(true);
    expect(linkOf(-1001234567, 89)).toBe('https://t.me/c/1234567/89');
    expect(linkOf(-5001, 89)).toBeNull();
  });
});

describe('spreadsheet cells', () => {
  it('neutralises formula-like cells and writes CSV with a BOM', () => {
    for (const bad of ['=1+1', '+86', '-2', '@SUM(A1)', '\tx', '\rx']) expect(neutralise(bad)).toBe(`'${bad}`);
    expect(neutralise('学习')).toBe('学习');
    const file = toCsv({ name: 'x', header: ['a', 'b'], rows: [['=cmd', 'say "hi"\nthere']] });
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.subarray(3).toString('utf8')).toBe('a,b\r\n\'=cmd,"say ""hi""\nthere"\r\n');
  });
});

describe('batches', () => {
  it('shuffles every order about as often (a uniform permutation)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 6000; i++) {
      const key = shuffle([0, 1, 2]).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const n of counts.values()) expect(n).toBeGreaterThan(800);
  });

  it('shows liaisons the batch’s hour, or only its date in a class of fewer than 8 registered members', () => {
    const at = new Date('2026-12-01T03:00:00Z');
    expect(shownTime(at, 'Asia/Shanghai', 8)).toBe('2026-12-01 11:00');
    expect(shownTime(at, 'Asia/Shanghai', 7)).toBe('2026-12-01');
  });
});
