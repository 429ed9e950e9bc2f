import { classesFeature } from './classes/index.js';
import { createDialogueFeature } from './dialogue/index.js';
import type { ChatMigratedHook } from '../chats/migrate.js';
import type { Feature } from '../feature.js';
import type { Config } from '../config/config.js';
import type { Schedule } from '../scheduler/schedule.js';
import { groupsFeature } from './groups/index.js';
import { createHelpFeature } from './help/index.js';
import { invitesFeature } from './invites/index.js';
import { noticesFeature } from './notices/index.js';
import { faqFeature } from './faq/index.js';
import { meetingsFeature } from './meetings/index.js';
import { reportsFeature } from './reports/index.js';
import { createFeedbackFeature } from './feedback/index.js';
import { recordsFeature } from './records/index.js';
import { recordsFilesFeature } from './records-files/index.js';
import { visitsFeature } from './visits/index.js';
import { dashboardFeature } from './dashboard/index.js';
import { overviewFeature } from './overview/index.js';
import { statsFeature } from './stats/index.js';

/**
 * Features in the order their handlers run; help comes last because it answers what is left.
 * Feedback comes before the FAQ, which takes any other private text (a message link sent alone is a report).
 * `/report` is shared: reports takes it in private without a message link, feedback takes the rest.
 */
export function allFeatures(config: Pick<Config, 'inboxKey'> = { inboxKey: null }): Feature[] {
  const features: Feature[] = [
    dashboardFeature,
    invitesFeature,
    classesFeature,
    groupsFeature,
    noticesFeature,
    meetingsFeature,
    reportsFeature,
    recordsFeature,
    recordsFilesFeature,
    visitsFeature,
    overviewFeature,
    statsFeature,
    createFeedbackFeature(config),
    faqFeature,
  ];
  const dialogues = createDialogueFeature(() => features.flatMap((f) => f.dialogues ?? []));
  const help = createHelpFeature(() => [help, dialogues, ...features].flatMap((f) => f.commands));
  return [dialogues, ...features, help];
}

/** Every feature's schedules, those that depend on the config made from it. */
export function featureSchedules(features: readonly Feature[], config: Config): Schedule[] {
  return features.flatMap((f) => (typeof f.schedules === 'function' ? f.schedules(config) : (f.schedules ?? [])));
}

/** Every feature's chat-migration hook, in feature order. */
export function chatMigratedHooks(features: readonly Feature[]): ChatMigratedHook[] {
  return features.flatMap((f) => (f.onChatMigrated ? [f.onChatMigrated] : []));
}
