/**
 * The English (and pinyin) names students whose Telegram is in English give the Party's terms, read as the
 * Chinese term during normalisation (text.ts), so that an English question meets the same words, search and
 * classifier as the Chinese ones (there are a few hundred English lines to learn from, and fifteen thousand
 * Chinese). Only names that mean the Party's thing in a class chat: "party" itself stays English (a birthday
 * party, other-senses.ts), and so do words with everyday senses (a sponsor, a referee, a fee, a league of
 * its own without "youth" or the League's branch).
 */
const word = (pattern: string) => new RegExp(String.raw`\b(?:${pattern})\b`, 'gu');

export const ENGLISH_TERMS: ReadonlyArray<readonly [RegExp, string]> = [
  [word(String.raw`three meetings and one (?:lesson|class)`), '三会一课'],
  [word(String.raw`(?:probationary|prob|probation|preparatory) (?:party )?members?(?:ship)?|yubei ?dangyuan`), '预备党员'],
  [word(String.raw`full(?:[- ]fledged)? (?:party )?members?(?:hip)?|regular (?:party )?members?|zhengshi ?dangyuan`), '正式党员'],
  [word(String.raw`(?:get|gets|got|be|being|getting) converted|conver(?:t|ted|sion) (?:to|into) (?:a )?full|become a full member|zhuanzheng`), '转正'],
  [word(String.raw`probation(?:ary period| period| year)?`), '预备期'],
  [word(String.raw`(?:party )?activists?|jiji ?fenzi`), '积极分子'],
  [word(String.raw`thought reports?|ideological reports?|sixiang ?huibao`), '思想汇报'],
  [word(String.raw`introducers?|(?:party )?sponsors? (?:for|to) (?:join|joining|the party)|jieshaoren`), '入党介绍人'],
  [word(String.raw`(?:cultivation|training|assigned) (?:contacts?|mentors?)|peiyang ?lianxiren`), '培养联系人'],
  [word(String.raw`(?:party )?oath|swear(?:ing)?[- ]in|sworn in|take the oath|xuanshi`), '入党宣誓'],
  [word(String.raw`(?:party |membership )dues|dues|membership fees?|party fees?|dangfei`), '党费'],
  [word(String.raw`introduction letter|letter of introduction|transfer letter`), '介绍信'],
  [word(String.raw`(?:party )?application letters?|letters? of application|application for (?:party )?membership|rudang ?shenqing ?shu`), '入党申请书'],
  [word(String.raw`political (?:review|vetting|check|background check|investigation)|background (?:check|investigation)|vetting|zhengshen`), '政审'],
  [word(String.raw`development (?:targets?|objects?|candidates?)|fazhan ?duixiang`), '发展对象'],
  [word(String.raw`party school|dangxiao`), '党校'],
  [word(String.raw`party (?:class|lecture|course)(?:es|s)?|dangke`), '党课'],
  // recommended by the League (推优), but not a restaurant recommended by a friend
  [new RegExp(String.raw`(?<=\b(?:league|tuan ?zhibu)\b[^.?!]{0,40})\brecommend\w*|\brecommend\w*(?=[^.?!]{0,40}\b(?:league|tuan ?zhibu)\b)`, 'gu'), '推优'],
  [word(String.raw`(?:communist )?youth league (?:branch|committee)|league branch|tuan ?zhibu`), '团支部'],
  [word(String.raw`communist youth league|youth league|the league|tuanyuan`), '共青团'],
  [word(String.raw`tuiyou`), '推优'],
  [word(String.raw`volunteer (?:form|book|booklet)|(?:party )?membership (?:form|booklet)|zhiyuan ?shu`), '入党志愿书'],
  [word(String.raw`(?:party )?branch (?:general )?(?:meeting|vote|assembly)|general (?:party )?meeting`), '支部大会'],
  [word(String.raw`branch secretary|party secretary|dangzhibu shuji|zhibu shuji`), '支部书记'],
  [word(String.raw`party branch|dang ?zhibu|the branch`), '党支部'],
  [word(String.raw`(?:party |organi[sz]ational )relations?(?:hip)?|party membership transfer|zuzhi ?guanxi`), '组织关系'],
  [word(String.raw`public (?:notice|announcement)|publicity period|gongshi`), '公示'],
  [word(String.raw`class liaisons?|liaisons?`), '联络员'],
  [word(String.raw`anonymous(?:ly)?`), '匿名'],
  [word(String.raw`quit(?:ting)? the (?:party|cpc|ccp)|leav(?:e|ing) the (?:party|cpc|ccp)|tuidang`), '退党'],
  [word(String.raw`join(?:ing)? the (?:party|cpc|ccp)|rudang`), '入党'],
  [word(String.raw`(?:cpc|ccp) members?|party members?|dangyuan`), '党员'],
  [word(String.raw`personnel file|dossier|dang'?an`), '档案'],
  // what the question asks about the term, for the entries that are about that (losing it, going abroad, the class's count)
  [
    word(String.raw`(?:study|studying|go|going|went|be|being) abroad|abroad|overseas|(?:on )?exchange (?:semester|program(?:me)?|student|year)|on exchange`),
    '出国',
  ],
  [word(String.raw`lost|lose|losing|missing|can'?t find|cannot find|misplaced`), '丢了'],
  [
    word(String.raw`(?:chang|switch|transferr?)(?:e|es|ed|ing)? (?:my |to (?:another|a different|a new) )?(?:major|college|school|faculty|university)`),
    '转专业',
  ],
  [word(String.raw`suspend(?:ing|ed)? (?:my )?stud(?:y|ies)|gap year|leave of absence|drop(?:ping)? out`), '休学'],
  [word(String.raw`enlist(?:ing|ed)?|join(?:ing)? the (?:army|military)|military service`), '参军'],
  [word(String.raw`(?:in|of|from) (?:our|my) class|our class'?s?`), '本班'],
  [word(String.raw`graduat(?:e|es|ed|ing|ion)`), '毕业'],
  [word(String.raw`grades?|gpa|class ranking|failed (?:a |an )?(?:course|class|exam|subject)|retake|make-?up exam`), '成绩'],
  [word(String.raw`religio(?:n|us)|buddhis[mt]|christian(?:ity)?|muslim|islam|catholic|believers?`), '宗教信仰'],
  [word(String.raw`punish(?:ment|ments|ed)?|disciplinary (?:action|record|warning|sanction)s?|demerits?`), '处分'],
  [word(String.raw`duties|obligations`), '义务'],
  [word(String.raw`interview(?:s|ed)?`), '谈话'],
  [word(String.raw`vot(?:e|es|ed|ing)`), '投票'],
  [word(String.raw`paperwork|documents|materials|forms`), '材料'],
  [word(String.raw`deadline`), '截止时间'],
  [word(String.raw`age limit|max(?:imum)? age|min(?:imum)? age|how old`), '年龄'],
  [word(String.raw`hand-?written|by hand|handwrite`), '手写'],
  [word(String.raw`typos?`), '写错'],
  [word(String.raw`pay (?:it |them )?back|back-?pay|make up (?:the )?payments?`), '补交'],
  [word(String.raw`stipends?|salary|income`), '收入'],
  [word(String.raw`hukou|household registration`), '户口'],
  [word(String.raw`disab(?:led|ility|ilities)|impairment|handicap(?:ped)?`), '残疾'],
  [word(String.raw`final year|senior year|fourth year|year 4|da ?si`), '大四'],
  [word(String.raw`freshm[ae]n|first year|year 1|da ?yi`), '大一'],
];
