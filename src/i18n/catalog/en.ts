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
import { en as meetingsEn } from '../../features/meetings/i18n.js';
import { en as dashboardEn } from '../../features/dashboard/i18n.js';
import { en as faqLearnEn } from '../../features/faq/learn-i18n.js';

export const en: Record<MessageKey, string> = {
  ...remindersEn,
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

  'start.welcome':
    'Hello, {name}! I am the <b>Class Party-building Assistant</b>: I help the branch and class liaisons pass on notices, answer questions about joining the Party, and remind of class meetings and reports.',
  'help.header': '<b>Commands you can use</b>',
  'help.groupHeader': '<b>Commands in this group</b>',
  'help.footer': 'Questions about joining the Party? Ask your class’s two liaisons (send /liaisons in the class group).',
  'cmd.start': 'Start',
  'cmd.help': 'Show the commands you can use',
  'cmd.whoami': 'Show my roles',
  'cmd.cancel': 'Leave the current dialogue',
  'dialogue.cancelled': 'Cancelled; nothing was saved.',
  'dialogue.nothingToCancel': 'There is nothing to cancel.',
  'cmd.liaisons': "This class's two liaisons",
  'cmd.bind_link': 'Make a one-time link that adds me to the class group: /bind_link CLASS',
  'cmd.bind': 'Bind this group to a class: /bind CLASS_CODE',
  'cmd.class_add': 'Create a class: /class_add NAME [CODE] (quote a name with spaces)',
  'cmd.classes': 'List classes with liaisons and bound groups',
  'cmd.invite': 'Create an invite link: /invite liaison|league|counselor CLASS, or /invite secretary',
  'whoami.header': '<b>{name}</b>, your roles:',
  'whoami.none': 'You have no registered role: you are a student. If you are a liaison or a secretary, open the invite link the branch sent you.',
  'whoami.secretaryLine': '• {role} ({branch})',
  'whoami.classLine': '• {role}: {class} ({branch})',

  ...invitesEn,

  ...classesEn,

  ...groupsEn,
  // notices
  ...noticesEn,
  // faq
  ...faqEn,
  'dialogue.expired': 'What you had started was left for {hours} h, so it was cancelled.',
  'dialogue.expiredUnused': 'Your last message was not used; please start again if you still need to.',
  // inbox
  'inbox.undelivered': 'Your class liaisons could not be reached just now; your question has been recorded, and the branch will see it and reply.',
  'dialogue.stale': 'This action has expired; please start again.',
  'dialogue.outdated': 'The bot was updated and what you had started cannot go on, so it was cancelled. Please start again; sorry.',
  'reply.groupBusy': '<i>The group is busy (Telegram allows 20 messages a minute per group), so here is my answer in private:</i>',
  'reply.groupBusyDeferred': '<i>(The group was busy, so this answer comes a little late.)</i>',
  'reply.alsoFor': '<i>Also answering: </i>',
  'reply.alsoSeparator': ', ',
  ...reportsEn,
  ...overviewEn,
  ...statsEn,
  ...feedbackEn,
  ...recordsEn,
  ...recordsFilesEn,
  ...visitsEn,
  ...faqLearnEn,
};
