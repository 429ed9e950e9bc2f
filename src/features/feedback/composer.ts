import { Composer, Markup } from 'telegraf';
import type { AppDeps, BotContext } from '../../telegram/context.js';
import { commandArgs, isGroupChat, isPrivateChat, privateOnly, secretaryOnly } from '../../telegram/guards.js';
import { replyHtml } from '../../telegram/reply.js';
import { secretaryBranch } from '../../people/access.js';
import { onItemButton } from './actions.js';
import { feedbackButton } from './buttons.js';
import { checkWriter, emptyDraft, feedbackDialogue, keyOf } from './dialogue.js';
import { DAILY_LIMITS, underLimit } from './limits.js';
import { candidateClasses } from './membership.js';
import { exportCsv, listItems, statsText } from './overview.js';
import { reportComposer } from './report-composer.js';
import { listThreads, startThreadReply } from './threads.js';
import { formatLocalDate } from './time.js';
import { onButton } from '../../telegram/buttons.js';

const DEEP_LINK = /^fb_(\d{1,9})$/;

/** Whether the writer may send one more today (nothing counted); answers the refusal itself. */
async function roomToday(ctx: BotContext): Promise<boolean> {
  const { db, clock, config } = ctx.deps;
  const ok = await db
    .transaction()
    .execute((trx) => underLimit(trx, { key: keyOf(ctx), purpose: 'feedback', telegramUserId: ctx.from!.id, now: clock.now(), timeZone: config.timeZone }));
  if (!ok) await replyHtml(ctx, ctx.t('feedback.overLimit', { max: DAILY_LIMITS.feedback }));
  return ok;
}

/** The deep link from a group's button, or an edited one: the class is checked like any other (role or group membership). */
async function startForClass(ctx: BotContext, classId: number): Promise<void> {
  const klass = await ctx.deps.db.selectFrom('classes').select('id').where('id', '=', classId).executeTakeFirst();
  if (!klass) return replyHtml(ctx, ctx.t('feedback.notMember'));
  if (!(await checkWriter(ctx, classId))) return;
  if (!(await roomToday(ctx))) return;
  await feedbackDialogue.begin(ctx, { ...emptyDraft, classId }, 'category');
}

export function feedbackComposer(deps: AppDeps): Composer<BotContext> {
  const { db } = deps;
  const composer = new Composer<BotContext>();

  composer.start(async (ctx, next) => {
    const match = DEEP_LINK.exec(commandArgs(ctx));
    if (!match || !isPrivateChat(ctx) || !ctx.person) return next();
    await startForClass(ctx, Number(match[1]));
  });

  composer.command('feedback', async (ctx) => {
    if (isGroupChat(ctx)) {
      const chat = await db.selectFrom('chats').select('class_id').where('telegram_chat_id', '=', ctx.chat.id).executeTakeFirst();
      if (!chat?.class_id) return replyHtml(ctx, ctx.t('feedback.group.unbound'));
      const url = `https://t.me/${deps.botUsername()}?start=fb_${chat.class_id}`;
      return ctx.reply(ctx.t('feedback.group.prompt'), {
        reply_parameters: { message_id: ctx.message.message_id, allow_sending_without_reply: true },
        ...Markup.inlineKeyboard([[Markup.button.url(ctx.t('feedback.group.button'), url)]]),
      });
    }
    if (!ctx.person) return;
    await listThreads(ctx);
    const classes = await candidateClasses(db, ctx.person.id);
    if (classes.length === 0) return replyHtml(ctx, ctx.t('feedback.noClass'));
    if (classes.length === 1) return startForClass(ctx, classes[0]!.classId);
    if (!(await roomToday(ctx))) return;
    await feedbackDialogue.begin(ctx, emptyDraft, 'class');
  });

  onButton(composer, feedbackButton, (ctx, button) => (button.action === 's' ? startThreadReply(db, ctx, button.id) : onItemButton(db, ctx, button)));

  composer.command('feedback_list', privateOnly, async (ctx) => {
    if (!ctx.roles.some((r) => r.role === 'liaison' || r.role === 'secretary')) return replyHtml(ctx, ctx.t('feedback.list.notAllowed'));
    await replyHtml(ctx, await listItems(db, ctx.roles, ctx.lang, deps.config.timeZone));
  });

  composer.command('feedback_stats', privateOnly, secretaryOnly, async (ctx) => {
    const branch = secretaryBranch(ctx.roles)!;
    await replyHtml(ctx, await statsText(db, { id: branch.branchId, name: branch.branchName }, ctx.lang));
  });

  composer.command('feedback_export', privateOnly, secretaryOnly, async (ctx) => {
    const branch = secretaryBranch(ctx.roles)!;
    const { file, count } = await exportCsv(db, branch.branchId, ctx.lang);
    if (count === 0) return replyHtml(ctx, ctx.t('feedback.export.none'));
    const filename = `feedback-${formatLocalDate(deps.clock.now(), deps.config.timeZone)}.csv`;
    await ctx.replyWithDocument({ source: file, filename }, { caption: ctx.t('feedback.export.caption', { count }) });
  });

  composer.use(reportComposer(deps));
  return composer;
}
