import { Composer, Markup } from 'telegraf';
import type { InlineKeyboardButton, MessageEntity } from 'telegraf/types';
import { z } from 'zod';
import { clearDialogue, saveDialogue } from '../../dialogue/store.js';
import { html } from '../../i18n/html.js';
import type { MessageKey } from '../../i18n/i18n.js';
import { formatLocal, parseLocalDateTime } from '../../shared/local-time.js';
import type { AppDeps, BotContext } from '../../telegram/context.js';
import { liaisonOrSecretary, privateOnly } from '../../telegram/guards.js';
import { replyHtml } from '../../telegram/reply.js';
import { audienceOf, distinctTags, type NoticeRecipients } from './audience.js';
import { contentOf } from './content.js';
import { ackKeyboard } from './jobs.js';
import { checkContent, createNotice, type ContentError, type NoticeContent } from './service.js';

export const NOTICE_DIALOGUE = 'notice';

const draftSchema = z.object({
  content: z
    .object({ kind: z.enum(['text', 'photo', 'document']), text: z.string(), entities: z.array(z.any()), fileId: z.string().nullable() })
    .nullable(),
  classIds: z.array(z.number().int()),
  pin: z.boolean(),
  askAck: z.boolean(),
  sendAt: z.string().nullable(),
});
type Draft = z.infer<typeof draftSchema>;

const emptyDraft: Draft = { content: null, classIds: [], pin: false, askAck: true, sendAt: null };

const contentErrors: Record<ContentError, MessageKey> = {
  too_long: 'notice.tooLong',
  caption_too_long: 'notice.captionTooLong',
  empty: 'notice.empty',
};

const MAX_CLASS_BUTTONS = 60;

export function noticeDialogue(deps: AppDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  const draftOf = (ctx: BotContext): Draft | null => {
    if (ctx.dialogue?.kind !== NOTICE_DIALOGUE) return null;
    const parsed = draftSchema.safeParse(ctx.dialogue.data);
    return parsed.success ? parsed.data : null;
  };
  const save = (ctx: BotContext, step: string, draft: Draft) => saveDialogue(deps.db, ctx.person!.id, { kind: NOTICE_DIALOGUE, step, data: draft }, deps.clock.now());

  composer.command('notice', privateOnly, liaisonOrSecretary, async (ctx) => {
    const audience = await audienceOf(deps.db, ctx.roles);
    if (!audience || audience.classes.length === 0) return replyHtml(ctx, ctx.t('notice.noClasses'));
    await save(ctx, 'content', emptyDraft);
    return replyHtml(ctx, ctx.t('notice.start'));
  });

  // Steps that expect a message (content, time). Commands pass through (/cancel, /help …).
  composer.on('message', async (ctx, next) => {
    const draft = draftOf(ctx);
    const text = 'text' in ctx.message ? ctx.message.text : undefined;
    if (!draft || ctx.chat.type !== 'private' || text?.startsWith('/')) return next();
    const step = ctx.dialogue!.step;
    if (step === 'content') {
      const content = contentOf(ctx.message);
      if (!content) return replyHtml(ctx, ctx.t('notice.unsupported'));
      const checked = checkContent(content);
      if (!checked.ok) return replyHtml(ctx, ctx.t(contentErrors[checked.error], checked.detail));
      const next = { ...draft, content };
      if (next.classIds.length > 0) return showPreview(ctx, next, (await audienceOf(deps.db, ctx.roles))!);
      return askAudience(ctx, next);
    }
    if (step === 'time') {
      const sendAt = text ? parseLocalDateTime(text, deps.config.timeZone, deps.clock.now()) : null;
      if (!sendAt || sendAt.getTime() <= deps.clock.now().getTime()) return replyHtml(ctx, ctx.t('notice.badTime'));
      return showPreview(ctx, { ...draft, sendAt: sendAt.toISOString() }, (await audienceOf(deps.db, ctx.roles))!);
    }
    return next();
  });

  const askAudience = async (ctx: BotContext, draft: Draft) => {
    const audience = (await audienceOf(deps.db, ctx.roles))!;
    if (audience.ownClassesOnly && audience.classes.length === 1) return askOptions(ctx, { ...draft, classIds: [audience.classes[0]!.id] });
    if (audience.ownClassesOnly) return showClassPicker(ctx, draft, audience, false);
    await save(ctx, 'audience', draft);
    await ctx.reply(
      ctx.t('notice.audience'),
      Markup.inlineKeyboard([
        [Markup.button.callback(ctx.t('notice.btn.all', { count: audience.classes.length }), 'nd:all')],
        [Markup.button.callback(ctx.t('notice.btn.byTag'), 'nd:tags'), Markup.button.callback(ctx.t('notice.btn.choose'), 'nd:pick')],
      ]),
    );
  };

  const pickerKeyboard = (ctx: BotContext, draft: Draft, audience: NoticeRecipients) => {
    const rows: InlineKeyboardButton[][] = [];
    const buttons = audience.classes.slice(0, MAX_CLASS_BUTTONS).map((c) =>
      Markup.button.callback(`${draft.classIds.includes(c.id) ? '✅ ' : ''}${c.name}`, `nd:t:${c.id}`),
    );
    for (let i = 0; i < buttons.length; i += 3) rows.push(buttons.slice(i, i + 3));
    rows.push([Markup.button.callback(ctx.t('notice.btn.selectAll'), 'nd:sa'), Markup.button.callback(ctx.t('notice.btn.clear'), 'nd:clr')]);
    rows.push([Markup.button.callback(ctx.t('notice.btn.done'), 'nd:done')]);
    return Markup.inlineKeyboard(rows);
  };

  const showClassPicker = async (ctx: BotContext, draft: Draft, audience: NoticeRecipients, edit: boolean) => {
    await save(ctx, 'classes', draft);
    const text = ctx.t('notice.chooseClasses', { count: draft.classIds.length });
    if (edit) {
      await ctx.editMessageText(text, pickerKeyboard(ctx, draft, audience)).catch(() => undefined);
      return;
    }
    await ctx.reply(text, pickerKeyboard(ctx, draft, audience));
  };

  const optionsKeyboard = (ctx: BotContext, draft: Draft) =>
    Markup.inlineKeyboard([
      [Markup.button.callback(ctx.t('notice.btn.pin', { value: ctx.t(draft.pin ? 'notice.yes' : 'notice.no') }), 'nd:pin')],
      [Markup.button.callback(ctx.t('notice.btn.ack', { value: ctx.t(draft.askAck ? 'notice.yes' : 'notice.no') }), 'nd:ack')],
      [Markup.button.callback(ctx.t('notice.btn.next'), 'nd:next')],
    ]);

  const askOptions = async (ctx: BotContext, draft: Draft) => {
    await save(ctx, 'options', draft);
    await ctx.reply(ctx.t('notice.options'), optionsKeyboard(ctx, draft));
  };

  // One message: the notice exactly as the groups will see it, with Send / Edit / Cancel under it.
  const showPreview = async (ctx: BotContext, draft: Draft, audience: NoticeRecipients) => {
    await save(ctx, 'preview', draft);
    const content = draft.content as NoticeContent;
    const count = audience.classes.filter((c) => draft.classIds.includes(c.id)).length;
    const sendLabel = ctx.t('notice.btn.sendTo', {
      count,
      when: draft.sendAt ? formatLocal(new Date(draft.sendAt), deps.config.timeZone) : ctx.t('notice.now'),
      pin: draft.pin ? ctx.t('notice.pinned') : '',
    });
    const rows = [
      ...(draft.askAck ? ackKeyboard(0, 0).inline_keyboard : []),
      [Markup.button.callback(sendLabel, 'nd:send')],
      [Markup.button.callback(ctx.t('notice.btn.edit'), 'nd:edit'), Markup.button.callback(ctx.t('notice.btn.cancel'), 'nd:cancel')],
    ];
    const markup = { reply_markup: { inline_keyboard: rows } };
    const entities = content.entities as MessageEntity[];
    if (content.kind === 'photo') await ctx.replyWithPhoto(content.fileId!, { caption: content.text, caption_entities: entities, ...markup });
    else if (content.kind === 'document') await ctx.replyWithDocument(content.fileId!, { caption: content.text, caption_entities: entities, ...markup });
    else await ctx.reply(content.text, { entities, link_preview_options: { is_disabled: true }, ...markup });
  };

  // Every button of the dialogue: nd:<action>[:<arg>]; a press outside its step is stale.
  composer.action(/^nd:([a-z]+)(?::(\d+))?$/, async (ctx) => {
    const draft = draftOf(ctx);
    const step = ctx.dialogue?.step;
    const [, action, rawArg] = ctx.match;
    if (!draft || !ctx.person) return ctx.answerCbQuery(ctx.t('notice.stale'));
    const arg = rawArg === undefined ? undefined : Number(rawArg);
    const audience = await audienceOf(deps.db, ctx.roles);
    if (!audience) return ctx.answerCbQuery(ctx.t('notice.stale'));
    const allowed = new Set(audience.classes.map((c) => c.id));

    if (action === 'cancel') {
      await clearDialogue(deps.db, ctx.person.id);
      await ctx.answerCbQuery();
      return replyHtml(ctx, ctx.t('dialogue.cancelled'));
    }
    if (step === 'audience' && action === 'all' && !audience.ownClassesOnly) {
      await ctx.answerCbQuery();
      return askOptions(ctx, { ...draft, classIds: [...allowed] });
    }
    if (step === 'audience' && action === 'tags' && !audience.ownClassesOnly) {
      const tags = distinctTags(audience);
      if (tags.length === 0) return ctx.answerCbQuery(ctx.t('notice.noTags'), { show_alert: true });
      await ctx.answerCbQuery();
      await save(ctx, 'tags', draft);
      const rows = tags.slice(0, 60).map((tag, i) => [Markup.button.callback(tag, `nd:tag:${i}`)]);
      return ctx.reply(ctx.t('notice.chooseTag'), Markup.inlineKeyboard(rows));
    }
    if (step === 'tags' && action === 'tag' && arg !== undefined) {
      const tag = distinctTags(audience)[arg];
      if (!tag) return ctx.answerCbQuery(ctx.t('notice.stale'));
      await ctx.answerCbQuery();
      return askOptions(ctx, { ...draft, classIds: audience.classes.filter((c) => c.tags.includes(tag)).map((c) => c.id) });
    }
    if (step === 'audience' && action === 'pick') {
      await ctx.answerCbQuery();
      return showClassPicker(ctx, draft, audience, false);
    }
    if (step === 'classes' && (action === 't' || action === 'sa' || action === 'clr')) {
      let classIds = draft.classIds;
      if (action === 't') {
        if (arg === undefined || !allowed.has(arg)) return ctx.answerCbQuery(ctx.t('notice.notYourClass'), { show_alert: true });
        classIds = classIds.includes(arg) ? classIds.filter((id) => id !== arg) : [...classIds, arg];
      } else {
        classIds = action === 'sa' ? [...allowed] : [];
      }
      await ctx.answerCbQuery();
      return showClassPicker(ctx, { ...draft, classIds }, audience, true);
    }
    if (step === 'classes' && action === 'done') {
      if (draft.classIds.length === 0) return ctx.answerCbQuery(ctx.t('notice.noneSelected'), { show_alert: true });
      await ctx.answerCbQuery();
      return askOptions(ctx, draft);
    }
    if (step === 'options' && (action === 'pin' || action === 'ack')) {
      const next = action === 'pin' ? { ...draft, pin: !draft.pin } : { ...draft, askAck: !draft.askAck };
      await save(ctx, 'options', next);
      await ctx.answerCbQuery();
      await ctx.editMessageReplyMarkup(optionsKeyboard(ctx, next).reply_markup).catch(() => undefined);
      return;
    }
    if (step === 'options' && action === 'next') {
      await ctx.answerCbQuery();
      await save(ctx, 'when', draft);
      return ctx.reply(
        ctx.t('notice.when'),
        Markup.inlineKeyboard([[Markup.button.callback(ctx.t('notice.btn.now'), 'nd:now'), Markup.button.callback(ctx.t('notice.btn.later'), 'nd:later')]]),
      );
    }
    if (step === 'when' && action === 'now') {
      await ctx.answerCbQuery();
      return showPreview(ctx, { ...draft, sendAt: null }, audience);
    }
    if (step === 'when' && action === 'later') {
      await ctx.answerCbQuery();
      await save(ctx, 'time', draft);
      return replyHtml(ctx, ctx.t('notice.askTime', { tz: deps.config.timeZone }));
    }
    if (step === 'preview' && action === 'edit') {
      await ctx.answerCbQuery();
      await save(ctx, 'content', draft);
      return replyHtml(ctx, ctx.t('notice.start'));
    }
    if (step === 'preview' && action === 'send') {
      const classIds = draft.classIds.filter((id) => allowed.has(id));
      if (classIds.length === 0 || !draft.content) return ctx.answerCbQuery(ctx.t('notice.stale'));
      await ctx.answerCbQuery();
      await clearDialogue(deps.db, ctx.person.id);
      const now = deps.clock.now();
      const sendAt = draft.sendAt ? new Date(draft.sendAt) : now;
      const created = await createNotice(deps.db, now, {
        ...(draft.content as NoticeContent),
        branchId: audience.branchId,
        authorId: ctx.person.id,
        pin: draft.pin,
        askAck: draft.askAck,
        sendAt,
        classIds,
      });
      deps.outbox.poke();
      deps.logger.info({ event: 'notice_created', noticeId: created.noticeId, queued: created.queued, unreachable: created.unreachable }, 'notice queued');
      const unreachable = created.unreachable > 0 ? `${ctx.t('notice.unreachableNote', { count: created.unreachable })}\n` : '';
      const params = { id: created.noticeId, queued: created.queued, unreachable: html(unreachable) };
      return replyHtml(
        ctx,
        draft.sendAt ? ctx.t('notice.scheduled', { ...params, when: formatLocal(sendAt, deps.config.timeZone) }) : ctx.t('notice.queued', params),
      );
    }
    return ctx.answerCbQuery(ctx.t('notice.stale'));
  });

  return composer;
}

