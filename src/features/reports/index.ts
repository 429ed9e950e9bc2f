import type { Feature } from '../../feature.js';
import { reportsComposer } from './composer.js';
import { deadlineDialogue } from './deadline-dialogue.js';
import { reportDialogue } from './dialogue.js';
import { deadlineSchedule } from './reminders.js';

/**
 * Report deadlines and the liaisons' reports: /deadline (the secretary sets a recurring report),
 * its occurrences opened and reminded by a schedule, /report (a liaison fills in the class's
 * report), /reports (the secretary follows, reviews and exports them).
 */
export const reportsFeature: Feature = {
  name: 'reports',
  commands: [
    { command: 'report', where: 'private', audience: 'liaison_only', description: 'cmd.report' },
    { command: 'reports', where: 'private', audience: 'secretary', description: 'cmd.reports' },
    { command: 'deadline', where: 'private', audience: 'secretary', description: 'cmd.deadline' },
  ],
  dialogues: [reportDialogue, deadlineDialogue],
  schedules: [deadlineSchedule()],
  composer: reportsComposer,
};
