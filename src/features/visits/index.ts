import type { Feature } from '../../feature.js';
import { visitsComposer } from './composer.js';
import { visitDialogue } from './dialogue.js';

/** Dormitory visits (走访宿舍, issue 11): /visit logs one, /visits lists the recent ones; the class report counts them. */
export const visitsFeature: Feature = {
  name: 'visits',
  commands: [
    { command: 'visit', where: 'private', audience: 'class_officer', description: 'cmd.visit' },
    { command: 'visits', where: 'private', audience: 'class_officer', description: 'cmd.visits' },
  ],
  dialogues: [visitDialogue],
  composer: visitsComposer,
};
