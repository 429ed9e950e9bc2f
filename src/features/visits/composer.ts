import { Composer } from 'telegraf';
import type { AppDeps, BotContext } from '../../telegram/context.js';
import { privateOnly } from '../../telegram/guards.js';
import { replyHtml } from '../../telegram/reply.js';
import { recordScopes } from '../records/access.js';
import { emptyVisit, visitDialogue, visitorClassIds } from './dialogue.js';
import { recentVisits } from './queries.js';
import { cutText } from '../../shared/text.js';

const LIST_MAX = 15;

export function visitsComposer(deps: AppDeps): Composer<BotContext> {
  const { db } = deps;
  const composer = new Composer<BotContext>();

  composer.command('visit', privateOnly, async (ctx) => {
    const classIds = visitorClassIds(ctx);
    if (classIds.length === 0) return replyHtml(ctx, ctx.t('visit.notAllowed'));
    if (classIds.length === 1) return void (await visitDialogue.begin(ctx, { ...emptyVisit, classId: classIds[0]! }, 'date'));
    await visitDialogue.begin(ctx, emptyVisit, 'class');
  });

  // The visits of the classes whose records the caller may read (recordAccess 'names').
  composer.command('visits', privateOnly, async (ctx) => {
    const { classIds, branchIds } = recordScopes(ctx.roles);
    if (classIds.length === 0 && branchIds.length === 0) return replyHtml(ctx, ctx.t('visit.listNotAllowed'));
    const branchClasses = branchIds.length === 0 ? [] : await db.selectFrom('classes').select('id').where('branch_id', 'in', branchIds).execute();
    const visits = await recentVisits(db, [...new Set([...classIds, ...branchClasses.map((c) => c.id)])], LIST_MAX);
    if (visits.length === 0) return replyHtml(ctx, ctx.t('visit.list.none'));
    const lines = visits.map((v) =>
      ctx.t('visit.list.line', { date: v.visited_on, class: v.className, dorm: v.dormitory, learned: cutText(v.learned.replace(/\s+/g, ' '), 60) }),
    );
    await replyHtml(ctx, [ctx.t('visit.list.header', { count: visits.length }), ...lines].join('\n'));
  });
  return composer;
}
