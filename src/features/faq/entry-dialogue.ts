import { z } from 'zod';
import { defineDialogue, type ButtonValue, type Turn } from '../../dialogue/define.js';
import type { MessageKey } from '../../i18n/i18n.js';
import { isSecretaryOf } from '../../people/access.js';
import { entryFromMessage } from './entry-file.js';
import { saveEntryText, type SaveError } from './service.js';

const saveErrors: Record<Exclude<SaveError, 'invalid'>, MessageKey> = {
  duplicate: 'faq.add.duplicate',
  not_found: 'faq.edit.gone',
  slug_changed: 'faq.edit.slugChanged',
};

type EntryTurn = Turn<{ branchId: number; slug?: string }, ButtonValue, undefined, 'entry'>;

/** The secretary sends the entry's YAML (text, or a file for a long one); it is saved for the branch the dialogue was opened for. */
async function saveEntry(turn: EntryTurn, editing: boolean): Promise<unknown> {
  const { ctx, deps } = turn;
  const person = ctx.person!;
  // the raw message: a document's name and size decide whether it is read (entry-file.ts)
  const input = await entryFromMessage(ctx, ctx.message!);
  if (!input.ok) return turn.reply(turn.t(input.key, input.params));
  // the branch the dialogue was opened for (a secretary of several may have switched since)
  const { branchId } = turn.data;
  if (!isSecretaryOf(ctx.roles, branchId)) {
    await turn.finish();
    return turn.reply(turn.t('error.notAllowed', { who: turn.t('role.secretary') }));
  }
  const slug = turn.data.slug ?? '';
  const saved = await saveEntryText(deps.db, deps.clock, input.text, editing ? { kind: 'edit', slug } : { kind: 'add' }, { personId: person.id, branchId });
  if (!saved.ok) {
    if (saved.error === 'invalid') {
      const errors = (saved.errors ?? []).map((e) => `line ${e.line}: ${e.message}`).join('\n');
      return turn.reply(turn.t('faq.edit.invalid', { errors }));
    }
    if (saved.error === 'not_found') await turn.finish();
    return turn.reply(turn.t(saveErrors[saved.error], { slug: String(saved.detail?.slug ?? slug) }));
  }
  await turn.finish();
  deps.logger.info({ event: editing ? 'faq_entry_edited' : 'faq_entry_added', slug: saved.value.slug, personId: person.id, branchId }, 'FAQ entry saved');
  return turn.reply(turn.t(editing ? 'faq.edit.saved' : 'faq.add.saved', { slug: saved.value.slug }));
}

const entryStep = (editing: boolean) => ({
  message: { accepts: ['text', 'document'] as const, unsupported: 'faq.edit.textOrFile' as const, handle: (turn: EntryTurn) => saveEntry(turn, editing) },
});

/** /faq_edit: the next private message is the entry's new YAML (the command shows the current one). */
export const editEntryDialogue = defineDialogue({
  kind: 'faq_edit',
  schema: z.object({ slug: z.string(), branchId: z.number().int() }),
  start: 'entry',
  steps: { entry: entryStep(true) },
});

/** /faq_add: the next private message is the new entry's YAML (the command shows a template). */
export const addEntryDialogue = defineDialogue({
  kind: 'faq_add',
  schema: z.object({ branchId: z.number().int() }),
  start: 'entry',
  steps: { entry: entryStep(false) },
});
