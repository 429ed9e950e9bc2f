import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFaqFile } from '../../src/features/faq/kb-file.js';
import { FaqMatcher, THRESHOLDS, type MatchResult } from '../../src/features/faq/matcher.js';
import { contentUnits, normalise, terms } from '../../src/features/faq/text.js';
import { CHAT_LINES, LABELLED_LINES } from '../../src/features/faq/training-lines-data.js';
import { classifierTerms, SHIPPED_LINES } from '../../src/features/faq/training.js';
import { askingPart } from '../../src/features/faq/question-shapes.js';
import { faqExamples370 } from '../../db/migrations/data/2026-12-02-370-faq-examples-data.js';
import { FAQ_FILE } from './setup.js';

const kb = parseFaqFile(readFileSync(FAQ_FILE, 'utf8'));
if (!kb.ok) throw new Error(JSON.stringify(kb.errors));
const matcher = new FaqMatcher(kb.entries);
/** The knowledge base without some entries: their questions are then ones it has no entry for. */
const without = (...slugs: string[]) => new FaqMatcher(kb.entries.filter((e) => !slugs.includes(e.slug)));
/** The outside tester's first set as it arrived: its lines neither examples (migration 370) nor training lines of the classifier. */
const firstSet = new Set(
  readFileSync(new URL('./outsider-check.tsv', import.meta.url), 'utf8')
    .split('\n')
    .map((l) => l.split('\t')[1]?.trim()),
);
const rulesOnly = new FaqMatcher(
  kb.entries.map((e) => ({ ...e, questions: e.questions.filter((q) => !faqExamples370[e.slug]?.includes(q)) })),
  { labelled: LABELLED_LINES.filter(([, q]) => !firstSet.has(q)), chat: CHAT_LINES.filter((q) => !firstSet.has(q)) },
);

interface Figures {
  answerable: number;
  answeredRight: number;
  answeredWrong: number;
  suggestedRight: number;
  /** Party questions no entry answers ("?"): a suggestion or a hand-off is right, an answer is not. */
  uncovered: number;
  uncoveredAnswered: number;
  offTopic: number;
  silent: number;
}

/** Reads slug<TAB>question lines ("a|b" = either is right, "?" = no entry answers it, "-" = off-topic) and scores the matcher on them. */
function evaluate(file: string, by: FaqMatcher = matcher): Figures {
  const f: Figures = { answerable: 0, answeredRight: 0, answeredWrong: 0, suggestedRight: 0, uncovered: 0, uncoveredAnswered: 0, offTopic: 0, silent: 0 };
  const lines = readFileSync(new URL(file, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'));
  for (const line of lines) {
    const [label, question] = line.split('\t') as [string, string];
    const r: MatchResult = by.match(question);
    if (label === '-') {
      f.offTopic++;
      if (r.outcome === 'none') f.silent++;
      continue;
    }
    if (label === '?') {
      f.uncovered++;
      if (r.outcome === 'answer') f.uncoveredAnswered++;
      continue;
    }
    const right = label.split('|');
    f.answerable++;
    if (r.outcome === 'answer') {
      if (right.includes(r.slug!)) f.answeredRight++;
      else f.answeredWrong++;
    } else if (r.outcome === 'suggest' && r.candidates.some((c) => right.includes(c.slug))) f.suggestedRight++;
  }
  return f;
}

const pct = (n: number, d: number) => Math.round((1000 * n) / d) / 10;

interface Floor {
  /** At least this many answerable lines (and off-topic ones). */
  answerable?: number;
  offTopic?: number;
  /** Shares of the answerable lines: answered right (at least), right answer or suggestion (at least), answered wrong (at most). */
  right: number;
  rightOrSuggested?: number;
  wrong: number;
  /** Share of the "?" lines answered (at most). */
  uncoveredAnswered?: number;
  /** Share of the off-topic lines left silent (at least; 1 unless said). */
  silent?: number;
}

function expectAtLeast(f: Figures, floor: Floor): void {
  if (floor.answerable !== undefined) expect(f.answerable).toBeGreaterThanOrEqual(floor.answerable);
  if (floor.offTopic !== undefined) expect(f.offTopic).toBeGreaterThanOrEqual(floor.offTopic);
  expect(f.silent / f.offTopic).toBeGreaterThanOrEqual(floor.silent ?? 1);
  if (f.answerable === 0 && floor.offTopic !== undefined) return; // a set of off-topic lines only
  expect(f.answeredRight / f.answerable).toBeGreaterThanOrEqual(floor.right);
  if (floor.rightOrSuggested !== undefined) expect((f.answeredRight + f.suggestedRight) / f.answerable).toBeGreaterThanOrEqual(floor.rightOrSuggested);
  expect(f.answeredWrong / f.answerable).toBeLessThanOrEqual(floor.wrong);
  if (floor.uncoveredAnswered !== undefined) expect(f.uncoveredAnswered / f.uncovered).toBeLessThanOrEqual(floor.uncoveredAnswered);
}

describe('FAQ matching accuracy', () => {
  const report = (name: string, f: Figures) =>
    console.info(
      `${name}: ${f.answerable} answerable, ${pct(f.answeredRight, f.answerable)}% answered right, ${pct(f.answeredWrong, f.answerable)}% answered wrong, ` +
        `${pct(f.answeredRight + f.suggestedRight, f.answerable)}% right answer or suggestion; ${f.uncovered} without an entry, ${pct(f.uncoveredAnswered, f.uncovered)}% answered; ` +
        `${f.offTopic} off-topic, ${pct(f.silent, f.offTopic)}% silent`,
    );

  it('does not regress on the labelled development set (thresholds were calibrated on it; its questions are examples of the entries now)', () => {
    const f = evaluate('./dev-set.tsv');
    report('dev set', f);
    expect(f.uncovered).toBeGreaterThanOrEqual(50);
    expect(f.offTopic).toBeGreaterThanOrEqual(130);
    // the must-not-answer lines include 55 written blind to the knowledge base, many sharing most words with an entry
    expectAtLeast(f, { answerable: 700, right: 0.98, wrong: 0.005, uncoveredAnswered: 0.34 });
  });

  it('holds up on a held-out set that was not used to set the thresholds', () => {
    const f = evaluate('./holdout.tsv');
    report('held-out', f);
    // the classifier's training order moves a line or two of these 168: with sets 26 and r, seeds 1, 2 and 3 of its shuffle gave 96.4, 97.0 and 97.6% right
    expectAtLeast(f, { right: 0.96, rightOrSuggested: 0.975, wrong: 0.02, uncoveredAnswered: 0.3 });
  });

  it('answers the outside tester’s questions (written blind to the knowledge base, now a tuning set: migration 370 made its answerable ones examples)', () => {
    const f = evaluate('./outsider-check.tsv');
    report('outsider check', f);
    // its Party questions no entry answers are not examples of anything: nearly half still get a confident answer
    expectAtLeast(f, { answerable: 250, right: 0.99, wrong: 0.005, uncoveredAnswered: 0.53 });
  });

  it('holds up on the outside tester’s questions without them as examples (the rules alone; they were tuned on these lines)', () => {
    // spoken and rambling questions, typos, traditional characters, English; the misses are mostly suggestions
    const f = evaluate('./outsider-check.tsv', rulesOnly);
    report('outsider check, rules only', f);
    // (91.4% before migration 390's examples, 90.3% after: its examples compete for a few of these lines, e.g. 还没成发展对象 now goes to development-target;
    // 91.4% again with the entries' typicality in the rank and migration 400's examples)
    // 94.9% / 0.4% since the classifier weighs in (trained on neither these lines nor the chat among them); 94.1% / 1.1% with sets 6, 7, l
    // and j as training lines
    expectAtLeast(f, { right: 0.94, rightOrSuggested: 0.97, wrong: 0.012 });
  });

  /** The sets tuned on since they arrived: migrations 390 and 400 made the lines the matcher missed their examples. */
  const tuned: Array<{ file: string; name: string; floor: Floor }> = [
    // when it arrived, never tuned on: 88.5% right, 3.2% wrong, 95.4% of off-topic lines silent (团费 and 团员证,
    // the League's business, and 运动会宣誓, not the Party's oath, were answered before the League and oath rules)
    { file: './outsider-check-2.tsv', name: 'outsider check 2', floor: { answerable: 370, right: 0.98, wrong: 0.006, uncoveredAnswered: 0.44 } },
    // when it arrived: 83.9% right, 4.3% wrong, 93.5% of off-topic lines silent
    { file: './tuning-b.tsv', name: 'tuning set b', floor: { answerable: 570, right: 0.975, wrong: 0.008, uncoveredAnswered: 0.47 } },
    // when it arrived: 89.4% right, 4.0% wrong, 35.7% of "?" answered; 93.2% / 2.8% before it was tuned on (rules and examples from the others)
    { file: './outsider-check-3.tsv', name: 'outsider check 3', floor: { answerable: 420, right: 0.98, wrong: 0.008, uncoveredAnswered: 0.41 } },
    // when it arrived (written to be hard: neighbouring stages, no Party word, follow-ups no answer covers): 88.0% right, 4.2% wrong,
    // 60.4% of "?" answered, 96.0% of off-topic lines silent (考研党, 实习转正, 试用期转正 and 挂科了是要重修还是补考 answered before the rules on other senses and on grades)
    { file: './tuning-c.tsv', name: 'tuning set c', floor: { answerable: 500, right: 0.985, wrong: 0.01, uncoveredAnswered: 0.64 } },
    // when it arrived (long questions that tell the asker's story first, casual tone, some English): 84.3% right, 4.1% wrong,
    // 91.3% right answer or suggestion, 38.8% of "?" answered, every off-topic line silent
    { file: './tuning-d.tsv', name: 'tuning set d', floor: { answerable: 490, right: 0.98, wrong: 0.007, uncoveredAnswered: 0.38 } },
    // when it arrived (chat fragments, students' shorthand 思汇 / 预党 / 入积, voice-to-text run-ons, "听说…是真的吗"): 88.3% right, 1.8% wrong
    { file: './tuning-e.tsv', name: 'tuning set e', floor: { answerable: 480, right: 0.975, wrong: 0.012, uncoveredAnswered: 0.26 } },
    // when it arrived (the entries on the bot's own features and whom to ask, often with no Party word; neighbouring stages; chat follow-ups
    // beginning 那…, which need the message before and did not become examples): 84.0% right, 2.9% wrong, 84.3% of off-topic lines silent
    // (notices and cheering: 我刚交了申请书，冲冲冲 was answered)
    { file: './tuning-f.tsv', name: 'tuning set f', floor: { answerable: 440, right: 0.97, wrong: 0.01, uncoveredAnswered: 0.43, silent: 0.98 } },
    // when it arrived (30 students of 10 classes, dialect-flavoured): 87.9% right, 2.1% wrong, 20.0% of "?" answered, 99.0% of off-topic lines silent
    { file: './tuning-g.tsv', name: 'tuning set g', floor: { answerable: 430, right: 0.98, wrong: 0.01, uncoveredAnswered: 0.26 } },
    // when it arrived, never tuned on for two sessions: 89.0% right, 3.5% wrong, 93.0% right answer or suggestion, 45.8% of "?" answered,
    // 92.8% of off-topic lines silent; 91.7% / 2.7% / 98.8% silent before its missed lines became examples (when the sixth set arrived)
    { file: './outsider-check-4.tsv', name: 'outsider check 4', floor: { answerable: 480, right: 0.985, wrong: 0.007, uncoveredAnswered: 0.54 } },
    // when it arrived (written to be hard: neighbouring stages, whom to ask with no Party word, the class's figures, the bot's own features):
    // 76.2% right, 5.0% wrong, 84.5% right answer or suggestion, 96.8% of off-topic lines silent (干饭积极分子, 熬夜积极分子)
    { file: './tuning-h.tsv', name: 'tuning set h', floor: { answerable: 340, right: 0.97, wrong: 0.007, uncoveredAnswered: 0.29 } },
    // written against the answers of migration 410 and never tuned on for a session: 83.0% right, 3.6% wrong with the matcher before it,
    // 89.3% / 2.2% / 96.3% silent on arrival, 92.6% / 1.6% / 100% silent before its missed lines became examples (when the sixth set arrived)
    { file: './outsider-check-5.tsv', name: 'outsider check 5', floor: { answerable: 440, right: 0.97, wrong: 0.005, uncoveredAnswered: 0.32 } },
    // when it arrived (a year of class-chat traffic, full of our words in other senses: 推优评国奖, 内推的介绍人, 入职政审, 合唱《没有共产党就没有新中国》,
    // notices and remarks with Party words that ask nothing): 91.5% right, 2.6% wrong, 91.2% of off-topic lines silent
    { file: './tuning-i.tsv', name: 'tuning set i', floor: { answerable: 300, offTopic: 210, right: 0.98, wrong: 0.007, uncoveredAnswered: 0.2 } },
    // when it arrived (forty students of one college over a year, fragments to run-ons, some English): 91.4% right, 2.2% wrong, 93.5% of off-topic lines silent
    { file: './tuning-j.tsv', name: 'tuning set j', floor: { answerable: 480, right: 0.985, wrong: 0.005, uncoveredAnswered: 0.19, silent: 0.98 } },
    // when it arrived (a survey of five universities' students, copied verbatim: two questions at once, rumours, what-ifs): 90.1% right, 3.5% wrong
    { file: './tuning-k.tsv', name: 'tuning set k', floor: { answerable: 450, right: 0.975, wrong: 0.01, uncoveredAnswered: 0.3 } },
    // 362 lines of a semester's class chat (notices, 考研复试政审表, 宪法宣誓, 宿舍联络员, “青春心向党”): 98.3% silent when they arrived,
    // written after the rules on other senses that set e brought
    { file: './offtopic-f.tsv', name: 'off-topic set f', floor: { offTopic: 350, right: 0, wrong: 0, silent: 0.995 } },
    // 351 lines of five classes' chats over a year (nursing, law, civil engineering, journalism, a lab): 96.0% silent when they arrived,
    // after set f's rules (试用期…转正, 婚礼宣誓, 通讯录联系人, 运动会积极分子, 市委党校 as a workplace were answered or suggested)
    { file: './offtopic-g.tsv', name: 'off-topic set g', floor: { offTopic: 340, right: 0, wrong: 0, silent: 0.99 } },
    // 466 lines of a year's class chat, nearly all traps: remarks on the Party's process that ask nothing (我的思想汇报交了, 宣誓那天好激动),
    // classmates asking each other for a thing of the day (谁有党校的签到码, 今晚主题党日几点开始), our words in other senses: 85.0% silent when they arrived
    { file: './offtopic-h.tsv', name: 'off-topic set h', floor: { offTopic: 460, right: 0, wrong: 0, silent: 0.985 } },
    // 400 off-topic class-chat lines, many with our words in another sense: 95.5% silent when they arrived (紧急联系人, 考公政审,
    // 优秀团员推优, 毕业典礼宣誓, a birthday party …), before the rules on other senses
    { file: './offtopic-e.tsv', name: 'off-topic set e', floor: { offTopic: 390, right: 0, wrong: 0, silent: 0.995 } },
    // measured only until set 8 arrived (never tuned on, misses not looked at), then training lines of the classifier:
    // 86.8% right, 3.4% wrong, 93.3% right answer or suggestion, 93.3% of off-topic lines silent when it arrived; 88.7% / 2.1% / 95.7%
    // / 98.9% silent with the classifier; 89.3% / 1.8% with the other sets' lines as training lines but not its own (leave-one-set-out)
    {
      file: './outsider-check-6.tsv',
      name: 'outsider check 6',
      floor: { answerable: 480, right: 0.93, rightOrSuggested: 0.98, wrong: 0.005, uncoveredAnswered: 0.17 },
    },
    // as set 6: 91.3% right, 2.1% wrong, 93.6% right answer or suggestion, 96.8% of off-topic lines silent when it arrived; 93.4% / 0.2% / 96.1%
    // with the classifier; 92.7% / 0.4% leaving its own lines out
    {
      file: './outsider-check-7.tsv',
      name: 'outsider check 7',
      floor: { answerable: 480, right: 0.96, rightOrSuggested: 0.98, wrong: 0.005, uncoveredAnswered: 0.22 },
    },
    // written to probe every angle of each entry: 84.7% right, 3.7% wrong when it arrived; rules only (its lines cost sets 6 and 7 as
    // examples) until set 8 arrived, 87.5% / 2.0% then; a set of training lines since
    { file: './tuning-l.tsv', name: 'tuning set l', floor: { answerable: 480, right: 0.94, rightOrSuggested: 0.96, wrong: 0.005, uncoveredAnswered: 0.27 } },
    // five classes' chats over a year, measured only until set k arrived: 89.2% silent before the rules on remarks that ask nothing, 95.6%
    // with them, 97.2% with the classifier
    { file: './offtopic-j.tsv', name: 'off-topic set j', floor: { offTopic: 360, right: 0, wrong: 0, silent: 0.995 } },
    // written against the whole present base in mixed registers, training lines since: 95.3% right, 2.2% wrong, 96.5% right answer
    // or suggestion, 3.3% of "?" answered, all off-topic lines silent when it arrived
    { file: './outsider-check-10.tsv', name: 'outsider check 10', floor: { answerable: 480, right: 0.975, wrong: 0.008, uncoveredAnswered: 0.02 } },
    // written without the official vocabulary (nine in ten answerable lines: rd, dy, zb, zz, 试用期, 每个月交的那点钱, 举拳头那个仪式):
    // 48.9% right, 1.9% wrong when it arrived; 78.2% / 1.7% with the slang read as the terms (slang.ts, written from its misses), then
    // training lines
    { file: './outsider-check-11.tsv', name: 'outsider check 11', floor: { answerable: 470, right: 0.88, wrong: 0.006, uncoveredAnswered: 0.02 } },
    // students of every year and postgraduates, a third long messages with their context: 85.1% right, 3.1% wrong, 92.7% right answer
    // or suggestion, 9.8% of "?" answered, 99.0% of off-topic lines silent when it arrived
    { file: './outsider-check-12.tsv', name: 'outsider check 12', floor: { answerable: 470, right: 0.92, wrong: 0.007, uncoveredAnswered: 0.02 } },
    // mostly without the official terms (进组织, 红本子, 考验期, 被接收那一年, 那封信): 72.7% right, 2.5% wrong when it arrived; 81.6% / 1.9%
    // with its slang read as the terms (slang.ts)
    { file: './outsider-check-13.tsv', name: 'outsider check 13', floor: { answerable: 470, right: 0.89, wrong: 0.006, uncoveredAnswered: 0.02 } },
    // neighbouring stages, whom to ask, the class's figures: 93.7% right, 1.6% wrong, 95.9% right answer or suggestion, 8.1% of "?"
    // answered, 96.7% of off-topic lines silent when it arrived
    { file: './outsider-check-14.tsv', name: 'outsider check 14', floor: { answerable: 480, right: 0.955, wrong: 0.008, uncoveredAnswered: 0.02 } },
    // what-ifs, worries, rumours and two-part questions: 86.3% right, 3.2% wrong, 92.5% right answer or suggestion, 3.2% of "?"
    // answered, 96.7% of off-topic lines silent when it arrived
    { file: './outsider-check-15.tsv', name: 'outsider check 15', floor: { answerable: 490, right: 0.895, wrong: 0.006, uncoveredAnswered: 0.02 } },
    // class chat of many kinds of class, over a third our words in another sense: 93.8% silent when it arrived
    { file: './offtopic-m.tsv', name: 'off-topic set m', floor: { offTopic: 440, right: 0, wrong: 0, silent: 0.98 } },
    // voice-to-text run-ons, dialect, fragments: 93.9% right, 1.2% wrong, 96.7% right answer or suggestion when it arrived
    { file: './outsider-check-16.tsv', name: 'outsider check 16', floor: { answerable: 420, right: 0.95, wrong: 0.008, uncoveredAnswered: 0.02 } },
    // near-misses (a detail an entry's answer does not give: 196 "?" lines) beside the entries' own questions: 93.8% right, 1.6% wrong,
    // 20.4% of "?" answered when it arrived
    { file: './outsider-check-17.tsv', name: 'outsider check 17', floor: { answerable: 300, right: 0.955, wrong: 0.006, uncoveredAnswered: 0.02 } },
    // Party notices and reminders, questions to classmates or officers, feelings: 86.8% silent when it arrived, 91.5% with the rules on
    // lines addressed to someone and notices with dates
    { file: './offtopic-n.tsv', name: 'off-topic set n', floor: { offTopic: 400, right: 0, wrong: 0, silent: 0.975 } },
    // class chat, nearly half of it traps and a fifth Party notices and cheers that ask nothing: 95.6% silent when it arrived
    { file: './offtopic-l.tsv', name: 'off-topic set l', floor: { offTopic: 450, right: 0, wrong: 0, silent: 0.995 } },
    // freshmen who describe the things instead of naming them (那封表决心的信, 那本很厚的册子, 每季度写的感想): 61.7% right, 2.9% wrong when it arrived
    { file: './outsider-check-18.tsv', name: 'outsider check 18', floor: { answerable: 440, right: 0.89, wrong: 0.005, uncoveredAnswered: 0.02 } },
    // long messages that tell the asker's stage first, often naming another, then ask one thing: 77.1% right, 5.9% wrong, 16.0% of "?"
    // answered when it arrived; 82.4% / 2.0% / 9.9% with the part that asks counted twice by the classifier
    { file: './outsider-check-19.tsv', name: 'outsider check 19', floor: { answerable: 400, right: 0.9, wrong: 0.005, uncoveredAnswered: 0.02, silent: 0.97 } },
    // fragments, pinyin typos, shorthand, traditional characters, English, @bot: 96.9% right, 0.4% wrong when it arrived
    {
      file: './outsider-check-20.tsv',
      name: 'outsider check 20',
      floor: { answerable: 450, right: 0.975, wrong: 0.008, uncoveredAnswered: 0.02, silent: 0.985 },
    },
    // a semester's Party notices, lines to classmates by name (@吴昊, 孙悦 你…), opinions and feelings: 84.4% silent when it arrived,
    // 91.3% with the rules on lines to a person by name
    { file: './offtopic-o.tsv', name: 'off-topic set o', floor: { offTopic: 440, right: 0.85, wrong: 0.15, silent: 0.975 } },
    // near-misses again (219 "?" lines: details, situations, Party history, members' daily life): 92.8% right, 1.8% wrong, 27.9% of "?"
    // answered when it arrived
    { file: './outsider-check-21.tsv', name: 'outsider check 21', floor: { answerable: 220, right: 0.96, wrong: 0.005, uncoveredAnswered: 0.02 } },
    // for a roommate or a friend, what-ifs, rumours, negations, follow-ups that name their topic: 92.2% right, 0.7% wrong, 22.2% of "?" answered
    {
      file: './outsider-check-22.tsv',
      name: 'outsider check 22',
      floor: { answerable: 440, right: 0.94, wrong: 0.006, uncoveredAnswered: 0.02, silent: 0.985 },
    },
    // voice-typed run-ons of graduate and working students, vague words (那个钱, 那个会, 那个大本子): 60.0% right, 2.5% wrong when it arrived
    { file: './outsider-check-23.tsv', name: 'outsider check 23', floor: { answerable: 440, right: 0.86, wrong: 0.005, uncoveredAnswered: 0.02 } },
    // opinions, replies, jokes, experience shared, questions to classmates (你们…): 71.0% silent when it arrived, 79.8% with the rules on them
    { file: './offtopic-p.tsv', name: 'off-topic set p', floor: { offTopic: 450, right: 0.85, wrong: 0.15, silent: 0.94 } },
    // students who describe every term (交给组织的那份保证, 每隔几个月写的那个, 名字贴出来那个): 54.9% right, 2.0% wrong when it arrived
    { file: './outsider-check-24.tsv', name: 'outsider check 24', floor: { answerable: 450, right: 0.85, wrong: 0.005, uncoveredAnswered: 0.02 } },
    // whom to ask, the bot's own features, the class's figures, often without a Party word: 84.0% right, 1.6% wrong, 36.5% of "?" answered
    // when it arrived (28.8% with the rules on opening hours and deadlines)
    { file: './outsider-check-25.tsv', name: 'outsider check 25', floor: { answerable: 430, right: 0.92, wrong: 0.006, uncoveredAnswered: 0.06 } },
    // everyday senses of the words students also use for the Party's (一封信, 红本子, 试用期, 重点培养, 匿名): 97.2% silent when it arrived
    { file: './offtopic-q.tsv', name: 'off-topic set q', floor: { offTopic: 460, right: 0.85, wrong: 0.15, silent: 0.99 } },
    // every term described in the asker's own words (刚进去那一年的观察期, 大家举手表决我能不能进的那次会): 53.5% right, 1.5% wrong when it arrived
    {
      file: './outsider-check-26.tsv',
      name: 'outsider check 26',
      floor: { answerable: 450, right: 0.88, wrong: 0.005, uncoveredAnswered: 0.02, silent: 0.985 },
    },
    // threads of classmates talking among themselves (你那个转正申请交了没, 两毛 学生党员都这样): 83.5% silent when it arrived, 85.3% with the
    // rules on a classmate's own things
    { file: './offtopic-r.tsv', name: 'off-topic set r', floor: { offTopic: 440, right: 0.85, wrong: 0.15, silent: 0.95 } },
    // every term described again, by terse engineers, first-generation, graduate and transfer students and parents' worries: 56.2% right,
    // 1.7% wrong when it arrived
    { file: './outsider-check-27.tsv', name: 'outsider check 27', floor: { answerable: 450, right: 0.83, wrong: 0.005, uncoveredAnswered: 0.02 } },
    // an outside tester's broad check (official, half-known and misspelt terms, English, @bot, two questions in one): 93.8% right,
    // 0.6% wrong, 13.3% of "?" answered when it arrived
    { file: './outsider-check-28.tsv', name: 'outsider check 28', floor: { answerable: 460, right: 0.96, wrong: 0.005, uncoveredAnswered: 0.02 } },
    // opinions, rhetorical questions, what a senior or a counsellor said, questions to a classmate, in threads: 94.3% silent when it arrived
    { file: './offtopic-s.tsv', name: 'off-topic set s', floor: { offTopic: 420, right: 0.85, wrong: 0.15, silent: 0.975 } },
    // short questions that avoid or half-remember the official words (那个申请, 入d, 转正式, 上面批), 繁體, pinyin shorthand: 91.4% right,
    // 0.4% wrong, 20.0% of "?" answered when it arrived
    {
      file: './outsider-check-29.tsv',
      name: 'outsider check 29',
      floor: { answerable: 450, right: 0.95, wrong: 0.005, uncoveredAnswered: 0.02, silent: 0.975 },
    },
    // each line paraphrasing one point of an answer, with slips (党废, 积级分子), long messages, English and 繁體: 88.4% right, 1.3% wrong,
    // 8.3% of "?" answered when it arrived
    {
      file: './outsider-check-30.tsv',
      name: 'outsider check 30',
      floor: { answerable: 460, right: 0.945, wrong: 0.005, uncoveredAnswered: 0.02, silent: 0.97 },
    },
    // a semester of one class's chat (scholarships' 申请 and 公示, club elections, the League, internships' 转正, English, 繁體): 96.5% silent
    // when it arrived
    { file: './offtopic-t.tsv', name: 'off-topic set t', floor: { offTopic: 420, right: 0.85, wrong: 0.15, silent: 0.985 } },
    // long messages (40-150 characters) that tell the asker's situation, often naming another stage, then ask one thing: 74.9% right,
    // 1.8% wrong, 95.6% right answer or suggestion, 13.3% of "?" answered when it arrived
    {
      file: './outsider-check-31.tsv',
      name: 'outsider check 31',
      floor: { answerable: 440, right: 0.79, wrong: 0.005, uncoveredAnswered: 0.02, silent: 0.95 },
    },
    // near-misses (245 "?" lines, details the answers do not give) beside what the answers do say: 95.9% right, 1.1% wrong, 8.2% of "?"
    // answered when it arrived
    { file: './outsider-check-32.tsv', name: 'outsider check 32', floor: { answerable: 260, right: 0.95, wrong: 0.005, uncoveredAnswered: 0.02 } },
    // in English (international and English-UI students, often without "Party", some pinyin: rudang, jijifenzi): 29.2% right, 5.2% wrong,
    // 85.9% of chat silent when it arrived; 40.5% / 5.8% with the English names of the terms read as the Chinese ones (english.ts)
    {
      file: './outsider-check-33.tsv',
      name: 'outsider check 33 (English)',
      floor: { answerable: 280, right: 0.74, wrong: 0.012, uncoveredAnswered: 0.02, silent: 0.94 },
    },
    // English again (exchange students, overseas Chinese, casual and broken English, some pinyin): 50.3% right, 4.1% wrong, 20.0% of
    // "?" answered when it arrived (set 33 as it arrived, before english.ts: 29.2% / 5.2%)
    {
      file: './outsider-check-34.tsv',
      name: 'outsider check 34 (English)',
      floor: { answerable: 290, right: 0.73, wrong: 0.012, uncoveredAnswered: 0.02, silent: 0.95 },
    },
    // short replies and follow-ups in threads (哪个公示？, 发展对象的吗？, 交给谁了), echo questions, lines to a classmate, English and 繁體:
    // 85.0% silent when it arrived
    { file: './offtopic-u.tsv', name: 'off-topic set u', floor: { offTopic: 420, right: 0.85, wrong: 0.15, silent: 0.91 } },
  ];

  // The "?" lines were labelled against the answers of their day: some (党费是用来干什么的, 党校培训要交钱吗) are
  // answered by migration 410's answers now and count as answered without an entry here. Those that migration 420's
  // entries answer (三会一课是什么, 党纪处分有哪几种, 党员证在哪里领) carry their slugs now; the "?" left are fewer, and
  // those a neighbour answers weigh more in the share.
  it.each(tuned)(
    'answers $name, tuned on since it arrived (where two writers label alike questions differently, one of them loses)',
    ({ file, name, floor }) => {
      const f = evaluate(file);
      report(name, f);
      expectAtLeast(f, floor);
    },
  );

  /** Sets kept for measurement: never tuned on (no examples or training lines from them, their misses not looked at). */
  const measured: Array<{ file: string; name: string; floor: Floor }> = [
    // written with the answers in view and told to paraphrase (那个每个月要交的钱), with typos (党废, 公式 for 公示), long messages
    // with their context, English and traditional characters; when it arrived: 83.3% right, 2.3% wrong, 87.2% right answer or
    // suggestion, 9.1% of "?" answered, 97.8% of off-topic lines silent; 84.1% / 1.7% / 88.3% with sets 6, 7, l and j as training lines;
    // 86.0% / 1.5% / 89.3%, 6.1% of "?" answered with the slang (slang.ts), sets 10, 11 and off-topic l as training lines and the
    // classifier's class of questions no entry answers; 86.4% / 1.9% / 89.3%, 1.5% of "?" answered with sets 12 and 13 too;
    // 85.8% / 2.1% / 88.9%, 3.0%, 98.9% silent with sets 14, 15 and m; 77.1% / 1.9% / 80.7%, 4.9%, 98.9% silent with 16, 17 and n too (a new training moves these by about half a point);
    // 87.0% / 1.5% / 89.7%, 1.5%, 98.9% with sets 16, 17 and n
    {
      file: './outsider-check-8.tsv',
      name: 'outside set 8',
      floor: { answerable: 470, right: 0.85, rightOrSuggested: 0.88, wrong: 0.022, uncoveredAnswered: 0.05, silent: 0.975 },
    },
    // written as students write without the official vocabulary (three in four answerable lines have none of 党, 积极分子, 申请书 …:
    // 每个月要交的那点钱交给谁, 组织发的那本表写错了咋办), with slang (jjfz, 思汇, 入d) and pinyin slips (当校, 思想会报): 64.5% right,
    // 1.7% wrong, 68.1% right answer or suggestion, 18.0% of "?" answered, 98.9% of off-topic lines silent when it arrived. A question
    // with no Party word is answered only when the examples as a whole all but prove it ours, so most of these got no answer;
    // 73.5% / 1.9% / 76.9%, 11.5% of "?" answered, 97.8% silent with the slang, sets 10, 11 and l and the class of questions no entry
    // answers; 77.5% / 1.5% / 80.9%, 8.2% with more slang and sets 12 and 13; 78.4% / 1.9% / 81.3%, 4.9% with sets 14, 15 and m
    {
      file: './outsider-check-9.tsv',
      name: 'outside set 9 (no official words)',
      floor: { answerable: 470, right: 0.765, rightOrSuggested: 0.8, wrong: 0.02, uncoveredAnswered: 0.06, silent: 0.975 },
    },
    // a year of class chat, a third of it traps (党课笔记借我抄一下, 考公政审, 实习转正, 干饭党, 社团支部); 97.7% silent when it arrived,
    // 98.5% with sets l, m and n as training lines
    { file: './offtopic-k.tsv', name: 'off-topic set k', floor: { offTopic: 390, right: 0, wrong: 0, silent: 0.98 } },
  ];

  it.each(measured)('holds up on $name, written blind to the knowledge base and never used for tuning', ({ file, name, floor }) => {
    const f = evaluate(file);
    report(`${name} (measure only)`, f);
    expectAtLeast(f, floor);
  });

  it('stays out of the League’s business and of oaths that are not the Party’s, and still answers the Party’s', () => {
    for (const q of ['团员证丢了怎么补办', '团费一年交多少', '团组织关系转接怎么弄', '运动员宣誓谁来念', '医学生宣誓仪式几点集合'])
      expect(matcher.match(q).outcome, q).toBe('none');
    expect(matcher.match('入党宣誓要注意什么')).toMatchObject({ slug: 'oath', outcome: 'answer' });
    expect(matcher.match('党员的组织关系怎么转接')).toMatchObject({ slug: 'transfer', outcome: 'answer' });
    expect(matcher.match('团员入党一定要推优吗')).toMatchObject({ slug: 'league-recommendation', outcome: 'answer' });
  });

  it('leaves our words used in another sense alone (考研党, 实习转正, 紧急联系人, 考公政审, a birthday party), and still answers them in the Party’s sense', () => {
    for (const q of [
      '考研党们，图书馆几点开门',
      '实习转正一般要多久啊',
      '试用期转正以后工资涨多少',
      '班干部考察期是多久',
      '学生会干部考核怎么算',
      '紧急联系人可以填室友吗',
      '奖学金表交到学院党政办公室吗',
      '优秀团员的推优名额每班几个',
      '她就是当年给我俩牵线的介绍人',
      '学生会换届要交申请书吗',
      '我哥考公进面了，下周政审',
      '评教是匿名的吗',
      '给宿管中心投诉能匿名吗',
      '毕业典礼宣誓要穿学位服吗',
      "Who's joining the party on Saturday? It's Lily's birthday",
      '12月4号国家宪法日，学院组织宪法宣誓活动',
      '授帽仪式上念的南丁格尔誓言要背下来吗',
      '学院举办“青春心向党”演讲比赛，每班推荐一名选手',
      '校友会联络员说下周有学长回来做就业分享',
      '调剂的学校也要交复试政审表吗',
      '党史知识竞赛班里要出三个人，谁报名',
      '作业匿名互评在哪里弄',
      '公务员试用期一年，期满考核合格才转正',
      '婚礼上新郎宣誓的时候我哭得比新娘还厉害',
      '运动会开幕式的运动员宣誓词我背了一晚上',
      '通讯录联系人太多了，找个人翻半天',
      '马拉松志愿者需要一个联络员对接组委会，谁愿意',
      '运动会积极分子名单出来了，我们班拿了精神文明奖',
      '我爸在市委党校当老师，周末回家又要听他讲课了😂',
      '辅导员谈话一般聊啥，我有点慌',
      '学校推免名额出来了吗，今年推优保研比例多少',
      '入团积极分子培训几点开始',
      '干饭积极分子已就位🍚',
      '白大衣授予仪式要宣誓吗',
      '运动会报名还差两个人，有没有积极分子😂',
      '追剧党有没有好剧推荐',
      '学院推优评国奖 每班一个名额 班委会先讨论',
      '内推找个学长当介绍人就行',
      '入职体检和政审是一起的吗',
      '七一学院合唱比赛 我们班报了《没有共产党就没有新中国》',
      '党史学习教育观后感一千字 明晚交给学委',
      '运动会各班联络员下午3点体育馆开会',
      '选班服的匿名投票链接发了 大家投一下',
      // a wording near an example with a Party word, less that word
      '请假条找谁签',
    ])
      expect(matcher.match(q).outcome, q).toBe('none');
    expect(matcher.match('递交申请后辅导员会找我谈话吗')).toMatchObject({ slug: 'application-talk', outcome: 'answer' });
    expect(matcher.match('学生党员转正要多久')).toMatchObject({ slug: 'full-membership', outcome: 'answer' });
    expect(matcher.match('我是考研党，入党对考研有帮助吗')).toMatchObject({ slug: 'motives-benefits', outcome: 'answer' });
    expect(matcher.match('积极分子考察期多久')).toMatchObject({ slug: 'activist-training', outcome: 'answer' });
    // 积极分子 (in about 300 of the documents) is still searched: it decides between the activist year and probation
    expect(matcher.match('积极分子要考察一年吗')).toMatchObject({ slug: 'activist-training', outcome: 'answer' });
    expect(matcher.match('培养联系人多久找我一次')).toMatchObject({ slug: 'activist-training', outcome: 'answer' });
    expect(matcher.match('入党申请书交到党政办公室吗')).toMatchObject({ slug: 'application-submit', outcome: 'answer' });
    expect(matcher.match('毕业前能入党宣誓吗').outcome).not.toBe('none');
    // a wording near an example with no Party word of its own is ours too; one that leaves out the example's Party word is not
    expect(matcher.match('投票是不是记名的呀')).toMatchObject({ slug: 'branch-vote', outcome: 'answer' });
    expect(matcher.match('考试挂科了能补考吗').outcome).toBe('none');
    // a development target (发展对象) and an introducer are not a date and a matchmaker
    expect(matcher.match('发展对象是不是要先确定介绍人')).toMatchObject({ slug: 'development-target', outcome: 'answer' });
    const english = matcher.match('how do I join the party as a student');
    expect(english.outcome).not.toBe('none');
    expect(english.candidates[0]?.slug).toBe('eligibility');
  });

  it('leaves notices, thanks and cheering that ask nothing alone, however many of our words they have', () => {
    for (const q of [
      '我刚交了申请书，冲冲冲',
      '恭喜小王成为预备党员🎉',
      '祝贺小李成为预备党员',
      '党校结业证书已经发到各位手里了，请自己收好',
      '我的思想汇报交了，今晚可以安心打游戏了',
      '政审那天老师问得挺细的，不过还好',
      '谁有党校的签到码，发我一下，我手机刚才没电了',
      '今晚主题党日几点开始？我可能要晚到十分钟',
      '党费收款码发一下',
      '发展对象公示已经贴在学院公告栏了',
      '思想汇报我已经交给联络员了哈',
      '今天党课讲得还挺有意思的',
      '入党积极分子培训班开班仪式周六上午 被通知到的同学准时参加',
      '入党申请书已经收齐了，辛苦大家配合',
      '下周一要交思想汇报的同学记得按时哈',
      '联络员学姐今天好飒哈哈',
      // lines addressed to an officer or to the classmates, notices with dates or attendance, the week's plans
      '班长 你转正申请书写了几页啊',
      '你们谁的培养联系人是周老师',
      '大家党校结业证书都领了吗',
      '有没有人一起去党校 顺路拼车',
      '本次发展对象公示期11.25-11.29 公示地点学院一楼公告栏',
      '组织生活会通报：本次会议应到23人 实到21人',
      '恭喜几位同学被确定为入党积极分子',
      '党旗挂歪了 谁去扶一下',
      // lines addressed to a classmate by name (@ a Chinese name: the bot's username is Latin), notices with a time and a dress code
      '@吴彤 你的入党志愿书交给谁了',
      '孙多多 你思想汇报写了几页',
      '林晓，联系人是哪位学长啊，我也想问问他考察表怎么填',
      '赵老师，我们班的推优名单已发您邮箱',
      '入党宣誓仪式定于周五上午，预备党员着正装，提前半小时到',
      '谁能帮我看一下我的思想汇报有没有错别字',
      // questions to the classmates (你们…) or to an elder student, replies, jokes that say so, opinions and what someone said
      '你们谈话的时候都问了什么',
      '学长 你当时的介绍人是谁呀',
      '对啊 我也是这么交的党费',
      '入党了能保研吗 开玩笑的',
      '我觉得思想汇报手写就是形式主义',
      '辅导员说党费可以微信交',
      // a classmate's own things (那你…, 你那个…, …交了没)
      '那你积极分子的考察咋办',
      '你那个转正申请交了没',
    ])
      expect(matcher.match(q).outcome, q).toBe('none');
    // the same words in a question are answered
    expect(matcher.match('思想汇报下周一要交吗')).toMatchObject({ slug: 'thought-report', outcome: 'answer' });
    expect(matcher.match('收到入党申请书以后多久找我谈话')).toMatchObject({ slug: 'application-talk', outcome: 'answer' });
    // a trouble told without a question word still asks for help
    expect(matcher.match('入党志愿书弄丢了')).toMatchObject({ slug: 'lost-materials', outcome: 'answer' });
    expect(matcher.match('交申请书都两个月了还没人联系我')).toMatchObject({ slug: 'application-talk', outcome: 'answer' });
    // and so does one that tells what the asker wants
    expect(matcher.match('我满18岁了，想申请入党').outcome).toBe('answer');
    expect(matcher.match('我转专业了，入党的事')).toMatchObject({ slug: 'status-change', outcome: 'answer' });
    // a question that names the classmates is still a question (为什么大家都想入党), and so is one to the bot by name
    expect(matcher.match('为什么大家都想入党')).toMatchObject({ slug: 'motives-benefits', outcome: 'answer' });
    expect(matcher.match('@小助手 入党基本条件').outcome).toBe('answer');
    expect(matcher.match('@机器人 入党介绍人要自己去找吗').outcome).toBe('answer');
    // what someone said, checked, is a question
    expect(matcher.match('辅导员说党费可以微信交，是真的吗')).toMatchObject({ slug: 'dues', outcome: 'answer' });
    // a name is only a name where a line begins with one (林), not a word that begins like one (高中, 周末)
    expect(matcher.match('高中入过团，大学入党还要先入团吗')).toMatchObject({ slug: 'league-vs-party', outcome: 'answer' });
  });

  it('weighs what a long message asks above the stages it tells of on the way', () => {
    const long = '我是预备党员，去年九月支部大会通过的。我想问问党费每个月交多少';
    expect(askingPart(long)).toBe('我想问问党费每个月交多少');
    // the last sentence that asks, not a remark after it; one sentence (commas do not end one) is all asking
    expect(askingPart('我刚成了积极分子！思想汇报多久交一次？谢谢大家。')).toBe('思想汇报多久交一次？');
    expect(askingPart('我是预备党员，能出国交换吗')).toBe('我是预备党员，能出国交换吗');
    // the classifier sees the asking part's terms twice
    const options = { lexicon: ['党费', '预备党员', '支部大会'] };
    const seen = classifierTerms(long, options);
    expect(seen.filter((t) => t === 'k:党费')).toHaveLength(2);
    expect(seen.filter((t) => t === 'k:支部大会')).toHaveLength(1);
    expect(classifierTerms('党费每个月交多少', options)).toEqual(terms('党费每个月交多少', options));
    expect(matcher.match(long)).toMatchObject({ slug: 'dues', outcome: 'answer' });
    expect(matcher.match('我是发展对象，支部大会下个月开，介绍人也定了。政审主要查哪些内容')).toMatchObject({ slug: 'political-review', outcome: 'answer' });
  });

  it('ranks the entry a question is typical of above one with a single example that shares more words', () => {
    // study-abroad has 预备党员期间出国 examples; the question is about probation as such
    expect(matcher.match('预备党员期间要做什么')).toMatchObject({ slug: 'probation', outcome: 'answer' });
  });

  it('answers a question with no Party word when the examples as a whole all but name one entry, and leaves a line most like class chat alone', () => {
    // the outside tester's lines were not examples then: no Party word, and no example alike enough for the search
    expect(rulesOnly.match('你答不上来的问题会怎么处理')).toMatchObject({ slug: 'contact-branch', outcome: 'answer' });
    expect(rulesOnly.match('我是少数民族 过我们民族的传统节日算信教吗')).toMatchObject({ slug: 'religion', outcome: 'answer' });
    // …but not who a particular person is, which only the class's own entries know
    expect(rulesOnly.match('那个负责的老师叫什么名字').outcome).not.toBe('answer');
    // a Party word in a line of class chat: the search finds an entry, the classifier knows the chat
    expect(matcher.match('党日活动拍的照片谁有，发一下').outcome).toBe('none');
    expect(matcher.match('支部大会的横幅挂好了吗').outcome).not.toBe('answer');
  });

  it('offers both entries, not an answer, when two are about as likely and neither is sure', () => {
    // the entries on writing and on handing in the application, neither sure (the classifier here learns from the entries'
    // examples alone, so that the tie does not move with every set of training lines)
    const examplesOnly = new FaqMatcher(kb.entries, { labelled: [], chat: [] });
    const both = examplesOnly.match('入党申请书要交几份，要不要复印留底');
    expect(both.outcome).toBe('suggest');
    expect(both.candidates.map((c) => c.slug).slice(0, 2)).toEqual(expect.arrayContaining(['application-letter', 'application-submit']));
    // a clear winner is still answered
    expect(matcher.match('党费每个月交多少')).toMatchObject({ slug: 'dues', outcome: 'answer' });
  });

  it('gives the three outcomes, with suggestions only when unsure', () => {
    expect(matcher.match('入党申请书怎么写')).toMatchObject({ slug: 'application-letter', outcome: 'answer' });
    const unsure = matcher.match('港澳台同学可以入党吗');
    expect(unsure.outcome).toBe('suggest');
    expect(unsure.score).toBeGreaterThanOrEqual(THRESHOLDS.suggest);
    expect(unsure.candidates.length).toBeGreaterThan(0);
    expect(unsure.candidates.length).toBeLessThanOrEqual(3);
    for (const q of ['食堂几点开门', '四级什么时候考', '作业交了吗', '哈哈哈', '', '   ', '？？？']) expect(matcher.match(q).outcome, q).toBe('none');
  });

  it('gives no confident answer to a question whose key content no entry covers (issue 12)', () => {
    // before the entries on religion, school discipline and motives existed, these were answered by neighbours
    // (and before the one on members' sanctions, which shares 处分 with school discipline: without the entry on
    // school discipline it answers 我之前被学校处分过还能入党吗 — a known limit of matching by shared words)
    const before = without('religion', 'discipline-record', 'motives-benefits', 'member-discipline');
    for (const q of ['我信佛，可以入党吗', '我之前被学校处分过还能入党吗', '入党对考公有帮助吗']) {
      expect(before.match(q).outcome, q).not.toBe('answer');
    }
    expect(matcher.match('我信佛，可以入党吗')).toMatchObject({ slug: 'religion', outcome: 'answer' });
    expect(matcher.match('我之前被学校处分过还能入党吗')).toMatchObject({ slug: 'discipline-record', outcome: 'answer' });
    expect(matcher.match('入党对考公有帮助吗')).toMatchObject({ slug: 'motives-benefits', outcome: 'answer' });
    // a Party question about something no entry knows: a suggestion or a hand-off, never an answer
    for (const q of ['党员可以炒股吗', '党员可以买彩票吗', '党的生日是哪一天']) expect(matcher.match(q).outcome, q).not.toBe('answer');
    // the classifier learns such questions as a class of their own (the "?" lines of the sets written against the
    // present base); without it, the nearest entry answered these
    const withoutUncovered = new FaqMatcher(kb.entries, { ...SHIPPED_LINES, uncovered: [] });
    for (const q of ['党员可以出国旅游吗', '党小组长是怎么选出来的', '民主评议党员怎么评']) {
      expect(withoutUncovered.match(q).outcome, q).toBe('answer');
      expect(matcher.match(q).outcome, q).toBe('suggest');
    }
  });

  it('does not take the League for the Party, a negation for its opposite, or a weak word alone for the domain', () => {
    expect(matcher.match('入团申请书怎么写')).toMatchObject({ slug: 'league-vs-party', outcome: 'answer' });
    expect(without('league-vs-party').match('入团申请书怎么写').outcome).not.toBe('answer');
    expect(matcher.match('我不想继续当积极分子了')).toMatchObject({ slug: 'leaving-party', outcome: 'answer' });
    expect(matcher.match('为什么我没被确定为发展对象')).toMatchObject({ slug: 'not-selected', outcome: 'answer' });
    expect(matcher.match('党龄从哪天开始算')).toMatchObject({ slug: 'full-membership', outcome: 'answer' });
    expect(matcher.match('积极分子的考察期从哪天开始算')).toMatchObject({ slug: 'activist-training', outcome: 'answer' });
    // 挂科 alone makes a question possibly about joining: answered only by the entry about grades
    expect(matcher.match('挂科了还能入党吗')).toMatchObject({ slug: 'academic-requirement', outcome: 'answer' });
    expect(matcher.match('考试挂科了能补考吗').outcome).toBe('none');
    // and grades alone are the class's business, with 申请 or 发展 they may be about joining
    for (const q of ['挂科了咋办', '挂科了是要重修还是补考', '重修要交钱吗']) expect(matcher.match(q).outcome, q).toBe('none');
    expect(matcher.match('重修过的课会影响发展吗')).toMatchObject({ slug: 'academic-requirement', outcome: 'answer' });
    // a weak word alone and a search that finds little: answered when the classifier is all but sure of one entry, as with no Party word
    expect(matcher.match('休学半年回来以后，之前考察的时间还接着算吗')).toMatchObject({ slug: 'status-change', outcome: 'answer' });
    expect(matcher.match('谈话能不能在线上视频进行')).toMatchObject({ slug: 'application-talk', outcome: 'answer' });
    // but not an application for something else
    for (const q of ['国奖申请书要写多少字', '我递交了换寝申请一个月了还没人理我', '申请助学金要写申请书吗']) expect(matcher.match(q).outcome, q).toBe('none');
  });

  it('leaves who a particular person is to the entries made for the asker’s class, and those entries to their class', () => {
    // a shared entry on contacting the branch cannot know the secretary's name; the live entry knows the class's liaisons
    for (const q of ['我们支部书记叫什么名字', '学院党委书记是谁', '我的培养联系人是谁', 'who is the party secretary of our college']) {
      expect(matcher.match(q).outcome, q).toBe('suggest');
    }
    expect(matcher.match('我们班联络员是谁')).toMatchObject({ slug: 'class-liaisons', outcome: 'answer' });
    // and the live entry on the class's figures knows the class, not the college or the Party as a whole
    expect(matcher.match('我们班有几个积极分子')).toMatchObject({ slug: 'class-stats', outcome: 'answer' });
    // a count of the class names a stage, but the figures are the live entry's, not the stage's
    expect(matcher.match('班里有几个入党积极分子')).toMatchObject({ slug: 'class-stats', outcome: 'answer' });
    expect(matcher.match('咱班一共几个正式党员几个预备的')).toMatchObject({ slug: 'class-stats', outcome: 'answer' });
    expect(matcher.match('我们班今年推优名额有几个').slug).not.toBe('class-stats');
    expect(matcher.match('我们班上学期参加过党校培训的积极分子一共有几个')).toMatchObject({ slug: 'class-stats', outcome: 'answer' });
    // how many years, not how many people
    expect(matcher.match('我们班同学入党一般要等多少年').slug).not.toBe('class-stats');
    for (const q of ['全学院现在有多少个积极分子', '中国共产党现在一共有多少党员']) expect(matcher.match(q).outcome, q).not.toBe('answer');
    expect(matcher.match('入党介绍人一般是谁当')).toMatchObject({ slug: 'introducers', outcome: 'answer' });
    // nor the date of a particular event, a phone number or a room: a suggestion, never an answer
    for (const q of [
      '下次支部大会几号开',
      '支部书记电话多少',
      '学院党委组织员办公室在哪栋楼',
      '入党积极分子名单今天出了吗',
      '这学期党校第一次课是几号',
      '档案室几点开门',
      '这季度思想汇报截止日期是哪天',
      '收党费的组织委员是谁',
      'When is the next branch meeting?',
    ])
      expect(matcher.match(q).outcome, q).not.toBe('answer');
    expect(matcher.match('支部书记怎么联系')).toMatchObject({ slug: 'contact-branch', outcome: 'answer' });
  });

  it('reads English questions against the entries’ English examples and answers, and bot commands the entries name', () => {
    expect(matcher.match('what rights and duties do party members have')).toMatchObject({ slug: 'rights-duties', outcome: 'answer' });
    expect(matcher.match('how much are party membership dues for students')).toMatchObject({ slug: 'dues', outcome: 'answer' });
    expect(matcher.match('what time does the library open').outcome).toBe('none');
    // no Party word, but a command of the bot's that an entry explains
    expect(matcher.match('/my_progress 能看到什么')).toMatchObject({ slug: 'class-stats', outcome: 'answer' });
    expect(matcher.match('/liaisons 是什么')).toMatchObject({ slug: 'class-liaisons', outcome: 'answer' });
    expect(matcher.match('/nonsense 是干啥的').outcome).toBe('none');
  });

  it('finds what a question is about: domain terms, words and unknown runs, less function words and fillers', () => {
    const lexicon = ['入党申请书', '入团申请书', '积极分子'];
    expect(contentUnits('我信佛，可以入党吗', lexicon)).toEqual(['信佛', '入党']);
    expect(contentUnits('党员可以炒股吗', lexicon)).toEqual(['党员', '炒股']);
    expect(contentUnits('入团申请书大概要写几页', lexicon)).toEqual(['入团申请书']);
    expect(contentUnits('请问一下现在怎么办', lexicon)).toEqual([]);
    expect(contentUnits('how long is the probation period for party members', lexicon)).toEqual(['预备', '党员']);
  });

  it('reads the slang students use for the terms, and leaves the same letters and words in their other senses alone', () => {
    const reads: Array<[string, string]> = [
      ['jjfz怎么定', '积极分子怎么定'],
      ['我是fzdx了', '我是发展对象了'],
      ['sxhb多久交', '思想汇报多久交'],
      ['想rd', '想入党'],
      ['学生dy一个月要交多少钱', '学生党员一个月要交多少钱'],
      ['怎么联系我们的zb', '怎么联系我们的支部'],
      ['zz没通过会怎样', '转正没通过会怎样'],
      ['当校要考吗', '党校要考吗'],
      ['我入不了当了', '我入不了党了'],
      ['那点钱能一次交一年的吗', '党费能一次交一年的吗'],
      ['每季度那篇汇报要写多少字', '思想汇报要写多少字'],
      ['一年试用期满了怎么变成正式的', '一年预备期满了怎么转正'],
      ['举拳头的时候举右手还是左手', '宣誓的时候举右手还是左手'],
      ['查我家里情况那个到底要查啥', '政审那个到底要查啥'],
      ['我爸坐过牢我还能进组织吗', '我爸坐牢我还能入党吗'],
      ['那本红本子能不能用圆珠笔写', '那本志愿书能不能用圆珠笔写'],
      ['那个每季度要交的东西写啥内容好', '那个思想汇报写啥内容好'],
      ['交完信之后下一步是啥', '交申请书之后下一步是啥'],
      ['那本要填的册子用什么笔写', '志愿书用什么笔写'],
      ['给组织写的那种定期感想 开头怎么称呼啊', '思想汇报 开头怎么称呼啊'],
      ['那两个引路的党员具体要干嘛', '那两个介绍人具体要干嘛'],
      ['名字被挂出来了是不是就稳了', '名字公示了是不是就稳了'],
      ['候补的那一年有什么不能做的', '预备期有什么不能做的'],
      ['那个公式要挂多少天', '那个公示要挂多少天'],
      ['毕业了组织关心怎么转啊', '毕业了组织关系怎么转啊'],
      ['对着旗子念誓言那个一般是谁来组织的', '宣誓念誓词那个一般是谁来组织的'],
    ];
    for (const [said, read] of reads) expect(normalise(said)).toBe(read);
    expect(normalise('刷dy看到的')).not.toContain('党');
    expect(normalise('实习试用期多久')).not.toContain('预备期');
    expect(normalise('试用期三个月，表现好可以提前转正')).not.toContain('预备期');
    expect(normalise('我高考志愿本来填的不是这个专业')).not.toContain('志愿书');
    expect(normalise('班费那笔钱交了吗')).not.toContain('党费');
    for (const other of ['交信用卡账单', '这信息谁发的', '我交了信息表', '相信组织', '我信佛']) expect(normalise(other)).not.toContain('申请书');
    expect(normalise('我那个对象不让我熬夜')).not.toContain('发展对象');
    expect(normalise('数学公式怎么背')).not.toContain('公示');
    expect(normalise('学院公众号征稿“写给新生的一封信”')).not.toContain('申请书');
    expect(normalise('荣誉证书那个红本子要扫描吗')).not.toContain('志愿书');
    expect(normalise('公司说会重点培养我')).not.toContain('积极分子');
    expect(normalise('试用期被辞退有没有补偿啊')).not.toContain('预备期');
    expect(normalise('组织关心我们')).not.toContain('组织关系');
    expect(normalise('我想进组织部实习')).not.toContain('入党');
    expect(normalise('社团组织活动')).not.toContain('入党');
    expect(normalise('进了组织以后会发个小红本证件吗')).not.toContain('志愿书');
    for (const other of ['3rd floor', 'pdf格式', '看zb', '你真zz', 'zz面貌', '当校长', '当课代表', '当员工', '融入当地'])
      expect(normalise(other)).not.toMatch(/党|入党|支部|转正/);
  });

  it('reads typos, synonyms and traditional characters', () => {
    expect(matcher.match('积极份子要考察多久').slug).toBe('activist-training');
    expect(matcher.match('怎么成为正式党员').slug).toBe('full-membership');
    expect(matcher.match('入黨申請書怎麼寫').slug).toBe('application-letter');
    expect(normalise('積極份子')).toBe('积极分子');
    expect(normalise('转到数学学院了')).toBe('转学院了');
    expect(normalise('转到学院办公室')).toBe('转到学院办公室');
    // homophone slips of a pinyin keyboard are mended in domain words, and only there
    expect(normalise('申情书要写多少字')).toBe('申请书要写多少字');
    expect(normalise('发展对向之后呢')).toBe('发展对象之后呢');
    expect(normalise('党非怎么交')).toBe('党费怎么交');
    expect(normalise('自行拖党是什么意思')).toBe('自行脱党是什么意思');
    expect(normalise('入党的条见是什么')).toBe('入党的条件是什么');
    expect(normalise('他的条件很好 我们交换一下')).toBe('他的条件很好 我们交换一下');
    expect(normalise('团圆饭 入档')).toBe('团圆饭 入档');
    expect(normalise('入团申请书')).toBe('入团申请书');
    expect(matcher.match('思像汇报一般写多少字').slug).toBe('thought-report');
    // pinyin typed in the middle of a word, and a slip the mender cannot see (令 and 龄 are both words)
    expect(normalise('dang费交给谁')).toBe('党费交给谁');
    expect(normalise('shenqingshu的开头怎么写')).toBe('申请书的开头怎么写');
    expect(normalise('公式期间有人提意见会怎么样')).toBe('公示期间有人提意见会怎么样');
    expect(normalise('数学公式多少个')).toBe('数学公式多少个');
    expect(normalise('rd流程求科普')).toBe('入党流程求科普');
    // the process named in English without "the Party"; an autobiography, which the application asks for
    expect(matcher.match("I'm switching majors next term. Do I have to restart the joining process?")).toMatchObject({
      slug: 'status-change',
      outcome: 'answer',
    });
    expect(matcher.match('入党自传要写什么内容')).toMatchObject({ slug: 'documents-checklist', outcome: 'answer' });
    expect(matcher.match('写一篇自传作业交给语文老师').outcome).toBe('none');
    expect(matcher.match('党令从什么时候算')).toMatchObject({ slug: 'full-membership', outcome: 'answer' });
    expect(terms('预备党员转正', { lexicon: ['转正'] })).toEqual(expect.arrayContaining(['预备', '党员', '转正', 'k:转正']));
  });
});
