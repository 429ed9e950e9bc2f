import type { Feature } from '../../feature.js';
import { peopleExportComposer } from './chat-export.js';

/** The people lists as files (issue 11): /people_export and its px: buttons here; `people import|export` in the CLI (cli.ts). */
export const recordsFilesFeature: Feature = {
  name: 'records-files',
  commands: [{ command: 'people_export', where: 'private', audience: 'class_officer', description: 'cmd.people_export' }],
  composer: peopleExportComposer,
};
