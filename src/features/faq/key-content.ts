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

/**
 * Which parts of a question an entry covers. The matcher's BM25 finds entries that share words with a
 * question; this says whether the best of them covers what the question is *about* — so that 「我信佛，
 * 可以入党吗」 is not answered by an entry that only shares 「可以入党吗」, and 「入团申请书怎么写」 not by the
 * entry about the 入党申请书.
 */
export class KeyContent {
  private readonly lexiconSet: Set<string>;

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
  }

  /** The question's key units: its content units less those most entries contain. */
  units(question: string): KeyUnit[] {
    const slugs = [...this.all.keys()];
    const n = Math.max(2, slugs.length);
    const out: KeyUnit[] = [];
    for (const unit of contentUnits(question, this.lexicon)) {
      let df = 0;
      for (const slug of slugs) if (this.coverage(slug, unit) >= 0.5) df++;
      if (df / n >= GENERIC_SHARE) continue;
      out.push({ unit, weight: df === 0 ? UNKNOWN_WEIGHT : 1 + Math.log(n / df) / Math.log(n), known: df > 0 });
    }
    return out;
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
