import type { RoleView } from './queries.js';

export const secretaryBranch = (roles: RoleView[]): RoleView | undefined => roles.find((r) => r.role === 'secretary');

export const isSecretaryOf = (roles: RoleView[], branchId: number): boolean => roles.some((r) => r.role === 'secretary' && r.branchId === branchId);

export const isLiaisonOf = (roles: RoleView[], classId: number): boolean => roles.some((r) => r.role === 'liaison' && r.classId === classId);

export const isLiaison = (roles: RoleView[]): boolean => roles.some((r) => r.role === 'liaison');
