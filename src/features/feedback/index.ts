import { sql } from 'kysely';
import type { Config } from '../../config/config.js';
import type { Feature } from '../../feature.js';
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
      // Message ids start again in the supergroup: an old report whose id is taken there keeps it negated (nothing lost).
      await sql`update reports set message_id = -message_id where chat_id = ${from}
                and exists (select 1 from reports r where r.chat_id = ${to} and r.message_id = reports.message_id)`.execute(trx);
      await trx.updateTable('reports').set({ chat_id: to }).where('chat_id', '=', from).execute();
    },
  };
}
