/**
 * The FAQ's BM25 index: one field of terms per document, a boost per document, a weight per query
 * term. It scores exactly as MiniSearch 7 did with the matcher's options (BM25+ with k 1.2, b 0.7,
 * d 0.5; a document's score times how many distinct query terms it matched; ties in the order the
 * documents were first matched), so the calibrated thresholds still hold; but a search allocates a
 * few arrays instead of three objects per matching document, which MiniSearch's general results
 * (fields, prefixes, fuzzy terms, stored fields) cost on every question.
 */
const K = 1.2;
const B = 0.7;
const D = 0.5;

export interface Hit {
  doc: number;
  score: number;
  /** The distinct query terms the document matched, in query order. */
  queryTerms: string[];
}

export class Bm25Index {
  /** term → the documents that contain it (ascending) and how often. */
  private readonly postings = new Map<string, { docs: number[]; freqs: number[] }>();
  private readonly lengths: number[] = [];
  private readonly boosts: number[] = [];
  private averageLength = 0;
  /** Per document, scratch for one search (searches are synchronous). */
  private scores = new Float64Array(0);
  private termsOf: (string[] | undefined)[] = [];

  /** Adds a document; its id (in hits) is the number of documents added before it. */
  add(terms: readonly string[], boost: number): void {
    const doc = this.lengths.length;
    const length = new Set(terms).size;
    // the running average, as MiniSearch keeps it (the same rounding)
    this.averageLength = (this.averageLength * doc + length) / (doc + 1);
    this.lengths.push(length);
    this.boosts.push(boost);
    this.termsOf.push(undefined);
    for (const term of terms) {
      if (!term) continue;
      let posting = this.postings.get(term);
      if (!posting) this.postings.set(term, (posting = { docs: [], freqs: [] }));
      const last = posting.docs.length - 1;
      if (posting.docs[last] === doc) posting.freqs[last]!++;
      else {
        posting.docs.push(doc);
        posting.freqs.push(1);
      }
    }
  }

  /** The documents that contain any of the terms, best first; a term given twice counts twice (not for the distinct count). */
  search(query: readonly string[], weightOf: (term: string) => number): Hit[] {
    const n = this.lengths.length;
    if (this.scores.length < n) this.scores = new Float64Array(n);
    const touched: number[] = [];
    for (const term of query) {
      const posting = term ? this.postings.get(term) : undefined;
      if (!posting) continue;
      const matching = posting.docs.length;
      const idf = Math.log(1 + (n - matching + 0.5) / (matching + 0.5));
      const weight = weightOf(term);
      for (let i = 0; i < matching; i++) {
        const doc = posting.docs[i]!;
        const tf = posting.freqs[i]!;
        const bm25 = idf * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * this.lengths[doc]!) / this.averageLength)));
        const score = weight * 1 * this.boosts[doc]! * bm25;
        const terms = this.termsOf[doc];
        if (terms === undefined) {
          touched.push(doc);
          this.termsOf[doc] = [term];
          this.scores[doc] = score;
        } else {
          if (!terms.includes(term)) terms.push(term);
          this.scores[doc] = this.scores[doc]! + score;
        }
      }
    }
    const hits = touched.map((doc): Hit => {
      const queryTerms = this.termsOf[doc]!;
      this.termsOf[doc] = undefined;
      return { doc, score: this.scores[doc]! * queryTerms.length, queryTerms };
    });
    return hits.sort((a, b) => b.score - a.score);
  }
}
