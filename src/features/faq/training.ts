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
  const questions = lines.questions.filter((l) => slugs.has(l.label));
  // questions no entry of the shipped base answers may be answered by a base without all of its entries
  const hasShippedBase = shipped.labelled.every(([labels]) => labels.split('|').some((label) => slugs.has(label)));
  // the chat lines count as much as the questions together at most: a small base is not drowned by them
  const chatWeight = Math.min(1, (examples.length + questions.length) / Math.max(1, lines.chat.length));
  const uncovered = hasShippedBase ? lines.uncovered : [];
  return yield* classifierFor([...examples, ...questions, ...uncovered, ...lines.chat.map((c) => ({ ...c, weight: chatWeight }))]);
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
 * The training lines' terms for a lexicon, each line's joined into one string (a few MB less than
 * arrays of them); the last ones asked for are kept: every branch's lexicon is usually the same.
 */
let linesOf: { shipped: TrainingLines; lexicon: string; questions: [string, string][]; chat: string[]; uncovered: string[] } | null = null;
function* trainingLines(shipped: TrainingLines, lexicon: readonly string[]): Sliced<{ questions: Labelled[]; chat: Labelled[]; uncovered: Labelled[] }> {
  const key = lexicon.join(SEPARATOR);
  if (linesOf?.shipped !== shipped || linesOf.lexicon !== key) {
    const questions: [string, string][] = [];
    for (const [labels, q] of shipped.labelled) {
      const t = classifierTerms(q, { lexicon }).join(SEPARATOR);
      if (t !== '') for (const label of labels.split('|')) questions.push([label, t]);
      yield;
    }
    const chat = yield* joinedTerms(shipped.chat, lexicon);
    const uncovered = yield* joinedTerms(shipped.uncovered ?? [], lexicon);
    linesOf = { shipped, lexicon: key, questions, chat, uncovered };
  }
  return {
    questions: linesOf.questions.map(([label, t]) => ({ label, terms: t.split(SEPARATOR) })),
    chat: linesOf.chat.map((t) => ({ label: CHAT, terms: t.split(SEPARATOR) })),
    uncovered: linesOf.uncovered.map((t) => ({ label: UNCOVERED, terms: t.split(SEPARATOR) })),
  };
}
const SEPARATOR = '\u0001';

function* joinedTerms(lines: readonly string[], lexicon: readonly string[]): Sliced<string[]> {
  const joined: string[] = [];
  for (const line of lines) {
    const t = classifierTerms(line, { lexicon }).join(SEPARATOR);
    if (t !== '') joined.push(t);
    yield;
  }
  return joined;
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
