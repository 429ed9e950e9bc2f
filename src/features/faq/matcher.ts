import type { FaqEntry } from './schemas.js';
import { CHAT, UNCOVERED, type EntryClassifier, type Prediction } from './classifier.js';
import { classifierOf, classifierTerms, SHIPPED_LINES, type TrainingLines } from './training.js';
import { atOnce, inSlices, type Sliced } from '../../shared/slices.js';
import { KeyContent } from './key-content.js';
import { Bm25Index } from './bm25.js';
import {
  asksAnything,
  asksLocalFact,
  asksWhoSomeoneIs,
  countsTheClass,
  isChatNotQuestion,
  isLeagueBusiness,
  reachesBeyondTheClass,
} from './question-shapes.js';
import { BOT_COMMAND, domainStrength, usesOtherSense, hasDomainAnchor, LEXICON_PREFIX, normalise, normaliseLexicon, terms, weakAnchorsIn } from './text.js';

export type Outcome = 'answer' | 'suggest' | 'none';

export interface Candidate {
  slug: string;
  score: number;
}

export interface MatchResult {
  /** The best entry's slug, or null when nothing matched at all. */
  slug: string | null;
  /** Confidence in [0, 1] that `slug` answers the question; the thresholds below apply to it. */
  score: number;
  outcome: Outcome;
  /** Up to three entries to offer as "did you mean" (best first). */
  candidates: Candidate[];
}

/**
 * Thresholds on the confidence, calibrated on the labelled development set in test/faq/dev-set.tsv
 * (see test/faq/matcher.test.ts, which also reports the figures).
 */
export const THRESHOLDS = { answer: 0.5, suggest: 0.3 } as const;
export const MAX_SUGGESTIONS = 3;
/** A question with only a weak domain word (申请, 挂科) needs a stronger match to be answered. */
const WEAK_DOMAIN_FACTOR = 0.6;
/** How many of the best entries by BM25 are ranked again by the key content they cover. */
const RERANK = 8;
/** How much the share of key content an entry covers counts in its rank, and in the confidence. */
const KEY_RANK_WEIGHT = 0.8;
const KEY_CONF_WEIGHT = 0.45;
/** How much the search's confidence counts in choosing the entry; the rest is the classifier's probability. */
const SEARCH_WEIGHT = 0.6;
/** A runner-up within this much of the best entry's score, below TIE_CEILING, makes the match a tie: suggestions, no answer. */
const TIE_MARGIN = 0.1;
const TIE_CEILING = 0.55;
/** The classifier's probability that a line is class chat above which it is left alone, whatever the search found. */
const CHAT_SILENCE = 0.9;
/**
 * … and that a question with no Party word is one entry's, above which that entry answers it (0.9 until the training lines
 * held sets 27-30: left out one at a time, 18 blind sets read 78.7 % right / 1.3 % wrong / 95.3 % of chat silent at 0.9,
 * 82.5 / 1.7 / 95.0 at 0.7, 83.7 / 1.8 / 94.8 at 0.6).
 */
const BY_EXAMPLES_ALONE = 0.7;
/**
 * … and as sure as this when the line has no Party word and no question in it at all: a keyword or two (材料 清单) may
 * still be a question, but a line of chat with one word the examples know (测开 base杭州 年包十八) is no question.
 */
const BY_EXAMPLES_UNASKED = 0.97;
/** The classifier's probability that a question is one no entry answers, above which it is at most suggested. */
const UNCOVERED_CAP = 0.3;
/** Key content no entry contains weighing more than this many times what the best entry covers: no confident answer. */
const UNKNOWN_CAP = 1.5;

/** Share of terms (Jaccard) a question must have in common with an example to count as one of its wordings. */
const EXAMPLE_LIKENESS = 0.45;

/**
 * Terms in more documents than this are left out of the BM25 search but still count as covered: on
 * the shipped base (about 2,700 documents) that is 入党 and 申请, which say nothing about the entry
 * meant, and not 积极分子 or 党员 (about 300 each, which do); with 300 entries of 60 examples each it
 * keeps a match at about a millisecond. (At 300, 积极分子 crossed the cut as examples were added, and
 * 积极分子要考察一年吗 went to the entry on probation.)
 */
const COMMON_CUT = 400;
/**
 * How much an entry's typicality counts in its rank: beside its single best-matching example, how
 * usual the question's words are among all its examples (预备党员期间要做什么 is typical of the entry
 * on probation, even if one example about going abroad 预备党员期间 shares more words).
 */
const TYPICAL_RANK_WEIGHT = 0.3;

type Kind = 'title' | 'question' | 'keywords' | 'answer';
interface Doc {
  slug: string;
  kind: Kind;
  terms: string[];
  /** What the classifier learns of an example question or title (see classifierTerms). */
  learnt?: readonly string[];
  /** An example question with no plain Party word (谁来投票, 投票是记名的吗). */
  plain?: true;
}

/** How much a matching unit of an entry counts: its examples and keywords say most about what it answers. */
const KIND_BOOST: Record<Kind, number> = { title: 1.2, question: 1.2, keywords: 1.0, answer: 0.35 };
/** Term weights: a domain term > a segmenter word > a character bigram. */
const termWeight = (term: string) => (term.startsWith(LEXICON_PREFIX) ? 2.5 : term.length >= 3 ? 1.2 : 1);

/**
 * An in-memory BM25 index (bm25.ts) over every entry's title, example questions, keywords and
 * answer, each a small document of its own; an entry's score is its best document's plus a share of
 * the others'. The best few are then ranked again by how much of the question's key content they
 * cover (key-content.ts), and an entry that covers none of it — or far less than the question says
 * that no entry knows — is at most suggested, never answered. Built once per knowledge-base version;
 * a match takes well under a millisecond.
 */
export class FaqMatcher {
  readonly slugs: string[];
  private readonly index: Indexes;

  /**
   * Builds the matcher at once; `shipped`: labelled lines the classifier learns from beside the
   * entries' examples (the shipped ones unless said). A big base takes seconds: `build` lets the
   * event loop in meanwhile.
   */
  constructor(entries: readonly FaqEntry[], shipped: TrainingLines = SHIPPED_LINES, index: Indexes = atOnce(indexing(entries, shipped))) {
    this.slugs = entries.map((e) => e.slug);
    this.index = index;
  }

  /** The same matcher, built in slices between which the process answers other updates. */
  static async build(entries: readonly FaqEntry[], shipped: TrainingLines = SHIPPED_LINES): Promise<FaqMatcher> {
    return new FaqMatcher(entries, shipped, await inSlices(indexing(entries, shipped)));
  }

  /**
   * Whether the question says nearly what one of the entry's examples without a Party word says (then
   * it is in scope without one too). An example with a Party word does not count: the question is
   * then that example less the word that made it ours (请假条找谁签 is not 党校请假条找谁签).
   */
  private isLikeAPlainExample(slug: string, queryTerms: readonly string[]): boolean {
    return this.likeness(slug, queryTerms) >= EXAMPLE_LIKENESS;
  }

  /** The largest share of terms (Jaccard) the question has in common with one of the entry's plain examples. */
  private likeness(slug: string, queryTerms: readonly string[]): number {
    let best = 0;
    for (const example of this.index.plainExamples.get(slug) ?? []) {
      let shared = 0;
      for (const t of queryTerms) if (example.has(t)) shared++;
      best = Math.max(best, shared / (queryTerms.length + example.size - shared));
    }
    return best;
  }

  /**
   * How typical the question is of the entry's examples, in [0, 1]: the share of examples holding each
   * of its terms, weighted by the term's weight and by how few entries' examples hold it.
   */
  private typicality(slug: string, queryTerms: readonly string[]): number {
    const own = this.index.exampleTermCounts.get(slug);
    if (!own) return 0;
    let got = 0;
    let total = 0;
    for (const term of queryTerms) {
      const w = termWeight(term) * Math.log(1 + this.slugs.length / (this.index.entriesWithTerm.get(term) ?? 0.5));
      total += w;
      got += (w * (own.counts.get(term) ?? 0)) / own.examples;
    }
    return total === 0 ? 0 : got / total;
  }

  get size(): number {
    return this.slugs.length;
  }

  match(question: string): MatchResult {
    const q = question.trim();
    if (q === '' || normalise(q).replace(/[\p{P}\p{S}\s]/gu, '') === '') return { slug: null, score: 0, outcome: 'none', candidates: [] };
    const queryTerms = terms(q, { lexicon: this.index.lexicon });
    if (queryTerms.length === 0) return { slug: null, score: 0, outcome: 'none', candidates: [] };
    const selective = queryTerms.filter((t) => (this.index.df.get(t) ?? 0) <= COMMON_CUT);
    const skipped = selective.length > 0 && selective.length < queryTerms.length ? queryTerms.filter((t) => !selective.includes(t)) : [];
    const results = this.index.search.search(skipped.length > 0 ? selective : queryTerms, termWeight);
    // Aggregate per entry: best document + 30% of the rest; remember which query terms it covered.
    const perSlug = new Map<string, { best: number; rest: number; covered: Set<string> }>();
    for (const r of results) {
      const slug = this.index.slugOfDoc[r.doc]!;
      const agg = perSlug.get(slug) ?? { best: 0, rest: 0, covered: new Set<string>() };
      if (r.score > agg.best) {
        agg.rest += agg.best;
        agg.best = r.score;
      } else {
        agg.rest += r.score;
      }
      for (const t of r.queryTerms) agg.covered.add(t);
      perSlug.set(slug, agg);
    }
    // very common terms were left out of a large index's search: they still count as covered
    if (skipped.length > 0) {
      for (const [slug, agg] of perSlug) for (const t of skipped) if (this.index.slugTerms.get(slug)?.has(t)) agg.covered.add(t);
    }
    const totalWeight = queryTerms.reduce((sum, t) => sum + termWeight(t), 0);
    // the lexicon is Chinese: in an English question (the domain check below still needs its English anchor) every word counts as a domain term
    const english = !HAN.test(q);
    const hasLexicon = english || queryTerms.some((t) => t.startsWith(LEXICON_PREFIX));
    const byRaw = [...perSlug.entries()]
      .map(([slug, a]) => {
        const raw = a.best + 0.3 * Math.min(a.rest, 2 * a.best);
        let covered = 0;
        let lexiconTerm = false;
        for (const t of a.covered) {
          covered += termWeight(t);
          lexiconTerm ||= t.startsWith(LEXICON_PREFIX);
        }
        return { slug, raw, coverage: covered / totalWeight, lexiconHit: english ? a.covered.size > 0 : lexiconTerm };
      })
      .sort((x, y) => y.raw - x.raw);
    if (byRaw.length === 0) return { slug: null, score: 0, outcome: 'none', candidates: [] };

    // What the question is about: the best few by BM25 are ranked again by how much of it they cover.
    const units = this.index.key.units(q);
    const ranked = byRaw
      .slice(0, RERANK)
      .map((r) => {
        const key = this.index.key.covers(r.slug, units);
        const typical = this.typicality(r.slug, queryTerms);
        return { ...r, key, typical, rank: r.raw * (1 - KEY_RANK_WEIGHT + KEY_RANK_WEIGHT * key.share) * (0.5 + 0.5 * r.coverage) };
      })
      .map((r, _i, all) => {
        // relative to the most typical of the few: the share itself is small for any entry with many examples
        const most = Math.max(...all.map((x) => x.typical));
        return most > 0 ? { ...r, rank: r.rank * (1 - TYPICAL_RANK_WEIGHT + (TYPICAL_RANK_WEIGHT * r.typical) / most) } : r;
      })
      .sort((x, y) => y.rank - x.rank);
    const normalised = normalise(q);
    // a count of the asker's class (咱班几个积极分子) is for an entry made for the class, whatever stage it names
    const countsClass = countsTheClass(normalised);
    if (countsClass) {
      const live = ranked.findIndex((r) => this.index.live.has(r.slug));
      if (live > 0) ranked.unshift({ ...ranked.splice(live, 1)[0]!, rank: ranked[0]!.rank });
    }
    const top = ranked[0]!;
    const secondRank = ranked[1]?.rank ?? 0;
    const strength = domainStrength(q);
    const notOurs = isLeagueBusiness(normalised) || isChatNotQuestion(normalised, q) || (strength < 1 && usesOtherSense(q));
    const domain = notOurs
      ? 0
      : [...this.index.extraAnchors, ...this.index.commands].some((a) => normalised.includes(a)) || this.isLikeAPlainExample(top.slug, queryTerms)
        ? 1
        : strength;
    const silent: MatchResult = { slug: top.slug, score: 0, outcome: 'none', candidates: [] };
    // no Party word at all: ours only if the examples as a whole say so (grades alone, 挂科了咋办, are the class's business)
    if (domain === 0) {
      const floor = asksAnything(normalised, q) ? BY_EXAMPLES_ALONE : BY_EXAMPLES_UNASKED;
      return (notOurs || weakAnchorsIn(q).length > 0 ? null : this.surelyOneEntry(this.predict(q, queryTerms), normalised, floor)) ?? silent;
    }
    const factor = domain === 1 ? 1 : WEAK_DOMAIN_FACTOR;
    const conf = (r: (typeof ranked)[number], other: number) =>
      confidence(r.raw, r.rank, other, r.coverage, r.lexiconHit, hasLexicon) * factor * (1 - KEY_CONF_WEIGHT + KEY_CONF_WEIGHT * r.key.share);
    // a question with only a weak domain word (挂科, 申请) is answered only by an entry about that word
    const predicted = this.predict(q, queryTerms);
    if (domain < 1 && !this.index.key.keywordsHaveWeakAnchorOf(top.slug, q)) return this.surelyOneEntry(predicted, normalised) ?? silent;
    // in scope at all: the search's confidence in its best entry (with only a weak domain word, an unsure match
    // is more often not about the Party: stay quiet; in English, 'the party' may be any party: a question whose
    // key content the best entry has none of is not about the Party at all)
    const searchConf = conf(top, secondRank);
    const aboutNothingKnown = english && units.length > 0 && top.key.covered === 0;
    const sure = searchConf >= THRESHOLDS.answer && !this.capped(top, units, normalised);
    const inScope = searchConf >= THRESHOLDS.suggest && (sure || (domain === 1 && !aboutNothingKnown));
    // what the classifier knows of chat: a line most like class chat is not for the bot
    const chat = predicted?.label === CHAT && predicted.p >= CHAT_SILENCE;

    // Which entry: the search's confidence in each of the best few, and the classifier's probability.
    const weighed = ranked
      .map((r) => ({ r, score: SEARCH_WEIGHT * conf(r, r === top ? secondRank : top.rank) + (1 - SEARCH_WEIGHT) * (predicted?.of(r.slug) ?? 0) }))
      .sort((x, y) => y.score - x.score);
    // a count of the asker's class (咱班几个积极分子) is for the entry made for the class, whatever stage it names
    const live = countsClass && this.index.live.has(top.slug) ? weighed.findIndex((w) => w.r === top) : 0;
    if (live > 0) weighed.unshift(...weighed.splice(live, 1));
    const best = weighed[0]!;
    let score = best.score;
    // (questions no shipped entry answers: an entry the branch added may answer them)
    const uncovered = (predicted?.of(UNCOVERED) ?? 0) >= UNCOVERED_CAP && this.index.shippedSlugs.has(best.r.slug);
    if (this.capped(best.r, units, normalised) || uncovered) score = Math.min(score, THRESHOLDS.answer - 0.01);
    // two entries about as likely, neither sure: offer both rather than pick one (a wrong answer is worse than a suggestion);
    // a count of the class is the live entry's, whatever stage it names: no tie there
    const runnerUp = weighed[1]?.score ?? 0;
    if (!countsClass && score < TIE_CEILING && runnerUp >= score - TIE_MARGIN) score = Math.min(score, THRESHOLDS.answer - 0.01);
    const candidates = [
      { slug: best.r.slug, score: round(score) },
      ...weighed.slice(1, MAX_SUGGESTIONS).map((w) => ({ slug: w.r.slug, score: round(w.score) })),
    ];
    // with only a weak Party word, what the search leaves may still be one entry's by the examples as a whole
    const byExamples = !inScope && domain < 1 ? this.surelyOneEntry(predicted, normalised) : null;
    if (byExamples) return byExamples;
    // (the candidates of a silent match are offered to a liaison who files the question)
    if (chat || !inScope) return { slug: best.r.slug, score: round(score), outcome: 'none', candidates };
    const outcome: Outcome = score >= THRESHOLDS.answer ? 'answer' : 'suggest';
    return { slug: best.r.slug, score: round(score), outcome, candidates: outcome === 'suggest' ? candidates.filter((c) => c.score > 0) : candidates };
  }

  /**
   * Why an entry may be suggested but never answer the question: the question names something and the
   * entry covers none of it, or more of it is unknown to the knowledge base than covered; it asks who a
   * particular person is (我的培养联系人是谁), the date of an event, a phone number or a room (下次支部大会几号开),
   * which only an entry made for the asker's class knows; or it reaches beyond the class, which that entry does not know.
   */
  private capped(r: { slug: string; key: { covered: number; unknown: number; got: number } }, units: readonly unknown[], normalised: string): boolean {
    return (units.length > 0 && (r.key.covered === 0 || r.key.unknown > UNKNOWN_CAP * r.key.got)) || this.knowsNot(r.slug, normalised);
  }

  private knowsNot(slug: string, normalised: string): boolean {
    return this.index.live.has(slug) ? reachesBeyondTheClass(normalised) : asksWhoSomeoneIs(normalised) || asksLocalFact(normalised);
  }

  private predict(q: string, queryTerms: readonly string[]): Prediction | null {
    return this.index.classifier?.predict(classifierTerms(q, { lexicon: this.index.lexicon }, queryTerms)) ?? null;
  }

  /** The entry the classifier is all but sure of (and that may answer it), for a question the search alone would leave. */
  private surelyOneEntry(top: Prediction | null, normalised: string, floor = BY_EXAMPLES_ALONE): MatchResult | null {
    if (!top || top.label === CHAT || top.label === UNCOVERED || top.p < floor) return null;
    if (this.knowsNot(top.label, normalised)) return null;
    return { slug: top.label, score: round(top.p), outcome: 'answer', candidates: [{ slug: top.label, score: round(top.p) }] };
  }
}

/** The map's value for the key, made and stored first if it has none. */
const valueOf = <T>(map: Map<string, T>, key: string, make: () => T): T => map.get(key) ?? map.set(key, make()).get(key)!;

/**
 * Confidence from the entry's BM25 score (saturating), how much of the question it explains
 * (weighted coverage of the question's terms), how far it is ahead of the runner-up, and whether a
 * domain term matched (off-topic lines rarely contain one).
 */
function confidence(raw: number, rank: number, other: number, coverage: number, lexiconHit: boolean, queryHasLexicon: boolean): number {
  const strength = raw / (raw + 8);
  const margin = rank <= 0 ? 0 : Math.max(0, Math.min(1, (rank - other) / rank));
  const domain = lexiconHit ? 1 : queryHasLexicon ? 0.75 : 0.6;
  return Math.max(0, Math.min(1, (0.45 * coverage + 0.35 * strength + 0.2 * margin) * domain));
}

const HAN = /\p{Script=Han}/u;
const round = (n: number) => Math.round(n * 1000) / 1000;

/** Everything a matcher knows of its entries, worked out once per knowledge-base version. */
interface Indexes {
  search: Bm25Index;
  /** The entry each document of the search belongs to. */
  slugOfDoc: string[];
  lexicon: string[];
  /** Anchors of entries the branch added that have none of the built-in ones (e.g. 党员活动室 → 活动室). */
  extraAnchors: string[];
  /** Document frequency of each term, and every term of each entry (for terms left out of the search). */
  df: Map<string, number>;
  slugTerms: Map<string, Set<string>>;
  key: KeyContent;
  /** Per entry, the term sets of its example questions with no plain Party word (谁来投票, 投票是记名的吗). */
  plainExamples: Map<string, Set<string>[]>;
  /** Entries whose answer is made for the asker's class (its liaisons, its figures). */
  live: Set<string>;
  /** The bot's commands the entries name (/stats, /my_progress): a question about one is in scope. */
  commands: string[];
  /** Per entry, in how many of its examples (and title) each term occurs; and in how many entries' examples a term occurs. */
  exampleTermCounts: Map<string, { counts: Map<string, number>; examples: number }>;
  entriesWithTerm: Map<string, number>;
  /** Which entry a question is an example of, or class chat (none without entries). */
  classifier: EntryClassifier | null;
  /** The entries the shipped training lines are labelled with (not one a branch added). */
  shippedSlugs: Set<string>;
}

/** Units handled between two chances for the event loop. */
const DOCS_PER_STEP = 200;

function* indexing(entries: readonly FaqEntry[], shipped: TrainingLines): Sliced<Indexes> {
  const lexicon = normaliseLexicon(entries.flatMap((e) => e.keywords));
  const docs: Doc[] = [];
  const add = (slug: string, kind: Kind, text: string, isPlain = false) => {
    const t = terms(text, { lexicon });
    const learnt = kind === 'question' || kind === 'title' ? classifierTerms(text, { lexicon }, t) : undefined;
    if (t.length > 0) docs.push({ slug, kind, terms: t, ...(learnt && { learnt }), ...(isPlain && { plain: true as const }) });
  };
  for (const e of entries) {
    add(e.slug, 'title', e.title);
    for (const q of e.questions) add(e.slug, 'question', q, domainStrength(q) < 1);
    if (e.keywords.length > 0) add(e.slug, 'keywords', e.keywords.join(' '));
    add(e.slug, 'answer', e.answer);
    if (e.answerEn) add(e.slug, 'answer', e.answerEn);
    yield;
  }
  const search = new Bm25Index();
  const df = new Map<string, number>();
  const slugTerms = new Map<string, Set<string>>();
  const headTerms = new Map<string, Set<string>>();
  const keywordTerms = new Map<string, Set<string>>();
  const examples = new Map<string, Set<string>[]>();
  const plainExamples = new Map<string, Set<string>[]>();
  const termsOf = (map: Map<string, Set<string>>, slug: string) => valueOf(map, slug, () => new Set<string>());
  for (const [i, d] of docs.entries()) {
    search.add(d.terms, KIND_BOOST[d.kind]);
    const all = termsOf(slugTerms, d.slug);
    const head = termsOf(headTerms, d.slug);
    for (const term of d.terms) {
      df.set(term, (df.get(term) ?? 0) + 1);
      all.add(term);
      if (d.kind !== 'answer') head.add(term);
      if (d.kind === 'keywords') termsOf(keywordTerms, d.slug).add(term);
    }
    if (d.kind === 'question' || d.kind === 'title') valueOf(examples, d.slug, () => []).push(new Set(d.terms));
    if (d.plain) valueOf(plainExamples, d.slug, () => []).push(new Set(d.terms));
    if (i % DOCS_PER_STEP === 0) yield;
  }
  const exampleTermCounts = new Map<string, { counts: Map<string, number>; examples: number }>();
  const entriesWithTerm = new Map<string, number>();
  for (const [slug, list] of examples) {
    const counts = new Map<string, number>();
    for (const example of list) for (const t of example) counts.set(t, (counts.get(t) ?? 0) + 1);
    exampleTermCounts.set(slug, { counts, examples: list.length });
    for (const t of counts.keys()) entriesWithTerm.set(t, (entriesWithTerm.get(t) ?? 0) + 1);
    yield;
  }
  const key = new KeyContent(lexicon, headTerms, slugTerms, keywordTerms);
  yield;
  const labelled = docs.filter((d) => d.kind === 'question' || d.kind === 'title').map((d) => ({ label: d.slug, terms: d.learnt ?? d.terms }));
  const classifier = yield* classifierOf(labelled, lexicon, shipped);
  return {
    search,
    slugOfDoc: docs.map((d) => d.slug),
    lexicon,
    extraAnchors: entries
      .filter((e) => !hasDomainAnchor(`${e.title} ${e.keywords.join(' ')}`))
      .flatMap((e) => e.keywords.map((k) => normalise(k)).filter((k) => k.length >= 2)),
    df,
    slugTerms,
    key,
    plainExamples,
    live: new Set(entries.filter((e) => e.live).map((e) => e.slug)),
    commands: [...new Set(entries.flatMap((e) => `${e.answer} ${e.questions.join(' ')}`.match(BOT_COMMAND) ?? []))],
    exampleTermCounts,
    entriesWithTerm,
    classifier,
    shippedSlugs: new Set(shipped.labelled.flatMap(([labels]) => labels.split('|'))),
  };
}
