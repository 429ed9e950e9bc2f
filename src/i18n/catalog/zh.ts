import { zh as invitesZh } from '../../features/invites/i18n.js';
import { zh as classesZh } from '../../features/classes/i18n.js';
import { zh as groupsZh } from '../../features/groups/i18n.js';
import { zh as noticesZh } from '../../features/notices/i18n.js';
import { zh as faqZh } from '../../features/faq/i18n.js';
import { zh as recordsZh } from '../../features/records/i18n.js';
import { zh as remindersZh } from '../../reminders/i18n.js';
import { zh as repliesZh } from '../../telegram/i18n.js';
import { zh as inboxZh } from '../../inbox/i18n.js';
import { zh as dialogueZh } from '../../dialogue/i18n.js';
import { zh as helpZh } from '../../features/help/i18n.js';
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
  ...repliesZh,
  ...inboxZh,
  ...dialogueZh,
  ...helpZh,
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
  'cmd.liaisons': '本班的两位联络员',
  'cmd.bind': '把本群绑定到班级：/bind 班级代码（本班联络员、团支书或支部书记）',
  'cmd.bind_link': '生成“把我加入班级群”的一次性绑定链接：/bind_link 班级',
  'cmd.class_add': '新建班级：/class_add 班级名称 [代码]（名称有空格时加引号）',
  'cmd.classes': '查看所有班级及联络员、绑定情况',
  'cmd.invite': '生成邀请链接：/invite liaison|league|counselor 班级，或 /invite secretary',

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
  // inbox
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
