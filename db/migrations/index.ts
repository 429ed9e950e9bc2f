import type { Migration } from 'kysely';

/**
 * A migration whose module is loaded when it runs: a bot whose database is up to date never loads
 * them (some carry the knowledge base's seed data), which keeps start-up short.
 */
const lazy = (load: () => Promise<Migration>): Migration => ({
  up: async (db) => (await load()).up(db),
  down: async (db) => (await load()).down?.(db),
});

/** The explicit, ordered list of migrations (names are frozen once shipped). */
export const migrations: Record<string, Migration> = {
  '2026-11-26-001-foundation': lazy(() => import('./2026-11-26-001-foundation.js')),
  '2026-11-26-002-dialogues': lazy(() => import('./2026-11-26-002-dialogues.js')),
  '2026-11-26-003-notices': lazy(() => import('./2026-11-26-003-notices.js')),
  '2026-11-26-004-faq': lazy(() => import('./2026-11-26-004-faq.js')),
  '2026-11-26-005-current-branch': lazy(() => import('./2026-11-26-005-current-branch.js')),
  '2026-12-02-020-outbox-wakeups': lazy(() => import('./2026-12-02-020-outbox-wakeups.js')),
  '2026-12-02-030-faq-chats': lazy(() => import('./2026-12-02-030-faq-chats.js')),
  '2026-12-02-040-scheduler': lazy(() => import('./2026-12-02-040-scheduler.js')),
  '2026-12-02-060-bind-codes': lazy(() => import('./2026-12-02-060-bind-codes.js')),
  '2026-12-02-070-inbox': lazy(() => import('./2026-12-02-070-inbox.js')),
  '2026-12-02-090-notice-jobs': lazy(() => import('./2026-12-02-090-notice-jobs.js')),
  '2026-12-02-110-polled-updates': lazy(() => import('./2026-12-02-110-polled-updates.js')),
  '2026-12-02-200-reminders': lazy(() => import('./2026-12-02-200-reminders.js')),
  '2026-12-02-201-meetings': lazy(() => import('./2026-12-02-201-meetings.js')),
  '2026-12-02-210-reports': lazy(() => import('./2026-12-02-210-reports.js')),
  '2026-12-02-230-faq-review': lazy(() => import('./2026-12-02-230-faq-review.js')),
  '2026-12-02-220-feedback': lazy(() => import('./2026-12-02-220-feedback.js')),
  '2026-12-02-235-faq-branches': lazy(() => import('./2026-12-02-235-faq-branches.js')),
  '2026-12-02-250-reminders-slot-index': lazy(() => import('./2026-12-02-250-reminders-slot-index.js')),
  '2026-12-02-260-faq-updates': lazy(() => import('./2026-12-02-260-faq-updates.js')),
  '2026-12-02-300-records': lazy(() => import('./2026-12-02-300-records.js')),
  '2026-12-02-301-record-links': lazy(() => import('./2026-12-02-301-record-links.js')),
  '2026-12-02-310-feedback-passed-on': lazy(() => import('./2026-12-02-310-feedback-passed-on.js')),
  '2026-12-02-330-dashboard': lazy(() => import('./2026-12-02-330-dashboard.js')),
  '2026-12-02-340-dashboard-downloads': lazy(() => import('./2026-12-02-340-dashboard-downloads.js')),
  '2026-12-02-360-faq-examples': lazy(() => import('./2026-12-02-360-faq-examples.js')),
  '2026-12-02-370-faq-examples': lazy(() => import('./2026-12-02-370-faq-examples.js')),
  '2026-12-02-380-outbox-claim-owner': lazy(() => import('./2026-12-02-380-outbox-claim-owner.js')),
  '2026-12-02-390-faq-examples': lazy(() => import('./2026-12-02-390-faq-examples.js')),
  '2026-12-02-400-faq-examples': lazy(() => import('./2026-12-02-400-faq-examples.js')),
  '2026-12-02-410-faq-answers': lazy(() => import('./2026-12-02-410-faq-answers.js')),
  '2026-12-03-420-faq-entries': lazy(() => import('./2026-12-03-420-faq-entries.js')),
};
