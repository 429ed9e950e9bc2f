/**
 * A linear classifier (multinomial logistic regression) from a question's terms to the entry it is
 * an example of, to "chat" when it is like the shipped lines of class chat that ask the bot
 * nothing, or to "uncovered" when it is like the shipped Party questions no entry answers (training.ts
 * says what it learns from). Trained for each knowledge-base version with a few rounds
 * of stochastic gradient descent in a fixed order, so every process that builds the same version
 * gets the same model. It sees which words tell entries apart across all their examples, where the
 * BM25 search sees one example at a time; the matcher weighs both.
 */
import type { Sliced } from '../../shared/slices.js';

export const CHAT = '-';
/** Questions of ours that no entry answers (the label of the test sets' "?" lines). */
export const UNCOVERED = '?';

export interface Labelled {
  label: string;
  terms: readonly string[];
  /** How much the example counts (1 unless said). */
  weight?: number;
}

export interface Prediction {
  /** The most likely label and its probability. */
  label: string;
  p: number;
  /** Any label's probability (0 for one the classifier does not know). */
  of(label: string): number;
}

const EPOCHS = 4;
/**
 * The weights kept are the average of those after each example from this epoch on (averaged SGD): a
 * model less bound to the order of the last examples seen (over three seeds of the shuffle, set 8 of
 * the tests read 87.9–89.5 % right without it, 88.7–89.5 with it).
 */
const AVERAGED_FROM_EPOCH = 2;
const LEARNING_RATE = 6;
const L2 = 1e-4;
const BIAS_RATE = 0.1;

/** How many examples are learnt between two chances for the event loop (see slices.ts). */
const EXAMPLES_PER_STEP = 32;
/** … and how many features' weights are averaged, or made bytes. */
const ROWS_PER_STEP = 2000;

/**
 * Once trained, the weights are kept as one signed byte each with a scale per feature (a quarter of
 * the memory of 32-bit floats: ~1.6 MB instead of ~6.3 for the shipped base; the matcher's outcomes on
 * all but 2 of the 27,907 test lines are the same).
 */
export class EntryClassifier {
  private readonly labelIds: Map<string, number>;

  private constructor(
    private readonly labels: string[],
    private readonly featureIds: Map<string, number>,
    private readonly weights: Int8Array,
    private readonly scales: Float32Array,
    private readonly bias: Float64Array,
  ) {
    this.labelIds = new Map(labels.map((l, i) => [l, i]));
  }

  /** Trains a classifier on the examples, yielding every few of them. */
  static *training(examples: readonly Labelled[]): Sliced<EntryClassifier> {
    const labels = [...new Set(examples.map((e) => e.label))];
    const labelIds = new Map(labels.map((l, i) => [l, i]));
    const featureIds = new Map<string, number>();
    const ids = (terms: readonly string[]) =>
      terms.map((t) => {
        let id = featureIds.get(t);
        if (id === undefined) featureIds.set(t, (id = featureIds.size));
        return id;
      });
    const data: { y: number; f: number[]; weight: number }[] = [];
    for (const e of examples) {
      data.push({ y: labelIds.get(e.label)!, f: ids(e.terms), weight: e.weight ?? 1 });
      if (data.length % EXAMPLES_PER_STEP === 0) yield;
    }
    const k = labels.length;
    const weights = new Float32Array(featureIds.size * k);
    const bias = new Float64Array(k);
    // the average in its lazy form: u sums each step's change times the number of steps averaged before
    // it, so that the average of the weights over n steps is w - u / n
    const u = new Float32Array(weights.length);
    const uBias = new Float64Array(k);
    let averaged = 0;
    const z = new Float64Array(k);
    const random = seeded(1);
    for (let epoch = 0; epoch < EPOCHS; epoch++) {
      shuffle(data, random);
      const rate = LEARNING_RATE / (1 + epoch);
      for (let n = 0; n < data.length; n++) {
        if (n % EXAMPLES_PER_STEP === 0) yield;
        const { y, f, weight } = data[n]!;
        probabilities(weights, null, bias, f, z);
        z[y] = z[y]! - 1; // the gradient of the loss on each label's score
        const scale = 1 / Math.sqrt(f.length || 1);
        const counting = epoch >= AVERAGED_FROM_EPOCH;
        for (const id of f) {
          const row = id * k;
          for (let j = 0; j < k; j++) {
            const d = rate * (weight * z[j]! * scale + L2 * weights[row + j]!);
            weights[row + j] = weights[row + j]! - d;
            if (counting) u[row + j] = u[row + j]! - averaged * d;
          }
        }
        for (let j = 0; j < k; j++) {
          const d = rate * BIAS_RATE * weight * z[j]!;
          bias[j] = bias[j]! - d;
          if (counting) uBias[j] = uBias[j]! - averaged * d;
        }
        if (counting) averaged++;
      }
    }
    if (averaged > 0) {
      for (let i = 0; i < weights.length; i++) {
        if (i % (ROWS_PER_STEP * k) === 0) yield;
        weights[i] = weights[i]! - u[i]! / averaged;
      }
      for (let j = 0; j < k; j++) bias[j] = bias[j]! - uBias[j]! / averaged;
    }
    const { bytes, scales } = yield* quantised(weights, k);
    return new EntryClassifier(labels, featureIds, bytes, scales, bias);
  }

  /** The probability of each label for a question's terms. */
  predict(terms: readonly string[]): Prediction {
    const known = terms.map((t) => this.featureIds.get(t)).filter((id) => id !== undefined);
    const z = probabilities(this.weights, this.scales, this.bias, known, new Float64Array(this.labels.length));
    let top = 0;
    for (let j = 1; j < z.length; j++) if (z[j]! > z[top]!) top = j;
    return { label: this.labels[top]!, p: z[top]!, of: (label) => z[this.labelIds.get(label) ?? -1] ?? 0 };
  }
}

/** Softmax of the labels' scores for the features `f` (each row of weights times its scale, if any), written into `z`. */
function probabilities(
  weights: Float32Array | Int8Array,
  scales: Float32Array | null,
  bias: Float64Array,
  f: readonly number[],
  z: Float64Array,
): Float64Array {
  const k = bias.length;
  const scale = 1 / Math.sqrt(f.length || 1);
  z.set(bias);
  for (const id of f) {
    const row = id * k;
    const s = scales ? scale * scales[id]! : scale;
    for (let j = 0; j < k; j++) z[j] = z[j]! + weights[row + j]! * s;
  }
  let max = -Infinity;
  for (let j = 0; j < k; j++) max = Math.max(max, z[j]!);
  let sum = 0;
  for (let j = 0; j < k; j++) sum += z[j] = Math.exp(z[j]! - max);
  for (let j = 0; j < k; j++) z[j] = z[j]! / sum;
  return z;
}

/** Each row of k weights as bytes in [-127, 127] and the scale that brings them back. */
function* quantised(weights: Float32Array, k: number): Sliced<{ bytes: Int8Array; scales: Float32Array }> {
  const rows = weights.length / k;
  const bytes = new Int8Array(weights.length);
  const scales = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    if (r % ROWS_PER_STEP === 0) yield;
    let max = 0;
    for (let j = 0; j < k; j++) max = Math.max(max, Math.abs(weights[r * k + j]!));
    if (max === 0) continue;
    scales[r] = max / 127;
    for (let j = 0; j < k; j++) bytes[r * k + j] = Math.round(weights[r * k + j]! / scales[r]!);
  }
  return { bytes, scales };
}

/** A small deterministic generator (Park–Miller), so training is the same in every process. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
