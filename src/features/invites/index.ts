import type { Feature } from '../../feature.js';
import { invitesComposer } from './composer.js';

export const invitesFeature: Feature = {
  name: 'invites',
  commands: [{ command: 'invite', where: 'private', audience: 'secretary', description: 'cmd.invite' }],
  composer: invitesComposer,
};
