import type { FaqReviewRow } from './2026-12-02-230-faq-review-data.js';

// Frozen once shipped: the entries of db/faq/faq.yaml changed after migration 230, whole, as
// migration 260 writes them into the base set (issues 10 and 11 made anonymous feedback and the
// class records real; issue 12 item 11).
export const faqUpdate260: readonly FaqReviewRow[] = [
  {
    "slug": "anonymous-feedback",
    "category": "本班",
    "title": "怎么匿名反馈意见？",
    "answer": "可以。在班级群里发送 /feedback，点出现的按钮，会在与机器人的私聊里打开匿名意见：选类别、写意见（可附一张图片），发送前能预览。\n意见不会立刻送出：在下一个整点、或本班攒够 3 条时，打乱顺序一起送到本班两位联络员。他们看不到你是谁，也看不到你写下的确切时间。数据库里不保存你的身份；如果你允许联络员匿名回复，送回回复用的地址是加密保存的，对话结束或 30 天没有往来就删除。\n请注意：内容本身仍可能让人认出你；你在私聊里直接问我、由我转给联络员的问题不是匿名的。\n看到群里有不当言论，回复那条消息发送 /report，或把消息链接私聊发给机器人，联络员不会知道是谁报告的。\n反映党员违纪、发展党员中的违规问题，正式渠道是学校纪检部门（纪委）和组织部门的12380举报（电话、网站）。",
    "answer_en": "Yes. Send /feedback in the class group and press the button: a private chat with the bot opens the anonymous form — pick a category, write (one photo allowed), preview, send. It is not passed on at once: at the next full hour, or when three have gathered in your class, the items go together, shuffled, to your class's two liaisons. They do not see who you are or exactly when you wrote. The database keeps no identity; if you allow the liaisons to reply anonymously, the address their replies go back to is stored encrypted and deleted when the thread closes or after 30 days of silence. Note: what you write can still give you away, and a question you ask me directly in private that I pass on to the liaisons is not anonymous. To report a harmful message in the group, reply to it with /report, or send its link to the bot in private; the liaisons are not told who reported it. Misconduct by Party members or irregular recruitment can be reported through the formal channels: the school's discipline inspection office (纪委) and the organisation departments' 12380 reporting line (phone and website).",
    "questions": [
      "怎么匿名反馈",
      "我想匿名提意见",
      "有没有匿名举报的渠道",
      "对支部工作有意见怎么提",
      "可以不署名反映问题吗",
      "意见箱在哪",
      "怎么匿名提建议",
      "匿名反映问题的渠道",
      "举报党员违纪找哪里",
      "12380是什么",
      "提意见会被知道是谁吗",
      "匿名反馈功能在哪"
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
    "answer": "本班的党建数据由本班联络员在机器人里记录：本学期递交的入党申请书、本季度收到的思想汇报、积极分子及其中参加过党校培训的人数、发展对象、预备党员和正式党员人数。在班级群里问（或发送 /stats），我会给出最新的人数，只有人数，没有名单。想了解自己的进度，请找联络员要关联链接，然后私聊发送 /my_progress。",
    "answer_en": "The class's liaisons keep its Party-building records in the bot: application letters this term, thought reports this quarter, activists and how many of them attended Party school, development targets, probationary and full members. Ask in the class group (or send /stats) for the current figures: counts only, never names. For your own progress, ask a liaison for a link, then send /my_progress to the bot in private.",
    "questions": [
      "我们班有几个党员",
      "班里多少人交了申请书",
      "我们班积极分子有多少",
      "本班党建数据",
      "班级党员人数统计",
      "我们班入党比例是多少",
      "本班有几个预备党员",
      "班里交申请书的人数",
      "本班发展对象有几个",
      "我们班党员比例"
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
