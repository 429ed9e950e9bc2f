import type { RoleView } from '../../people/queries.js';

/**
 * Who sees what of a class's records (issue 11): names and dates for the class's liaisons, League
 * secretary and counselor, and for the secretary of its branch; counts for everyone else.
 */
export type RecordAccess = 'names' | 'counts';

const CLASS_ROLES = new Set(['liaison', 'league_secretary', 'counselor']);

export function recordAccess(roles: readonly RoleView[], klass: { id: number; branchId: number }): RecordAccess {
  const allowed = roles.some((r) => (r.role === 'secretary' && r.branchId === klass.branchId) || (CLASS_ROLES.has(r.role) && r.classId === klass.id));
  return allowed ? 'names' : 'counts';
}

/** The classes whose names the person may see: their own classes, and for a secretary every class of the branch (branch ids). */
export function recordScopes(roles: readonly RoleView[]): { classIds: number[]; branchIds: number[] } {
  return {
    classIds: [...new Set(roles.filter((r) => CLASS_ROLES.has(r.role) && r.classId !== null).map((r) => r.classId!))],
    branchIds: [...new Set(roles.filter((r) => r.role === 'secretary').map((r) => r.branchId))],
  };
}
