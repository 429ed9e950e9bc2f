import type { Feature } from '../feature.js';
import { groupsComposer } from './composer.js';

export const groupsFeature: Feature = {
  name: 'groups',
  commands: [
    { command: 'liaisons', where: 'group', audience: 'everyone', description: 'cmd.liaisons' },
    { command: 'bind', where: 'group', audience: 'group_admin', description: 'cmd.bind' },
  ],
  composer: groupsComposer,
};
