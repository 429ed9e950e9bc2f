import type { Executor } from '../../db/schema.js';
import { languageFromTelegram, type Language } from '../../i18n/language.js';
import { viewerOf, type OverviewViewer } from '../overview/service.js';
import { displayName, rolesOf, type RoleView } from '../../people/queries.js';

/**
 * Who the dashboard answers, from the person alone (the Telegram user id of a checked initData, or a
 * session). What they see is what /overview shows them (src/features/overview/service.ts viewerOf):
 * the branch for its secretary, their own classes for a class's liaison (or League secretary,
 * counselor); nothing for anyone else.
 */
export interface Viewer {
  personId: number;
  name: string;
  language: Language;
  roles: RoleView[];
  scope: OverviewViewer;
  /** Every class the viewer may open. */
  classIds: number[];
}

export type ViewerResult = { ok: true; viewer: Viewer } | { ok: false; reason: 'unknown' | 'not_for_you' };

export async function viewerByTelegramId(db: Executor, telegramUserId: number, languageCode: string | undefined): Promise<ViewerResult> {
  const person = await db.selectFrom('people').where('telegram_user_id', '=', telegramUserId).select('id').executeTakeFirst();
  return person ? viewerFor(db, person.id, languageCode) : { ok: false, reason: 'unknown' };
}

export async function viewerByPersonId(db: Executor, personId: number): Promise<ViewerResult> {
  return viewerFor(db, personId, undefined);
}

async function viewerFor(db: Executor, personId: number, languageCode: string | undefined): Promise<ViewerResult> {
  const person = await db
    .selectFrom('people')
    .where('id', '=', personId)
    .select(['id', 'first_name', 'last_name', 'language', 'current_branch_id'])
    .executeTakeFirst();
  if (!person) return { ok: false, reason: 'unknown' };
  const roles = await rolesOf(db, personId, person.current_branch_id);
  const scope = viewerOf(roles);
  if (!scope) return { ok: false, reason: 'not_for_you' };
  const classIds =
    scope.kind === 'branch' ? (await db.selectFrom('classes').where('branch_id', '=', scope.branchId).select('id').execute()).map((r) => r.id) : scope.classIds;
  const language = languageCode === undefined ? person.language : languageFromTelegram(languageCode);
  return { ok: true, viewer: { personId, name: displayName(person.first_name, person.last_name), language, roles, scope, classIds } };
}

export const mayOpenClass = (viewer: Viewer, classId: number): boolean => viewer.classIds.includes(classId);
