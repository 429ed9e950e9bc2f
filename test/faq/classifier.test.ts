import { describe, expect, it } from 'vitest';
import { CHAT, EntryClassifier, type Labelled } from '../../src/features/faq/classifier.js';
import { atOnce, inSlices } from '../../src/shared/slices.js';

const examples: Labelled[] = [
  ...['党费 交多少', '党费 怎么交', '党费 标准', '交 党费 时间'].map((q) => ({ label: 'dues', terms: q.split(' ') })),
  ...['誓词 内容', '宣誓 仪式', '宣誓 誓词 背', '入党 宣誓 时间'].map((q) => ({ label: 'oath', terms: q.split(' ') })),
  ...['食堂 开门', '作业 交了', '今天 下雨', '晚上 开黑'].map((q) => ({ label: CHAT, terms: q.split(' ') })),
];

const trained = (x: readonly Labelled[]) => atOnce(EntryClassifier.training(x));

describe('the FAQ classifier', () => {
  it('learns which words tell the labels apart, and gives probabilities that add up to one', () => {
    const c = trained(examples);
    const dues = c.predict(['党费', '多少']);
    expect(dues.label).toBe('dues');
    expect(dues.p).toBeGreaterThan(0.8);
    expect(dues.of('dues')).toBe(dues.p);
    expect(dues.of('dues') + dues.of('oath') + dues.of(CHAT)).toBeCloseTo(1, 6);
    expect(dues.of('no-such-entry')).toBe(0);
    expect(c.predict(['誓词']).label).toBe('oath');
    expect(c.predict(['食堂', '下雨']).label).toBe(CHAT);
  });

  it('leaves out terms it never saw: they tell it nothing', () => {
    const c = trained(examples);
    const probabilities = (terms: string[]) => ['dues', 'oath', CHAT].map((l) => c.predict(terms).of(l));
    expect(probabilities(['量子', '力学'])).toEqual(probabilities([]));
    expect(probabilities(['党费', '量子'])).toEqual(probabilities(['党费']));
  });

  it('learns the same model in every process that builds it from the same examples', () => {
    const probabilities = (c: EntryClassifier) => ['dues', 'oath', CHAT].map((l) => c.predict(['党费', '宣誓']).of(l));
    expect(probabilities(trained([...examples]))).toEqual(probabilities(trained(examples)));
  });

  it('learns the same model in slices as at once', async () => {
    const probabilities = (c: EntryClassifier) => ['dues', 'oath', CHAT].map((l) => c.predict(['党费', '宣誓']).of(l));
    expect(probabilities(await inSlices(EntryClassifier.training(examples), 0))).toEqual(probabilities(trained(examples)));
  });
});
