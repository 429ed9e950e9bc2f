import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../../src/features/faq/bm25.js';

describe('the FAQ BM25 index', () => {
  const index = new Bm25Index();
  index.add(['党费', '多少'], 1);
  index.add(['党费', '党费', '怎么', '交'], 1);
  index.add(['宣誓', '时间'], 2);
  const one = () => 1;

  it('scores with BM25+ (k 1.2, b 0.7, d 0.5), the term weight and the document boost', () => {
    const [hit] = index.search(['宣誓'], (t) => (t === '宣誓' ? 3 : 1));
    const idf = Math.log(1 + (3 - 1 + 0.5) / (1 + 0.5));
    const average = (2 + 3 + 2) / 3; // distinct terms per document
    const bm25 = idf * (0.5 + (1 * 2.2) / (1 + 1.2 * (1 - 0.7 + (0.7 * 2) / average)));
    expect(hit).toEqual({ doc: 2, score: expect.closeTo(3 * 2 * bm25, 12), queryTerms: ['宣誓'] });
  });

  it('ranks by score, multiplied by how many distinct query terms a document matched; a term given twice adds its score again', () => {
    const hits = index.search(['党费', '多少'], one);
    expect(hits.map((h) => h.doc)).toEqual([0, 1]);
    expect(hits[0]!.queryTerms).toEqual(['党费', '多少']);
    const twice = index.search(['党费', '党费'], one);
    const once = index.search(['党费'], one);
    expect(twice[0]!.score).toBeCloseTo(2 * once[0]!.score, 12);
    expect(twice[0]!.queryTerms).toEqual(['党费']);
  });

  it('finds nothing for unknown or empty terms, and forgets one search before the next', () => {
    expect(index.search(['量子', ''], one)).toEqual([]);
    expect(index.search([], one)).toEqual([]);
    expect(index.search(['交'], one)).toEqual([{ doc: 1, score: expect.any(Number), queryTerms: ['交'] }]);
    expect(index.search(['交'], one)[0]!.queryTerms).toEqual(['交']);
  });
});
