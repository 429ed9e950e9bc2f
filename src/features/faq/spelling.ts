import { READINGS } from './readings-data.js';
import { SIMPLIFIED, TRADITIONAL } from './simplified-data.js';

const HAN = /\p{Script=Han}/u;

let simplifiedOf: Map<string, string> | null = null;

/**
 * Traditional characters (and Taiwan variants) as simplified Chinese, character by character, from a
 * table generated from OpenCC's (simplified-data.ts; the library itself cost the bot ~13 MB).
 */
export function simplified(text: string): string {
  if (!HAN.test(text)) return text;
  if (!simplifiedOf) {
    simplifiedOf = new Map();
    const to = [...SIMPLIFIED];
    [...TRADITIONAL].forEach((char, i) => simplifiedOf!.set(char, to[i]!));
  }
  let out = '';
  for (const char of text) out += simplifiedOf.get(char) ?? char;
  return out;
}

let readings: Map<string, string> | null = null;
/** The reading table (readings-data.ts), indexed by character on first use. */
function readingTable(): Map<string, string> {
  if (readings) return readings;
  readings = new Map();
  for (const line of READINGS.split('\n')) {
    const [reading, chars] = line.split(' ') as [string, string];
    for (const char of chars) readings.set(char, reading);
  }
  return readings;
}

/** A character's most common reading without tone (党 → dang); the character itself when it is not Chinese (or a rare one). */
export function readingOf(char: string): string {
  return readingTable().get(char) ?? char;
}

const keyOf = (chars: readonly string[]) => chars.map(readingOf).join(' ');

/** Real words that read like a two-character term and that the segmenter's dictionary lacks. */
const REAL_WORDS = new Set(['入档', '课代', '小组']);
/** Question and function words: a window with one is what was meant (交哪 is not 交纳). */
const FUNCTION_CHARS = /[哪吗呢啥谁了的吧啊呀么是不有在和也都就还个]/u;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Which characters of the text stand alone (are a word of one character) in its segmentation. */
function standingAlone(chars: readonly string[]): boolean[] {
  const alone = new Array<boolean>(chars.length).fill(false);
  let at = 0;
  for (const { segment } of segmenter.segment(chars.join(''))) {
    const length = [...segment].length;
    if (length === 1) alone[at] = true;
    at += length;
  }
  return alone;
}

/**
 * Mends homophone slips in domain words as people type them with a pinyin keyboard (申情书 → 申请书,
 * 积级分子 → 积极分子, 党效 → 党校, 入当 → 入党, 推忧 → 推优). A window of the text is replaced by a
 * term that reads the same, shares most of its characters with it and is not itself a term. A
 * two-character window is mended only when its two characters are no word, neither together nor as
 * part of a longer one (团圆 stays 团圆, 公式 stays 公式, 当委员 keeps its 委员, 党小组 its 小组; 入档,
 * 课代表 and 小组长, which the segmenter does not know, are listed), and hold no question or function word
 * (交哪 is not 交纳). Terms that read alike are left alone.
 */
export class HomophoneMender {
  private readonly byReading = new Map<string, string | null>();
  private readonly terms: Set<string>;
  private readonly lengths: number[];
  /** Readings a term starts with: most windows are passed over on their first character. */
  private readonly firstReadings = new Set<string>();

  constructor(terms: Iterable<string>) {
    this.terms = new Set([...terms].filter((t) => [...t].length >= 2 && [...t].every((c) => HAN.test(c))));
    for (const term of this.terms) {
      const key = keyOf([...term]);
      const seen = this.byReading.get(key);
      this.byReading.set(key, seen === undefined || seen === term ? term : null);
    }
    for (const term of this.terms) this.firstReadings.add(readingOf([...term][0]!));
    this.lengths = [...new Set([...this.terms].map((t) => [...t].length))].sort((a, b) => b - a);
  }

  mend(text: string): string {
    if (!HAN.test(text)) return text;
    const chars = [...text];
    let alone: boolean[] | null = null;
    const standsAlone = (at: number) => (alone ??= standingAlone(chars))[at]!;
    let out = '';
    for (let i = 0; i < chars.length;) {
      const found = this.termAt(chars, i, standsAlone);
      out += found ?? chars[i]!;
      i += found ? [...found].length : 1;
    }
    return out;
  }

  /** The term a window starting at `at` is (itself, or as a slip); undefined when none. */
  private termAt(chars: readonly string[], at: number, standsAlone: (at: number) => boolean): string | undefined {
    if (!this.firstReadings.has(readingOf(chars[at]!))) return undefined;
    for (const length of this.lengths) {
      if (at + length > chars.length) continue;
      const window = chars.slice(at, at + length);
      const text = window.join('');
      if (this.terms.has(text)) return text;
      if (!window.every((c) => HAN.test(c))) continue;
      const term = this.byReading.get(keyOf(window));
      if (!term) continue;
      const termChars = [...term];
      const differing = window.filter((c, i) => c !== termChars[i]).length;
      if (differing === 0 || differing > Math.floor(length / 2)) continue;
      if (length === 2 && !this.twoLooseCharacters(chars, at, standsAlone)) continue;
      return term;
    }
    return undefined;
  }

  private twoLooseCharacters(chars: readonly string[], at: number, standsAlone: (at: number) => boolean): boolean {
    const pair = chars[at]! + chars[at + 1]!;
    if (REAL_WORDS.has(pair) || FUNCTION_CHARS.test(pair) || (at + 2 < chars.length && REAL_WORDS.has(chars[at + 1]! + chars[at + 2]!))) return false;
    return standsAlone(at) && standsAlone(at + 1);
  }
}
