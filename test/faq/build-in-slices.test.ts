import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFaqFile } from '../../src/features/faq/kb-file.js';
import { FaqMatcher } from '../../src/features/faq/matcher.js';
import type { FaqEntry } from '../../src/features/faq/schemas.js';
import { atOnce, inSlices, type Sliced } from '../../src/shared/slices.js';

const parsed = parseFaqFile(readFileSync(new URL('../../db/faq/faq.yaml', import.meta.url), 'utf8'));
if (!parsed.ok) throw new Error('db/faq/faq.yaml is invalid');
// a copy of each entry with other words, so the base is new to this process (no model kept from another test)
const entries: FaqEntry[] = parsed.entries.map((e) => ({ ...e, questions: [...e.questions, `请问${e.title}`] }));

function* counting(steps: number, seen: number[]): Sliced<number> {
  for (let i = 0; i < steps; i++) {
    seen.push(i);
    yield;
  }
  return steps;
}

describe('work in slices', () => {
  it('runs to the same end at once or in slices', async () => {
    const a: number[] = [];
    const b: number[] = [];
    expect(atOnce(counting(5, a))).toBe(5);
    expect(await inSlices(counting(5, b), 0)).toBe(5);
    expect(b).toEqual(a);
  });

  it('lets the event loop in between slices', async () => {
    const order: string[] = [];
    const work = inSlices(counting(3, []), 0).then(() => order.push('work done'));
    setImmediate(() => order.push('other update'));
    await work;
    expect(order).toEqual(['other update', 'work done']);
  });
});

describe('building the FAQ matcher in slices', () => {
  it('gives the same matches as building it at once, while timers keep running', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const sliced = await FaqMatcher.build(entries);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(2);
    const atOnceBuilt = new FaqMatcher(entries);
    for (const q of ['入党申请书怎么写', '党费交多少', '我信佛可以入党吗', '食堂几点关门', '预备期可以延长吗', 'how long is probation']) {
      expect(sliced.match(q)).toEqual(atOnceBuilt.match(q));
    }
  });
});
