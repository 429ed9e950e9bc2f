// Frozen once shipped: the example questions migration 390 adds to entries of the base set (issue 12:
// the answerable questions of the second outside tester's set, test/faq/outsider-check-2.tsv, and of a tuning set written blind
// to the knowledge base, test/faq/tuning-b.tsv, that the matcher did not answer right), in db/faq/faq.yaml's order after the
// entry's own and 360's and 370's.
export const faqExamples390: Readonly<Record<string, readonly string[]>> = {
  "eligibility": [
    "我生日在12月，到时候才满18，那现在是先等着吗",
    "大一新生 还没满十八岁 是不是只能等",
    "请问普通同学也能申请吗 是不是得当班干部才行",
    "我生日在十二月，现在还差两个月才满18，能不能先把申请书交了",
    "Am I eligible to apply if I'm only 17?",
    "我这种没什么特长的普通学生有资格申请吗",
  ],
  "application-letter": [
    "网上抄一篇改改行不行哈哈",
    "写申请书用什么纸啊 A4还是信纸",
    "有没有学长学姐说下入党申请书大概怎么写",
    "申请书洛款要写日期吗",
    "申请书可以电脑打完再打印出来签字吗",
    "听说入党申请书必须写满三千字 是真的吗",
    "申请书用A4纸还是信纸写",
    "我室友让我帮他代写入党申请书，这样可以吗",
    "what should I put in my rudang shenqingshu",
  ],
  "application-submit": [
    "我大二了之前一直没交申请书，现在写好了该给谁",
    "交申请书要找谁交",
    "申请书放学院办公室行不行",
    "申请书交上去要找哪位老师",
    "我室友申请书早写好了一直不敢交，他应该交给谁",
    "交申请书必须本人当面交吗",
  ],
  "application-talk": [
    "Will someone talk to me after I submit my application?",
  ],
  "league-recommendation": [
    "What is \"tuiyou\"? My classmates keep talking about it",
    "我初中高中都没入团 是不是一定要先入团才能入党",
    "推优和当积极分子有什么关系",
  ],
  "activist-selection": [
    "积极分子是谁决定的，支部还是学院",
    "我申请书交了一年了还不是积极分子，积极分子到底怎么确定的",
    "这学期什么时候定积极分子呀",
    "从申请人到积极分子中间要经过啥",
    "想当积极分子得先干啥",
    "我上学期交了申请书也谈过话了，接下来要怎样才能被确定成积极分子",
  ],
  "activist-training": [
    "我的培养人是谁给我指定的",
    "积极分子要考擦多久",
    "我的培养联系人是谁安排的",
    "听说积极分子只要熬够一年就行 是真的吗",
  ],
  "thought-report": [
    "刚成为积极分子，是不是要开始交思想汇报了",
    "发展对象阶段还用交思想汇报吗",
  ],
  "party-school": [
    "当校要考吗",
    "积极分子一定要上党校吗",
    "党课是给谁上的 积极分子吗",
    "刚被定为积极分子，辅导员说要去上党校，这个党校到底是怎么回事，上完会考试吗",
  ],
  "development-target": [
    "积极分子怎么转成发展对象",
    "什么是发展对象",
    "我被定成发展对象了 接下来有哪些流程",
    "当积极分子一年多了 怎么还没成发展对象",
    "发展对象是入党的哪个阶段",
    "我当积极分子快一年半了，党课也上了，思想汇报也按时交，请问下一步变成发展对象要怎么操作",
    "成了发展对象之后是不是就要政审了",
  ],
  "introducers": [
    "Who can be my introducer?",
    "介紹人會在支部大會上發言嗎",
    "介绍人要指导我填志愿书吗",
    "Do I need two introducers or is one enough?",
  ],
  "political-review": [
    "成为发展对象后要政审，会查什么内容呀",
    "政审谈话会问什么",
  ],
  "volunteer-form": [
    "How do I fill in the volunteer form?",
  ],
  "branch-vote": [
    "支部大会是举手表决吗",
    "支部大会是举手吗",
    "支部大会怎么头票",
    "支部大会上介绍人要讲话吗",
    "How does the branch meeting vote on new members?",
    "听说支部大会要全票通过才行 真的吗",
    "下周要开我的发展大会了，第一次参加这种会，心里没底，会上一般是怎么个流程、怎么表决",
  ],
  "probation": [
    "预备党员要参加组织生活吗",
  ],
  "full-membership": [
    "预备期满以后要走什么程序才能成正式党员",
    "装正申请什么时候交",
    "预备党员转正也要投票吗",
  ],
  "oath": [
    "What's the text of the oath?",
  ],
  "timeline": [
    "有没有入党流程图，想看看每一步",
    "大二才交申请书还来得及在读书期间入党吗",
    "入党步骤能不能简单说一下",
    "研究生三年够入完党吗",
    "入党第一步是什么 然后呢",
    "听说入党一年就能搞定 真的吗",
    "入党要走哪些程序 有点懵",
    "入党为啥要这么久",
    "What are the steps to join, from start to finish?",
    "我完全不了解 想从头问一下 入党到底是一步一步怎么走的 每步大概多久",
  ],
  "dues": [
    "上个月党费忘交了能补吗",
    "党费忘交了几个月 还能补吗",
  ],
  "not-selected": [
    "发展对象没轮到我，我该怎么改进",
    "I wasn't selected this time, is there anything I can do?",
    "落选了还要继续交思想汇报吗",
    "I wasn't picked this time. What should I do now?",
  ],
  "graduating-student": [
    "I'm a senior graduating in June. Is it too late to apply?",
    "考研去别的学校，我积极分子的材料怎么办",
    "Is it too late to apply as a senior?",
    "毕业去读研 积极分子身份还在吗",
    "I'm a final-year student and a development target. Can I still be admitted before I graduate?",
    "听说快毕业的就不发展了 真的吗",
    "明年六月毕业，前年交过申请书但一直没被定为积极分子，毕业以后去公司这份申请还作数吗",
  ],
  "documents-checklist": [
    "积极分子阶段要交什么材料",
    "入党一共要交哪些东西啊，想提前准备",
    "What documents do I need to prepare for joining?",
  ],
  "contact-branch": [
    "问你答不上来的问题怎么办",
    "不知道我们支部在哪 怎么跟支部搭上线",
    "入党相关的问题去哪问",
    "你答不上来的问题怎么办",
    "How can I get in touch with the Party branch?",
    "有问题能私聊你吗",
    "我有个特殊情况想当面问问 找谁比较好",
    "机器人回答不了的会转给谁",
    "不好意思在群里问 想私下问问入党的事",
    "入党问题有没有人工",
    "我想跟支部反映点入党上的情况 找哪个渠道最快",
    "who do I talk to about joining the party",
  ],
  "class-liaisons": [
    "怎么看我们班的联络员名单",
  ],
  "anonymous-feedback": [
    "反馈意见可以附图片吗",
    "我发的意见什么时候会送到",
    "Can I give feedback anonymously?",
  ],
  "class-stats": [
    "How many Party members are in our class?",
  ],
  "discipline-record": [
    "我有不良记录，还有机会入党吗",
    "我有个处份，要不要主动告诉支部",
    "处份期间能当积极分子吗",
    "宿舍用违规电器被通报批评 影响入党吗",
    "Does a disciplinary record stop me from joining?",
  ],
  "motives-benefits": [
    "Does being a Party member help with getting a job?",
    "为什么要入党啊 感觉身边人都在交申请书",
  ],
  "status-change": [
    "I'm switching majors. Will my activist status carry over?",
    "党员休学期间组织关系放哪",
    "I'm changing majors. What happens to my activist status?",
  ],
  "league-vs-party": [
    "多大年纪可以入团",
    "28岁以后还能入团吗",
  ],
  "rights-duties": [
    "党员有哪些意务",
    "党员能批评党组织吗",
  ],
  "leaving-party": [
    "什么是自行拖党",
    "我不想入了 要办什么手续吗",
    "发展对象中途放弃可以吗",
  ],
  "lost-materials": [
    "材料丢了可以自己补写一份吗",
    "I lost my application papers, what should I do?",
  ],
  "public-notice": [
    "公视一般贴在哪啊",
  ],
};
