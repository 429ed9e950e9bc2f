import type { Executor } from '../../db/schema.js';
import { languageFromTelegram, type Language } from '../../i18n/language.js';
import { displayName, rolesOf, type RoleView } from '../people/queries.js';

/**
 * Who the dashboard answers, from the person alone (the Telegram user id of a checked initData, or a
 * session): a branch secretary sees every class of their branches, a liaison their own classes.
 */
export interface Viewer {
  personId: number;
  name: string;
  language: Language;
  roles: RoleView[];
  /** Branches the viewer is secretary of. */
  branchIds: number[];
  /** Every class the viewer may open, in name order. */
  classIds: number[];
}

export type ViewerResult = { ok: true; viewer: Viewer } | { ok: false; reason: 'unknown' | 'not_for_you' };

export async function viewerByTelegramId(db: Executor, telegramUserId: number, languageCode: string | undefined): Promise<ViewerResult> {
  const person = await db.selectFrom('people').where('telegram_user_id', '=', telegramUserId).select(['id', 'language']).executeTakeFirst();
  if (!person) return { ok: false, reason: 'unknown' };
  return viewerOf(db, person.id, languageCode === undefined ? person.language : languageFromTelegram(languageCode));
}

export async function viewerByPersonId(db: Executor, personId: number): Promise<ViewerResult> {
  const person = await db.selectFrom('people').where('id', '=', personId).select(['id', 'language']).executeTakeFirst();
  if (!person) return { ok: false, reason: 'unknown' };
  return viewerOf(db, person.id, person.language);
}

async function viewerOf(db: Executor, personId: number, language: Language): Promise<ViewerResult> {
  const roles = await rolesOf(db, personId);
  const branchIds = [...new Set(roles.filter((r) => r.role === 'secretary').map((r) => r.branchId))];
  const liaisonClassIds = roles.filter((r) => r.role === 'liaison' && r.classId !== null).map((r) => r.classId!);
  if (branchIds.length === 0 && liaisonClassIds.length === 0) return { ok: false, reason: 'not_for_you' };
  let query = db.selectFrom('classes').select('id').orderBy('name').orderBy('id');
  query = query.where((eb) =>
    eb.or([...(branchIds.length > 0 ? [eb('branch_id', 'in', branchIds)] : []), ...(liaisonClassIds.length > 0 ? [eb('id', 'in', liaisonClassIds)] : [])]),
  );
  const classIds = (await query.execute()).map((r) => r.id);
  const person = await db.selectFrom('people').where('id', '=', personId).select(['first_name', 'last_name']).executeTakeFirstOrThrow();
  return { ok: true, viewer: { personId, name: displayName(person.first_name, person.last_name), language, roles, branchIds, classIds } };
}

export const mayOpenClass = (viewer: Viewer, classId: number): boolean => viewer.classIds.includes(classId);
