import type { Feature } from '../feature.js';
import { reportsComposer } from './composer.js';
import { reportDialogue } from './dialogue.js';

/**
 * Report deadlines and the liaisons' reports: /report (a liaison fills in the class's report),
 * /reports (the secretary follows, reviews and exports them).
 */
export const reportsFeature: Feature = {
  name: 'reports',
  commands: [
    { command: 'report', where: 'private', audience: 'liaison', description: 'cmd.report' },
    { command: 'reports', where: 'private', audience: 'secretary', description: 'cmd.reports' },
  ],
  dialogues: [reportDialogue],
  composer: reportsComposer,
};
