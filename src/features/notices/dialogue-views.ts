import { Markup } from 'telegraf';
import type { InlineKeyboardButton, MessageEntity } from 'telegraf/types';
import { z } from 'zod';
import { defineCallback } from '../../dialogue/callback.js';
import type { Turn } from '../../dialogue/define.js';
import { html } from '../../i18n/html.js';
import { formatLocal } from '../../shared/local-time.js';
import type { NoticeRecipients } from './audience.js';
import { ackKeyboard } from './jobs.js';
import { createNotice, type NoticeContent } from './service.js';

export const draftSchema = z.object({
  content: z.object({ kind: z.enum(['text', 'photo', 'document']), text: z.string(), entities: z.array(z.any()), fileId: z.string().nullable() }).nullable(),
  classIds: z.array(z.number().int()),
  pin: z.boolean(),
  askAck: z.boolean(),
  sendAt: z.string().nullable(),
});
export type Draft = z.infer<typeof draftSchema>;

/**
 * The dialogue's buttons: nd:<action>[:<arg>] — the class id of a toggled class, the index of a tag.
 * Each action is offered at one step; the same data pressed at another step is stale.
 */
const buttonSchema = z.object({
  action: z.enum(['all', 'tags', 'pick', 'tag', 't', 'sa', 'clr', 'done', 'pin', 'ack', 'next', 'now', 'later', 'send', 'edit', 'cancel']),
  arg: z.number().int().nonnegative().optional(),
});
export type NoticeButton = z.output<typeof buttonSchema>;
export const noticeButton = defineCallback('nd', buttonSchema);

export type NoticeStep = 'content' | 'audience' | 'tags' | 'classes' | 'options' | 'when' | 'time' | 'preview';
export type NoticeTurn = Turn<Draft, NoticeButton, NoticeRecipients, NoticeStep>;

const MAX_CLASS_BUTTONS = 60;
const MAX_TAG_BUTTONS = 60;

export function audienceKeyboard(turn: NoticeTurn) {
  return Markup.inlineKeyboard([
    [turn.button(turn.t('notice.btn.all', { count: turn.scope.classes.length }), { action: 'all' })],
    [turn.button(turn.t('notice.btn.byTag'), { action: 'tags' }), turn.button(turn.t('notice.btn.choose'), { action: 'pick' })],
  ]);
}

export function tagKeyboard(turn: NoticeTurn, tags: string[]) {
  return Markup.inlineKeyboard(tags.slice(0, MAX_TAG_BUTTONS).map((tag, i) => [turn.button(tag, { action: 'tag', arg: i })]));
}

export function pickerKeyboard(turn: NoticeTurn) {
  const { data, scope } = turn;
  const rows: InlineKeyboardButton[][] = [];
  const buttons = scope.classes
    .slice(0, MAX_CLASS_BUTTONS)
    .map((c) => turn.button(`${data.classIds.includes(c.id) ? '✅ ' : ''}${c.name}`, { action: 't', arg: c.id }));
  for (let i = 0; i < buttons.length; i += 3) rows.push(buttons.slice(i, i + 3));
  rows.push([turn.button(turn.t('notice.btn.selectAll'), { action: 'sa' }), turn.button(turn.t('notice.btn.clear'), { action: 'clr' })]);
  rows.push([turn.button(turn.t('notice.btn.done'), { action: 'done' })]);
  return Markup.inlineKeyboard(rows);
}

export function optionsKeyboard(turn: NoticeTurn) {
  const yesNo = (value: boolean) => turn.t(value ? 'notice.yes' : 'notice.no');
  return Markup.inlineKeyboard([
    [turn.button(turn.t('notice.btn.pin', { value: yesNo(turn.data.pin) }), { action: 'pin' })],
    [turn.button(turn.t('notice.btn.ack', { value: yesNo(turn.data.askAck) }), { action: 'ack' })],
    [turn.button(turn.t('notice.btn.next'), { action: 'next' })],
  ]);
}

export function whenKeyboard(turn: NoticeTurn) {
  return Markup.inlineKeyboard([[turn.button(turn.t('notice.btn.now'), { action: 'now' }), turn.button(turn.t('notice.btn.later'), { action: 'later' })]]);
}

/** One message: the notice exactly as the groups will see it, with Send / Edit / Cancel under it. */
export async function showPreview(turn: NoticeTurn): Promise<void> {
  const { ctx, data: draft, scope } = turn;
  const content = draft.content as NoticeContent;
  const count = scope.classes.filter((c) => draft.classIds.includes(c.id)).length;
  const sendLabel = turn.t('notice.btn.sendTo', {
    count,
    when: draft.sendAt ? formatLocal(new Date(draft.sendAt), turn.deps.config.timeZone) : turn.t('notice.now'),
    pin: draft.pin ? turn.t('notice.pinned') : '',
  });
  const rows = [
    ...(draft.askAck ? ackKeyboard(0, 0).inline_keyboard : []),
    [turn.button(sendLabel, { action: 'send' })],
    [turn.button(turn.t('notice.btn.edit'), { action: 'edit' }), turn.button(turn.t('notice.btn.cancel'), { action: 'cancel' })],
  ];
  const markup = { reply_markup: { inline_keyboard: rows } };
  const entities = content.entities as MessageEntity[];
  if (content.kind === 'photo') await ctx.replyWithPhoto(content.fileId!, { caption: content.text, caption_entities: entities, ...markup });
  else if (content.kind === 'document') await ctx.replyWithDocument(content.fileId!, { caption: content.text, caption_entities: entities, ...markup });
  else await ctx.reply(content.text, { entities, link_preview_options: { is_disabled: true }, ...markup });
}

/** Send: the notice and its deliveries are written in one transaction, the author told what was queued. */
export async function sendDraft(turn: NoticeTurn): Promise<void> {
  const { deps, data: draft, scope } = turn;
  const allowed = new Set(scope.classes.map((c) => c.id));
  const classIds = draft.classIds.filter((id) => allowed.has(id));
  if (classIds.length === 0 || !draft.content) return turn.stale();
  await turn.answer();
  await turn.finish();
  const now = deps.clock.now();
  const sendAt = draft.sendAt ? new Date(draft.sendAt) : now;
  const created = await createNotice(deps.db, now, {
    ...(draft.content as NoticeContent),
    branchId: scope.branchId,
    authorId: turn.person.id,
    pin: draft.pin,
    askAck: draft.askAck,
    sendAt,
    classIds,
  });
  deps.outbox.poke();
  deps.logger.info({ event: 'notice_created', noticeId: created.noticeId, queued: created.queued, unreachable: created.unreachable }, 'notice queued');
  const unreachable = created.unreachable > 0 ? `${turn.t('notice.unreachableNote', { count: created.unreachable })}\n` : '';
  const params = { id: created.noticeId, queued: created.queued, unreachable: html(unreachable) };
  const when = formatLocal(sendAt, deps.config.timeZone);
  await turn.reply(draft.sendAt ? turn.t('notice.scheduled', { ...params, when }) : turn.t('notice.queued', params));
}
