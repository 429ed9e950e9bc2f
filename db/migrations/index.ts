import type { Migration } from 'kysely';
import * as foundation from './2026-11-26-001-foundation.js';
import * as dialogues from './2026-11-26-002-dialogues.js';
import * as notices from './2026-11-26-003-notices.js';
import * as faq from './2026-11-26-004-faq.js';
import * as currentBranch from './2026-11-26-005-current-branch.js';
import * as outboxWakeups from './2026-12-02-020-outbox-wakeups.js';
import * as faqChats from './2026-12-02-030-faq-chats.js';
import * as scheduler from './2026-12-02-040-scheduler.js';
import * as bindCodes from './2026-12-02-060-bind-codes.js';
import * as inbox from './2026-12-02-070-inbox.js';
import * as noticeJobs from './2026-12-02-090-notice-jobs.js';
import * as polledUpdates from './2026-12-02-110-polled-updates.js';
import * as reminders from './2026-12-02-200-reminders.js';
import * as meetings from './2026-12-02-201-meetings.js';
import * as reports from './2026-12-02-210-reports.js';
import * as faqReview from './2026-12-02-230-faq-review.js';
import * as feedback from './2026-12-02-220-feedback.js';
import * as faqBranches from './2026-12-02-235-faq-branches.js';
import * as remindersSlotIndex from './2026-12-02-250-reminders-slot-index.js';
import * as faqUpdates from './2026-12-02-260-faq-updates.js';
import * as records from './2026-12-02-300-records.js';
import * as recordLinks from './2026-12-02-301-record-links.js';
import * as feedbackPassedOn from './2026-12-02-310-feedback-passed-on.js';
import * as dashboard from './2026-12-02-330-dashboard.js';
import * as dashboardDownloads from './2026-12-02-340-dashboard-downloads.js';
import * as faqExamples from './2026-12-02-360-faq-examples.js';
import * as faqOutsiderExamples from './2026-12-02-370-faq-examples.js';

/** The explicit, ordered list of migrations (names are frozen once shipped). */
export const migrations: Record<string, Migration> = {
  '2026-11-26-001-foundation': foundation,
  '2026-11-26-002-dialogues': dialogues,
  '2026-11-26-003-notices': notices,
  '2026-11-26-004-faq': faq,
  '2026-11-26-005-current-branch': currentBranch,
  '2026-12-02-020-outbox-wakeups': outboxWakeups,
  '2026-12-02-030-faq-chats': faqChats,
  '2026-12-02-040-scheduler': scheduler,
  '2026-12-02-060-bind-codes': bindCodes,
  '2026-12-02-070-inbox': inbox,
  '2026-12-02-090-notice-jobs': noticeJobs,
  '2026-12-02-110-polled-updates': polledUpdates,
  '2026-12-02-200-reminders': reminders,
  '2026-12-02-201-meetings': meetings,
  '2026-12-02-210-reports': reports,
  '2026-12-02-230-faq-review': faqReview,
  '2026-12-02-220-feedback': feedback,
  '2026-12-02-235-faq-branches': faqBranches,
  '2026-12-02-250-reminders-slot-index': remindersSlotIndex,
  '2026-12-02-260-faq-updates': faqUpdates,
  '2026-12-02-300-records': records,
  '2026-12-02-301-record-links': recordLinks,
  '2026-12-02-310-feedback-passed-on': feedbackPassedOn,
  '2026-12-02-330-dashboard': dashboard,
  '2026-12-02-340-dashboard-downloads': dashboardDownloads,
  '2026-12-02-360-faq-examples': faqExamples,
  '2026-12-02-370-faq-examples': faqOutsiderExamples,
};
