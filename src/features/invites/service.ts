import type { Db, Executor } from '../../db/schema.js';
import { fail, ok, type Result } from '../../shared/result.js';
import type { Clock } from '../../shared/clock.js';
import type { Person, Role } from '../../people/tables.js';
import { ensureFirstBranch } from '../classes/queries.js';
import { hashInviteCode, INVITE_LIFETIME_MS, newInviteCode } from './codes.js';

export const MAX_LIAISONS_PER_CLASS = 2;

export interface NewInvite {
  role: Role;
  branchId: number;
  classId: number | null;
  createdBy: number | null;
  isSetup?: boolean;
}

export interface CreatedInvite {
  code: string;
  expiresAt: Date;
}

export async function createInvite(db: Executor, clock: Clock, invite: NewInvite): Promise<CreatedInvite> {
  const code = newInviteCode();
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + INVITE_LIFETIME_MS);
  await db
    .insertInto('invites')
    .values({
      code_hash: hashInviteCode(code),
      role: invite.role,
      branch_id: invite.branchId,
      class_id: invite.classId,
      created_by: invite.createdBy,
      is_setup: invite.isSetup ?? false,
      created_at: now,
      expires_at: expiresAt,
    })
    .execute();
  return { code, expiresAt };
}

export type RedeemError = 'invalid' | 'used' | 'expired' | 'revoked' | 'class_full' | 'league_taken' | 'already';

export interface Redeemed {
  role: Role;
  branchName: string;
  className: string | null;
  classCode: string | null;
}

/**
 * Registers the person in the invite's role. One transaction: the invite row and the class row are
 * locked, so two people racing for the last liaison seat cannot both get it, and a refused
 * redemption changes nothing (the invite stays usable).
 */
export async function redeemInvite(db: Db, clock: Clock, code: string, person: Person): Promise<Result<Redeemed, RedeemError>> {
  return db.transaction().execute(async (trx) => {
    const invite = await trx.selectFrom('invites').selectAll().where('code_hash', '=', hashInviteCode(code)).forUpdate().executeTakeFirst();
    if (!invite) return fail('invalid');
    if (invite.revoked_at) return fail('revoked');
    if (invite.used_at) return fail('used');
    if (invite.expires_at.getTime() <= clock.now().getTime()) return fail('expired');

    const branch = await trx.selectFrom('branches').select('name').where('id', '=', invite.branch_id).executeTakeFirstOrThrow();
    const klass = invite.class_id
      ? await trx.selectFrom('classes').select(['id', 'name', 'code']).where('id', '=', invite.class_id).forUpdate().executeTakeFirst()
      : undefined;
    if (invite.class_id && !klass) return fail('invalid');

    const existing = await trx
      .selectFrom('role_assignments')
      .select(['id', 'person_id'])
      .where('role', '=', invite.role)
      .where('branch_id', '=', invite.branch_id)
      .where((eb) => (invite.class_id ? eb('class_id', '=', invite.class_id) : eb('class_id', 'is', null)))
      .execute();
    const details = {
      role: invite.role,
      branchName: branch.name,
      className: klass?.name ?? null,
      classCode: klass?.code ?? null,
    };
    if (existing.some((r) => r.person_id === person.id)) return fail('already', { target: klass?.name ?? branch.name, role: invite.role });
    if (invite.role === 'liaison' && existing.length >= MAX_LIAISONS_PER_CLASS) return fail('class_full', { class: klass?.name ?? '' });
    if (invite.role === 'league_secretary' && existing.length >= 1) {
      const holder = await personName(trx, existing[0]!.person_id);
      return fail('league_taken', { class: klass?.name ?? '', name: holder });
    }

    await trx
      .insertInto('role_assignments')
      .values({ person_id: person.id, role: invite.role, branch_id: invite.branch_id, class_id: invite.class_id })
      .execute();
    await trx.updateTable('invites').set({ used_at: clock.now(), used_by: person.id }).where('id', '=', invite.id).execute();
    return ok(details);
  });
}

async function personName(db: Executor, personId: number): Promise<string> {
  const p = await db.selectFrom('people').select(['first_name', 'last_name']).where('id', '=', personId).executeTakeFirst();
  return p ? [p.first_name, p.last_name].filter(Boolean).join(' ') : '';
}

/**
 * While the deployment has no secretary at all, a start prints a fresh setup link for the first
 * branch (created with the default name on an empty database); older unused setup links are withdrawn.
 */
export async function ensureSetupInvite(db: Db, clock: Clock, defaultBranchName: string): Promise<CreatedInvite | null> {
  return db.transaction().execute(async (trx) => {
    const secretary = await trx.selectFrom('role_assignments').select('id').where('role', '=', 'secretary').executeTakeFirst();
    if (secretary) return null;
    const branch = await ensureFirstBranch(trx, defaultBranchName);
    await trx
      .updateTable('invites')
      .set({ revoked_at: clock.now() })
      .where('is_setup', '=', true)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .execute();
    return createInvite(trx, clock, { role: 'secretary', branchId: branch.id, classId: null, createdBy: null, isSetup: true });
  });
}
