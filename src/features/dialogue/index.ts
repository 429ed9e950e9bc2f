import type { DeclaredDialogue } from '../../dialogue/define.js';
import { dialogueRouter } from '../../dialogue/router.js';
import type { Feature } from '../../feature.js';

/**
 * The declared dialogues of every feature (`Feature.dialogues`) and /cancel, which leaves whatever
 * dialogue is open, at any step. Registered first.
 */
export function createDialogueFeature(declared: () => DeclaredDialogue[]): Feature {
  return {
    name: 'dialogue',
    commands: [{ command: 'cancel', where: 'private', audience: 'everyone', description: 'cmd.cancel' }],
    composer: () => dialogueRouter(declared()),
  };
}
