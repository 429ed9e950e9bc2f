/**
 * How students name the Party's terms without the terms: pinyin (shenqingshu, dang费), initials (jjfz,
 * sxhb), 当 typed for 党, and plain descriptions (每个月交的那点钱, 举拳头那个仪式, 试用期). Each is
 * read as the term during normalisation (text.ts), in this order, before the homophone mender and the
 * synonyms (so without making it a term of the lexicon as a synonym would), and only where the words
 * cannot mean something else (dy is also 抖音, zb 直播, 试用期 a job's, 那笔钱 the class fund's).
 */
const HAN = String.raw`\p{Script=Han}`;
/** Not in the middle of a word of letters or digits (3rd, pdf, study). */
const whole = (initials: string) => new RegExp(`(?<![a-z0-9])${initials}(?![a-z0-9])`, 'gu');
/** Within the same clause before the phrase. */
const clauseBefore = (words: string) => `(?<!(?:${words})[^。，,.!?！？]{0,10})`;

const INITIALS: ReadonlyArray<readonly [string, string]> = [
  ['rdsqs', '入党申请书'],
  ['sqs', '申请书'],
  ['jjfz', '积极分子'],
  ['fzdx', '发展对象'],
  ['ybdy', '预备党员'],
  ['zsdy', '正式党员'],
  ['sxhb', '思想汇报'],
  ['rdzys', '入党志愿书'],
  ['zys', '志愿书'],
  ['rdjsr', '入党介绍人'],
  ['jsr', '介绍人'],
  ['pylxr', '培养联系人'],
  ['dzb', '党支部'],
  ['zzgx', '组织关系'],
];

/** Pinyin typed for a word or inside one (shenqingshu, dang费), and slips the homophone mender cannot see (令 and 龄 are both words). */
const SPELLED_OUT: ReadonlyArray<readonly [RegExp, string]> = [
  [/shen ?qing ?shu/g, '申请书'],
  [/ru ?dang/g, '入党'],
  [/\brd(?=流程|申请|积极|材料|谈话|程序)/g, '入党'],
  [/si ?xiang ?hui ?bao/g, '思想汇报'],
  [/ji ?ji ?fen ?zi/g, '积极分子'],
  [/fa ?zhan ?dui ?xiang/g, '发展对象'],
  [/liu ?cheng/g, '流程'],
  [/dang ?(?=[费校课章员龄])/g, '党'],
  [/dang ?fei/g, '党费'],
  [/dang ?xiao/g, '党校'],
  [/党令/g, '党龄'],
  [/入党自转/g, '入党自传'],
  [/公式(?=期|名单|结果|几天|多少天|多久|的时候)/g, '公示'],
];

export const SLANG: ReadonlyArray<readonly [RegExp, string]> = [
  ...SPELLED_OUT,
  ...INITIALS.map(([initials, word]): [RegExp, string] => [whole(initials), word]),
  // rd, df and d费 only beside Chinese (3rd, pdf)
  [new RegExp(`(?<=${HAN}|^)rd(?=\\s?${HAN})|(?<=${HAN})rd(?![a-z0-9])`, 'gu'), '入党'],
  [new RegExp(`(?<=${HAN}|^)df(?=${HAN})|(?<=[交缴])df`, 'gu'), '党费'],
  [/(?<![a-z0-9])d(?=[费校课章员龄徽旗])/gu, '党'],
  // dy is also 抖音 (刷dy, dy上, dy直播), zb also 直播 (看zb, zb间), zz also a taunt or 政治 (zz面貌)
  [/(?<![a-z0-9刷看发在逛玩开上])dy(?![a-z0-9上里号视频直播博网热火app])/gu, '党员'],
  [new RegExp(`zb(?=书记|委员|大会|会议|组织|开会|通知|讨论|投票)|(?<=联系|找|问|给|们的?|到|向)zb(?![a-z0-9间播])`, 'gu'), '支部'],
  [/(?<![a-z0-9你真好太个像])zz(?![a-z0-9面审觉学理])/gu, '转正'],
  // 当 typed for 党 where 当 makes no word of its own (当校 but not 当校长, 入不了当)
  [/当(?=校(?![长医园庆队服友歌史区])|费|章|龄|课(?!代表)|员(?![工])|徽|旗(?!手)|组织关系)/gu, '党'],
  [/(?<=入不了)当|(?<=入)当(?![地时年天中前晚下然做作成])/gu, '党'],
  // the monthly dues, the quarterly report, the probation, the oath, the form, the vote, the review
  [
    new RegExp(
      `${clauseBefore('班费|团费|书费|学费|押金|房租|报名费|会费|水电')}(?:每个?月(?:都)?(?:要|得)?(?:交|缴)的?(?:那点|那个|那笔|那些)?钱|每个?月的?(?:那点|那笔)钱|组织(?:的|那个)钱|(?:那点|那笔|那个)钱(?=[^。，,]{0,6}(?:交|补)))`,
      'gu',
    ),
    '党费',
  ],
  [
    /(?:每个?季度|季度)(?:要写|要交|写|交)?(?:给组织)?的?(?:那篇|那个|那份)?(?:汇报|感想|总结|小作文|东西)|(?:写给|交给)组织的?(?:那个|那篇|那份)?(?:汇报|报告|感想|东西)|思想小作文/gu,
    '思想汇报',
  ],
  [/(?<![恋爱感情])考验期/gu, '预备期'],
  [/被接收(?!为)/gu, '被接收为预备党员'],
  [new RegExp(`${clauseBefore('公司|单位|老板|领导|企业|部门|导师|教练|球队')}(?:被组织)?重点培养(?:的那批人|的那个身份|的对象)?|培养名单`, 'gu'), '积极分子'],
  [/那封(?:申请)?信/gu, '申请书'],
  [
    new RegExp(
      `${clauseBefore('证书|毕业证|学位|荣誉|房产|结婚|驾驶|获奖')}(?<!小)(?:红本本|红本子|红色的?本子)(?![^。，,]{0,4}(?:毕业证|证书|学位|房产|结婚))`,
      'gu',
    ),
    '志愿书',
  ],
  [/证明(?:我的?)?政治面貌|政治面貌(?:的)?证明/gu, '党员证明'],
  [/有神论/gu, '宗教信仰'],
  [/团里(?:投票)?推(?:荐|选)?/gu, '推优'],
  [
    new RegExp(
      `${clauseBefore('实习|公司|单位|工作|入职|员工|合同|兼职|上班|老板|岗位|三方|签约|offer|就业|试岗')}(?<!转正[^。.!?！？]{0,24})试用期(?![^。，,]{0,8}(?:工资|薪|公司|单位|合同|社保|出差|辞退|补偿|劳动|加班|离职|裁员))(?![^。.!?！？]{0,24}转正)`,
      'gu',
    ),
    '预备期',
  ],
  [/(?:变成?|成为|转为|转成|成了)正式(?:的|成员)?(?!党员)/gu, '成为正式党员'],
  [/正式成员/gu, '正式党员'],
  [/举(?:起)?(?:右)?拳头?|(?:面对|对着)(?:党)?旗子?举手|举手(?=[^。，,]{0,4}(?:仪式|宣誓|发誓|念))/gu, '宣誓'],
  [/志愿(?:的|用的)?厚?(?:本子|册子?|本(?![来身科人事]))/gu, '志愿书'],
  [/(?:投票|表决)(?:通过)?(?:我)?的?那个?(?:会|大会)|接收(?:预备党员)?大会/gu, '支部大会'],
  [
    /(?:家庭)?背景(?:审查|审核|调查)|(?:审查?|查)(?:我的?)?(?:家庭|家里)?背景|查三代|查我家里情况|派人(?:来|去|到)?(?:我)?(?:家里?|老家)[^。，,]{0,6}(?:了解|调查|问)/gu,
    '政审',
  ],
  [/(?<![社团学生会协])(?:加入|进入?了?)组织(?![部委关生])/gu, '入党'],
  [/引荐人/gu, '介绍人'],
  // a freshman's words: the letter handed in, the thick booklet, the periodic reflections, the one who guides, the name put up
  [/(?<=(?:交|递)(?:了|完|过|上去的?(?:那些|那封)?|的)?|(?:这|那)封|(?:这|那)个?|从交)信(?![息用仰号任心箱件誉封念])/gu, '申请书'],
  [/写(?:一)?封信给(?:学校的?|党)?组织/gu, '写入党申请书'],
  [/(?:那|这)(?:本|个)(?:要填的|很厚的|厚厚的)?册子|很厚的(?:表|本子|册子)|(?:那个|这个|红色的?)大本子/gu, '志愿书'],
  [/(?:定期(?:交|写)?的?|(?:那|这|上次那)(?:个|篇)|给组织写的?(?:那种|那个)?(?:定期)?的?)(?:心得体会|心得|感想)/gu, '思想汇报'],
  [/那个什么(?:积极)?分子|什么积极的人/gu, '积极分子'],
  [/那个(?:什么)?["“”]?对象["“”]?(?=阶段)|(?<=列成|进到|成为)那个对象/gu, '发展对象'],
  [/引路的(?:党员|人)|推荐我入党的(?:人|党员)|(?:两个)?党员(?:给我)?担保|介绍我的(?:那个|那两个)?人|(?:那个|那两个)?介绍的人|担保签字的人/gu, '介绍人'],
  [/(?:带|盯着|联系)我的那个(?:学姐|学长|党员|人)/gu, '培养联系人'],
  [/(?:名字|名单)被?挂(?:出来|在)/gu, '名字公示'],
  [/发誓的话|那段发誓/gu, '誓词'],
  [/候补(?=党员)|候补(?:的那一年|期)/gu, '预备期'],
  // voice input's slips that are words of their own (公式 for 公示, 组织关心 for 组织关系), and more plain words (旗子, 积极的那种, 对接我们班的人)
  [/(?:公式|工事)(?=[^。，,？?]{0,10}(?:挂|贴|几天|多少天|名单))|(?:挂(?:名字|出来|完)|挂名字)(?=那几天)/gu, '公示'],
  [/组织关心(?=[^。，,]{0,4}(?:转|在哪|放|迁))/gu, '组织关系'],
  [/(?:对着|面对)(?:党)?旗子?(?=念|那个环节|宣)/gu, '宣誓'],
  [/积极的那种/gu, '积极分子'],
  [/对接我们班的人|管我们班(?:这块)?的人/gu, '联络员'],
];
