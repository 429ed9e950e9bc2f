import type { Feature } from '../../feature.js';
import { groupsComposer } from './composer.js';

export const groupsFeature: Feature = {
  name: 'groups',
  commands: [
    { command: 'liaisons', where: 'group', audience: 'everyone', description: 'cmd.liaisons' },
    { command: 'bind', where: 'group', audience: 'class_officer', description: 'cmd.bind' },
    { command: 'bind_link', where: 'private', audience: 'class_officer', description: 'cmd.bind_link' },
  ],
  composer: groupsComposer,
};
