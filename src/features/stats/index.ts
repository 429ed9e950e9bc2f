import type { Feature } from '../feature.js';
import { statsComposer } from './composer.js';
import { briefingDialogue } from './dialogue.js';

/**
 * What the class sees of its records (issue 11): /stats in the class group (counts only, the same
 * figures as the FAQ's `class-stats` answer) and /briefing, the liaison's class-meeting briefing.
 */
export const statsFeature: Feature = {
  name: 'stats',
  commands: [
    { command: 'stats', where: 'group', audience: 'everyone', description: 'cmd.stats' },
    { command: 'briefing', where: 'private', audience: 'liaison', description: 'cmd.briefing' },
  ],
  dialogues: [briefingDialogue],
  composer: statsComposer,
};
