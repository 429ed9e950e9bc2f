import type { Feature } from '../../feature.js';
import { classesComposer } from './composer.js';

export const classesFeature: Feature = {
  name: 'classes',
  commands: [
    { command: 'class_add', where: 'private', audience: 'secretary', description: 'cmd.class_add' },
    { command: 'classes', where: 'private', audience: 'secretary', description: 'cmd.classes' },
    { command: 'class_tags', where: 'private', audience: 'secretary', description: 'cmd.class_tags' },
    { command: 'branch', where: 'private', audience: 'secretary', description: 'cmd.branch' },
  ],
  composer: classesComposer,
};
