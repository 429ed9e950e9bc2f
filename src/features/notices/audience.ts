import type { Db } from '../../db/schema.js';
import type { RoleView } from '../../people/queries.js';

export interface NoticeRecipients {
  branchId: number;
  /** true for a liaison: only their own classes. */
  ownClassesOnly: boolean;
  classes: Array<{ id: number; name: string; tags: string[] }>;
}

/** The classes the caller may send a notice to: the whole branch for a secretary, their own for a liaison. */
export async function audienceOf(db: Db, roles: RoleView[]): Promise<NoticeRecipients | null> {
  const secretary = roles.find((r) => r.role === 'secretary');
  if (secretary) {
    const classes = await db.selectFrom('classes').select(['id', 'name', 'tags']).where('branch_id', '=', secretary.branchId).orderBy('name').execute();
    return { branchId: secretary.branchId, ownClassesOnly: false, classes };
  }
  const liaison = roles.filter((r) => r.role === 'liaison' && r.classId !== null);
  if (liaison.length === 0) return null;
  const branchId = liaison[0]!.branchId;
  const ids = liaison.filter((r) => r.branchId === branchId).map((r) => r.classId!);
  const classes = await db.selectFrom('classes').select(['id', 'name', 'tags']).where('id', 'in', ids).orderBy('name').execute();
  return { branchId, ownClassesOnly: true, classes };
}

export function distinctTags(audience: NoticeRecipients): string[] {
  return [...new Set(audience.classes.flatMap((c) => c.tags))].sort();
}
