import { readFileSync } from 'node:fs';
import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { HomophoneMender, readingOf, simplified } from '../../src/features/faq/spelling.js';

const HAN = /\p{Script=Han}/u;

describe('FAQ spelling: readings and homophone slips', () => {
  it('the shipped reading table (scripts/gen-readings.mjs) reads every character of the knowledge base and the test sets as pinyin-pro does', () => {
    const text = ['../../db/faq/faq.yaml', '../faq/dev-set.tsv', '../faq/holdout.tsv'].map((f) => readFileSync(new URL(f, import.meta.url), 'utf8')).join('');
    const chars = [...new Set([...text].filter((c) => HAN.test(c)))];
    expect(chars.length).toBeGreaterThan(1000);
    const differing = chars.filter((c) => readingOf(c) !== pinyin(c, { toneType: 'none' }));
    expect(differing).toEqual([]);
    expect(readingOf('党')).toBe('dang');
    expect(readingOf('a')).toBe('a');
  });

  it('mends slips of domain words typed with a pinyin keyboard, and leaves real words alone', () => {
    const mender = new HomophoneMender(['申请书', '积极分子', '党费', '党校', '团员']);
    expect(mender.mend('入党申情书怎么写')).toBe('入党申请书怎么写');
    expect(mender.mend('积级分子要多久')).toBe('积极分子要多久');
    expect(mender.mend('党效什么时候开课')).toBe('党校什么时候开课');
    // two-character words only with 党 on both sides: 团圆 is a word of its own
    expect(mender.mend('中秋团圆')).toBe('中秋团圆');
    expect(simplified('積極分子')).toBe('积极分子');
  });
});
