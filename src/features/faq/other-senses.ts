// Our words in another sense (考研党, 实习转正, 紧急联系人, 考公政审, a birthday party): a question that has
// one of them is ours only if a plain Party word is left once they are taken out (text.ts, domainStrength).

/** Oaths that are not the Party's (运动员宣誓, 医学生誓词): no sign of the Party. */
const OTHER_OATHS =
  /(?:运动员|裁判员?|医学生|医师|希波克拉底|护士|南丁格尔|授帽|白大衣|授袍|教师|诚信|考试|考风|开幕式|入团|团员|毕业|开学|入学|新生|国旗下?|成人|军训|宪法|婚礼|新郎|新娘|律师|法官|检察官|法律职业|职业|入职)[^党]{0,8}?(?:代表)?(?:宣誓|誓词|誓言)/gu;

/** 党 as slang for a crowd of people (考研党, 熬夜党, 学生党 — but 学生党员, 学生党支部 are the Party's). */
const CROWD_PARTY =
  /(?:考研|考公|考编|保研|二战|学生|上班|打工|熬夜|干饭|追星|手机|低头|月光|标题|早八|走读|通勤|住校|吃货|夜猫|养生|颜值|实习|留学|外卖|追剧|刷剧|游戏|二次元|奶茶|夜宵|减肥|健身|单身|摸鱼|躺平|困觉|睡觉|甜|咸)党(?!员|组织|支部|委|课|校|费|章|史|性|建|龄|日|务|内|的)/gu;
/** 转正 of a job (实习转正, 试用期转正, 转正工资) or in jest (备胎转正), not of a probationary member. */
const JOB_CONFIRMATION =
  /(?:实习|试用期?|合同|入职|公司|单位|员工|编外|临时工|备胎|公务员|护士|规培|医院|编制)[^党]{0,12}转正|转正\p{Script=Han}{0,4}(?:工资|薪|待遇|五险|社保|合同)/gu;
/** A review of cadres (班干部考察期, 学生会干部考核), not of an activist. */
const CADRE_REVIEW = /(?:班干部?|学生干部|班委|学生会|社团|干部)\p{Script=Han}{0,4}(?:考察|考核|试用)/gu;
/** Another kind of contact person (紧急联系人, 项目联系人), not the 培养联系人. */
const OTHER_CONTACT =
  /(?:紧急|项目|实践|活动|比赛|竞赛|团队|对接|企业|单位|家长|报名|负责|快递|会议|赛事)的?联系人|(?:通讯录|微信|手机|备注)[^党]{0,6}联系人|联系人[^党]{0,6}(?:备注|通讯录|微信)/gu;
/** The college's administrative office (党政办), where forms of every kind go. */
const ADMIN_OFFICE = /党政办(?:公室)?/gu;
/** The League's awards (优秀团员推优, 五四评优) or a recommendation for graduate school (推优保研), not the League's recommendation for the Party. */
const LEAGUE_AWARD =
  /(?:优秀(?!党)|五四|评优|评奖|三好|优干|保研|推免|国奖|奖学金|校级)[^党]{0,12}推优|推优[^党]{0,12}(?:评奖|优秀团员|优秀团干部?|五四|评优|三好|优秀学生干部|优秀学生|优干|保研|推免|国奖|奖学金|校级)/gu;
/** A matchmaker (牵线的介绍人), not an introducer to the Party. */
const MATCHMAKER =
  /(?:牵线|相亲|婚礼|(?<!发展)对象|恋爱|结婚|实习|内推|面试|工作|租房|找房|房子|家教|中介|兼职|办卡|健身房|会员)[^党]{0,10}介绍人|介绍人[^党]{0,10}(?:牵线|相亲|婚礼|(?<!发展)对象|恋爱|结婚|实习|内推|面试|工作|租房|找房|房子|家教|中介|兼职|办卡|健身房|会员|打折|抽成|提成)/gu;
/** An application to something else (学生会换届交申请书, 奖学金申请书). */
const OTHER_APPLICATION =
  /(?:学生会|社团|辩论队|球队|乐队|协会|俱乐部|换届|竞选|奖学金|国奖|国励|助学金|宿舍|换寝|调寝|寝室|实验室|课题组|请假|保研|推免|勤工|助教|贫困|补助|奖助|评优|夏令营)[^党]{0,12}申请书?|申请书[^党]{0,12}(?:学生会|社团|换届|竞选|奖学金|助学金|宿舍|实验室|请假|保研|推免|勤工|助教|贫困|补助|评优|夏令营)/gu;
/** The review for the civil service or the army (考公政审, 征兵政审). */
const OTHER_REVIEW =
  /(?:考公|公务员|进面|事业编|考编|征兵|参军|入伍|军校|选调|警校|考研|复试|调剂|研招|入职|体检)[^党]{0,20}政审|政审[^党]{0,20}(?:考公|公务员|进面|事业编|考编|征兵|参军|入伍|军校|警校|考研|复试|调剂|研招|入职|体检)/gu;
/** Anonymous course evaluations and surveys (评教是匿名的吗). */
const OTHER_ANONYMITY =
  /(?:评教|问卷|调查|评课|测评|互评|作业|班服|班徽|表白墙|宿管|校长信箱|意见箱|任课老师|教务|食堂|后勤)[^党]{0,10}匿名|匿名[^党]{0,10}(?:评教|问卷|调查|评课|测评|互评|作业|班服|班徽|投票|投稿|表白|宿管|校长信箱|意见箱|任课老师|教务|食堂|后勤)/gu;
/** A public notice of awards, elections or grades (奖学金公示), not of development targets. */
const OTHER_NOTICE =
  /(?:奖学金|助学金|国奖|励志|评优|评先|三好|优秀学生|优干|保研|推免|班委|班干部|选举|换届|成绩|综测|学生会|贫困生?|资助)[^党]{0,10}公示|公示[^党]{0,6}(?:奖学金|助学金|国奖|评优|三好|保研|推免|综测|成绩)/gu;
/** A party in English that is a gathering (the party on Saturday, a birthday party). */
const SOCIAL_PARTY =
  /\bparty\b(?=[^.?!]{0,40}\b(?:birthday|saturday|sunday|friday|tonight|dinner|celebration|dance|pizza|bbq|halloween|christmas|costume|karaoke|ktv)\b)|\b(?:birthday|house|dinner|halloween|christmas|costume|pool|dance|surprise|farewell|graduation|welcome|tea)\s+party\b/gu;
/** A liaison of something else (宿舍联络员, 校友会联络员), not the class's Party liaisons. */
const OTHER_LIAISON =
  /(?:校友会|宿舍|寝室|社团|学生会|外联部?|部门|年级|实习|活动|项目|企业|家长|志愿者?|马拉松|比赛|组委会)[^党班]{0,6}联络员|(?:运动会|比赛|晚会|活动)各班的?联络员/gu;
/** 党 in a slogan that names an event (“青春心向党”演讲比赛, 永远跟党走 歌咏比赛). */
const SLOGAN = /心向党|跟党走|颂党恩|听党话|感党恩|党旗飘扬|献礼建党/gu;
/** The Party's history as a course or a contest (党史知识竞赛, 党史选修课作业), not joining the Party. */
const HISTORY_CLASS = /党史[^党]{0,6}(?:竞赛|比赛|知识赛|选修|课|考试|作业|论文|答题|演讲|观后感|心得|读后感)/gu;
/** An activist of sports or a club (运动会积极分子), or in jest (干饭积极分子, 熬夜积极分子), not of the Party. */
const OTHER_ACTIVIST = /(?:运动会|体育|社团|志愿|文艺|活动|熬夜|干饭|点名|打卡|摸鱼|抢饭|吃瓜|八卦|追剧|游戏|上分|发言|群聊|水群|作业)[^党]{0,16}积极分子/gu;
/** A Party school as a workplace (在市委党校当老师), not the training. */
const SCHOOL_AS_WORKPLACE = /(?:市委|省委|区委|县委|中央)党校[^党]{0,6}(?:老师|教授|上班|工作|讲课|任教)/gu;
/** A talk with a counsellor, a supervisor or an interviewer (辅导员谈话, 谈心谈话), not the talk after an application. */
const OTHER_TALK = /(?:辅导员|导师|班主任|心理|面试|宿管)的?谈话|谈心谈话/gu;
/** A song, a film or a speech named by its title (合唱《没有共产党就没有新中国》): a work, not a question about joining. */
const WORK_TITLE = /(?:合唱|唱|歌曲?|朗诵|演讲|观后感|读后感|电影|话剧|看了|报了)[^《]{0,8}《[^》]{1,30}》/gu;
/** Our words in another sense, and what each becomes when the domain is judged. */
export const OTHER_SENSES: ReadonlyArray<readonly [RegExp, string]> = [
  [OTHER_OATHS, '仪式'],
  [CROWD_PARTY, '人'],
  [JOB_CONFIRMATION, '工作'],
  [CADRE_REVIEW, '工作'],
  [OTHER_CONTACT, '联系方式'],
  [ADMIN_OFFICE, '办公室'],
  [LEAGUE_AWARD, '评优'],
  [MATCHMAKER, '媒人'],
  [OTHER_APPLICATION, '申请'],
  [OTHER_REVIEW, '审查'],
  [OTHER_NOTICE, '名单公布'],
  [OTHER_ANONYMITY, '不记名'],
  [SOCIAL_PARTY, 'gathering'],
  [OTHER_LIAISON, '联系'],
  [SLOGAN, '主题'],
  [HISTORY_CLASS, '历史课'],
  [OTHER_ACTIVIST, '积极参与的人'],
  [SCHOOL_AS_WORKPLACE, '学校'],
  [OTHER_TALK, '聊天'],
  [WORK_TITLE, '作品'],
];
