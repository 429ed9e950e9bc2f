import type { Executor } from '../db/schema.js';

export interface Dialogue<D = Record<string, unknown>> {
  kind: string;
  step: string;
  data: D;
}

/**
 * One open dialogue per person. A feature owns the dialogues of its `kind`; starting a new one
 * replaces whatever was open (the user moved on). `/cancel` clears any.
 */
export async function getDialogue(db: Executor, personId: number): Promise<Dialogue | null> {
  const row = await db.selectFrom('dialogues').select(['kind', 'step', 'data']).where('person_id', '=', personId).executeTakeFirst();
  return row ? { kind: row.kind, step: row.step, data: row.data } : null;
}

export async function saveDialogue(db: Executor, personId: number, dialogue: Dialogue<object>, now: Date): Promise<void> {
  const data = JSON.stringify(dialogue.data);
  await db
    .insertInto('dialogues')
    .values({ person_id: personId, kind: dialogue.kind, step: dialogue.step, data, updated_at: now })
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ kind: dialogue.kind, step: dialogue.step, data, updated_at: now }))
    .execute();
}

export async function clearDialogue(db: Executor, personId: number): Promise<boolean> {
  const result = await db.deleteFrom('dialogues').where('person_id', '=', personId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
