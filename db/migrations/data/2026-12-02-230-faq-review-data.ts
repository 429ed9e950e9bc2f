// Frozen with migration 2026-12-02-230-faq-review (issue 12): the reviewed knowledge base, exactly as
// db/faq/faq.yaml read through the FAQ parser on 2026-12-02 (38 entries: the 28 of migration 004,
// corrected, in their order, then the new ones), and the texts it follows. Never edit: a later change to
// the shipped knowledge base reaches databases through a new migration that carries its own data.

export interface FaqReviewRow {
  slug: string;
  category: string;
  title: string;
  answer: string;
  answer_en: string | null;
  questions: readonly string[];
  keywords: readonly string[];
  live: boolean;
}

export interface FaqReviewBasis {
  texts: readonly string[];
  reviewed: string;
  note?: string;
}

export const faqReviewBasis: FaqReviewBasis = {
  "texts": [
    "《中国共产党章程》（2022年10月22日中国共产党第二十次全国代表大会部分修改）",
    "《中国共产党发展党员工作细则》（中共中央办公厅2014年6月印发）",
    "《关于中国共产党党费收缴、使用和管理的规定》（中共中央组织部2008年2月印发）",
    "中共中央组织部1995年关于进一步加强在青年中发展党员工作的意见（28周岁以下青年入党一般经团组织推优）"
  ],
  "reviewed": "2026-12-02",
  "note": "各校、各支部的具体要求以本支部通知为准。未能确认《细则》2014年以后是否修订，如有新版本请据此复核。"
};

export const faqReviewEntries: readonly FaqReviewRow[] = [
  {
    "slug": "eligibility",
    "category": "申请入党",
    "title": "入党需要什么条件？",
    "answer": "年满十八岁的中国工人、农民、军人、知识分子和其他社会阶层的先进分子，承认党的纲领和章程，愿意参加党的一个组织并在其中积极工作、执行党的决议和按期交纳党费的，可以申请加入中国共产党（《党章》第一条，《细则》第五条）。\n所以最基本的是：年满18周岁、承认党的纲领和章程、愿意在组织中积极工作并按期交纳党费。\n未满18岁可以先学习党的知识、积极向党组织靠拢，满18岁后再递交入党申请书。\n学习成绩等方面的具体要求由学校规定，请向本支部了解。",
    "answer_en": "Chinese workers, farmers, members of the armed forces, intellectuals and advanced elements of other social strata who have reached the age of 18, accept the Party's programme and Constitution, and are willing to join and work actively in one of its organisations, carry out its decisions and pay membership dues regularly may apply (Party Constitution art. 1; 2014 Rules art. 5). Under 18: learn about the Party first and apply when you turn 18. School-specific requirements such as grades: ask the branch.",
    "questions": [
      "入党需要什么条件",
      "什么人可以入党",
      "我能入党吗",
      "申请入党有什么要求",
      "入党年龄要求是多少",
      "多大可以入党",
      "17岁可以申请入党吗",
      "没满18岁能写入党申请书吗",
      "入党的基本条件是什么",
      "我这样的条件够不够入党",
      "普通同学有资格入党吗"
    ],
    "keywords": [
      "入党条件",
      "申请条件",
      "资格",
      "年满十八岁",
      "18岁",
      "18周岁",
      "年龄",
      "未成年",
      "基本条件",
      "够格",
      "门槛",
      "加入共产党",
      "共产党",
      "加入",
      "要求"
    ],
    "live": false
  },
  {
    "slug": "application-letter",
    "category": "申请入党",
    "title": "入党申请书怎么写？",
    "answer": "入党申请书由本人书写（很多支部要求手写），要写出真实想法，不能抄袭。一般包括：\n1. 标题“入党申请书”，称呼“敬爱的党组织：”顶格写；\n2. 正文：对党的认识、入党动机、个人基本情况和成长经历、自己的优缺点，以及今后的努力方向和对待入党的态度；\n3. 结尾写“请党组织在实践中考验我”等，再写“此致 敬礼”；\n4. 落款：申请人签名和日期。\n篇幅不作硬性规定，字数、纸张、是否手写等格式要求以本支部通知为准。写好后交给所在党支部（见“向谁递交入党申请书”）。",
    "answer_en": "Write it yourself (many branches want it handwritten), honestly and without copying: title \"入党申请书\", salutation \"敬爱的党组织：\", your understanding of the Party, your motives, your background, your strengths and weaknesses and how you will improve, the closing \"此致 敬礼\", your signature and the date. Ask the branch about format details.",
    "questions": [
      "入党申请书怎么写",
      "入党申请书写什么内容",
      "入党申请书有模板吗",
      "入党申请书格式是什么",
      "申请书要写多少字",
      "入党申请书要手写吗",
      "申请书开头怎么称呼",
      "入党申请书结尾怎么写",
      "能不能在网上抄一篇入党申请书",
      "申请书用什么纸"
    ],
    "keywords": [
      "入党申请书",
      "申请书",
      "写法",
      "格式",
      "模板",
      "范文",
      "字数",
      "手写",
      "内容",
      "此致敬礼",
      "称呼",
      "落款",
      "抄袭"
    ],
    "live": false
  },
  {
    "slug": "application-submit",
    "category": "申请入党",
    "title": "入党申请书交给谁？",
    "answer": "入党申请人应当向工作、学习所在单位的党组织提出入党申请（《细则》第六条）。\n在校学生交给本人所在的学生党支部（一般是本班/本年级所属的学生党支部，或学院党委指定的支部），可以请本班联络员转交，也可以直接交给支部书记。\n递交后请记住递交日期，党组织会在一个月内派人和你谈话。不清楚自己属于哪个支部的，问本班联络员或支部书记。",
    "answer_en": "Apply in writing to the Party organisation where you study (2014 Rules art. 6): for students, the student Party branch of your class or college. Your class liaisons can pass it on, or give it to the branch secretary directly.",
    "questions": [
      "入党申请书交给谁",
      "申请书写好了给谁",
      "入党申请书交到哪里",
      "去哪个支部递交申请书",
      "申请书交给辅导员还是班长",
      "入党申请书什么时候交",
      "我写好了申请书下一步怎么做",
      "怎么递交入党申请",
      "申请书能交给联络员吗"
    ],
    "keywords": [
      "递交",
      "交给谁",
      "上交",
      "提交",
      "交到哪",
      "哪个支部",
      "所在支部",
      "学生党支部",
      "递交申请",
      "交申请书"
    ],
    "live": false
  },
  {
    "slug": "application-talk",
    "category": "申请入党",
    "title": "递交申请书后会有谈话吗？",
    "answer": "会。党组织收到入党申请书后，应当在一个月内派人同入党申请人谈话，了解基本情况（《细则》第七条）。\n谈话一般由支部委员或指定的党员进行，内容包括你的入党动机、对党的认识、学习生活情况，并向你介绍党的基本知识和下一步的要求。\n如实回答即可，不必紧张。如果递交一个月后还没人联系你，可以问问本班联络员。",
    "answer_en": "Yes. Within one month of receiving your application, the Party organisation sends someone to talk with you about your background and motives and to explain the next steps (2014 Rules art. 7). If nobody has contacted you after a month, ask your class liaisons.",
    "questions": [
      "递交申请书后多久会找我谈话",
      "入党谈话谈什么",
      "交了申请书一个月没人找我",
      "申请人谈话要准备什么",
      "提交申请后会有人找我吗",
      "入党申请谈话问些什么问题",
      "谈话紧张怎么办",
      "交申请书之后接下来是什么"
    ],
    "keywords": [
      "谈话",
      "申请人谈话",
      "一个月内",
      "找我谈话",
      "谈心",
      "约谈",
      "面谈",
      "没人联系"
    ],
    "live": false
  },
  {
    "slug": "league-recommendation",
    "category": "积极分子",
    "title": "什么是“推优”？",
    "answer": "“推优”是共青团组织推荐优秀团员作为入党积极分子人选（推优入党）。《细则》把“党员推荐、群团组织推优”列为产生入党积极分子人选的方式（《细则》第八条）；按照中组部1995年关于在青年中发展党员工作的意见，28周岁以下的青年入党一般从团员中发展，团员入党一般要经过团组织推优。\n高校里一般由团支部召开团员大会民主推荐、投票，团总支/分团委审核并公示后，向党支部推荐。想被推优，平时要在学习、工作和团的活动中表现积极。具体名额、时间和程序以学院团委、本支部通知为准，可以问本班团支书或联络员。\n不是团员能入党吗？可以申请：团员身份不是《党章》规定的入党条件，非团员也可以递交入党申请书，由党员推荐作为积极分子人选。但很多学校要求28周岁以下的申请人先入团、经推优，请向本支部确认；想入团可以找本班团支书。",
    "answer_en": "\"推优\" is the Youth League recommending outstanding League members as activist candidates. The 2014 Rules name recommendation by Party members and by mass organisations such as the League as the ways activist candidates come forward (art. 8); under the Central Organization Department's 1995 opinion on developing members among young people, young people under 28 are generally recruited from League members, through the League's recommendation. Usually the League branch votes, the college League committee reviews and publicises, then recommends to the Party branch. Not a League member? You can still apply and be recommended by Party members, but many schools ask applicants under 28 to join the League first: ask your branch, and your League secretary about joining the League.",
    "questions": [
      "推优是什么意思",
      "什么是团员推优",
      "推优怎么推",
      "推优要投票吗",
      "没被推优还能入党吗",
      "推优什么时候开始",
      "团员推优入党的流程",
      "不是团员能入党吗",
      "推优名额有多少"
    ],
    "keywords": [
      "推优",
      "推优入党",
      "团组织推荐",
      "团员",
      "共青团",
      "团支部",
      "团委",
      "团员大会",
      "推荐",
      "28岁",
      "二十八岁",
      "非团员",
      "不是团员",
      "党员推荐"
    ],
    "live": false
  },
  {
    "slug": "activist-selection",
    "category": "积极分子",
    "title": "怎样成为入党积极分子？",
    "answer": "入党积极分子是从入党申请人中确定的：采取党员推荐、群团组织推优（团员一般经团组织推优）等方式产生人选，由支部委员会（不设支委会的由支部大会）研究决定，并报上级党委备案（《细则》第八条）。\n所以步骤是：递交入党申请书 → 谈话 → 党员推荐或团组织推优 → 支委会研究确定 → 报上级党委备案。不是全班投票选出来的，也不是交了申请书就自动成为积极分子。\n交申请书后多久能确定，《细则》没有规定固定间隔，由支部根据对你的了解和安排研究确定。确定后一般要填写入党积极分子培养考察登记材料，党组织会指定培养联系人。每次确定的时间和名额以本支部安排为准。",
    "answer_en": "Activists are chosen from applicants: candidates come through recommendation by Party members or by the Youth League (推优), the branch committee decides, and the superior Party committee keeps it on record (2014 Rules art. 8). Handing in an application does not make you an activist by itself, and there is no fixed waiting time: the branch decides when it knows you.",
    "questions": [
      "怎么成为入党积极分子",
      "积极分子是怎么确定的",
      "积极分子由谁决定",
      "交了申请书多久能成为积极分子",
      "入党积极分子怎么评",
      "积极分子要选举吗",
      "我是不是积极分子了",
      "成为积极分子需要什么条件"
    ],
    "keywords": [
      "入党积极分子",
      "积极分子",
      "确定积极分子",
      "确定为积极分子",
      "支委会",
      "支部委员会",
      "备案",
      "人选",
      "党员推荐",
      "群众推荐",
      "选积极分子"
    ],
    "live": false
  },
  {
    "slug": "activist-training",
    "category": "积极分子",
    "title": "积极分子要培养考察多久？从什么时候算起？",
    "answer": "入党积极分子要经过一年以上的培养教育和考察，才可能被列为发展对象（《细则》第十三条）。这一年从被支委会确定为入党积极分子之日算起，不是从递交入党申请书那天算起。\n党组织会指定一至两名正式党员作你的培养联系人（《细则》第九条），他们向你介绍党的知识、了解你的思想和表现、向支部汇报并提出能否列为发展对象的意见。\n考察期间要参加党课或积极分子培训、党组织安排的活动，定期提交思想汇报；党支部每半年对积极分子进行一次考察，情况记入培养考察登记材料。满一年不等于自动成为发展对象，还要看考察情况。",
    "answer_en": "At least one year of training and assessment as an activist before you can become a development target (2014 Rules art. 13), counted from the day the branch committee named you an activist, not from your application. One or two full members are your contact members (art. 9); the branch assesses activists every six months; you attend Party classes and hand in thought reports.",
    "questions": [
      "积极分子要考察多久",
      "积极分子培养期是多长时间",
      "培养联系人是干什么的",
      "积极分子期间要做什么",
      "积极分子一年后就能发展吗",
      "积极分子考察什么内容",
      "谁是我的培养联系人",
      "积极分子考核怎么考",
      "当积极分子要多久",
      "积极分子的一年从哪天开始算",
      "交申请书的时间算不算在考察期里"
    ],
    "keywords": [
      "培养考察",
      "培养教育",
      "一年以上",
      "培养联系人",
      "联系人",
      "考察期",
      "培养期",
      "考核",
      "半年考察",
      "考察登记表",
      "积极分子期间",
      "起算",
      "开始算"
    ],
    "live": false
  },
  {
    "slug": "thought-report",
    "category": "积极分子",
    "title": "思想汇报多久交一次、写什么？",
    "answer": "《细则》没有规定思想汇报的统一频率，各支部要求不同；常见做法是入党积极分子、发展对象和预备党员至少每季度交一次，交给培养联系人或党支部。具体频率和格式以本支部要求为准。\n内容写真实的思想认识：近期学习党的理论、时事的体会，自己在学习、工作、生活中的表现和思想变化，存在的不足和改进打算。\n格式一般是标题“思想汇报”、称呼“敬爱的党组织：”、正文、“此致 敬礼”、署名和日期。要本人写、写真话，切勿抄袭。\n忘交或漏交了：尽快补交，并向培养联系人说明原因，不要把日期往前改。偶尔晚交一次一般不会直接决定你能否入党，但思想汇报是考察的一部分，经常不交会影响考察评价。",
    "answer_en": "The 2014 Rules set no fixed frequency; many branches ask activists, development targets and probationary members for at least one report a quarter, handed to the contact member or branch. Write honestly about what you learned, how you did and what you will improve. Missed one? Hand it in as soon as you can and tell your contact member why; do not backdate it. Ask your branch for its rules.",
    "questions": [
      "思想汇报多久交一次",
      "思想汇报写什么",
      "思想汇报交给谁",
      "思想汇报怎么写",
      "思想汇报要手写吗",
      "一个季度要交几篇思想汇报",
      "思想汇报忘交了怎么办",
      "思想汇报有字数要求吗",
      "预备党员还要写思想汇报吗"
    ],
    "keywords": [
      "思想汇报",
      "汇报",
      "季度",
      "每季度",
      "多久交",
      "写什么",
      "频率",
      "思想报告",
      "心得体会",
      "忘交",
      "漏交",
      "补交",
      "没交"
    ],
    "live": false
  },
  {
    "slug": "party-school",
    "category": "积极分子",
    "title": "党校培训是什么？要考试吗？",
    "answer": "高校一般分两级培训：入党积极分子参加党校（党课）培训；发展对象要参加基层党委或县级党委组织部门组织的短期集中培训，时间一般不少于3天或不少于24个学时（《细则》第十七条）。\n未经培训的，除个别特殊情况外，不能发展入党。\n培训结束一般有结业考试或考核，合格后发结业证书，是后续确定发展对象、接收预备党员的材料之一。具体课时、考试方式和报名时间以学院党委、本支部通知为准。",
    "answer_en": "Activists attend Party-school classes; development targets attend short centralised training run by the grass-roots Party committee or the county-level Party organisation department, generally at least 3 days or 24 class hours (2014 Rules art. 17). Without it, one cannot normally be admitted. There is usually a final exam and a certificate; ask the branch for dates and hours.",
    "questions": [
      "党校培训是什么",
      "党课要上多少学时",
      "党校考试考什么",
      "党校结业证书有什么用",
      "积极分子培训班怎么报名",
      "党校没考过怎么办",
      "发展对象培训要几天",
      "党课可以请假吗",
      "党校挂了能补考吗"
    ],
    "keywords": [
      "党校",
      "党课",
      "培训",
      "培训班",
      "集中培训",
      "学时",
      "24学时",
      "三天",
      "结业",
      "结业证书",
      "考试",
      "党校考试",
      "补考",
      "上课"
    ],
    "live": false
  },
  {
    "slug": "development-target",
    "category": "发展对象",
    "title": "怎样被列为发展对象？",
    "answer": "对经过一年以上培养教育和考察、基本具备党员条件的入党积极分子，在听取党小组、培养联系人、党员和群众意见的基础上，支部委员会讨论同意并报上级党委备案后，可列为发展对象（《细则》第十三条）。\n列为发展对象后还要：确定两名入党介绍人、进行政治审查、参加短期集中培训，支委会审查后报上级党委预审。\n很多学校在确定发展对象前还会征求意见、进行公示（见“公示”），学习成绩等附加条件由学校规定，请向本支部了解。",
    "answer_en": "After more than a year as an activist and basically meeting the conditions, the branch committee — having heard the Party group, contact members, members and others — may list you as a development target, recorded with the superior Party committee (2014 Rules art. 13). Then come introducers, the political review and the centralised training.",
    "questions": [
      "怎么成为发展对象",
      "发展对象是什么意思",
      "积极分子什么时候能转发展对象",
      "确定发展对象要投票吗",
      "发展对象和积极分子有什么区别",
      "当了发展对象之后要做什么",
      "列为发展对象的条件"
    ],
    "keywords": [
      "发展对象",
      "列为发展对象",
      "确定发展对象",
      "征求意见",
      "党小组",
      "群众意见"
    ],
    "live": false
  },
  {
    "slug": "introducers",
    "category": "发展对象",
    "title": "入党介绍人是谁？要几个？",
    "answer": "发展对象应当有两名正式党员作入党介绍人。入党介绍人一般由培养联系人担任，也可由党组织指定；受留党察看处分、尚未恢复党员权利的党员不能作入党介绍人（《细则》第十四条）。预备党员不能当入党介绍人。\n介绍人要向你解释党的纲领和章程，了解你的情况并如实向党组织汇报，指导你填写入党志愿书，在支部大会上介绍你的情况，你成为预备党员后继续帮助你（《细则》第十五条）。",
    "answer_en": "Two full Party members act as your introducers, usually your contact members or appointed by the branch; probationary members cannot (2014 Rules arts. 14–15).",
    "questions": [
      "入党介绍人要几个",
      "入党介绍人是谁",
      "介绍人可以自己找吗",
      "预备党员能当介绍人吗",
      "入党介绍人要做什么",
      "介绍人一定是培养联系人吗",
      "我还没有介绍人怎么办"
    ],
    "keywords": [
      "入党介绍人",
      "介绍人",
      "两名正式党员",
      "正式党员",
      "指定",
      "介绍"
    ],
    "live": false
  },
  {
    "slug": "political-review",
    "category": "发展对象",
    "title": "政审查什么？",
    "answer": "对发展对象要进行政治审查（《细则》第十六条），主要内容是：对党的理论和路线方针政策的态度；政治历史和在重大政治斗争中的表现；遵纪守法和遵守社会公德情况；直系亲属和与本人关系密切的主要社会关系的政治情况。\n方法包括同本人谈话、查阅有关档案材料、找有关单位和人员了解情况，以及必要的函调或外调，审查后形成结论性材料。本人和家庭情况清楚的，可以不进行函调或外调（《细则》第十六条），多数情况下就是谈话、填写材料和查阅档案，不必紧张。\n没有经过政治审查或政治审查不合格的，不能发展入党。需要你填写或提供什么材料，按支部通知准备，如实填写即可。",
    "answer_en": "The political review of a development target covers attitudes to the Party's theory and policies, political history, law-abidingness and public morality, and the political situation of close relatives (2014 Rules art. 16). Where the situation is clear, no letters or visits to other units are needed (art. 16); usually it is a talk, forms and the file. Without a passed review one cannot be admitted.",
    "questions": [
      "政审查什么",
      "政审是什么意思",
      "政审要查家里人吗",
      "政审要函调吗",
      "家里亲戚有问题影响政审吗",
      "政审不通过怎么办",
      "政治审查要准备什么材料",
      "政审会去我家吗"
    ],
    "keywords": [
      "政审",
      "政治审查",
      "政审材料",
      "函调",
      "外调",
      "直系亲属",
      "社会关系",
      "家庭",
      "亲属",
      "父母",
      "审查"
    ],
    "live": false
  },
  {
    "slug": "volunteer-form",
    "category": "发展对象",
    "title": "入党志愿书怎么填？",
    "answer": "发展对象经支委会审查、上级党委预审合格后，由党组织发给《中国共产党入党志愿书》（《细则》第十九、二十条）。志愿书不能自己打印或网上购买。\n志愿书由本人在入党介绍人指导下如实填写，一般用黑色或蓝黑色钢笔、签字笔书写，字迹工整，不得涂改；入党介绍人、支部大会、上级党委谈话和审批意见等部分由相应的人填写。\n填写前先认真阅读填写说明，内容要和入党申请书、政审等材料一致。没把握的地方先问介绍人或支部，别急着下笔。",
    "answer_en": "The Application Form for Party Membership is issued by the Party organisation after the branch committee's review and the superior committee's pre-review (2014 Rules arts. 19–20). Fill it in yourself, truthfully, in pen, without corrections, guided by your introducers.",
    "questions": [
      "入党志愿书怎么填",
      "志愿书写错了怎么办",
      "入党志愿书在哪里领",
      "志愿书能用电脑打吗",
      "入党志愿书什么时候填",
      "志愿书要用什么笔",
      "预审是什么",
      "志愿书里的介绍人意见谁写"
    ],
    "keywords": [
      "入党志愿书",
      "志愿书",
      "预审",
      "上级党委预审",
      "填写",
      "涂改",
      "签字笔",
      "钢笔",
      "填表"
    ],
    "live": false
  },
  {
    "slug": "branch-vote",
    "category": "预备党员",
    "title": "支部大会怎么表决接收预备党员？",
    "answer": "接收预备党员必须召开支部大会讨论（《细则》第二十一至二十四条）。会上发展对象汇报对党的认识、入党动机、本人履历等，入党介绍人介绍情况，支委会报告审查情况，与会党员充分讨论后，采取无记名投票方式表决。\n有表决权的到会人数必须超过应到会有表决权人数的半数；赞成人数超过应到会有表决权的正式党员的半数，才能通过。预备党员没有表决权。\n通过后，上级党委审批前派党委委员或组织员同你谈话，并在三个月内审批（特殊情况可适当延长，但不超过六个月）。",
    "answer_en": "The branch general meeting discusses and votes by secret ballot; admission needs yes-votes from more than half of the full members entitled to vote who should attend (2014 Rules arts. 21–24). The superior committee then talks with you and approves within three months.",
    "questions": [
      "支部大会怎么投票",
      "发展大会要多少票才能通过",
      "支部大会表决规则",
      "支部大会上我要说什么",
      "预备党员有投票权吗",
      "支部大会没通过怎么办",
      "上级党委审批要多久",
      "发展党员大会流程"
    ],
    "keywords": [
      "支部大会",
      "表决",
      "投票",
      "无记名投票",
      "半数",
      "赞成票",
      "票数",
      "发展大会",
      "审批",
      "三个月",
      "组织员",
      "审批谈话"
    ],
    "live": false
  },
  {
    "slug": "probation",
    "category": "预备党员",
    "title": "预备期多长？预备党员有什么权利？",
    "answer": "预备党员的预备期为一年，从支部大会通过他为预备党员之日算起（《党章》第七条）。\n预备党员的义务同正式党员一样；权利除了没有表决权、选举权和被选举权以外，也同正式党员一样（《党章》第七条）。\n预备期间党组织继续教育考察，你要参加组织生活、按期交纳党费、定期向党组织汇报思想，并在入党宣誓后认真履行党员义务。",
    "answer_en": "Probation lasts one year from the day the branch meeting passed your admission (Constitution art. 7). Probationary members have the same duties as full members and the same rights except the rights to vote, to elect and to be elected.",
    "questions": [
      "预备期多长时间",
      "预备党员有什么权利",
      "预备期从什么时候开始算",
      "预备党员能投票吗",
      "预备党员和正式党员有什么区别",
      "预备党员算党员吗",
      "预备期一年从哪天算"
    ],
    "keywords": [
      "预备期",
      "预备党员",
      "一年",
      "权利",
      "义务",
      "表决权",
      "选举权",
      "被选举权",
      "预备党员权利"
    ],
    "live": false
  },
  {
    "slug": "full-membership",
    "category": "预备党员",
    "title": "预备党员怎么转正？能延期吗？",
    "answer": "预备期满，党的支部应当及时讨论能否转为正式党员（《党章》第七条）。一般在期满前本人向党支部提交书面转正申请，支部征求意见、支委会审查后提交支部大会讨论表决，再报上级党委审批。\n认真履行党员义务、具备党员条件的，按期转为正式党员；需要继续考察和教育的，可以延长预备期，但不能超过一年（《党章》第七条）——延长只有一次，时间不少于半年、最长一年；不履行党员义务、不具备党员条件的，取消预备党员资格。\n转正、延长预备期或取消资格，都要经支部大会讨论通过和上级党组织批准；支部大会通过后，上级党委一般应在三个月内审批。党龄从预备期满转为正式党员之日算起。",
    "answer_en": "When probation ends, the branch meeting discusses conversion to full membership (Constitution art. 7); you hand in a written application first. Probation may be extended once, for at least half a year and at most one year; a member who fails is disqualified. The higher Party committee approves the branch's decision, generally within three months. Party standing counts from the day of conversion.",
    "questions": [
      "预备党员怎么转正",
      "多久能转正",
      "什么时候可以转正",
      "转正申请什么时候交",
      "转正要开会吗",
      "预备期能延长吗",
      "转正没通过会怎样",
      "成为正式党员需要什么手续",
      "党龄从什么时候算",
      "延长预备期最多多久",
      "取消预备党员资格是什么情况"
    ],
    "keywords": [
      "转正",
      "转为正式党员",
      "转正申请",
      "延长预备期",
      "延期",
      "取消预备党员资格",
      "党龄",
      "按期转正"
    ],
    "live": false
  },
  {
    "slug": "oath",
    "category": "预备党员",
    "title": "入党宣誓怎么进行？誓词是什么？",
    "answer": "预备党员必须面向党旗进行入党宣誓（《党章》第六条），一般由党委或党支部在批准后组织，集体或个别进行。\n誓词是：“我志愿加入中国共产党，拥护党的纲领，遵守党的章程，履行党员义务，执行党的决定，严守党的纪律，保守党的秘密，对党忠诚，积极工作，为共产主义奋斗终身，随时准备为党和人民牺牲一切，永不叛党。”\n宣誓时间、着装等安排以支部通知为准，誓词最好提前背熟。",
    "answer_en": "Probationary members take the admission oath facing the Party flag (Constitution art. 6), usually organised by the Party committee or branch. The oath text is in art. 6 of the Constitution; learn it by heart beforehand.",
    "questions": [
      "入党宣誓什么时候",
      "入党誓词是什么",
      "宣誓要背誓词吗",
      "入党宣誓穿什么",
      "入党誓词有多少字",
      "什么时候面向党旗宣誓",
      "宣誓仪式怎么安排"
    ],
    "keywords": [
      "宣誓",
      "入党宣誓",
      "誓词",
      "党旗",
      "面向党旗",
      "宣誓仪式"
    ],
    "live": false
  },
  {
    "slug": "timeline",
    "category": "申请入党",
    "title": "入党的完整流程和大概时间",
    "answer": "主要流程（《细则》）：递交入党申请书 → 一个月内谈话 → 推优/推荐，支委会确定为入党积极分子 → 一年以上培养教育和考察 → 确定为发展对象 → 确定入党介绍人、政治审查、集中培训 → 支委会审查、上级党委预审 → 填写入党志愿书 → 支部大会讨论表决 → 上级党委谈话、审批（三个月内）→ 预备党员（一年预备期，入党宣誓）→ 转为正式党员。\n规定的最短时间：入党积极分子培养考察一年以上；发展对象阶段（政审、培训、预审等）一般要几个月；预备期一年，从支部大会通过你为预备党员之日算起（《党章》第七条），不是从上级党委批准之日算起。\n所以从确定为积极分子到转正，一般要两年多；再加上递交申请书到被确定为积极分子之间的时间（由支部安排，没有统一规定）。想在校期间完成，最好早一点递交申请书。每个阶段的具体时间按学校和本支部的安排。",
    "answer_en": "Application → talk within a month → activist (at least one year) → development target (introducers, political review, training, a few months) → pre-review and application form → branch meeting vote → approval → one year of probation with the oath → full membership. Probation runs from the day the branch meeting admitted you (Constitution art. 7), not from the approval. From activist to full member is usually over two years, plus the wait before you are named an activist, so apply early.",
    "questions": [
      "入党流程是什么",
      "入党要多长时间",
      "从申请到转正要几年",
      "入党步骤有哪些",
      "入党一共分几个阶段",
      "大学期间能入党吗来得及吗",
      "入党全过程",
      "整个入党过程要多久",
      "入党有几个环节"
    ],
    "keywords": [
      "流程",
      "步骤",
      "程序",
      "阶段",
      "多长时间",
      "多久",
      "几年",
      "全过程",
      "时间线",
      "环节",
      "来得及",
      "周期",
      "大一",
      "大二",
      "大三",
      "过程"
    ],
    "live": false
  },
  {
    "slug": "dues",
    "category": "其他事项",
    "title": "学生党员交多少党费？",
    "answer": "交多少：按中组部《关于中国共产党党费收缴、使用和管理的规定》（2008），没有工资收入的学生党员每月交纳党费0.2元。带工资读书的在职学生按工资收入的规定比例交纳；有助学金、助研津贴等收入的研究生怎么交，各校规定不同，以学校党委组织部和本支部的通知为准，拿不准就问支部书记或组织委员。\n交给谁：交给本人所在的党支部（一般由支部组织委员或指定的同志收取，有的学校用线上系统），按本支部的通知交。\n多久交一次：应当按月交纳；有特殊情况，经党组织同意可以按季度交纳，也可以委托其他党员代交；因故没按时交的，经党组织同意可以补交，补交一般不超过6个月。规定里没有“预交”，一次交一年不是规定的做法，想一次交几个月先问支部。\n预备党员从支部大会通过其为预备党员之日起交纳党费。没有正当理由连续六个月不交纳党费的，被认为是自行脱党（《党章》第九条），请按时交。",
    "answer_en": "Under the Central Organisation Department's 2008 rules on Party dues, student members without income pay 0.2 yuan a month; students who keep a salary pay a percentage of it, and for postgraduates with stipends the school's rules differ: ask your branch secretary or organisation officer. Pay your own branch (usually its organisation officer, sometimes an online system), monthly; with the branch's consent you may pay quarterly or through another member, and back-pay up to six months. Paying a year in advance is not in the rules: ask the branch first. Probationary members pay from the day the branch meeting admitted them; six months without paying and without good reason counts as leaving the Party (Constitution art. 9).",
    "questions": [
      "党费交多少",
      "学生党员党费多少钱",
      "党费怎么交",
      "党费多久交一次",
      "预备党员要交党费吗",
      "党费可以一次交一年吗",
      "忘了交党费会怎样",
      "党费交给谁"
    ],
    "keywords": [
      "党费",
      "交党费",
      "0.2元",
      "两毛",
      "党费标准",
      "每月",
      "缴纳",
      "交纳",
      "收缴",
      "按季度",
      "代交",
      "补交党费",
      "预交",
      "研究生党员",
      "助学金",
      "组织委员"
    ],
    "live": false
  },
  {
    "slug": "academic-requirement",
    "category": "申请入党",
    "title": "成绩不好、挂过科能入党吗？",
    "answer": "党章和《细则》没有规定具体的成绩标准，但党员要在学习上起模范作用，高校一般会在本校发展党员的实施办法里提出学业要求（例如有无不及格课程、补考是否通过、成绩或综合测评排名等）。\n这些要求因学校、学院而异，请以本校规定为准，向本支部或本班联络员了解。\n挂过科不等于不能入党：把成绩补上来、认真学习，仍然可以继续申请和接受培养考察。",
    "answer_en": "The Constitution and the 2014 Rules set no grade threshold, but universities usually have their own (failed courses, resits, ranking). These differ by school: ask your branch or liaisons. A failed course is not the end: improve and keep going.",
    "questions": [
      "挂科了还能入党吗",
      "入党对成绩有要求吗",
      "成绩不好能入党吗",
      "有不及格的课影响入党吗",
      "入党要求成绩排名多少",
      "补考过了还算挂科吗",
      "绩点低能入党吗",
      "重修会影响发展吗"
    ],
    "keywords": [
      "成绩",
      "挂科",
      "不及格",
      "补考",
      "重修",
      "绩点",
      "排名",
      "综测",
      "综合测评",
      "学习成绩",
      "学业",
      "分数",
      "GPA"
    ],
    "live": false
  },
  {
    "slug": "transfer",
    "category": "其他事项",
    "title": "毕业时党组织关系怎么转？",
    "answer": "毕业时党员（含预备党员）要办理党组织关系转接，一般通过全国党员管理信息系统办理，并开具党组织关系介绍信，按介绍信上的时限到接收党组织报到。\n去向明确的，转到工作单位或升学学校的党组织；暂时没有落实工作单位的，可以转到本人或父母居住地的街道、乡镇党组织，也可以按规定把组织关系在学校保留，一般不超过两年。\n具体怎么转、转到哪里、需要哪些信息，请提前问本支部；预备党员转出后由接收党组织继续考察、办理转正。",
    "answer_en": "On graduation your organisational relations are transferred through the national Party member information system with a letter of introduction. Without an employer yet, they can go to your or your parents' place of residence, or stay at the school for up to two years. Ask the branch early.",
    "questions": [
      "毕业了党组织关系怎么转",
      "组织关系转到哪里",
      "没找到工作组织关系放哪",
      "考研了党组织关系怎么办",
      "党员毕业要办什么手续",
      "组织关系介绍信怎么开",
      "预备党员毕业了怎么转正"
    ],
    "keywords": [
      "组织关系",
      "党组织关系",
      "转接",
      "转出",
      "转移",
      "介绍信",
      "毕业",
      "报到",
      "保留两年",
      "档案",
      "工作单位",
      "考研",
      "升学"
    ],
    "live": false
  },
  {
    "slug": "not-selected",
    "category": "积极分子",
    "title": "这次没被选上怎么办？",
    "answer": "没有被推优、没有被确定为积极分子或发展对象，不等于不能入党。名额和时机有限，党组织也要看较长时间的表现。\n可以私下问本班联络员或培养联系人，了解自己还差在哪里；继续学习党的理论，按时交思想汇报，在学习和班级工作中多承担，下一次推优或确定时还可以再被推荐。\n入党申请书有没有“有效期”，《党章》和《细则》都没有规定；有的学校要求递交时间较长、还没被确定为积极分子的同学重新递交或更新申请书，情况有变化时也可以补充说明。是否需要，问本支部。",
    "answer_en": "Not being chosen this time does not close the door. Ask your liaisons or contact member what to improve, keep handing in thought reports and taking part, and you can be recommended again next round. No rule says how long an application stays valid; some schools ask applicants who have waited long to hand in a new one: ask your branch.",
    "questions": [
      "没被推优怎么办",
      "这次没选上积极分子",
      "发展对象没通过怎么办",
      "落选了还能再申请吗",
      "为什么没有选我",
      "第二次申请入党可以吗",
      "没被选上是不是就没机会了",
      "入党申请书交了好几年还管用吗"
    ],
    "keywords": [
      "没选上",
      "没被选上",
      "落选",
      "没通过",
      "再次申请",
      "重新申请",
      "下次",
      "机会",
      "没被推优",
      "失败",
      "有效期",
      "重新递交",
      "还有效"
    ],
    "live": false
  },
  {
    "slug": "graduating-student",
    "category": "其他事项",
    "title": "大四才申请入党还来得及吗？",
    "answer": "大四或毕业前才申请，在校期间一般来不及完成全部程序：入党积极分子至少要培养考察一年以上，之后还有发展对象阶段和一年预备期。\n对毕业生最要紧的一条：发展对象未来3个月内将离开工作、学习单位的，一般不办理接收预备党员的手续。所以快毕业的发展对象，一般要到新单位再接收。\n已经是入党积极分子的，学习、工作单位变动时，原党组织把培养教育材料转交现单位党组织，由现单位党组织审查后接续培养考察，培养考察时间可以连续计算（《细则》第十二条）。刚递交申请书、还没被确定为积极分子的，一般没有可以接续的培养考察材料，到新单位后通常要重新递交入党申请书。\n毕业前请向支部问清楚你的材料怎么转、转到哪里；已经是预备党员的，毕业后由接收单位党组织继续考察和办理转正。",
    "answer_en": "Applying in the final year usually leaves too little time to finish at school (one year as activist, then development target, then a year of probation). A development target who will leave within three months is generally not admitted as a probationary member. An activist's training records go to the new organisation, which continues, and the training time counts continuously (2014 Rules art. 12); a new applicant who is not yet an activist should expect to apply again at the new place. Ask the branch how your materials will be transferred.",
    "questions": [
      "大四申请入党还来得及吗",
      "快毕业了还能入党吗",
      "大四才交申请书有用吗",
      "毕业前没入上党怎么办",
      "积极分子毕业了怎么办",
      "研究生毕业前能发展吗",
      "毕业了积极分子材料怎么转",
      "离毕业不到三个月还能接收为预备党员吗"
    ],
    "keywords": [
      "大四",
      "毕业班",
      "快毕业",
      "毕业前",
      "来不及",
      "应届",
      "最后一年",
      "接续培养",
      "材料转交",
      "三个月",
      "连续计算",
      "离校"
    ],
    "live": false
  },
  {
    "slug": "documents-checklist",
    "category": "其他事项",
    "title": "入党要准备哪些材料？",
    "answer": "入党过程中形成的主要材料（各支部表格名称可能不同）：\n入党申请书；申请人谈话记录；团员推优材料；确定积极分子的支委会记录和备案材料；入党积极分子培养考察登记材料；思想汇报；党校/培训结业证书；确定发展对象的材料；政治审查材料；入党介绍人意见；公示材料；《入党志愿书》；支部大会记录；上级党委谈话和审批材料；转正申请书和转正材料。\n大部分由支部整理归档，你主要负责自己写的材料（申请书、思想汇报、自传、志愿书、转正申请），要真实、按时、字迹工整。需要你交哪些、什么时候交，以支部通知为准。",
    "answer_en": "Main materials: application letter, talk record, League recommendation, activist records, thought reports, training certificate, development-target and political-review materials, introducers' opinions, the application form, branch meeting records, approval, and the conversion application. The branch files most of them; you write your own parts. Ask the branch for its list.",
    "questions": [
      "入党要准备哪些材料",
      "入党材料清单",
      "入党需要交什么表",
      "积极分子要填什么表",
      "入党要写自传吗",
      "入党档案里有什么"
    ],
    "keywords": [
      "材料",
      "清单",
      "表格",
      "登记表",
      "考察表",
      "档案",
      "自传",
      "证明",
      "归档",
      "要交什么"
    ],
    "live": false
  },
  {
    "slug": "contact-branch",
    "category": "其他事项",
    "title": "怎么联系党支部？",
    "answer": "有入党方面的问题，先找本班的两位联络员（在班级群里发送 /liaisons 可以看到他们，点名字即可私信），他们会帮你联系支部。\n也可以直接找支部书记或学院党委（组织员）。\n在和我的私聊里提问，我答不上的问题会转给你们班的联络员。",
    "answer_en": "Ask your class's two liaisons first (send /liaisons in the class group), or the branch secretary. Questions I cannot answer in private chat are passed to your liaisons.",
    "questions": [
      "怎么联系党支部",
      "支部书记是谁",
      "有问题找谁",
      "党支部在哪里",
      "怎么找到组织",
      "学院党委办公室在哪",
      "我想当面咨询入党的事"
    ],
    "keywords": [
      "联系支部",
      "联系方式",
      "支部书记",
      "找谁",
      "咨询",
      "党委",
      "办公室",
      "组织员",
      "联系"
    ],
    "live": false
  },
  {
    "slug": "class-liaisons",
    "category": "本班",
    "title": "本班的联络员是谁？",
    "answer": "每个班由两名党员联系（“2+1”模式）。在班级群里发送 /liaisons 可以看到本班的两位联络员，点名字即可私信他们。",
    "answer_en": "Each class has two Party-member liaisons (\"2+1\"). Send /liaisons in your class group to see them.",
    "questions": [
      "我们班的联络员是谁",
      "本班联系党员是谁",
      "联络员是哪两个人",
      "我们班谁负责党建",
      "谁是我们班的联系人",
      "2+1是什么"
    ],
    "keywords": [
      "联络员",
      "联系人",
      "本班",
      "我们班",
      "2+1",
      "联系班级的党员",
      "负责党建"
    ],
    "live": true
  },
  {
    "slug": "anonymous-feedback",
    "category": "本班",
    "title": "怎么匿名反馈意见？",
    "answer": "机器人还没有匿名反馈功能。请注意：你在私聊里问我、我答不上来而转给联络员的问题，联络员会看到是谁问的。\n现在可以私下把意见告诉本班联络员或支部书记；他们会知道是你，是否为你保密取决于他们本人，机器人无法替他们保证。\n反映党员违纪、发展党员中的违规问题，正式渠道是学校纪检部门（纪委）和组织部门的12380举报（电话、网站）。",
    "answer_en": "The bot has no anonymous feedback yet. A question I cannot answer and pass on to the liaisons shows them who asked. For now tell your class liaisons or the branch secretary privately: they will know it is you, and whether they keep it to themselves is up to them, not something the bot can promise. Misconduct by Party members or irregular recruitment can be reported through the formal channels: the school's discipline inspection office (纪委) and the organisation departments' 12380 reporting line (phone and website).",
    "questions": [
      "怎么匿名反馈",
      "我想匿名提意见",
      "有没有匿名举报的渠道",
      "对支部工作有意见怎么提",
      "可以不署名反映问题吗",
      "意见箱在哪"
    ],
    "keywords": [
      "匿名",
      "反馈",
      "意见",
      "建议",
      "投诉",
      "举报",
      "不署名",
      "意见箱",
      "提意见",
      "12380",
      "纪委",
      "纪检",
      "违规",
      "保密"
    ],
    "live": true
  },
  {
    "slug": "class-stats",
    "category": "本班",
    "title": "我们班的党建情况（人数统计）",
    "answer": "本班的党建数据（递交申请书人数、积极分子、发展对象、党员人数等）由支部和本班联络员统计保管，机器人的班级记录功能还在准备中，请向联络员或支部书记了解。",
    "answer_en": "The class's Party-building figures (applicants, activists, development targets, members) are kept by the branch and the class liaisons; the bot's class records are not ready yet. Ask them.",
    "questions": [
      "我们班有几个党员",
      "班里多少人交了申请书",
      "我们班积极分子有多少",
      "本班党建数据",
      "班级党员人数统计",
      "我们班入党比例是多少"
    ],
    "keywords": [
      "人数",
      "统计",
      "几个党员",
      "多少人",
      "比例",
      "数据",
      "党员人数",
      "班级情况",
      "党建情况",
      "班里",
      "几个积极分子",
      "多少个"
    ],
    "live": true
  },
  {
    "slug": "religion",
    "category": "申请入党",
    "title": "信仰宗教能入党吗？",
    "answer": "共产党员不能信仰宗教，这是党的一贯要求：党员要坚持马克思主义的世界观，是无神论者。\n所以信仰宗教的同学如果想入党，要先真正放弃宗教信仰，不能既信教又入党；党组织欢迎你学习党的理论、向党组织靠拢。\n尊重各民族的风俗习惯、了解宗教文化，不等于信仰宗教；家里人信教，本身也不影响你本人申请入党。\n有具体情况拿不准，可以私下问本班联络员或支部书记。",
    "answer_en": "Party members may not hold a religious belief: a member holds the Marxist world view. A believer who wants to join must first truly give up the religion; respecting ethnic customs or learning about religious culture is not believing, and your family's faith does not by itself affect your application. Ask your liaisons or the branch secretary about your case.",
    "questions": [
      "信教的人能入党吗",
      "我信佛可以入党吗",
      "有宗教信仰可以申请入党吗",
      "基督徒能入党吗",
      "党员可以信教吗",
      "家里人信宗教影响我入党吗",
      "信伊斯兰教能当党员吗",
      "入党前要放弃宗教信仰吗"
    ],
    "keywords": [
      "宗教",
      "宗教信仰",
      "信教",
      "信仰宗教",
      "信佛",
      "佛教",
      "基督教",
      "基督徒",
      "天主教",
      "伊斯兰教",
      "道教",
      "无神论",
      "烧香",
      "拜佛"
    ],
    "live": false
  },
  {
    "slug": "discipline-record",
    "category": "申请入党",
    "title": "受过处分、家人有犯罪记录，还能入党吗？",
    "answer": "受过学校处分：《党章》和《细则》没有“受过处分就不能入党”的规定，但党组织要看你的一贯表现。很多学校规定，处分期内（处分没有解除）的学生不能被确定为入党积极分子或发展对象；处分解除以后，看你对错误的认识和改正的实际表现。具体以本校发展党员的规定为准，可以私下问联络员或支部书记。\n家人、亲戚有违法犯罪记录：政治审查要了解直系亲属和关系密切的主要社会关系的政治情况（《细则》第十六条），这些情况会被如实了解，但不等于你本人不能入党，党组织主要看你本人的政治立场和表现。\n不论哪种情况，都要如实向党组织说明，不要隐瞒——隐瞒比问题本身更严重。",
    "answer_en": "No rule says that a past school sanction bars you for ever, but many schools do not name students activists or development targets while a sanction is in force; after it is lifted, what counts is how you have changed. A relative's criminal record is looked at in the political review (2014 Rules art. 16) but does not by itself bar you: the Party looks at your own stand and conduct. Be open about it; hiding it is worse. Ask your branch about your school's rules.",
    "questions": [
      "受过处分还能入党吗",
      "以前被学校记过能入党吗",
      "背过处分影响入党吗",
      "处分撤销了可以申请入党吗",
      "受过警告处分能成为积极分子吗",
      "家里人有犯罪记录影响入党吗",
      "亲戚有案底我还能入党吗",
      "父亲判过刑会影响我入党吗"
    ],
    "keywords": [
      "处分",
      "受处分",
      "记过",
      "警告",
      "严重警告",
      "留校察看",
      "通报批评",
      "违纪",
      "撤销处分",
      "处分期",
      "犯罪记录",
      "案底",
      "判刑",
      "坐牢",
      "服刑",
      "违法",
      "作弊"
    ],
    "live": false
  },
  {
    "slug": "motives-benefits",
    "category": "申请入党",
    "title": "入党有什么好处？对保研、考公、就业有帮助吗？",
    "answer": "先说入党动机：入党是为了共产主义理想、为人民服务，而不是为个人得到好处。党组织在谈话、培养考察中都会了解你的入党动机，只为加分、找工作而入党，考察时会被指出，也很难通过。\n保研、综测、评优有没有“加分”，是各校自己的政策（很多学校没有），以本校规定为准。\n考公、选调、就业：部分公务员、选调生和企事业单位岗位的报考条件要求“中共党员（含预备党员）”，但这是岗位条件，不应成为入党的理由；党员身份也意味着要履行党员义务、接受组织的教育和管理。",
    "answer_en": "Join for the Party's ideals and to serve the people, not for personal gain: your motives are looked at in every talk and assessment. Whether membership earns points for postgraduate recommendation or awards is school policy (many schools give none). Some civil-service, selected-graduate and employer posts require Party membership, but that is the post's condition, not a reason to join; membership also brings duties.",
    "questions": [
      "入党有什么好处",
      "入党对保研有帮助吗",
      "入党对考公有帮助吗",
      "党员找工作有优势吗",
      "入党能加分吗",
      "为什么要入党",
      "入党动机怎么写才端正",
      "选调生是不是要求党员"
    ],
    "keywords": [
      "好处",
      "优势",
      "帮助",
      "加分",
      "保研",
      "考公",
      "考公务员",
      "公务员",
      "选调",
      "选调生",
      "就业",
      "找工作",
      "国企",
      "综测加分",
      "入党动机",
      "动机",
      "端正",
      "功利",
      "为什么入党"
    ],
    "live": false
  },
  {
    "slug": "study-abroad",
    "category": "其他事项",
    "title": "出国留学、交换期间，入党和组织关系怎么办？",
    "answer": "出国（境）学习、交流前，先向所在党支部报告，按学校党委组织部的规定办理手续，不要等回来再补。\n党员、预备党员：出国（境）学习期间组织关系怎么处理（例如是否保留组织关系、期间怎么和支部保持联系、党费怎么交）有专门规定，时间长短不同办法也不同；预备党员出国期间的教育考察和转正怎么安排，由党组织按规定研究决定。\n入党积极分子、发展对象：出国交换期间不在支部参加培养考察，考察可能中断或推后，回国后由支部研究如何接续。出发前把情况告诉培养联系人和支部。\n具体请问本支部或学校党委组织部。",
    "answer_en": "Before going abroad to study or on exchange, report to your branch and follow the school's organisation department rules. For members and probationary members, how organisational relations, contact with the branch and dues are handled depends on the length of stay, and the Party organisation decides how a probationary member's assessment and conversion continue. For activists and development targets the assessment may pause; the branch decides how it continues when you return. Ask the branch before you leave.",
    "questions": [
      "出国留学组织关系怎么处理",
      "预备党员出国交换怎么办",
      "积极分子出国交换会影响入党吗",
      "党员出国读书要报告吗",
      "去国外交流半年入党考察怎么算",
      "出国期间党费怎么交",
      "留学回来还能继续入党吗"
    ],
    "keywords": [
      "出国",
      "出境",
      "留学",
      "交换",
      "交流",
      "国外",
      "境外",
      "海外",
      "访学",
      "联合培养",
      "出国读研",
      "港澳台交流"
    ],
    "live": false
  },
  {
    "slug": "status-change",
    "category": "其他事项",
    "title": "转专业、转学、休学、参军入伍，入党材料怎么办？",
    "answer": "转专业、转学院：党员、预备党员的组织关系转到新的党支部；入党积极分子的培养教育材料由原党组织转交新党组织，新党组织审查后接续培养考察，培养考察时间可以连续计算（《细则》第十二条）。\n转学：材料由原学校党组织转交新学校党组织，新学校党组织审查后决定怎么接续。\n休学：休学期间一般不在校参加培养考察，复学后由支部研究怎么接续；党员休学期间组织关系怎么放，问支部。\n参军入伍：党员的组织关系转到部队党组织；入党积极分子的培养教育材料同样转交部队党组织接续培养。\n不论哪种变动，先告诉支部和培养联系人，问清楚材料怎么转、转到哪里。",
    "answer_en": "Changing major or college: members' and probationary members' relations move to the new branch; an activist's training records are passed on and the new organisation continues, with the training time counted continuously (2014 Rules art. 12). Changing school: the records go to the new school's Party organisation, which decides how to continue. Suspending studies: the assessment usually pauses until you return. Enlisting: members' relations go to the army's Party organisation, and an activist's records are passed to it too. Tell your branch first.",
    "questions": [
      "转专业了入党怎么办",
      "换学院以后积极分子身份还在吗",
      "转学了入党材料怎么办",
      "休学对入党有影响吗",
      "复学以后入党考察怎么算",
      "参军入伍了入党怎么办",
      "大学生当兵入党材料转到哪",
      "去部队以后还能继续入党吗"
    ],
    "keywords": [
      "转专业",
      "换专业",
      "转学院",
      "转学",
      "休学",
      "复学",
      "保留学籍",
      "参军",
      "入伍",
      "当兵",
      "服兵役",
      "部队",
      "退伍"
    ],
    "live": false
  },
  {
    "slug": "league-vs-party",
    "category": "申请入党",
    "title": "入团和入党有什么不同？入团申请书怎么办？",
    "answer": "入团和入党是两回事。中国共产主义青年团是党领导的先进青年的群团组织，是党的助手和后备军；入团、入党各有各的申请书和程序。\n入团：年龄在十四周岁以上、二十八周岁以下的中国青年可以申请入团。入团申请书写对团的认识和入团动机，称呼“敬爱的团组织”，交给所在的团支部（找本班团支书），经团支部大会讨论通过、上级团委批准。不要拿入党申请书改一改当入团申请书交。\n入党：年满十八岁可以申请，入党申请书交给党支部。团员入党一般经过团组织推优；入党以后，满二十八周岁之前一般仍保留团籍。\n我主要回答入党方面的问题，入团的具体安排请问本班团支书或学院团委。",
    "answer_en": "Joining the Youth League and joining the Party are different. Chinese young people aged 14 to 28 may apply to the League: the League application (to \"敬爱的团组织\") goes to your League branch (your class League secretary), is discussed by the League branch meeting and approved by the higher League committee. The Party application is for those 18 or over and goes to the Party branch; League members are usually recommended by the League (推优). Ask your League secretary about joining the League.",
    "questions": [
      "入团申请书怎么写",
      "入团申请书交给谁",
      "入团和入党有什么区别",
      "团员和党员有什么不一样",
      "还没入团可以先入党吗",
      "大学里还能入团吗",
      "入党以后还是团员吗",
      "入团需要什么条件"
    ],
    "keywords": [
      "入团",
      "入团申请书",
      "共青团员",
      "团籍",
      "敬爱的团组织",
      "团支书",
      "团员和党员",
      "区别",
      "不一样",
      "十四周岁"
    ],
    "live": false
  },
  {
    "slug": "rights-duties",
    "category": "其他事项",
    "title": "党员有哪些义务和权利？",
    "answer": "《党章》第三条规定党员必须履行八项义务，概括起来是：认真学习党的理论和路线方针政策、学习科学文化知识；贯彻执行党的基本路线和方针政策，在工作、学习和社会生活中起先锋模范作用；坚持党和人民的利益高于一切；自觉遵守党的纪律、模范遵守法律法规、保守党和国家的秘密；维护党的团结和统一、对党忠诚老实；开展批评和自我批评；密切联系群众；发扬社会主义新风尚，在困难和危险的时刻挺身而出。\n《党章》第四条规定党员享有八项权利，概括起来是：参加党的有关会议、阅读有关文件、接受教育和培训；参加党的政策问题的讨论；对党的工作提出建议和倡议；有根据地批评、负责地揭发检举；表决权、选举权和被选举权；受处分或鉴定时参加和申辩；对决议和政策有不同意见，在执行的前提下可以声明保留并向上级直至中央提出；向上级组织直至中央提出请求、申诉和控告。\n预备党员的义务同正式党员一样，权利除了没有表决权、选举权和被选举权以外也一样（《党章》第七条）。原文请看《党章》第三、四条。",
    "answer_en": "Article 3 of the Party Constitution lists eight duties (study; carry out the Party's line and set an example; put the interests of the Party and the people first; keep Party discipline, the law and secrets; keep the Party united and be loyal and honest; criticism and self-criticism; keep close to the people; promote socialist ethics and stand up in hard times). Article 4 lists eight rights (attend meetings, read documents and receive education; discuss policy; make proposals; criticise and report with grounds; vote, elect and be elected; defend oneself in disciplinary matters; reserve a dissenting opinion while carrying out decisions and raise it up to the Central Committee; make requests, appeals and complaints). Probationary members have the same duties and the same rights except voting, electing and being elected (art. 7).",
    "questions": [
      "党员有哪些义务",
      "党员有什么权利",
      "党员的八项义务是什么",
      "党员享有哪些权利",
      "当了党员要承担什么责任",
      "党章里党员的权利和义务"
    ],
    "keywords": [
      "义务",
      "权利",
      "八项义务",
      "八项权利",
      "党员义务",
      "党员权利",
      "先锋模范",
      "责任",
      "表决权",
      "申诉",
      "控告",
      "党章第三条",
      "党章第四条"
    ],
    "live": false
  },
  {
    "slug": "leaving-party",
    "category": "其他事项",
    "title": "入党以后能退党吗？什么是自行脱党？",
    "answer": "党员有退党的自由。党员要求退党，应当经支部大会讨论后宣布除名，并报上级党组织备案（《党章》第九条）。\n党员如果没有正当理由，连续六个月不参加党的组织生活，或不交纳党费，或不做党所分配的工作，就被认为是自行脱党；支部大会应当决定把这样的党员除名，并报上级党组织批准（《党章》第九条）。\n还没有入党的申请人、入党积极分子、发展对象不想继续了，没有“退党”手续，向支部或培养联系人说明情况即可。\n如果只是一时有顾虑或遇到困难，先和联络员、支部书记谈一谈。",
    "answer_en": "Party members are free to leave: the branch meeting discusses the request and announces the removal, recorded with the higher organisation (Constitution art. 9). A member who, without good reason, for six months in a row does not take part in Party life, does not pay dues or does not do the work assigned is regarded as having left, and the branch meeting removes them with the higher organisation's approval (art. 9). Applicants and activists who want to stop simply tell the branch.",
    "questions": [
      "入党以后还能退党吗",
      "怎么退党",
      "什么叫自行脱党",
      "连续六个月不交党费会怎样",
      "不想当积极分子了怎么办",
      "党员可以主动退出吗",
      "半年不参加组织生活会被除名吗"
    ],
    "keywords": [
      "退党",
      "退出",
      "除名",
      "脱党",
      "自行脱党",
      "连续六个月",
      "六个月",
      "不参加组织生活",
      "不想入了",
      "放弃入党"
    ],
    "live": false
  },
  {
    "slug": "lost-materials",
    "category": "其他事项",
    "title": "入党材料丢了怎么办？材料放在哪里？",
    "answer": "入党材料（申请书、思想汇报、培养考察登记材料、入党志愿书等）由党支部和学院党委收存；转为正式党员后，入党材料归入本人档案，毕业时随档案转出。学生本人一般不能自己保管或拆看档案。\n材料丢了：尽快告诉支部，说明丢了什么、什么时候丢的。不要自己补写后把日期往前改，也不要代签名；支部会根据存档和记录研究怎么补救（例如写情况说明、重新填写并注明）。《入党志愿书》等关键材料遗失，由党组织按有关规定处理。\n想知道自己的入党材料是否齐全，问支部或学院党委组织员。",
    "answer_en": "Your Party materials (application, thought reports, activist records, application form) are kept by the branch and the college Party committee; after full membership they go into your personal file, which moves with you on graduation. Lost something? Tell the branch at once; never rewrite and backdate it or sign for someone. The branch decides how to remedy it (a written explanation, a new copy marked as such). Ask the branch whether your materials are complete.",
    "questions": [
      "入党材料丢了怎么办",
      "入党申请书找不到了怎么办",
      "思想汇报原件弄丢了能补吗",
      "入党志愿书丢了怎么办",
      "入党材料会放进档案吗",
      "入党材料由谁保管",
      "档案里的入党材料不全怎么办"
    ],
    "keywords": [
      "丢了",
      "丢失",
      "遗失",
      "弄丢",
      "找不到",
      "补办",
      "补写",
      "原件",
      "档案",
      "人事档案",
      "保管",
      "材料不全",
      "归档"
    ],
    "live": false
  },
  {
    "slug": "public-notice",
    "category": "发展对象",
    "title": "发展对象公示是怎么回事？",
    "answer": "发展对象在接收为预备党员之前要公示：党组织公布其姓名、基本情况和培养考察情况等，听取党内外群众的意见。很多学校在确定入党积极分子、发展对象时也会公示。\n公示多少天、在哪里公示（张贴、网站、群公告），由学校规定，以通知为准。\n公示期间对公示对象有意见，可以按公示里写的方式向支部或学院党委反映，党组织会核实；反映的问题影响发展的，会暂缓。被公示的同学不必紧张，公示是正常程序。",
    "answer_en": "Before a development target is admitted as a probationary member, the Party organisation publishes their name, basic details and training record and hears opinions from members and others; many schools also publicise new activists and development targets. How long and where is set by the school. Anyone with an objection can raise it with the branch or college Party committee as the notice says; it will be checked.",
    "questions": [
      "发展对象要公示吗",
      "公示期一般多长",
      "公示期间被举报了怎么办",
      "入党公示在哪里看",
      "公示内容包括什么",
      "对公示的人有意见怎么反映"
    ],
    "keywords": [
      "公示",
      "公示期",
      "公示名单",
      "公示结果",
      "公示内容",
      "公示对象",
      "张贴",
      "异议",
      "反映意见"
    ],
    "live": false
  }
];
