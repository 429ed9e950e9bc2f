import { readFileSync } from 'node:fs';
import { Converter } from 'opencc-js/t2cn';
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

  it('the shipped simplified table (scripts/gen-simplified.mjs) turns every line of the knowledge base and the test sets into what OpenCC makes of it', () => {
    const opencc = Converter({ from: 'tw', to: 'cn' });
    const files = [
      '../../db/faq/faq.yaml',
      ...['dev-set', 'holdout', 'outsider-check', 'outsider-check-2', 'outsider-check-3', 'tuning-b'].map((f) => `../faq/${f}.tsv`),
    ];
    const lines = files.flatMap((f) => readFileSync(new URL(f, import.meta.url), 'utf8').split('\n'));
    expect(lines.filter((l) => opencc(l) !== l).length).toBeGreaterThan(40); // lines with traditional characters
    // OpenCC alone turns some 么 into 幺 (a misspelt 怎么, 神么; a question's 么 after 档); the table leaves simplified characters alone
    const differing = lines.filter((l) => simplified(l) !== opencc(l));
    expect(differing).toEqual(['      - 挂过一门高数还能入档么😢', 'thought-report\t思想汇报写神么']);
    expect(differing.every((l) => opencc(l) === l.replace('么', '幺'))).toBe(true);
    expect(simplified('請問入黨申請書怎麼寫')).toBe('请问入党申请书怎么写');
  });

  it('mends slips of domain words typed with a pinyin keyboard, and leaves real words alone', () => {
    const mender = new HomophoneMender(['申请书', '积极分子', '党费', '党校', '团员', '入党', '推优', '公示', '交纳', '党课', '党员']);
    expect(mender.mend('入党申情书怎么写')).toBe('入党申请书怎么写');
    expect(mender.mend('积级分子要多久')).toBe('积极分子要多久');
    expect(mender.mend('党效什么时候开课')).toBe('党校什么时候开课');
    // two characters that are no word together or with their neighbours
    expect(mender.mend('入当的基本条件是啥')).toBe('入党的基本条件是啥');
    expect(mender.mend('推忧是啥')).toBe('推优是啥');
    expect(mender.mend('公视一般贴在哪')).toBe('公示一般贴在哪');
    expect(mender.mend('党非一个月多少')).toBe('党费一个月多少');
    // real words, words with a neighbour, question words: left alone
    for (const kept of ['中秋团圆', '数学公式', '思想汇报要入档吗', '党小组长是干嘛的', '申请书该交哪', '谁想当课代表', '我不想当党员工作站的志愿者']) {
      expect(mender.mend(kept), kept).toBe(kept);
    }
    expect(simplified('積極分子')).toBe('积极分子');
  });
});
