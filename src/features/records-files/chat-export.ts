import { Composer, Markup } from 'telegraf';
import { z } from 'zod';
import { defineCallback } from '../../dialogue/callback.js';
import type { Executor } from '../../db/schema.js';
import type { AppDeps, BotContext } from '../../telegram/context.js';
import { commandArgs, privateOnly } from '../../telegram/guards.js';
import { replyHtml } from '../../telegram/reply.js';
import { recordAccess, recordScopes } from '../records/access.js';
import { classesNamed } from './class-ref.js';
import { exportPeople } from './export.js';
import { onButton, type ButtonContext } from '../../telegram/buttons.js';

/**
 * px:<classId>[:csv|xlsx] — the people export of a class; classId 0 is "all classes" of the
 * secretary's branch. Without a format it offers the two. Anyone may press a forged one: the
 * access is checked again on every press.
 */
export const peopleExportButton = defineCallback(
  'px',
  z.object({ classId: z.number().int().nonnegative().max(2_147_483_647), format: z.enum(['csv', 'xlsx']).optional() }),
);

const ALL = 0;
/** More classes than this: the caller names one (/people_export CODE) instead of a button each. */
const MAX_CLASS_BUTTONS = 24;

interface ExportClass {
  id: number;
  name: string;
  code: string;
  branchId: number;
}

/** The classes whose names the caller may export: their own, and every class of a branch they are secretary of. */
async function exportableClasses(db: Executor, ctx: BotContext): Promise<ExportClass[]> {
  const { classIds, branchIds } = recordScopes(ctx.roles);
  if (classIds.length === 0 && branchIds.length === 0) return [];
  return db
    .selectFrom('classes')
    .select(['id', 'name', 'code', 'branch_id as branchId'])
    .where((eb) => eb.or([...(classIds.length > 0 ? [eb('id', 'in', classIds)] : []), ...(branchIds.length > 0 ? [eb('branch_id', 'in', branchIds)] : [])]))
    .orderBy('name')
    .orderBy('id')
    .execute();
}

const formatButtons = (ctx: BotContext, classId: number) =>
  Markup.inlineKeyboard([
    [
      Markup.button.callback(ctx.t('peopleFiles.btn.xlsx'), peopleExportButton.encode({ classId, format: 'xlsx' })),
      Markup.button.callback(ctx.t('peopleFiles.btn.csv'), peopleExportButton.encode({ classId, format: 'csv' })),
    ],
  ]);

export function peopleExportComposer(deps: AppDeps): Composer<BotContext> {
  const { db } = deps;
  const composer = new Composer<BotContext>();

  composer.command('people_export', privateOnly, async (ctx) => {
    const classes = await exportableClasses(db, ctx);
    if (classes.length === 0) return replyHtml(ctx, ctx.t('peopleFiles.notAllowed'));
    const args = commandArgs(ctx);
    if (args !== '') {
      const named = classesNamed(classes, args);
      if (named.length !== 1) return replyHtml(ctx, ctx.t('peopleFiles.noSuchClass', { class: args }));
      return ctx.reply(ctx.t('peopleFiles.chooseFormat', { class: named[0]!.name }), { parse_mode: 'HTML', ...formatButtons(ctx, named[0]!.id) });
    }
    const secretary = recordScopes(ctx.roles).branchIds.length > 0;
    if (classes.length === 1 && !secretary)
      return ctx.reply(ctx.t('peopleFiles.chooseFormat', { class: classes[0]!.name }), { parse_mode: 'HTML', ...formatButtons(ctx, classes[0]!.id) });
    const rows = secretary ? [[Markup.button.callback(ctx.t('peopleFiles.btn.all'), peopleExportButton.encode({ classId: ALL }))]] : [];
    for (let i = 0; i < Math.min(classes.length, MAX_CLASS_BUTTONS); i += 3)
      rows.push(classes.slice(i, Math.min(i + 3, MAX_CLASS_BUTTONS)).map((c) => Markup.button.callback(c.name, peopleExportButton.encode({ classId: c.id }))));
    const more = classes.length > MAX_CLASS_BUTTONS ? `\n${ctx.t('peopleFiles.moreClasses', { n: classes.length })}` : '';
    await ctx.reply(ctx.t('peopleFiles.chooseClass') + more, { parse_mode: 'HTML', ...Markup.inlineKeyboard(rows) });
  });

  const refuse = (ctx: ButtonContext) => ctx.answerCbQuery(ctx.t('peopleFiles.notAllowed'), { show_alert: true });
  onButton(
    composer,
    peopleExportButton,
    async (ctx, value) => {
      if (ctx.chat?.type !== 'private') return refuse(ctx);
      let classIds: number[];
      let label: string;
      let title: string;
      if (value.classId === ALL) {
        const branchIds = recordScopes(ctx.roles).branchIds;
        if (branchIds.length === 0) return ctx.answerCbQuery(ctx.t('peopleFiles.notAllowed'), { show_alert: true });
        const classes = await db.selectFrom('classes').select('id').where('branch_id', 'in', branchIds).execute();
        classIds = classes.map((c) => c.id);
        label = 'all';
        title = ctx.t('peopleFiles.allClasses');
      } else {
        const klass = await db.selectFrom('classes').select(['id', 'name', 'code', 'branch_id']).where('id', '=', value.classId).executeTakeFirst();
        if (!klass || recordAccess(ctx.roles, { id: klass.id, branchId: klass.branch_id }) !== 'names')
          return ctx.answerCbQuery(ctx.t('peopleFiles.notAllowed'), { show_alert: true });
        classIds = [klass.id];
        label = klass.code;
        title = klass.name;
      }
      await ctx.answerCbQuery();
      if (!value.format) return ctx.reply(ctx.t('peopleFiles.chooseFormat', { class: title }), { parse_mode: 'HTML', ...formatButtons(ctx, value.classId) });
      const out = await exportPeople(db, classIds, value.format, ctx.lang, label);
      deps.logger.info({ event: 'people_exported', classes: classIds.length, format: value.format, rows: out.rows }, 'people exported');
      await ctx.replyWithDocument(
        { source: out.file, filename: out.filename },
        { caption: ctx.t('peopleFiles.exported', { class: title, rows: out.rows }), parse_mode: 'HTML' },
      );
    },
    { refuse },
  );
  return composer;
}
