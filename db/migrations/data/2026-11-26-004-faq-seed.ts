// Frozen with migration 2026-11-26-004-faq: the knowledge base that migration seeds, exactly as
// db/faq/faq.yaml read through the FAQ parser on 2026-12-02 (28 entries). Never edit: a change to
// the shipped knowledge base reaches databases through a new migration, or `faq import`.

export interface FaqSeedRow {
  slug: string;
  category: string;
  title: string;
  answer: string;
  answer_en: string | null;
  questions: readonly string[];
  keywords: readonly string[];
  live: boolean;
}

export const faqSeed: readonly FaqSeedRow[] = [
  {
    "slug": "eligibility",
    "category": "申请入党",
    "title": "入党需要什么条件？",
    "answer": "年满十八岁的中国工人、农民、军人、知识分子和其他社会阶层的先进分子，承认党的纲领和章程，愿意参加党的一个组织并在其中积极工作、执行党的决议和按期交纳党费的，可以申请加入中国共产党（《党章》第一条，《细则》第五条）。\n所以最基本的是：年满18周岁、承认党的纲领和章程、愿意在组织中积极工作并按期交纳党费。\n未满18岁可以先学习党的知识、积极向党组织靠拢，满18岁后再递交入党申请书。\n学习成绩等方面的具体要求由学校规定，请向本支部了解。",
    "answer_en": "Anyone aged 18 or over who accepts the Party's programme and Constitution, is willing to work actively in one of its organisations, carry out its decisions and pay membership dues regularly may apply (Party Constitution art. 1; 2014 Rules art. 5). School-specific requirements such as grades: ask the branch.",
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
    "answer": "“推优”是共青团组织推荐优秀团员作为入党积极分子人选（简称推优入党），是团员入党的主要渠道：28周岁以下的共青团员申请入党，一般应当经过团组织推荐（《细则》第九条）。\n高校里一般由团支部召开团员大会民主推荐、投票，团总支/分团委审核并公示后，向党支部推荐。\n想被推优，平时要在学习、工作和团的活动中表现积极，按时参加团组织生活。具体名额、时间和程序以学院团委、本支部通知为准，可以问本班团支书或联络员。",
    "answer_en": "\"推优\" is the Youth League recommending outstanding League members as activist candidates; it is the main route for League members aged 28 and under (2014 Rules art. 9). Usually the League branch votes, the college League committee reviews and publicises, then recommends to the Party branch. Ask your League secretary or liaisons about dates.",
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
      "非团员"
    ],
    "live": false
  },
  {
    "slug": "activist-selection",
    "category": "积极分子",
    "title": "怎样成为入党积极分子？",
    "answer": "入党积极分子是从入党申请人中确定的：采取党员推荐、群团组织推优（团员一般经团组织推荐）等方式产生人选，由支部委员会（不设支委会的由支部大会）研究决定，并报上级党委备案（《细则》第八、九条）。\n所以步骤是：递交入党申请书 → 谈话 → 推优或党员/群众推荐 → 支委会研究确定 → 报上级党委备案。\n确定后一般要填写入党积极分子培养考察登记材料，党组织会指定培养联系人。每次确定的时间和名额以本支部安排为准。",
    "answer_en": "Activists are chosen from applicants: candidates come through recommendation by Party members or by the Youth League (推优), the branch committee decides, and the superior Party committee keeps it on record (2014 Rules arts. 8–9).",
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
    "title": "积极分子要培养考察多久？",
    "answer": "入党积极分子要经过一年以上的培养教育和考察，才可能被列为发展对象（《细则》第十三条）。\n党组织会指定一至两名正式党员作你的培养联系人（通常为两名，《细则》第十条），他们向你介绍党的知识、了解你的思想和表现、向支部汇报并提出能否列为发展对象的意见。\n考察期间要参加党课或积极分子培训、党组织安排的活动，定期提交思想汇报；党支部每半年对积极分子进行一次考察，情况记入培养考察登记材料。",
    "answer_en": "At least one year of training and assessment as an activist before you can become a development target (2014 Rules art. 13). One or two full members (usually two) are your contact members (art. 10); the branch assesses activists every six months; you attend Party classes and hand in thought reports.",
    "questions": [
      "积极分子要考察多久",
      "积极分子培养期是多长时间",
      "培养联系人是干什么的",
      "积极分子期间要做什么",
      "积极分子一年后就能发展吗",
      "积极分子考察什么内容",
      "谁是我的培养联系人",
      "积极分子考核怎么考",
      "当积极分子要多久"
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
      "积极分子期间"
    ],
    "live": false
  },
  {
    "slug": "thought-report",
    "category": "积极分子",
    "title": "思想汇报多久交一次、写什么？",
    "answer": "《细则》没有规定思想汇报的统一频率，各支部要求不同；常见做法是入党积极分子、发展对象和预备党员至少每季度交一次，交给培养联系人或党支部。具体频率和格式以本支部要求为准。\n内容写真实的思想认识：近期学习党的理论、时事的体会，自己在学习、工作、生活中的表现和思想变化，存在的不足和改进打算。\n格式一般是标题“思想汇报”、称呼“敬爱的党组织：”、正文、“此致 敬礼”、署名和日期。要本人写、写真话，切勿抄袭。",
    "answer_en": "The 2014 Rules set no fixed frequency; many branches ask activists, development targets and probationary members for at least one report a quarter, handed to the contact member or branch. Write honestly about what you learned, how you did and what you will improve. Ask your branch for its rules.",
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
      "心得体会"
    ],
    "live": false
  },
  {
    "slug": "party-school",
    "category": "积极分子",
    "title": "党校培训是什么？要考试吗？",
    "answer": "高校一般分两级培训：入党积极分子参加党校（党课）培训；发展对象要参加基层党委或县级以上党委组织部门组织的短期集中培训，时间一般不少于3天或不少于24个学时（《细则》第十七条）。\n未经培训的，除个别特殊情况外，不能发展入党。\n培训结束一般有结业考试或考核，合格后发结业证书，是后续确定发展对象、接收预备党员的材料之一。具体课时、考试方式和报名时间以学院党委、本支部通知为准。",
    "answer_en": "Activists attend Party-school classes; development targets attend short centralised training of generally at least 3 days or 24 class hours (2014 Rules art. 17). Without it, one cannot normally be admitted. There is usually a final exam and a certificate; ask the branch for dates and hours.",
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
    "answer": "对经过一年以上培养教育和考察、基本具备党员条件的入党积极分子，在听取党小组、培养联系人、党员和群众意见的基础上，支部委员会讨论同意并报上级党委备案后，可列为发展对象（《细则》第十三条）。\n列为发展对象后还要：确定两名入党介绍人、进行政治审查、参加短期集中培训，支委会审查后报上级党委预审。\n很多学校在确定发展对象前还会征求意见、进行公示，学习成绩等附加条件由学校规定，请向本支部了解。",
    "answer_en": "After more than a year as an activist and basically meeting the conditions, the branch committee — having heard the Party group, contact members, members and others — may list you as a development target, recorded with the superior Party committee (2014 Rules art. 13). Then come introducers, the political review and the centralised training.",
    "questions": [
      "怎么成为发展对象",
      "发展对象是什么意思",
      "积极分子什么时候能转发展对象",
      "发展对象要公示吗",
      "确定发展对象要投票吗",
      "发展对象和积极分子有什么区别",
      "当了发展对象之后要做什么",
      "列为发展对象的条件"
    ],
    "keywords": [
      "发展对象",
      "列为发展对象",
      "确定发展对象",
      "公示",
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
    "answer": "对发展对象要进行政治审查（《细则》第十六条），主要内容是：对党的理论和路线方针政策的态度；政治历史和在重大政治斗争中的表现；遵纪守法和遵守社会公德情况；直系亲属和与本人关系密切的主要社会关系的政治情况。\n方法包括同本人谈话、查阅有关材料、找有关单位和人员了解情况，以及必要的函调或外调，审查后形成结论性材料。\n没有经过政治审查或政治审查不合格的，不能发展入党。需要你填写或提供什么材料，按支部通知准备，如实填写即可。",
    "answer_en": "The political review of a development target covers attitudes to the Party's theory and policies, political history, law-abidingness and public morality, and the political situation of close relatives (2014 Rules art. 16). Without a passed review one cannot be admitted.",
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
      "审查",
      "犯罪记录"
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
    "answer": "预备期满，党的支部应当及时讨论能否转为正式党员（《党章》第七条）。一般在期满前本人向党支部提交书面转正申请，支部征求意见、支委会审查后提交支部大会讨论表决，再报上级党委审批。\n认真履行党员义务、具备党员条件的，按期转为正式党员；需要继续考察和教育的，可以延长预备期，但不能超过一年；不履行党员义务、不具备党员条件的，取消预备党员资格。\n转正、延长预备期或取消资格，都要经支部大会讨论通过和上级党组织批准。党龄从预备期满转为正式党员之日算起。",
    "answer_en": "When probation ends, the branch meeting discusses conversion to full membership (Constitution art. 7); you hand in a written application first. Probation may be extended once, by no more than a year; a member who fails is disqualified. Party standing counts from the day of conversion.",
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
    "answer": "主要流程（《细则》）：递交入党申请书 → 一个月内谈话 → 推优/推荐，支委会确定为入党积极分子 → 一年以上培养教育和考察 → 确定为发展对象 → 确定入党介绍人、政治审查、集中培训 → 支委会审查、上级党委预审 → 填写入党志愿书 → 支部大会讨论表决 → 上级党委谈话、审批（三个月内）→ 预备党员（一年预备期，入党宣誓）→ 转为正式党员。\n从递交申请到转正，实际一般至少两年半到三年：积极分子阶段一年以上，发展对象阶段数月，预备期一年。\n因此想在校期间完成，最好大一就递交申请书。每个阶段的具体时间按学校和本支部的安排。",
    "answer_en": "Application → talk within a month → activist (≥1 year) → development target (introducers, political review, training) → pre-review and application form → branch meeting vote → approval → one year of probation with the oath → full membership. In practice at least about 2.5–3 years, so apply early.",
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
    "answer": "按中组部《关于中国共产党党费收缴、使用和管理的规定》，学生党员每月交纳党费0.2元。\n预备党员从支部大会通过其为预备党员之日起交纳党费。党员应当按月交纳党费，特殊情况经党组织同意可以按季度交纳或预交，具体方式和时间按本支部安排。\n不按期交纳党费是党章明确的问题（《党章》第九条：没有正当理由连续六个月不交纳党费的，被认为是自行脱党），请按时交。",
    "answer_en": "Student Party members pay 0.2 yuan a month (Central Organisation Department rules on Party dues); probationary members pay from the day the branch meeting admitted them. Pay monthly unless the branch agrees otherwise; six months without paying and without good reason counts as leaving the Party (Constitution art. 9).",
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
      "收缴"
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
      "出国留学组织关系怎么处理",
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
    "answer": "没有被推优、没有被确定为积极分子或发展对象，不等于不能入党。名额和时机有限，党组织也要看较长时间的表现。\n可以私下问本班联络员或培养联系人，了解自己还差在哪里；继续学习党的理论，按时交思想汇报，在学习和班级工作中多承担，下一次推优或确定时还可以再被推荐。\n入党申请书递交后一直有效；如果时间较长或情况有变化，可以按支部要求重新递交或补充说明。",
    "answer_en": "Not being chosen this time does not close the door. Ask your liaisons or contact member what to improve, keep handing in thought reports and taking part, and you can be recommended again next round. Your application stays on file; the branch may ask you to renew it after a long time.",
    "questions": [
      "没被推优怎么办",
      "这次没选上积极分子",
      "发展对象没通过怎么办",
      "落选了还能再申请吗",
      "为什么没有选我",
      "第二次申请入党可以吗",
      "没被选上是不是就没机会了"
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
      "失败"
    ],
    "live": false
  },
  {
    "slug": "graduating-student",
    "category": "其他事项",
    "title": "大四才申请入党还来得及吗？",
    "answer": "大四或毕业前才申请，在校期间一般来不及完成全部程序：入党积极分子至少要培养考察一年以上，之后还有发展对象阶段和一年预备期。\n但仍然值得申请：入党积极分子、发展对象工作或学习单位变动时，原党组织应当把培养教育材料转交现单位党组织，由现单位党组织审查后接续培养考察（《细则》第十二条）。\n毕业前请向支部问清楚你的材料怎么转、转到哪里；已经是预备党员的，毕业后由接收单位党组织继续考察和办理转正。",
    "answer_en": "Applying in the final year usually leaves too little time to finish at school (one year as activist, then development target, then a year of probation), but your training records are passed to your new organisation, which continues (2014 Rules art. 12). Ask the branch how your materials will be transferred.",
    "questions": [
      "大四申请入党还来得及吗",
      "快毕业了还能入党吗",
      "大四才交申请书有用吗",
      "毕业前没入上党怎么办",
      "积极分子毕业了怎么办",
      "研究生毕业前能发展吗",
      "毕业了积极分子材料怎么转"
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
      "材料转交"
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
      "入党档案里有什么",
      "入党材料丢了怎么办"
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
    "answer": "机器人的匿名反馈功能还在准备中。现在可以私下把意见告诉本班的联络员或支部书记，他们会为你保密。",
    "answer_en": "The bot's anonymous feedback feature is not ready yet. For now tell your class liaisons or the branch secretary privately; they will keep it confidential.",
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
      "提意见"
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
  }
];
