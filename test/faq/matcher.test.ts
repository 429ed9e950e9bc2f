import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFaqFile } from '../../src/features/faq/kb-file.js';
import { FaqMatcher, THRESHOLDS, type MatchResult } from '../../src/features/faq/matcher.js';
import { normalise, terms } from '../../src/features/faq/text.js';
import { FAQ_FILE } from './setup.js';

const kb = parseFaqFile(readFileSync(FAQ_FILE, 'utf8'));
if (!kb.ok) throw new Error(JSON.stringify(kb.errors));
const matcher = new FaqMatcher(kb.entries);

interface Figures {
  answerable: number;
  answeredRight: number;
  answeredWrong: number;
  suggestedRight: number;
  /** Party questions no entry answers ("?"): a suggestion or a hand-off is right, an answer is not. */
  uncovered: number;
  uncoveredAnswered: number;
  offTopic: number;
  silent: number;
}

/** Reads slug<TAB>question lines ("a|b" = either is right, "?" = no entry answers it, "-" = off-topic) and scores the matcher on them. */
function evaluate(file: string): Figures {
  const f: Figures = { answerable: 0, answeredRight: 0, answeredWrong: 0, suggestedRight: 0, uncovered: 0, uncoveredAnswered: 0, offTopic: 0, silent: 0 };
  const lines = readFileSync(new URL(file, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'));
  for (const line of lines) {
    const [label, question] = line.split('\t') as [string, string];
    const r: MatchResult = matcher.match(question);
    if (label === '-') {
      f.offTopic++;
      if (r.outcome === 'none') f.silent++;
      continue;
    }
    if (label === '?') {
      f.uncovered++;
      if (r.outcome === 'answer') f.uncoveredAnswered++;
      continue;
    }
    const right = label.split('|');
    f.answerable++;
    if (r.outcome === 'answer') {
      if (right.includes(r.slug!)) f.answeredRight++;
      else f.answeredWrong++;
    } else if (r.outcome === 'suggest' && r.candidates.some((c) => right.includes(c.slug))) f.suggestedRight++;
  }
  return f;
}

const pct = (n: number, d: number) => Math.round((1000 * n) / d) / 10;

describe('FAQ matching accuracy', () => {
  it('does not regress on the labelled development set (thresholds were calibrated on it)', () => {
    const f = evaluate('./dev-set.tsv');
    console.info(
      `dev set: ${f.answerable} answerable, ${pct(f.answeredRight, f.answerable)}% answered right, ${pct(f.answeredWrong, f.answerable)}% answered wrong, ` +
        `${pct(f.answeredRight + f.suggestedRight, f.answerable)}% right answer or suggestion; ${f.offTopic} off-topic, ${pct(f.silent, f.offTopic)}% silent`,
    );
    expect(f.answerable).toBeGreaterThanOrEqual(130);
    expect(f.offTopic).toBeGreaterThanOrEqual(50);
    expect(f.answeredRight / f.answerable).toBeGreaterThanOrEqual(0.97);
    expect(f.answeredWrong).toBeLessThanOrEqual(2);
    expect(f.silent / f.offTopic).toBeGreaterThanOrEqual(0.97);
  });

  it('holds up on a held-out set that was not used to set the thresholds', () => {
    const f = evaluate('./holdout.tsv');
    console.info(
      `held-out: ${pct(f.answeredRight, f.answerable)}% answered right, ${pct(f.answeredRight + f.suggestedRight, f.answerable)}% right answer or suggestion, ${pct(f.silent, f.offTopic)}% off-topic silent`,
    );
    expect(f.answeredRight / f.answerable).toBeGreaterThanOrEqual(0.88);
    expect((f.answeredRight + f.suggestedRight) / f.answerable).toBeGreaterThanOrEqual(0.92);
    expect(f.silent / f.offTopic).toBeGreaterThanOrEqual(0.95);
  });

  it('gives the three outcomes, with suggestions only when unsure', () => {
    expect(matcher.match('入党申请书怎么写')).toMatchObject({ slug: 'application-letter', outcome: 'answer' });
    const unsure = matcher.match('谈话的时候会问我什么');
    expect(unsure.outcome).toBe('suggest');
    expect(unsure.score).toBeGreaterThanOrEqual(THRESHOLDS.suggest);
    expect(unsure.candidates.length).toBeGreaterThan(0);
    expect(unsure.candidates.length).toBeLessThanOrEqual(3);
    for (const q of ['食堂几点开门', '四级什么时候考', '作业交了吗', '哈哈哈', '', '   ', '？？？']) expect(matcher.match(q).outcome, q).toBe('none');
  });

  it('reads typos, synonyms and traditional characters', () => {
    expect(matcher.match('积极份子要考察多久').slug).toBe('activist-training');
    expect(matcher.match('怎么成为正式党员').slug).toBe('full-membership');
    expect(matcher.match('入黨申請書怎麼寫').slug).toBe('application-letter');
    expect(normalise('積極份子')).toBe('积极分子');
    expect(terms('预备党员转正', { lexicon: ['转正'] })).toEqual(expect.arrayContaining(['预备', '党员', '转正', 'k:转正']));
  });
});
