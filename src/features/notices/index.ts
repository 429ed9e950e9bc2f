import { Composer } from 'telegraf';
import type { AppDeps, BotContext } from '../../telegram/context.js';
import type { Feature } from '../../feature.js';
import { acknowledgements } from './ack.js';
import { noticesOnChatMigrated } from './chat-migrated.js';
import { correctDialogue } from './correct-dialogue.js';
import { noticeCommand, noticeDialogue } from './dialogue.js';
import { noticeJobHandlers } from './jobs.js';
import { noticeManagement } from './manage.js';

export const noticesFeature: Feature = {
  name: 'notices',
  commands: [
    { command: 'notice', where: 'private', audience: 'liaison', description: 'cmd.notice' },
    { command: 'notices', where: 'private', audience: 'liaison', description: 'cmd.notices' },
  ],
  jobs: noticeJobHandlers,
  onChatMigrated: noticesOnChatMigrated,
  dialogues: [noticeDialogue, correctDialogue],
  composer: (deps: AppDeps) => new Composer<BotContext>(noticeCommand(), noticeManagement(deps), acknowledgements(deps)),
};
