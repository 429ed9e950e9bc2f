import { zh as invitesZh } from '../../features/invites/i18n.js';
import { zh as classesZh } from '../../features/classes/i18n.js';
import { zh as groupsZh } from '../../features/groups/i18n.js';
import { zh as noticesZh } from '../../features/notices/i18n.js';
import { zh as faqZh } from '../../features/faq/i18n.js';
import { zh as recordsZh } from '../../features/records/i18n.js';
import { zh as remindersZh } from '../../reminders/i18n.js';
import { zh as meetingsZh } from '../../features/meetings/i18n.js';
import { zh as dashboardZh } from '../../features/dashboard/i18n.js';
import { zh as reportsZh } from '../../features/reports/i18n.js';
import { zh as overviewZh } from '../../features/overview/i18n.js';
import { zh as statsZh } from '../../features/stats/i18n.js';
import { zh as feedbackZh } from '../../features/feedback/i18n.js';
import { zh as recordsFilesZh } from '../../features/records-files/i18n.js';
import { zh as visitsZh } from '../../features/visits/i18n.js';
import { zh as faqLearnZh } from '../../features/faq/learn-i18n.js';

export const zh = {
  ...remindersZh,
  ...meetingsZh,
  ...dashboardZh,
  // roles
  'role.secretary': '支部书记',
  'role.liaison': '联系班级的党员（联络员）',
  'role.league_secretary': '团支书',
  'role.counselor': '辅导员',
  'role.student': '同学',

  // errors and refusals
  'error.generic': '抱歉，处理时出了点问题，请稍后再试。',
  'error.notAllowed': '抱歉，这个命令只有{who}可以使用。',
  'error.privateOnly': '请在与我的私聊中使用这个命令。',
  'error.groupOnly': '这个命令请在班级群里使用。',
  'error.unknownCommand': '我不认识这个命令。发送 /help 查看你可以使用的命令。',
  'private.freeText': '你好！发送 /help 查看我能做什么。',

  // start, help, whoami
  'start.welcome': '你好，{name}！我是<b>班级党建助手</b>，帮助支部和各班联络员传达通知、解答入党问题、提醒班会和报告。',
  'help.header': '<b>你可以使用的命令</b>',
  'help.groupHeader': '<b>本群可用的命令</b>',
  'help.footer': '有入党方面的问题，可以联系本班的两位联络员（在班级群里发送 /liaisons）。',
  'cmd.start': '开始使用',
  'cmd.help': '查看可用的命令',
  'cmd.whoami': '查看我的身份',
  'cmd.cancel': '退出当前的对话',
  'dialogue.cancelled': '已取消，没有保存任何内容。',
  'dialogue.nothingToCancel': '当前没有需要取消的操作。',
  'cmd.liaisons': '本班的两位联络员',
  'cmd.bind': '把本群绑定到班级：/bind 班级代码（本班联络员、团支书或支部书记）',
  'cmd.bind_link': '生成“把我加入班级群”的一次性绑定链接：/bind_link 班级',
  'cmd.class_add': '新建班级：/class_add 班级名称 [代码]（名称有空格时加引号）',
  'cmd.classes': '查看所有班级及联络员、绑定情况',
  'cmd.invite': '生成邀请链接：/invite liaison|league|counselor 班级，或 /invite secretary',
  'whoami.header': '<b>{name}</b>，你的身份：',
  'whoami.none': '你目前没有登记的身份，是一名普通同学。如果你是联络员或书记，请打开支部发给你的邀请链接。',
  'whoami.secretaryLine': '• {role}（{branch}）',
  'whoami.classLine': '• {role}：{class}（{branch}）',

  // invites
  ...invitesZh,

  // classes
  ...classesZh,

  // groups
  ...groupsZh,
  // notices
  ...noticesZh,
  // faq
  ...faqZh,
  'dialogue.expired': '你之前未完成的操作已经 {hours} 小时没有继续，已自动取消。',
  'dialogue.expiredUnused': '刚才这条消息没有被使用；需要的话请重新开始。',
  // inbox
  'inbox.undelivered': '暂时没能联系上本班联络员，你的问题已经记录下来，支部会看到并回复你。',
  'dialogue.stale': '这个操作已过期，请重新开始。',
  'dialogue.outdated': '机器人已更新，你之前未完成的操作无法继续，已自动取消。请重新开始，抱歉。',
  'reply.groupBusy': '<i>群里刚才消息太多（Telegram 限制每个群每分钟 20 条），这条回复我私信发给你：</i>',
  'reply.groupBusyDeferred': '<i>（群里消息较多，这条回复晚到了一会儿）</i>',
  'reply.alsoFor': '<i>同样的问题也回复给：</i>',
  'reply.alsoSeparator': '、',
  ...reportsZh,
  ...overviewZh,
  ...statsZh,
  ...feedbackZh,
  ...recordsZh,
  ...recordsFilesZh,
  ...visitsZh,
  ...faqLearnZh,
} as const;

export type MessageKey = keyof typeof zh;
