import type { Executor } from '../../db/schema.js';
import type { BotContext } from '../../telegram/context.js';

/** Secretaries see their branch's notices; liaisons the ones they wrote; anyone else none. */
export function manageScope(ctx: BotContext): { branchId: number; authorId?: number } | null {
  const secretary = ctx.roles.find((r) => r.role === 'secretary');
  if (secretary) return { branchId: secretary.branchId };
  const liaison = ctx.roles.find((r) => r.role === 'liaison');
  return liaison && ctx.person ? { branchId: liaison.branchId, authorId: ctx.person.id } : null;
}

/** Whether the caller may see and change this notice (a forged id of another branch's notice is refused). */
export async function mayManage(db: Executor, ctx: BotContext, noticeId: number): Promise<boolean> {
  const scope = manageScope(ctx);
  if (!scope) return false;
  const notice = await db.selectFrom('notices').select(['branch_id', 'author_id']).where('id', '=', noticeId).executeTakeFirst();
  return !!notice && notice.branch_id === scope.branchId && (scope.authorId === undefined || notice.author_id === scope.authorId);
}
