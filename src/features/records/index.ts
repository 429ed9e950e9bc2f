import type { Feature } from '../../feature.js';
import { actionDialogue } from './action-dialogue.js';
import { addDialogue } from './add-dialogue.js';
import { recordsComposer } from './composer.js';
import { editDialogue } from './edit-dialogue.js';

/** The class's membership pipeline (issue 11): the list, stage changes under the work rules, thought reports, the audit trail, and /my_progress. */
export const recordsFeature: Feature = {
  name: 'records',
  commands: [
    { command: 'people', where: 'private', audience: 'class_officer', description: 'cmd.people' },
    { command: 'person_add', where: 'private', audience: 'class_officer', description: 'cmd.person_add' },
    { command: 'stage', where: 'private', audience: 'class_officer', description: 'cmd.stage' },
    { command: 'thought_report', where: 'private', audience: 'class_officer', description: 'cmd.thought_report' },
    { command: 'record_history', where: 'private', audience: 'liaison', description: 'cmd.record_history' },
    { command: 'my_progress', where: 'private', audience: 'everyone', description: 'cmd.my_progress' },
  ],
  composer: recordsComposer,
  dialogues: [actionDialogue, addDialogue, editDialogue],
};
