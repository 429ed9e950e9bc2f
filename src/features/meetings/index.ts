import type { Feature } from '../../feature.js';
import { meetingsComposer } from './composer.js';
import { meetingDialogue } from './dialogue.js';
import { meetingsSchedule } from './schedule.js';

/** Class meetings: arranged by a class officer or the secretary, the liaisons reminded, escalated when nobody confirms. */
export const meetingsFeature: Feature = {
  name: 'meetings',
  commands: [
    { command: 'meeting', where: 'private', audience: 'class_officer', description: 'cmd.meeting' },
    { command: 'meetings', where: 'private', audience: 'class_officer', description: 'cmd.meetings' },
  ],
  composer: meetingsComposer,
  dialogues: [meetingDialogue],
  schedules: [meetingsSchedule()],
};
