import { createHash } from 'node:crypto';
import { CHAT, EntryClassifier, UNCOVERED, type Labelled } from './classifier.js';
import { terms, type TermOptions } from './text.js';
import { askingPart } from './question-shapes.js';
import type { Sliced } from '../../shared/slices.js';
import { CHAT_LINES, LABELLED_LINES, UNCOVERED_LINES } from './training-lines-data.js';

/**
 * What the FAQ's classifier learns from: the entries' own examples, and lines shipped with the code
 * (students' questions labelled with the entries that answer them, each counting only for an entry the
 * base has; Party questions no shipped entry answers, only for a base with every shipped entry; class chat).
 */
export function* classifierOf(examples: readonly Labelled[], lexicon: readonly string[], shipped: TrainingLines): Sliced<EntryClassifier | null> {
  if (examples.length === 0) return null;
  const slugs = new Set(examples.map((e) => e.label));
  const lines = yield* trainingLines(shipped, lexicon);
  const questions = lines.filter((l) => slugs.has(l.label));
  const chat = lines.filter((l) => l.label === CHAT);
  // questions no entry of the shipped base answers may be answered by a base without all of its entries
  const hasShippedBase = shipped.labelled.every(([labels]) => labels.split('|').some((label) => slugs.has(label)));
  const uncovered = hasShippedBase ? lines.filter((l) => l.label === UNCOVERED) : [];
  // the chat lines count as much as the questions together at most: a small base is not drowned by them
  const chatWeight = Math.min(1, (examples.length + questions.length) / Math.max(1, chat.length));
  return yield* classifierFor([...examples, ...questions, ...uncovered, ...chat.map((c) => ({ ...c, weight: chatWeight }))]);
}

export interface TrainingLines {
  /** Students' questions with the slugs of the entries that answer them ("a|b": either). */
  labelled: ReadonlyArray<readonly [string, string]>;
  /** Lines of class chat that ask the bot nothing. */
  chat: readonly string[];
  /** Party questions no entry of the shipped base answers. */
  uncovered?: readonly string[];
}
export const SHIPPED_LINES: TrainingLines = { labelled: LABELLED_LINES, chat: CHAT_LINES, uncovered: UNCOVERED_LINES };

/**
 * The training lines' terms for the last lexicon asked for (every branch's is usually the same), so that
 * a base built again is not segmented again: each term kept once, each line as the ids of its terms
 * (about 1 MB where strings of its terms took 5).
 */
let linesOf: ({ shipped: TrainingLines; lexicon: string } & EncodedLines) | null = null;
interface EncodedLines {
  /** Each line's label: an entry's slug, CHAT or UNCOVERED (a line with two slugs is there twice). */
  labels: string[];
  vocabulary: string[];
  /** The lines' term ids one after another; line i's end at ends[i]. */
  ids: Uint16Array | Uint32Array;
  ends: Uint32Array;
}

function* trainingLines(shipped: TrainingLines, lexicon: readonly string[]): Sliced<Labelled[]> {
  const key = lexicon.join(SEPARATOR);
  if (linesOf?.shipped !== shipped || linesOf.lexicon !== key) linesOf = { shipped, lexicon: key, ...(yield* encoded(shipped, lexicon)) };
  const { labels, vocabulary, ids, ends } = linesOf;
  return labels.map((label, i) => ({ label, terms: Array.from(ids.subarray(i === 0 ? 0 : ends[i - 1], ends[i]), (id) => vocabulary[id]!) }));
}

const SEPARATOR = '\u0001';

function* encoded(shipped: TrainingLines, lexicon: readonly string[]): Sliced<EncodedLines> {
  const labels: string[] = [];
  const vocabulary: string[] = [];
  const idOf = new Map<string, number>();
  const ids: number[] = [];
  const ends: number[] = [];
  const add = (label: string, terms: readonly string[]) => {
    if (terms.length === 0) return;
    labels.push(label);
    for (const term of terms) {
      let id = idOf.get(term);
      if (id === undefined) idOf.set(term, (id = vocabulary.push(term) - 1));
      ids.push(id);
    }
    ends.push(ids.length);
  };
  for (const [slugs, line] of shipped.labelled) {
    const t = classifierTerms(line, { lexicon });
    for (const slug of slugs.split('|')) add(slug, t);
    yield;
  }
  for (const [label, lines] of [
    [CHAT, shipped.chat],
    [UNCOVERED, shipped.uncovered ?? []],
  ] as const) {
    for (const line of lines) {
      add(label, classifierTerms(line, { lexicon }));
      yield;
    }
  }
  return { labels, vocabulary, ids: vocabulary.length <= 0x10000 ? Uint16Array.from(ids) : Uint32Array.from(ids), ends: Uint32Array.from(ends) };
}

/** Classifiers of the last few knowledge bases, by their training data: a base built again (a branch's copy, a test) is not trained again. */
const classifiers = new Map<string, EntryClassifier>();
const CLASSIFIERS_KEPT = 4;
function* classifierFor(labelled: readonly Labelled[]): Sliced<EntryClassifier> {
  const hash = createHash('sha1');
  for (const [i, l] of labelled.entries()) {
    hash.update(`${l.label}\u0002${l.weight ?? 1}\u0002${l.terms.join(SEPARATOR)}\n`);
    if (i % 256 === 0) yield;
  }
  const key = hash.digest('hex');
  const kept = classifiers.get(key);
  if (kept) return kept;
  const made = yield* EntryClassifier.training(labelled);
  classifiers.set(key, made);
  if (classifiers.size > CLASSIFIERS_KEPT) classifiers.delete(classifiers.keys().next().value!);
  return made;
}

/**
 * What the classifier sees of a text: its terms, and those of the part that asks once more when the message
 * says more than its question (see askingPart), so that what is asked weighs above the stages a long message
 * names on the way (我上个月刚被定为积极分子…每季度要交什么 is about the thought reports).
 */
export function classifierTerms(text: string, options: TermOptions, all: readonly string[] = terms(text, options)): readonly string[] {
  const part = askingPart(text);
  return part === text ? all : [...all, ...terms(part, options)];
}
