import { Composer, Markup } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import { z } from 'zod';
import { defineCallback } from '../../dialogue/callback.js';
import { localIsoDate } from '../../shared/when.js';
import type { AppDeps, BotContext } from '../../telegram/context.js';
import { privateOnly } from '../../telegram/guards.js';
import { dashboardRow } from '../dashboard/menu-button.js';
import { replyHtml } from '../../telegram/reply.js';
import { plain } from '../reports/export.js';
import type { Overview } from './rows.js';
import { overviewFile, overviewFor, viewerOf, type OverviewViewer } from './service.js';
import { pagesOf, renderPage } from './view.js';
import { onButton, type ButtonContext } from '../../telegram/buttons.js';

/** ov:<action>[:<page>] — p: show a page, csv / xlsx: the whole overview as a file. */
export const overviewButton = defineCallback(
  'ov',
  z.object({
    action: z.enum(['p', 'csv', 'xlsx']),
    page: z.number().int().min(0).max(999).optional(),
  }),
);

function keyboard(ctx: BotContext, page: number, pages: number): InlineKeyboardButton[][] {
  const nav: InlineKeyboardButton[] = [];
  if (page > 0) nav.push(Markup.button.callback(ctx.t('overview.btn.prev'), overviewButton.encode({ action: 'p', page: page - 1 })));
  if (page < pages - 1) nav.push(Markup.button.callback(ctx.t('overview.btn.next'), overviewButton.encode({ action: 'p', page: page + 1 })));
  const files = [
    Markup.button.callback(ctx.t('overview.btn.csv'), overviewButton.encode({ action: 'csv' })),
    Markup.button.callback(ctx.t('overview.btn.xlsx'), overviewButton.encode({ action: 'xlsx' })),
  ];
  return [...(nav.length > 0 ? [nav, files] : [files]), ...dashboardRow(ctx.lang, ctx.deps.config.web.appUrl)];
}

function headerOf(ctx: BotContext, viewer: OverviewViewer, overview: Overview, page: number, pages: number): string {
  const params = { page: page + 1, pages, count: overview.rows.length };
  return viewer.kind === 'branch' ? ctx.t('overview.header', { ...params, branch: viewer.branchName }) : ctx.t('overview.headerOwn', params);
}

/** /overview in private: the branch's classes for its secretary, a liaison's own classes; pages and downloads by button. */
export function overviewComposer(deps: AppDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const timeZone = deps.config.timeZone;
  const load = (viewer: OverviewViewer) => {
    const now = deps.clock.now();
    return overviewFor(deps.db, viewer, localIsoDate(now, timeZone), now);
  };
  /** The page's message, or null when there is no such page (any more). */
  const message = (ctx: BotContext, viewer: OverviewViewer, overview: Overview, page: number) => {
    const pages = pagesOf(ctx.t, overview, timeZone);
    if (overview.rows.length === 0 || page >= pages.length) return null;
    return {
      html: renderPage(ctx.t, overview, pages[page]!, headerOf(ctx, viewer, overview, page, pages.length)),
      keyboard: keyboard(ctx, page, pages.length),
    };
  };

  composer.command('overview', privateOnly, async (ctx) => {
    const viewer = viewerOf(ctx.roles);
    if (!viewer) return replyHtml(ctx, ctx.t('overview.refused'));
    const overview = await load(viewer);
    if (overview.rows.length === 0) return replyHtml(ctx, ctx.t('overview.noClasses'));
    const first = message(ctx, viewer, overview, 0)!;
    await replyHtml(ctx, first.html, { keyboard: first.keyboard });
  });

  const refuse = (ctx: ButtonContext) => ctx.answerCbQuery(ctx.t('overview.stale'), { show_alert: true });
  onButton(
    composer,
    overviewButton,
    async (ctx, value) => {
      // Who may see what is decided again at each press: a forged or outdated button shows nothing more.
      const viewer = viewerOf(ctx.roles);
      if (!viewer || (value.action === 'p' && value.page === undefined)) return refuse(ctx);
      const overview = await load(viewer);
      if (value.action === 'csv' || value.action === 'xlsx') {
        await ctx.answerCbQuery();
        const name = viewer.kind === 'branch' ? viewer.branchName : plain(ctx.t('overview.headerOwn', { page: 1, pages: 1, count: overview.rows.length }));
        const out = await overviewFile(ctx.t, overview, name, value.action, timeZone, localIsoDate(deps.clock.now(), timeZone));
        deps.logger.info({ event: 'overview_exported', format: value.action, classes: overview.rows.length }, 'overview exported');
        await ctx.replyWithDocument(
          { source: out.file, filename: out.filename },
          {
            caption: ctx.t('overview.exported', { branch: viewer.kind === 'branch' ? viewer.branchName : '', count: overview.rows.length }),
            parse_mode: 'HTML',
          },
        );
        return;
      }
      const shown = message(ctx, viewer, overview, value.page!);
      if (!shown) return ctx.answerCbQuery(ctx.t('overview.pageGone'), { show_alert: true });
      await ctx.answerCbQuery();
      await ctx
        .editMessageText(shown.html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, reply_markup: { inline_keyboard: shown.keyboard } })
        .catch(() => undefined);
    },
    { refuse },
  );
  return composer;
}
