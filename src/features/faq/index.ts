import type { Feature } from '../../feature.js';
import { faqOnChatMigrated } from './chat-migrated.js';
import { faqComposer } from './composer.js';
import { answerDialogue } from './answer-flow.js';
import { addEntryDialogue, editEntryDialogue } from './entry-dialogue.js';
import { faqHousekeepingSchedule } from './housekeeping.js';
import { retentionSchedule } from './retention.js';
import { warmUpFaq } from './warm-up.js';

/**
 * Answers classmates' questions about joining the Party from the branch's knowledge base, offers
 * "did you mean" buttons when unsure, and passes the rest to the class's two liaisons.
 * Registered late (just before help): it takes the private free text nothing else wanted.
 */
export const faqFeature: Feature = {
  name: 'faq',
  commands: [
    // in private any text is a question; /ask is what reaches the bot in a group with privacy mode on
    { command: 'ask', where: 'group', audience: 'everyone', description: 'cmd.ask' },
    { command: 'faq', where: 'private', audience: 'secretary', description: 'cmd.faq' },
    { command: 'faq_edit', where: 'private', audience: 'secretary', description: 'cmd.faq_edit' },
    { command: 'faq_add', where: 'private', audience: 'secretary', description: 'cmd.faq_add' },
    { command: 'faq_delete', where: 'private', audience: 'secretary', description: 'cmd.faq_delete' },
    { command: 'faq_reset', where: 'private', audience: 'secretary', description: 'cmd.faq_reset' },
    { command: 'faq_learn', where: 'private', audience: 'secretary', description: 'cmd.faq_learn' },
    { command: 'unanswered', where: 'private', audience: 'secretary', description: 'cmd.unanswered' },
  ],
  composer: faqComposer,
  onChatMigrated: faqOnChatMigrated,
  dialogues: [answerDialogue, editEntryDialogue, addEntryDialogue],
  schedules: (config) => [faqHousekeepingSchedule(), retentionSchedule(config.questionRetentionDays)],
  warmUp: warmUpFaq,
};
