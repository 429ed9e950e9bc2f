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

const HOUR_MS = 3600_000;
/** How long an open dialogue waits for its next step, unless its declaration says otherwise. */
export const DIALOGUE_LIFETIME_MS = 24 * HOUR_MS;
/** Dialogues that are not declared (see src/dialogue/define.ts) live 24 hours; a declaration sets its own `lifetimeMs`. */
export function dialogueLifetimeMs(_kind: string): number {
  return DIALOGUE_LIFETIME_MS;
}

/** What the declared dialogues say about a stored row: how long it lives, and whether its step and data still fit. */
export interface DialogueRules {
  lifetimeMs(kind: string): number;
  accepts(dialogue: Dialogue): boolean;
}

export const undeclaredRules: DialogueRules = { lifetimeMs: dialogueLifetimeMs, accepts: () => true };

export interface DroppedDialogue {
  kind: string;
  lifetimeMs: number;
  /** idle: left longer than its lifetime; invalid: its step or data no longer fit the declaration (an update changed it). */
  reason: 'idle' | 'invalid';
}

/**
 * The person's open dialogue; one left without a step for longer than its lifetime, or whose row
 * no longer fits its declaration, is dropped and returned as `expired` instead, so a forgotten
 * "answer this question" does not turn any later private text into an answer.
 */
export async function openDialogue(
  db: Executor,
  personId: number,
  now: Date,
  rules: DialogueRules = undeclaredRules,
): Promise<{ dialogue: Dialogue | null; expired: DroppedDialogue | null }> {
  const row = await db.selectFrom('dialogues').select(['kind', 'step', 'data', 'updated_at']).where('person_id', '=', personId).executeTakeFirst();
  if (!row) return { dialogue: null, expired: null };
  const dialogue: Dialogue = { kind: row.kind, step: row.step, data: row.data };
  const lifetimeMs = rules.lifetimeMs(row.kind);
  const idle = now.getTime() - row.updated_at.getTime() > lifetimeMs;
  if (!idle && rules.accepts(dialogue)) return { dialogue, expired: null };
  // Only this stale version: a step saved meanwhile (same person, other update) stays.
  await db.deleteFrom('dialogues').where('person_id', '=', personId).where('updated_at', '=', row.updated_at).execute();
  return { dialogue: null, expired: { kind: row.kind, lifetimeMs, reason: idle ? 'idle' : 'invalid' } };
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
