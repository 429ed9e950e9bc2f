import type { Feature } from '../feature.js';
import { overviewComposer } from './composer.js';

/**
 * The secretary's overview (issue 11): /overview, every class of the branch at a glance with a
 * total line, paged, downloadable (also `npm run cli -- overview`); a liaison sees their own classes.
 */
export const overviewFeature: Feature = {
  name: 'overview',
  commands: [{ command: 'overview', where: 'private', audience: 'liaison', description: 'cmd.overview' }],
  composer: overviewComposer,
};
