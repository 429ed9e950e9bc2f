import type { Config } from '../../config/config.js';
import type { Feature } from '../feature.js';
import { actDialogue } from './actions.js';
import { feedbackComposer } from './composer.js';
import { feedbackDialogue } from './dialogue.js';
import { forwardJobs } from './reports.js';
import { feedbackSchedules } from './schedules.js';
import { threadDialogue } from './threads.js';

/** Anonymous feedback to a class's liaisons, and reports of group messages (issue 10). */
export function createFeedbackFeature(config: Pick<Config, 'inboxKey'>): Feature {
  return {
    name: 'feedback',
    commands: [
      { command: 'feedback', where: 'both', audience: 'everyone', description: 'cmd.feedback' },
      { command: 'report', where: 'group', audience: 'everyone', description: 'cmd.report' },
      { command: 'feedback_list', where: 'private', audience: 'liaison', description: 'cmd.feedback_list' },
      { command: 'feedback_stats', where: 'private', audience: 'secretary', description: 'cmd.feedback_stats' },
      { command: 'feedback_export', where: 'private', audience: 'secretary', description: 'cmd.feedback_export' },
    ],
    composer: feedbackComposer,
    jobs: forwardJobs,
    schedules: feedbackSchedules(config),
    dialogues: [feedbackDialogue, threadDialogue, actDialogue],
    onChatMigrated: async (trx, from, to) => {
      await trx.updateTable('reports').set({ chat_id: to }).where('chat_id', '=', from).execute();
    },
  };
}
