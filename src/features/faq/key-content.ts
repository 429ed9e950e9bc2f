import { contentUnits, LEXICON_PREFIX, weakAnchorsIn } from './text.js';

/** A unit of what a question is about (炒股, 入团申请书, 党龄), with how much it says. */
export interface KeyUnit {
  unit: string;
  /** 1 to 2 for a unit some entries contain, the fewer the more; UNKNOWN_WEIGHT for one no entry contains. */
  weight: number;
  known: boolean;
}

export interface KeyCoverage {
  /** Weighted share of the question's key units the entry covers (1 when the question has none). */
  share: number;
  /** How many units it covers at least half. */
  covered: number;
  /** Covered weight, and the weight of units no entry contains. */
  got: number;
  unknown: number;
}

/** A unit in at least this share of the entries (入党, 党员, 申请书) says nothing about which entry is meant. */
const GENERIC_SHARE = 0.3;
/** A unit no entry contains is what the knowledge base cannot answer: it weighs as much as the rarest known one. */
const UNKNOWN_WEIGHT = 2;
/** A unit only an entry's answer mentions is half covered: an entry is about what its title, examples and keywords say. */
const ANSWER_ONLY = 0.5;
/** Units whose weight is remembered before the memory starts again. */
const MAX_REMEMBERED = 20_000;

const postingOf = (map: Map<string, number[]>, term: string) => map.get(term) ?? map.set(term, []).get(term)!;

/**
 * Which parts of a question an entry covers. The matcher's BM25 finds entries that share words with a
 * question; this says whether the best of them covers what the question is *about* — so that 「我信佛，
 * 可以入党吗」 is not answered by an entry that only shares 「可以入党吗」, and 「入团申请书怎么写」 not by the
 * entry about the 入党申请书.
 */
export class KeyContent {
  private readonly lexiconSet: Set<string>;
  private readonly slugs: string[];
  /** term → indexes (into `slugs`) of the entries whose head / head-or-answer contains it. */
  private readonly headPostings = new Map<string, number[]>();
  private readonly allPostings = new Map<string, number[]>();
  /** A unit's weight (null: generic) depends only on the knowledge base: remembered, up to a bound. */
  private readonly weights = new Map<string, { weight: number; known: boolean } | null>();

  /**
   * @param head  per entry, the terms of its title, example questions and keywords
   * @param all   per entry, those and the terms of its answer
   * @param keywordTerms  per entry, the terms of its keywords
   */
  constructor(
    private readonly lexicon: readonly string[],
    private readonly head: ReadonlyMap<string, Set<string>>,
    private readonly all: ReadonlyMap<string, Set<string>>,
    private readonly keywordTerms: ReadonlyMap<string, Set<string>>,
  ) {
    this.lexiconSet = new Set(lexicon);
    this.slugs = [...all.keys()];
    this.slugs.forEach((slug, i) => {
      for (const term of head.get(slug) ?? []) postingOf(this.headPostings, term).push(i);
      for (const term of all.get(slug) ?? []) postingOf(this.allPostings, term).push(i);
    });
  }

  /** The question's key units: its content units less those most entries contain. */
  units(question: string): KeyUnit[] {
    const out: KeyUnit[] = [];
    for (const unit of contentUnits(question, this.lexicon)) {
      const w = this.weightOf(unit);
      if (w) out.push({ unit, ...w });
    }
    return out;
  }

  private weightOf(unit: string): { weight: number; known: boolean } | null {
    const remembered = this.weights.get(unit);
    if (remembered !== undefined) return remembered;
    const n = Math.max(2, this.slugs.length);
    const df = this.entriesCovering(unit);
    const w = df / n >= GENERIC_SHARE ? null : { weight: df === 0 ? UNKNOWN_WEIGHT : 1 + Math.log(n / df) / Math.log(n), known: df > 0 };
    if (this.weights.size >= MAX_REMEMBERED) this.weights.clear();
    this.weights.set(unit, w);
    return w;
  }

  /** How many entries cover the unit at least half (as `coverage` says), from the postings instead of every entry. */
  private entriesCovering(unit: string): number {
    const hit = new Uint8Array(this.slugs.length);
    for (const map of [this.headPostings, this.allPostings]) for (const term of [unit, LEXICON_PREFIX + unit]) for (const i of map.get(term) ?? []) hit[i] = 1;
    const chars = [...unit];
    if (chars.length >= 3 && !this.lexiconSet.has(unit)) {
      const pairs = chars.length - 1;
      const headPairs = new Uint16Array(this.slugs.length);
      const allPairs = new Uint16Array(this.slugs.length);
      for (let c = 0; c < pairs; c++) {
        const pair = chars[c]! + chars[c + 1]!;
        for (const i of this.headPostings.get(pair) ?? []) headPairs[i]!++;
        for (const i of this.allPostings.get(pair) ?? []) allPairs[i]!++;
      }
      for (let i = 0; i < hit.length; i++) if (headPairs[i]! / pairs >= 0.5 || ANSWER_ONLY * (allPairs[i]! / pairs) >= 0.5) hit[i] = 1;
    }
    return hit.reduce((sum, x) => sum + x, 0);
  }

  /** How much of the question's key content an entry covers. */
  covers(slug: string, units: readonly KeyUnit[]): KeyCoverage {
    if (units.length === 0) return { share: 1, covered: 0, got: 0, unknown: 0 };
    let total = 0;
    let got = 0;
    let covered = 0;
    let unknown = 0;
    for (const u of units) {
      total += u.weight;
      if (!u.known) unknown += u.weight;
      const c = this.coverage(slug, u.unit);
      got += u.weight * c;
      if (c >= 0.5) covered++;
    }
    return { share: got / total, covered, got, unknown };
  }

  /** Whether the entry's keywords contain one of the question's weak domain words (挂科 for the grades entry). */
  keywordsHaveWeakAnchorOf(slug: string, question: string): boolean {
    const set = this.keywordTerms.get(slug);
    return set !== undefined && weakAnchorsIn(question).some((a) => set.has(a) || set.has(LEXICON_PREFIX + a));
  }

  /**
   * How far an entry covers a unit, in [0, 1]: fully when its title, examples or keywords contain it,
   * half when only its answer does; a longer word that is not a domain term by the share of its
   * character pairs the entry contains (a domain term must be there whole: 入团申请书 is not 入党申请书).
   */
  private coverage(slug: string, unit: string): number {
    const inSet = (set: Set<string> | undefined) => {
      if (!set) return 0;
      if (set.has(unit) || set.has(LEXICON_PREFIX + unit)) return 1;
      const chars = [...unit];
      if (chars.length < 3 || this.lexiconSet.has(unit)) return 0;
      let pairs = 0;
      for (let i = 0; i + 1 < chars.length; i++) if (set.has(chars[i]! + chars[i + 1]!)) pairs++;
      return pairs / (chars.length - 1);
    };
    const head = inSet(this.head.get(slug));
    return head === 1 ? 1 : Math.max(head, ANSWER_ONLY * inSet(this.all.get(slug)));
  }
}
