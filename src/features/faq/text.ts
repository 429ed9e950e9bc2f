import { OTHER_SENSES } from './other-senses.js';
import { HomophoneMender, simplified } from './spelling.js';
import { SLANG } from './slang.js';
import { ENGLISH_TERMS } from './english.js';

/**
 * Chinese text → search terms. Questions are short, colloquial, with typos and without the title's
 * words, so every text (documents and questions alike) goes through the same three steps:
 *   1. normalise: NFKC, lower case, a few traditional characters, and the domain's synonyms and
 *      common typos mapped to one spelling (积极份子 → 积极分子, 成为正式党员 → 转正, …);
 *   2. words from Intl.Segmenter (Node's ICU dictionary segmenter), plus
 *   3. character bigrams of every CJK run (they catch what the segmenter splits, 转|正 → 转正), and
 *      the domain terms found anywhere in the text (a small lexicon, longest spellings first).
 * Function words and bigrams made only of function characters are dropped.
 */

/** Variant → canonical spelling. Applied longest variant first, to documents and questions alike. */
export const SYNONYMS: ReadonlyArray<readonly [string, string]> = [
  // typos and variants people type
  ['积极份子', '积极分子'],
  ['积级分子', '积极分子'],
  ['积积分子', '积极分子'],
  ['激积分子', '积极分子'],
  ['入党申请数', '入党申请书'],
  ['申请数', '申请书'],
  ['申请信', '申请书'],
  ['思想汇抱', '思想汇报'],
  ['思想报告', '思想汇报'],
  ['思想总结', '思想汇报'],
  ['思汇', '思想汇报'],
  // students' shorthand
  ['预党', '预备党员'],
  ['入积', '积极分子'],
  ['志原书', '志愿书'],
  ['志愿表', '志愿书'],
  ['自愿书', '志愿书'],
  ['预备其', '预备期'],
  ['预被党员', '预备党员'],
  ['预备党圆', '预备党员'],
  ['发展对像', '发展对象'],
  ['转证', '转正'],
  ['转症', '转正'],
  ['转政', '转正'],
  ['政申', '政审'],
  ['介绍认', '介绍人'],
  ['党效', '党校'],
  ['党废', '党费'],
  ['党员费', '党费'],
  ['入dang', '入党'],
  ['入d', '入党'],
  ['宣示', '宣誓'],
  ['誓言', '誓词'],
  // same meaning, different words
  ['成为正式党员', '转正'],
  ['转为正式党员', '转正'],
  ['转成正式党员', '转正'],
  ['变成正式党员', '转正'],
  ['变为正式党员', '转正'],
  ['转正式党员', '转正'],
  ['转成正式', '转正'],
  ['政治审查', '政审'],
  ['政治审核', '政审'],
  ['背景调查', '政审'],
  ['团员推优', '推优'],
  ['团组织推荐', '推优'],
  ['推荐优秀团员', '推优'],
  ['推荐入党', '推优'],
  ['党组织关系', '组织关系'],
  ['党关系', '组织关系'],
  ['党员关系', '组织关系'],
  ['不及格', '挂科'],
  ['挂了科', '挂科'],
  ['挂过科', '挂科'],
  ['没及格', '挂科'],
  ['没过线', '挂科'],
  ['挂了', '挂科'],
  ['当积极分子', '成为积极分子'],
  ['党课培训', '党校培训'],
  ['联系人员', '联系人'],
  ['联络人', '联络员'],
  ['支部委员会', '支委会'],
  ['党支部大会', '支部大会'],
  ['党员大会', '支部大会'],
  ['发展大会', '支部大会'],
  ['学时', '课时'],
  ['交党费', '党费'],
  ['缴党费', '党费'],
  ['缴纳', '交纳'],
  ['缴费', '交纳'],
  ['毕业生', '毕业'],
  ['大四', '毕业班'],
  ['研三', '毕业班'],
  ['大学四年级', '毕业班'],
  ['一年级', '大一'],
  ['十八岁', '18岁'],
  ['十八周岁', '18岁'],
  ['18周岁', '18岁'],
  ['未满18', '未成年'],
  ['不够18', '未成年'],
  ['不到18', '未成年'],
  ['十八', '18'],
  ['不满18', '未成年'],
  ['没满18', '未成年'],
  ['没到18', '未成年'],
  ['多长时间', '多久'],
  ['多少时间', '多久'],
  ['多少年', '几年'],
  ['要几年', '几年'],
  ['几个月', '多久'],
  ['多少个月', '多久'],
  ['匿名的', '匿名'],
  ['不想留名', '匿名'],
  ['不留名', '匿名'],
  ['不署名', '匿名'],
  ['培养人', '培养联系人'],
  ['培养联系人联系人', '培养联系人'],
  ['多少岁', '年龄'],
  ['几岁', '年龄'],
  ['没被选为', '没选上'],
  ['没被选上', '没选上'],
  ['没有选上', '没选上'],
  ['没推上', '没选上'],
  ['没评上', '没选上'],
  ['没当上', '没选上'],
  // the class and counting (class-figure questions rarely contain a Party word of their own)
  ['咱们班', '本班'],
  ['咱班', '本班'],
  ['我们班', '本班'],
  ['我班', '本班'],
  ['班上', '本班'],
  ['班里', '本班'],
  ['班级里', '本班'],
  ['多少个人', '人数'],
  ['多少人', '人数'],
  ['几个人', '人数'],
  ['的有几个', '的人数'],
  ['的有多少', '的人数'],
  ...['党员', '预备党员', '积极分子', '发展对象', '团员'].flatMap((who) =>
    ['几个', '多少个', '多少', '几位', '几名'].map((count): [string, string] => [count + who, who + '人数']),
  ),
  // what it is good for
  ['有啥用', '好处'],
  ['有什么用', '好处'],
  ['有啥好处', '好处'],
  ['什么好处', '好处'],
  // a verb and its result say what the verb says (写完 = 写, 弄丢 = 丢)
  ['弄丢', '丢了'],
  ['搞丢', '丢了'],
  ['丢失', '丢了'],
  ['遗失', '丢了'],
  ['找不到了', '丢了'],
  ['交上去', '交'],
  ['交完', '交'],
  ['写完', '写'],
  ['填错', '写错'],
  ['没被定为', '没选上'],
  ['被定为', '被确定为'],
  ['转关系', '转组织关系'],
  // English names of the Party and words for its terms, as the entries' English examples spell them
  ['communist party of china', 'ccp'],
  ['chinese communist party', 'ccp'],
  ['communist party', 'ccp'],
  ['cpc', 'ccp'],
  ['religious', 'religion'],
  ['the league', 'youth league'],
  // the League, not the Party
  ['共青团员', '团员'],
  // "from when is it counted" (the activist year, probation, Party standing)
  ['从什么时候开始算', '起算'],
  ['从什么时候开始计算', '起算'],
  ['从哪天开始算', '起算'],
  ['从哪一天开始算', '起算'],
  ['从什么时候算', '起算'],
  ['从哪天算', '起算'],
  ['从哪一天算', '起算'],
  ['从何时算', '起算'],
  ['什么时候开始算', '起算'],
  ['哪天开始算', '起算'],
  ['从什么时候起', '起算'],
  ['开始算', '起算'],
  ['开始计算', '起算'],
  // stopping, and not wanting: the negation carries the meaning
  ['不想继续', '退出'],
  ['不想再当', '退出'],
  ['不想入党了', '退出'],
  ['不想入了', '退出'],
  ['不入了', '退出'],
  ['放弃入党', '退出'],
  ['不想署名', '匿名'],
  ['不想让人知道', '匿名'],
  ['重新交', '重新递交'],
  ['重交', '重新递交'],
  ['再交一次', '重新递交'],
  ['重新写', '重新递交'],
  ['来不及', '来得及'],
  // family and moving
  ['爸爸', '父母'],
  ['妈妈', '父母'],
  ['爸妈', '父母'],
  ['父亲', '父母'],
  ['母亲', '父母'],
  ['转到别的学院', '转学院'],
  ['转到其他学院', '转学院'],
  ['换到别的学院', '转学院'],
  ['换学院', '转学院'],
  ['转到别的专业', '转专业'],
  ['换专业', '转专业'],
  ['享受', '享有'],
  ['坐过牢', '坐牢'],
  ['进过监狱', '坐牢'],
  ['判过刑', '判刑'],
  ['被判刑', '判刑'],
  ['表哥', '亲戚'],
  ['表姐', '亲戚'],
  ['表弟', '亲戚'],
  ['表妹', '亲戚'],
  ['堂哥', '亲戚'],
  ['堂姐', '亲戚'],
  ['堂弟', '亲戚'],
  ['堂妹', '亲戚'],
  ['舅舅', '亲戚'],
  ['叔叔', '亲戚'],
  ['姑姑', '亲戚'],
  ['伯伯', '亲戚'],
  ['姨妈', '亲戚'],
  ['亲属', '亲戚'],
  // asking whom
  ['问谁', '找谁'],
  ['咨询谁', '找谁'],
  ['联系谁', '找谁'],
  ['请教谁', '找谁'],
  ['找哪位老师', '找谁'],
  ['找哪个老师', '找谁'],
  ['不想实名', '匿名'],
  ['怕被知道', '匿名'],
  ['不想被知道', '匿名'],
  ['怕被人知道', '匿名'],
  // slang and plain words for the entries' terms
  ['学渣', '成绩不好'],
  ['模版', '模板'],
  ['年纪', '年龄'],
  ['是干什么的', '职责'],
  ['是干嘛的', '职责'],
  ['负责什么', '职责'],
  ['主要任务', '职责'],
  ['考察时间', '考察期'],
  ['培养时间', '培养期'],
  ['没被确定为', '没选上'],
  ['没被确定', '没选上'],
  ['没被列为', '没选上'],
  ['没能成为', '没选上'],
  ['积极分子阶段', '积极分子期间'],
  ['发展对象阶段', '发展对象期间'],
  ['没有被列为', '没选上'],
  ['没有被确定为', '没选上'],
  ['名单里没有我', '没选上'],
  ['没有我', '没选上'],
  ['不想当党员', '退出'],
  ['保存在哪', '放在哪'],
  ['存在哪', '放在哪'],
  ['保存', '保管'],
  ['成为党员', '入党'],
  ['当党员', '入党'],
  ['做党员', '入党'],
  ['程序', '流程'],
  ['步骤', '流程'],
  ['写多长', '写多少字'],
  ['递给', '交给'],
  ['拿给', '交给'],
  ['是给', '交给'],
  ['被刷下来', '没选上'],
  ['被刷掉', '没选上'],
  ['刷下来', '没选上'],
  ['没过', '没通过'],
  ['犯过罪', '犯罪记录'],
  ['有前科', '犯罪记录'],
  ['不实名', '匿名'],
  ['不用实名', '匿名'],
];

/** Characters that carry no topic on their own (question words, particles, pronouns, "want/can"). */
const STOP_CHARS = new Set(
  '我你他她它的了吗呢吧啊呀么嘛哦是在有和就都也还要会能可以怎什多少几哪谁这那个些一不没么得地着过与及或被把给对向从到让该请问想做去来上下中里吧呗啦咋样如何为啥就才又再很太更最挺好'.split(
    '',
  ),
);

/** Whole words dropped even though one character is not a stop character. */
const STOP_WORDS = new Set([
  // 之 says nothing in these (之后, 之一), but 党员之家 names a place
  '之后',
  '之前',
  '之间',
  '之内',
  '之外',
  '之中',
  '之类',
  '之一',
  '总之',
  '请问',
  '问一下',
  '一下',
  '知道',
  '是否',
  '时候',
  '情况',
  '事情',
  '问题',
  '东西',
  '意思',
  '需要',
  '应该',
  '同学',
  '老师',
  '大家',
  '今天',
  '现在',
  '然后',
  '因为',
  '所以',
  '但是',
  '已经',
  '那么',
]);

const CJK = /\p{Script=Han}/u;
const SYNONYMS_BY_LENGTH = [...SYNONYMS].sort((a, b) => b[0].length - a[0].length);
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

let homophones: HomophoneMender | null = null;
/** The domain words whose homophone slips are mended: the anchors and every synonym's canonical form. */
const mender = () => (homophones ??= new HomophoneMender([...DOMAIN_ANCHORS, ...SYNONYMS.map(([, canonical]) => canonical), ...DOMAIN_TERMS]));

const MOVING_TO_NAMED = /转(?:到|去|入|进)\p{Script=Han}{1,6}?(学院|专业)/gu;

/** The last texts normalised: a match normalises its question in several steps (terms, key content, domain). */
const recentlyNormalised = new Map<string, string>();
const REMEMBERED_TEXTS = 64;

export function normalise(text: string): string {
  const remembered = recentlyNormalised.get(text);
  if (remembered !== undefined) return remembered;
  const s = normaliseAnew(text);
  if (recentlyNormalised.size >= REMEMBERED_TEXTS) recentlyNormalised.clear();
  recentlyNormalised.set(text, s);
  return s;
}

/** English names of the terms, then students' slang for them, each read as the term (before the mender and the synonyms). */
const READINGS = [...ENGLISH_TERMS, ...SLANG];

function normaliseAnew(text: string): string {
  let s = simplified(text.normalize('NFKC').toLowerCase());
  for (const [said, word] of READINGS) s = s.replace(said, word);
  s = mender().mend(s.replace(/\s+/g, ' '));
  // moving to a named college or major (转到数学学院, 转去会计专业) is moving college or major
  s = s.replace(MOVING_TO_NAMED, (_whole, kind: string) => `转${kind}`);
  for (const [variant, canonical] of SYNONYMS_BY_LENGTH) {
    if (s.includes(variant)) s = s.split(variant).join(canonical);
  }
  return s;
}

/**
 * Words that place a question in the Party-membership domain. A question with none of them (食堂,
 * 作业, 四级, chit-chat) is out of scope however well its other words match: the bot stays quiet.
 */
export const DOMAIN_ANCHORS: readonly string[] = [
  '党',
  '积极分子',
  '发展对象',
  '推优',
  '思想汇报',
  '政审',
  '志愿书',
  '介绍人',
  '宣誓',
  '誓词',
  '组织关系',
  '组织生活',
  '三会一课',
  '主题党日',
  '函调',
  '外调',
  '培养考察',
  '集中培训',
  '联络员',
  '联系人',
  '组织员',
  '预备期',
  '转正',
  '支部',
  '支委',
  '2+1',
  '匿名',
  '署名',
  '意见箱',
  '申请书',
  // English, for users whose Telegram is in English
  'the party',
  'party member',
  'party membership',
  'party school',
  'party dues',
  'party branch',
  'join the party',
  'party application',
  'membership',
  'thought report',
  'development target',
  'political review',
  'tuiyou',
  'cpc',
  'ccp',
  'communist',
  'activist',
  'probationary',
  'youth league',
  'liaison',
  'joining process',
  'join process',
  'apply to join',
  'branch meeting',
  'introducer',
  'political background',
  'development candidate',
];

/** Further domain words whose homophone slips are mended (党非 → 党费, 公使 → 公示). */
export const DOMAIN_TERMS: readonly string[] = [
  '入党申请书',
  '退党',
  '谈话',
  '入党',
  '党员',
  '预备党员',
  '正式党员',
  '党校',
  '党费',
  '党课',
  '党章',
  '支部大会',
  '培养联系人',
  '入党介绍人',
  '公示',
  '考察期',
  '预备期',
  '档案',
  '脱党',
  '休学',
  '条件',
  '函调',
  '外调',
  '宗教',
  '信教',
  '权利',
  '义务',
  '处分',
  '留学',
  '交换',
  '表决',
  '挂科',
];

/** Words common in these questions but also elsewhere (申请 a scholarship, 挂科 without 入党): a weaker signal. */
export const WEAK_ANCHORS: readonly string[] = [
  // the League's own words: a question with no more than these is the League's business (团员证, 团费), unless an entry is about them
  '团员',
  '共青团',
  '入团',
  '团支部',
  '团组织',
  '团委',
  '公示',
  '申请',
  '找谁',
  '谈话',
  '落选',
  '没选上',
  '选上',
  '重修',
  '挂科',
  '绩点',
  '发展',
  '考察',
  '培养',
  '入d',
  '自传',
];

/** The weak domain words about grades. */
const GRADES: readonly string[] = ['挂科', '重修', '绩点'];

/** Whether the text uses a word of ours in another sense (考研党, 实习转正, 班干部考察期): then only a plain Party word makes it ours. */
export const usesOtherSense = (text: string): boolean => {
  const s = normalise(text);
  return OTHER_SENSES.some(([re]) => s.search(re) >= 0);
};

/** Characters before 申请书 that leave it the Party application (入党申请书, 交申请书, 我的申请书), not another one. */
const BARE_BEFORE_APPLICATION = '党团交写递的份这那我了个篇一把封张好完';

/** How strongly the (raw) text belongs to the Party-membership domain: 1 strong, 0.5 weak, 0 none. */
export function domainStrength(text: string): number {
  const s = normalise(text);
  // 团支部 is the League's branch: its 支部 is no sign of the Party
  // and an application named for something else (奖学金申请书, 请假申请书) is no sign either
  const strong = OTHER_SENSES.reduce((text, [re, instead]) => text.replace(re, instead), s.replaceAll('团支部', '团').replaceAll('团组织关系', '团')).replace(
    /(\p{Script=Han})申请书/gu,
    (whole, before: string) => (BARE_BEFORE_APPLICATION.includes(before) ? whole : `${before}申请`),
  );
  if (DOMAIN_ANCHORS.some((a) => strong.includes(a))) return 1;
  const weak = WEAK_ANCHORS.filter((a) => s.includes(a));
  // grades alone (挂科了咋办, 重修要交钱吗) are the class's business; with 申请 or 发展 they may be about joining
  if (weak.length > 0 && !weak.every((a) => GRADES.includes(a))) return 0.5;
  return 0;
}

export const hasDomainAnchor = (text: string): boolean => domainStrength(text) === 1;

/** The weak domain words in a text (as normalised). */
export const weakAnchorsIn = (text: string): string[] => {
  const s = normalise(text);
  return WEAK_ANCHORS.filter((a) => s.includes(a));
};

/** English function and question words (a few entries' examples and every answer_en are English). */
const ENGLISH_STOP_WORDS = new Set(
  (
    'a an the and or but if of to in on at by for with from about into as is are was were be been being am do does did done have has had ' +
    'i me my mine we us our you your he him his she her it its they them their this that these those there here ' +
    'what whats which who whom whose when where why how can could should would will shall may might must ' +
    'not no yes so than then too very just also any some all each every other such only own same again ' +
    'please thanks thank hi hello ok okay get got go going want wanna need know tell let make much many long often ' +
    'anyone someone anybody somebody everyone everybody bring brought come coming'
  ).split(' '),
);

/** A plural or third-person English word as its stem (members → member, reports → report), so a question and an example meet. */
const englishStem = (word: string) => {
  if (!/^[a-z]{4,}$/.test(word)) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  return word.endsWith('s') ? word.slice(0, -1) : word;
};

const isStopBigram = (a: string, b: string) => STOP_CHARS.has(a) && STOP_CHARS.has(b);

export interface TermOptions {
  /** Domain terms to pick out of the text wherever they occur (e.g. every entry's keywords). */
  lexicon: readonly string[];
}

/** A bot command as a text names it (/stats, /my_progress), not a path in a link. */
export const BOT_COMMAND = /(?<![\w/.:])\/[a-z][a-z_]{2,}\b/g;

/** Kinds of terms; the matcher weighs them (a domain term says more than a bigram). */
export const LEXICON_PREFIX = 'k:';

/**
 * The search terms of a text, deduplicated: segmenter words, CJK bigrams, and lexicon terms as
 * `k:<term>` (so a lexicon hit counts on its own, next to the same word from the segmenter).
 */
export function terms(text: string, options: TermOptions): string[] {
  const s = normalise(text);
  const out = new Set<string>();
  for (const part of segmenter.segment(s)) {
    if (!part.isWordLike) continue;
    const word = part.segment;
    if (CJK.test(word)) {
      if (word.length >= 2 && !STOP_WORDS.has(word) && ![...word].every((c) => STOP_CHARS.has(c))) out.add(word);
    } else if (/^[\p{L}\p{N}.+]+$/u.test(word) && (word.length >= 2 || /\d/.test(word)) && !ENGLISH_STOP_WORDS.has(word)) {
      out.add(englishStem(word));
    }
  }
  // bigrams over runs of Han characters
  const runs = s.match(/\p{Script=Han}+/gu) ?? [];
  for (const run of runs) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) {
      const a = chars[i]!;
      const b = chars[i + 1]!;
      if (!isStopBigram(a, b)) out.add(a + b);
    }
  }
  for (const term of options.lexicon) {
    if (s.includes(term)) out.add(LEXICON_PREFIX + term);
  }
  // a bot command (/my_progress) is a domain term of its own
  for (const command of s.match(BOT_COMMAND) ?? []) out.add(LEXICON_PREFIX + command);
  return [...out];
}

/** Lexicon spellings as they appear after normalisation (so a synonym's canonical form is what is looked for). */
export function normaliseLexicon(words: Iterable<string>): string[] {
  const set = new Set<string>();
  for (const w of words) {
    const n = normalise(w).trim();
    if (n.length >= 2) set.add(n);
  }
  for (const [, canonical] of SYNONYMS) if (canonical.length >= 2) set.add(canonical);
  return [...set].sort((a, b) => b.length - a.length);
}

/** Words worth keeping as keywords of an entry made from a classmate's question (segmenter words, no function words). */
export function keywordsOf(text: string, max = 10): string[] {
  const out: string[] = [];
  for (const part of segmenter.segment(normalise(text))) {
    const w = part.segment;
    if (!part.isWordLike || !CJK.test(w) || w.length < 2 || STOP_WORDS.has(w) || [...w].every((c) => STOP_CHARS.has(c))) continue;
    if (!out.includes(w)) out.push(w);
    if (out.length >= max) break;
  }
  return out;
}

/**
 * Words that say nothing about what a question is about: time, degree, asking, places and people in
 * general, and verbs every question uses. They are left out of a question's content units, so an entry
 * is not blamed for not containing them.
 */
const FILLER_WORDS = new Set(
  [
    // time
    '大一 大二 大三 研一 研二 新生 多久 几年 内容 时间 今年 明年 去年 现在 目前 最近 之前 以前 之后 以后 后来 当时 平时 马上 已经 刚刚 一直 每次 这次 上次 下次 那天 时间 期间 的时候 什么时候 多长 哪天 哪一天 遇到',
    // degree, manner, logic
    '最快 最慢 最低 最高 最少 最多 最长 最短 大概 大约 一般 通常 具体 到底 究竟 真的 必须 一定 主要 主要是 比较 特别 非常 还是 或者 而且 如果 的话 要是 万一 能否 可否 是不是 有没有 能不能 可不可以 要不要 会不会 算不算 怎么办 怎么样 为什么 什么样 哪些 哪个 哪位 哪里 哪儿',
    // people and places in general
    '辅导员 班长 班主任 班干部 室友 朋友 自己 别人 大家 我们 你们 他们 咱们 其他 别的 里面 上面 这里 那里 这边 那边 东西 事情 方面 地方 老师 同学 学生 大学 大学生 学校 学院 本人 个人 有人 人家',
    // the chat's register: whom it is asked of, how urgently, how it feels (大佬们 教教, 在线等 挺急的, 救命)
    '大佬 大佬们 大神 各位 家人们 宝子们 兄弟们 姐妹们 小助手 助手 机器人 在线等 挺急 急急急 救命 求助 求问 求教 教教 讲讲 说说 说一下 讲一下 科普 哈哈 哈哈哈 嘿嘿 呜呜 感谢 多谢 谢啦',
    // verbs and adjectives every question uses
    '出来 下来 起来 过来 查看 听说 发现 同时 完全 分别 偶尔 主动 行不行 省事 一回事 一样 一共 总共 争取 满足 需要 应该 合适 知道 不知道 了解 清楚 注意 考虑 觉得 感觉 希望 可能 容易 困难 作用 告诉 帮忙 办法 方法 变成 成为 得到 接着 继续 开始 结束 进行 处理 解决 影响 关系 问一下 想问 咨询 请教 麻烦 谢谢 靠谱 正常 一下 一点 有点 限制 规定 要求 情况',
  ].flatMap((group) => group.split(' ')),
);

/** Single characters that carry no topic (the stop characters, and a few more). */
const isStopChar = (c: string) => STOP_CHARS.has(c) || '个的地得着了过其此该各某另'.includes(c);
const FILLER_SORTED = [...FILLER_WORDS].sort((a, b) => b.length - a.length);
/** A word that is not a domain term says something only with at least two characters that are not function characters (能写, 低能 do not). */
const isContent = (word: string) => !FILLER_WORDS.has(word) && !isReduplicated(word) && [...word].filter((c) => !isStopChar(c)).length >= 2;
/** A doubled verb (改改, 拜拜, 看看) or an A-not-A question (齐不齐, 够不够) says how, not what. */
const isReduplicated = (word: string) => {
  const chars = [...word];
  return (chars.length === 2 && chars[0] === chars[1]) || (chars.length === 3 && chars[1] === '不' && chars[0] === chars[2]);
};

/**
 * What a question is about, as units an entry can cover: the domain terms in it (longest first, not
 * overlapping), the segmenter's words around them, and runs of single characters the segmenter did
 * not know (炒|股 → 炒股) — less function words and FILLER_WORDS. A text that is all function words
 * has no units.
 */
export function contentUnits(text: string, lexicon: readonly string[]): string[] {
  const s = normalise(text);
  const taken = new Uint8Array(s.length);
  const units = new Set<string>(s.match(BOT_COMMAND) ?? []);
  for (const term of lexicon) {
    for (let at = s.indexOf(term); at >= 0; at = s.indexOf(term, at + term.length)) {
      if (taken.subarray(at, at + term.length).some((x) => x === 1)) continue;
      taken.fill(1, at, at + term.length);
      if (!FILLER_WORDS.has(term)) units.add(term);
    }
  }
  // fillers are blanked out before segmenting, so they neither count nor glue to their neighbours (大概|要写)
  let rest = '';
  for (let i = 0; i < s.length; i++) rest += taken[i] === 1 ? ' ' : s[i];
  for (const filler of FILLER_SORTED) if (rest.includes(filler)) rest = rest.split(filler).join(' '.repeat(filler.length));
  let run = '';
  const endRun = () => {
    if (isContent(run)) units.add(run);
    run = '';
  };
  for (const part of segmenter.segment(rest)) {
    const word = part.segment;
    if (!part.isWordLike || !CJK.test(word)) {
      endRun();
      if (part.isWordLike && /^[a-z]{3,}$/.test(word) && !ENGLISH_STOP_WORDS.has(word)) units.add(englishStem(word));
      continue;
    }
    if ([...word].length === 1) {
      if (isStopChar(word)) endRun();
      else run += word;
      continue;
    }
    endRun();
    if (!STOP_WORDS.has(word) && isContent(word)) units.add(word);
  }
  endRun();
  return [...units];
}
