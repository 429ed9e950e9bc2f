import { Composer, Markup } from 'telegraf';
import { z } from 'zod';
import { defineCallback } from '../../dialogue/callback.js';
import type { MessageKey } from '../../i18n/i18n.js';
import { html, joinHtml, mention } from '../../i18n/html.js';
import type { AppDeps, BotContext } from '../../telegram/context.js';
import { commandArgs, privateOnly, secretaryOnly } from '../../telegram/guards.js';
import { replyHtml, replyHtmlWithKeyboard } from '../../telegram/reply.js';
import { splitQuotedArgs } from '../../shared/quoted-args.js';
import { secretaryBranch } from '../../people/access.js';
import type { ClassMember } from '../../people/queries.js';
import { findClassInBranch } from './queries.js';
import { tagsSchema } from './schemas.js';
import { addClass, branchOverview, type AddClassError } from './service.js';
import { onButton, type ButtonContext } from '../../telegram/buttons.js';

/** /branch: `br:<branch id>` makes that branch the one a secretary of several acts on. */
const branchButton = defineCallback('br', z.object({ branch: z.number().int().positive() }));

const addErrors: Record<AddClassError, MessageKey> = {
  bad_name: 'class.add.badName',
  bad_code: 'class.add.badCode',
  duplicate_name: 'class.add.duplicateName',
  duplicate_code: 'class.add.duplicateCode',
};

export function classesComposer(deps: AppDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command('class_add', privateOnly, secretaryOnly, async (ctx) => {
    const branch = secretaryBranch(ctx.roles)!;
    const words = splitQuotedArgs(commandArgs(ctx));
    if (!words || words.length === 0 || words.length > 2) return replyHtml(ctx, ctx.t('class.add.usage'));
    const [name, code] = words as [string, string | undefined];
    const result = await deps.db.transaction().execute((trx) => addClass(trx, branch.branchId, { name, code }));
    if (!result.ok) return replyHtml(ctx, `${ctx.t(addErrors[result.error], result.detail)}\n\n${ctx.t('class.add.usage')}`);
    deps.logger.info({ event: 'class_added', branchId: branch.branchId, classId: result.value.id }, 'class added');
    return replyHtml(ctx, ctx.t('class.add.created', { name: result.value.name, code: result.value.code }));
  });

  composer.command('class_tags', privateOnly, secretaryOnly, async (ctx) => {
    const branch = secretaryBranch(ctx.roles)!;
    const [classRef, ...words] = commandArgs(ctx).split(/\s+/).filter(Boolean);
    const tags = tagsSchema.safeParse(words);
    if (!classRef || !tags.success) return replyHtml(ctx, ctx.t('class.tags.usage'));
    const klass = await findClassInBranch(deps.db, branch.branchId, classRef);
    if (!klass) return replyHtml(ctx, ctx.t('invite.classNotFound', { class: classRef }));
    await deps.db.updateTable('classes').set({ tags: tags.data }).where('id', '=', klass.id).execute();
    return replyHtml(ctx, ctx.t('class.tags.set', { class: klass.name, tags: tags.data.length > 0 ? tags.data.join('、') : ctx.t('class.tags.none') }));
  });

  composer.command('branch', privateOnly, secretaryOnly, async (ctx) => {
    const branches = [...new Map(ctx.roles.filter((r) => r.role === 'secretary').map((r) => [r.branchId, r.branchName])).entries()];
    const current = secretaryBranch(ctx.roles)!;
    if (branches.length === 1) return replyHtml(ctx, ctx.t('branch.only', { branch: current.branchName }));
    await replyHtmlWithKeyboard(
      ctx,
      ctx.t('branch.choose', { branch: current.branchName }),
      branches.map(([id, name]) => [Markup.button.callback(`${id === current.branchId ? '✅ ' : ''}${name}`, branchButton.encode({ branch: id }))]),
    );
  });

  const refuse = (ctx: ButtonContext) => ctx.answerCbQuery(ctx.t('notice.stale'), { show_alert: true });
  onButton(
    composer,
    branchButton,
    async (ctx, { branch: branchId }, person) => {
      const role = ctx.roles.find((r) => r.role === 'secretary' && r.branchId === branchId);
      if (!role) return refuse(ctx);
      await deps.db.updateTable('people').set({ current_branch_id: branchId }).where('id', '=', person.id).execute();
      await ctx.answerCbQuery();
      return replyHtml(ctx, ctx.t('branch.switched', { branch: role.branchName }));
    },
    { refuse },
  );

  composer.command('classes', privateOnly, secretaryOnly, async (ctx) => {
    const branch = secretaryBranch(ctx.roles)!;
    const overview = await branchOverview(deps.db, branch.branchId);
    if (overview.length === 0) return replyHtml(ctx, ctx.t('classes.empty'));
    const names = (people: ClassMember[]) =>
      people.length === 0
        ? ctx.t('classes.none')
        : joinHtml(
            people.map((p) => mention(p.telegramUserId, p.name)),
            '、',
          ).html;
    const lines = overview.map(({ klass, liaisons, leagueSecretaries, counselors, chat }) =>
      ctx.t('classes.line', {
        name: klass.name,
        code: klass.code,
        liaisons: html(names(liaisons)),
        flag: html(liaisons.length === 2 ? '' : ctx.t('classes.flag', { count: liaisons.length })),
        league: html(names(leagueSecretaries)),
        counselors: html(names(counselors)),
        chat: chat ? (chat.active ? chat.title : html(ctx.t('classes.inactiveChat', { title: chat.title }))) : ctx.t('classes.unbound'),
      }),
    );
    const flagged = overview.filter((o) => o.liaisons.length !== 2).length;
    const text = [
      ctx.t('classes.header', { branch: branch.branchName, count: overview.length }),
      ...lines,
      ...(flagged > 0 ? [ctx.t('classes.summary', { count: flagged })] : []),
    ].join('\n\n');
    return replyHtml(ctx, text);
  });

  return composer;
}
