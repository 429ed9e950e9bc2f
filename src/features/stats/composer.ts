import { Composer } from 'telegraf';
import { localIsoDate } from '../../shared/when.js';
import type { AppDeps, BotContext } from '../../telegram/context.js';
import { groupOnly, privateOnly } from '../../telegram/guards.js';
import { replyHtml } from '../../telegram/reply.js';
import { chatByTelegramId } from '../groups/queries.js';
import { pipelineCounts } from '../records/counts.js';
import { briefingDialogue } from './dialogue.js';
import { statsHtml } from './figures.js';

/** /stats in a bound class group (counts only, never a name) and /briefing for a liaison in private. */
export function statsComposer(deps: AppDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command('stats', groupOnly, async (ctx) => {
    const chat = await chatByTelegramId(deps.db, ctx.chat.id);
    const klass = chat?.class_id ? await deps.db.selectFrom('classes').select(['id', 'name']).where('id', '=', chat.class_id).executeTakeFirst() : undefined;
    if (!klass) return replyHtml(ctx, ctx.t('stats.notBound'));
    const today = localIsoDate(deps.clock.now(), deps.config.timeZone);
    const counts = (await pipelineCounts(deps.db, [klass.id], today)).get(klass.id)!;
    await replyHtml(ctx, statsHtml(ctx.t, klass.name, counts));
  });

  composer.command('briefing', privateOnly, async (ctx) => {
    if (!(await briefingDialogue.begin(ctx, { classId: null, html: null }))) return replyHtml(ctx, ctx.t('briefing.notLiaison'));
  });
  return composer;
}
