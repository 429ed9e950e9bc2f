import type { Executor } from '../../db/schema.js';
import type { RoleView } from '../../people/queries.js';

/** A class the caller may bind a group to; `canMove`: may also take it away from a group it is bound to. */
export interface ClassUnderAuthority {
  id: number;
  name: string;
  code: string;
  branchId: number;
  branchName: string;
  canMove: boolean;
}

/**
 * Binding needs authority over the class, never over the group: the branch secretary (every class of
 * the branch), the class's liaisons (may move it) and its League secretary (may bind, not move).
 */
export async function classesUnderAuthority(db: Executor, roles: RoleView[]): Promise<ClassUnderAuthority[]> {
  const secretaryBranches = roles.filter((r) => r.role === 'secretary').map((r) => r.branchId);
  const movers = new Set(roles.filter((r) => r.role === 'liaison' && r.classId !== null).map((r) => r.classId!));
  const binders = roles.filter((r) => r.role === 'league_secretary' && r.classId !== null).map((r) => r.classId!);
  const classIds = [...movers, ...binders];
  if (secretaryBranches.length === 0 && classIds.length === 0) return [];
  const rows = await db
    .selectFrom('classes as c')
    .innerJoin('branches as b', 'b.id', 'c.branch_id')
    .select(['c.id', 'c.name', 'c.code', 'c.branch_id', 'b.name as branch_name'])
    .where((eb) =>
      eb.or([
        ...(secretaryBranches.length > 0 ? [eb('c.branch_id', 'in', secretaryBranches)] : []),
        ...(classIds.length > 0 ? [eb('c.id', 'in', classIds)] : []),
      ]),
    )
    .orderBy('c.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    code: r.code,
    branchId: r.branch_id,
    branchName: r.branch_name,
    canMove: secretaryBranches.includes(r.branch_id) || movers.has(r.id),
  }));
}

/** The caller's classes named by a code (any case) or an exact name. */
export function matchClassRef<T extends { name: string; code: string }>(classes: T[], ref: string): T[] {
  const byCode = classes.filter((c) => c.code.toLowerCase() === ref.toLowerCase());
  return byCode.length > 0 ? byCode : classes.filter((c) => c.name === ref);
}

/** May the caller take a group away from this (other) class? */
export const canMoveClass = (roles: RoleView[], klass: { id: number; branch_id: number }): boolean =>
  roles.some((r) => (r.role === 'secretary' && r.branchId === klass.branch_id) || (r.role === 'liaison' && r.classId === klass.id));
