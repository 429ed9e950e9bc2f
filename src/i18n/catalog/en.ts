import { en as invitesEn } from '../../features/invites/i18n.js';
import { en as classesEn } from '../../features/classes/i18n.js';
import { en as groupsEn } from '../../features/groups/i18n.js';
import { en as noticesEn } from '../../features/notices/i18n.js';
import { en as faqEn } from '../../features/faq/i18n.js';
import { en as recordsEn } from '../../features/records/i18n.js';
import { en as reportsEn } from '../../features/reports/i18n.js';
import { en as overviewEn } from '../../features/overview/i18n.js';
import { en as statsEn } from '../../features/stats/i18n.js';
import type { MessageKey } from './zh.js';
import { en as feedbackEn } from '../../features/feedback/i18n.js';
import { en as recordsFilesEn } from '../../features/records-files/i18n.js';
import { en as visitsEn } from '../../features/visits/i18n.js';

import { en as remindersEn } from '../../reminders/i18n.js';
import { en as repliesEn } from '../../telegram/i18n.js';
import { en as inboxEn } from '../../inbox/i18n.js';
import { en as dialogueEn } from '../../dialogue/i18n.js';
import { en as helpEn } from '../../features/help/i18n.js';
import { en as meetingsEn } from '../../features/meetings/i18n.js';
import { en as dashboardEn } from '../../features/dashboard/i18n.js';
import { en as faqLearnEn } from '../../features/faq/learn-i18n.js';

export const en: Record<MessageKey, string> = {
  ...remindersEn,
  ...repliesEn,
  ...inboxEn,
  ...dialogueEn,
  ...helpEn,
  ...meetingsEn,
  ...dashboardEn,
  'role.secretary': 'branch secretary',
  'role.liaison': 'class liaison',
  'role.league_secretary': 'Youth League secretary',
  'role.counselor': 'counselor',
  'role.student': 'student',

  'error.generic': 'Sorry, something went wrong. Please try again later.',
  'error.notAllowed': 'Sorry, only the {who} can use this command.',
  'error.privateOnly': 'Please use this command in a private chat with me.',
  'error.groupOnly': 'Please use this command in your class group chat.',
  'error.unknownCommand': "I don't know that command. Send /help to see the commands you can use.",
  'private.freeText': 'Hello! Send /help to see what I can do.',

  'cmd.liaisons': "This class's two liaisons",
  'cmd.bind_link': 'Make a one-time link that adds me to the class group: /bind_link CLASS',
  'cmd.bind': 'Bind this group to a class: /bind CLASS_CODE',
  'cmd.class_add': 'Create a class: /class_add NAME [CODE] (quote a name with spaces)',
  'cmd.classes': 'List classes with liaisons and bound groups',
  'cmd.invite': 'Create an invite link: /invite liaison|league|counselor CLASS, or /invite secretary',

  ...invitesEn,

  ...classesEn,

  ...groupsEn,
  // notices
  ...noticesEn,
  // faq
  ...faqEn,
  // inbox
  ...reportsEn,
  ...overviewEn,
  ...statsEn,
  ...feedbackEn,
  ...recordsEn,
  ...recordsFilesEn,
  ...visitsEn,
  ...faqLearnEn,
};
