import type { CommandSpec } from '../feature.js';
import type { RoleView } from '../people/queries.js';

export interface Viewer {
  chat: 'private' | 'group';
  roles: RoleView[];
}

/** The commands a caller can really use where they are; /help and the command menu show only these. */
export function visibleCommands(all: CommandSpec[], viewer: Viewer): CommandSpec[] {
  const isSecretary = viewer.roles.some((r) => r.role === 'secretary');
  const isLiaison = viewer.roles.some((r) => r.role === 'liaison');
  return all.filter((c) => {
    if (c.where !== 'both' && c.where !== viewer.chat) return false;
    switch (c.audience) {
      case 'everyone':
        return true;
      case 'secretary':
        return isSecretary;
      case 'liaison':
        return isLiaison || isSecretary;
      case 'liaison_only':
        return isLiaison;
      case 'class_officer':
        return isLiaison || isSecretary || viewer.roles.some((r) => r.role === 'league_secretary');
    }
  });
}
