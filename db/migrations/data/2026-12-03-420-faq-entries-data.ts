// Frozen once shipped: the entries migration 420 adds to the shared base set (issue 12: topics every blind
// writer asked about and no entry answered — the Party's regular organisational life (三会一课, 组织生活会,
// 主题党日, 党小组, 学时), disciplinary sanctions, and whether there is a membership card and how membership is
// proved), exactly as db/faq/faq.yaml read through the FAQ parser on 2026-12-03, and the texts the knowledge
// base follows since (three more Party regulations).
import type { FaqReviewBasis, FaqReviewRow } from './2026-12-02-230-faq-review-data.js';

export const faqEntries420: readonly FaqReviewRow[] = [
  {
    "slug": "organisational-life",
    "category": "其他事项",
    "title": "党员要过哪些组织生活？（三会一课、组织生活会、主题党日）",
    "answer": "每个党员都必须编入党的一个支部、小组或其他特定组织，参加党的组织生活（《党章》第八条）。党支部的组织生活主要有：\n1. “三会一课”：支部党员大会、支部委员会会议、党小组会和党课。按《中国共产党支部工作条例（试行）》，党员大会一般每季度召开1次，支部委员会会议一般每月召开1次，党小组会一般每月召开1次，党课一般每季度至少1次。\n2. 组织生活会：一般每年召开1次，开展批评和自我批评，通常和民主评议党员一起进行。\n3. 主题党日：党支部一般每月相对固定1天开展。\n党小组是支部按党员人数、年级或宿舍等划分的小组，由党小组长召集。党员每年集中学习培训时间一般不少于32学时（《中国共产党党员教育管理工作条例》）。\n预备党员和正式党员一样参加组织生活，只是没有表决权、选举权和被选举权。还没有入党的同学（申请人、积极分子、发展对象）不参加支部的组织生活；支部可以请他们听党课、参加部分活动，按本支部安排。\n具体时间、地点、线上还是线下、请假和外出实习期间怎么参加，由本支部安排，请问支部书记或本班联络员。党员没有正当理由连续六个月不参加组织生活，会被认为是自行脱党（见“退党”）。",
    "answer_en": "Every member must belong to a Party branch, group or other unit and take part in its regular Party life (Party Constitution art. 8). A branch's regular Party life is mainly:\n1. \"Three meetings and one lecture\": the branch general meeting, the branch committee meeting, the Party group meeting and the Party lecture. Under the Regulations on the Work of Party Branches (trial, 2018), the general meeting is usually held once a quarter, the committee and group meetings usually once a month, and a Party lecture at least once a quarter.\n2. The annual meeting on Party life (criticism and self-criticism), usually with the democratic appraisal of members.\n3. A themed Party day, usually on a fixed day each month.\nMembers usually spend at least 32 hours a year in organised study and training (Regulations on the Education and Management of Party Members, 2019). Probationary members take part like full members, without the right to vote, elect or be elected. Applicants, activists and development targets are not members yet and do not take part, though the branch may invite them to lectures and some activities.\nTimes, places, online or offline, leave and how to take part during an internship away are set by your branch: ask the branch secretary or your class's liaisons. A member who without good reason misses Party life for six months in a row is regarded as having left the Party.",
    "questions": [
      "三会一课是什么",
      "三会一课是指哪三会哪一课",
      "组织生活会多久开一次",
      "党员一个月要过几次组织生活",
      "党员每年要完成多少学时的学习",
      "党小组是干什么的",
      "党小组是什么 跟党支部啥关系",
      "主题党日一般做什么",
      "主题党日多久搞一次",
      "党员的组织生活都有哪些",
      "预备党员要参加组织生活吗",
      "积极分子能参加支部的组织生活会吗",
      "入党申请人能参加党员的主题党日活动吗",
      "组织生活请假要怎么请",
      "党员去外地实习半年，组织生活怎么过",
      "寒假回老家要参加当地的组织生活吗",
      "组织生活会上的批评与自我批评要怎么准备",
      "支部党员大会多久开一次",
      "党课多久上一次",
      "What is the 三会一课 system that Party members talk about?"
    ],
    "keywords": [
      "组织生活",
      "组织生活会",
      "三会一课",
      "主题党日",
      "党小组",
      "党小组会",
      "党员大会",
      "支委会",
      "学时",
      "民主评议",
      "批评与自我批评",
      "过组织生活"
    ],
    "live": false
  },
  {
    "slug": "member-discipline",
    "category": "其他事项",
    "title": "党员违纪会受什么处分？",
    "answer": "党员违反党的纪律，党组织视错误性质和情节轻重，给以批评教育直至纪律处分。对党员的纪律处分有五种：警告、严重警告、撤销党内职务、留党察看、开除党籍（《党章》）。\n留党察看最长不超过两年，察看期间没有表决权、选举权和被选举权；确已改正错误的，恢复党员的权利；坚持错误不改的，开除党籍。开除党籍是党内的最高处分（《党章》）。\n对党员的纪律处分，一般经支部大会讨论决定，报党的基层委员会批准；问题比较重要或复杂的，按规定报县级或县级以上党的纪律检查委员会审查批准（《党章》）。\n哪些行为算违纪、处分的影响期（例如受警告处分的一年内、受严重警告处分的一年半内不得在党内提升职务）、受处分的党员能否重新入党等，以《中国共产党纪律处分条例》为准；按该条例，受到开除党籍处分的，五年内不得重新入党。处分决定和相关材料会归入本人档案。\n学生党员的具体情况请问本支部。发现党员违纪，可以向学校纪检部门反映，也可以拨打组织部门的12380举报电话。",
    "answer_en": "A member who breaks Party discipline is dealt with, according to the nature and seriousness of the mistake, from criticism and education up to a disciplinary sanction. There are five: a warning, a serious warning, removal from Party posts, probation within the Party, and expulsion (Party Constitution).\nProbation within the Party lasts at most two years, without the right to vote, elect or be elected; a member who has corrected the mistake has their rights restored, one who persists is expelled. Expulsion is the most severe sanction. A sanction is usually decided by the branch general meeting and approved by the primary Party committee; important or complex cases go to a discipline inspection commission at county level or above (Party Constitution).\nWhat counts as a breach, how long a sanction has effect and whether a sanctioned member may rejoin follow the Regulations on Disciplinary Action (under them, someone expelled may not rejoin within five years). Sanctions go into the personal file. Ask your branch about a student member's case; report a member's misconduct to the university's discipline inspection office or the organisation departments' line 12380.",
    "questions": [
      "党员违纪会受什么处分",
      "党纪处分有哪几种",
      "党纪处分一共有哪几种",
      "党员违纪怎么处理",
      "党内处分有哪几种",
      "留党察看和开除党籍有什么区别",
      "党员受了处分以后怎么恢复党员权利",
      "党员被处分期间能不能参加表决",
      "党内警告处分多久能解除",
      "党员被处分后多久能恢复",
      "党员受了党纪处分会进档案吗",
      "党员开除党籍要经过哪些程序",
      "党员犯法会被开除党籍吗",
      "被开除党籍以后还能重新入党吗",
      "学生党员在学校违纪会受党内处分吗",
      "党员打麻将算违纪吗",
      "留党察看是什么意思",
      "开除党籍是谁决定的",
      "What are the disciplinary sanctions for Party members?"
    ],
    "keywords": [
      "党纪",
      "党纪处分",
      "纪律处分",
      "党内处分",
      "违纪",
      "警告",
      "严重警告",
      "撤销党内职务",
      "留党察看",
      "开除党籍",
      "纪律处分条例",
      "纪检"
    ],
    "live": false
  },
  {
    "slug": "membership-proof",
    "category": "其他事项",
    "title": "有没有党员证？怎么证明自己的党员身份？",
    "answer": "《党章》和党内法规没有规定给党员发放统一的“党员证”，所以入党、转正以后一般不会发一个可以随身带的证件。党员身份以党组织的记录为准：入党志愿书等入党材料归入本人档案，组织关系在所在党支部，党员信息由党组织登记管理。\n需要证明党员或预备党员身份（或正在入党的哪个阶段）时，例如求职、实习单位、考公报名或政审要求，向所在党支部或学院党委（党总支）申请开具证明，写明入党时间、转正时间等；转接组织关系用组织关系介绍信（见“组织关系转接”）。\n个人一般没有公开渠道在网上自查党员身份，用人单位需要核实时，通常向你的党组织了解或查看档案。有的地方或单位另有电子证明等做法，按当地规定；具体找谁开、要多久，问本支部。",
    "answer_en": "Neither the Party Constitution nor the Party's regulations provide for a uniform \"Party membership card\", so members (full or probationary) are generally not given an ID-like card. Membership is what the Party organisation records: the application materials go into your personal file, your membership records are held by your branch, and the organisation keeps the member's details.\nWhen you need to prove that you are a member (or a probationary member or an activist), for a job, an internship, a civil service application or a background check, ask your branch or your school's Party committee for a certificate stating when you joined and when you became a full member; a transfer uses the letter of introduction for the transfer of membership. There is generally no public website where you can look up your own membership: an employer checks with your Party organisation or your file. Ask your branch who issues the certificate and how long it takes.",
    "questions": [
      "入党以后会发党员证吗",
      "党员证在哪里领",
      "有没有党员证这种东西",
      "党员有没有党员证，就是那种小本本",
      "党员证在哪里办",
      "入党后多久能拿到党员证",
      "我都转正了也没发啥证",
      "找工作要开党员证明，去哪开",
      "实习单位要我开党员身份证明 怎么开",
      "考公报名要预备党员证明 去哪开",
      "入党积极分子证明怎么开",
      "入党时间证明去哪开",
      "党员身份网上能查到吗",
      "用人单位怎么核实党员身份",
      "怎么证明自己是党员",
      "Do Party members get a membership card?"
    ],
    "keywords": [
      "党员证",
      "党员证明",
      "党员身份证明",
      "预备党员证明",
      "积极分子证明",
      "入党证明",
      "开证明",
      "核实"
    ],
    "live": false
  }
];

export const faqBasis420: FaqReviewBasis = {
  "texts": [
    "《中国共产党章程》（2022年10月22日中国共产党第二十次全国代表大会部分修改）",
    "《中国共产党发展党员工作细则》（中共中央办公厅2014年6月印发）",
    "《关于中国共产党党费收缴、使用和管理的规定》（中共中央组织部2008年2月印发）",
    "中共中央组织部1995年关于进一步加强在青年中发展党员工作的意见（28周岁以下青年入党一般经团组织推优）",
    "《中国共产党支部工作条例（试行）》（中共中央2018年10月印发）",
    "《中国共产党党员教育管理工作条例》（中共中央2019年5月印发）",
    "《中国共产党纪律处分条例》（中共中央2023年12月修订）"
  ],
  "reviewed": "2026-12-03",
  "note": "各校、各支部的具体要求以本支部通知为准。未能确认《细则》2014年以后是否修订，如有新版本请据此复核。"
};
