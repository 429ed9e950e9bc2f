import type { CommandSpec, Feature } from '../../feature.js';
import { helpComposer } from './composer.js';

/** Registered last: it answers /start, /help, /whoami and whatever no other feature took. */
export function createHelpFeature(allCommands: () => CommandSpec[]): Feature {
  return {
    name: 'help',
    commands: [
      { command: 'start', where: 'private', audience: 'everyone', description: 'cmd.start' },
      { command: 'help', where: 'both', audience: 'everyone', description: 'cmd.help' },
      { command: 'whoami', where: 'private', audience: 'everyone', description: 'cmd.whoami' },
    ],
    composer: helpComposer(allCommands),
  };
}
