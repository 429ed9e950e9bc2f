import type { InlineKeyboardButton } from 'telegraf/types';
import { Markup } from 'telegraf';
import { z } from 'zod';
import { defineCallback } from '../../dialogue/callback.js';
import type { BotContext } from '../../telegram/context.js';
import { classRecords, thoughtReportDates, type RecordWithClass } from './queries.js';
import { nextStageOf } from './rules.js';
import { chunk, keyboardOptions, todayOf } from './support.js';
import { cardText, LIST_PAGE_SIZE, listText } from './views.js';

/**
 * The list's and the card's buttons, stateless: `pc:<action>:<id>[:<page>]`. Each press is checked
 * again (the record or class must be the caller's), so a forged or outdated button shows nothing.
 * l: a page of a class's list · o: open a card · s: stage · t: thought report · e: edit ·
 * a / ax: archive (ask / do) · k: link for the person · h: a page of a class's history.
 */
export const recordButton = defineCallback(
  'pc',
  z.object({
    action: z.enum(['l', 'o', 's', 't', 'e', 'a', 'ax', 'k', 'h']),
    id: z.number().int().positive(),
    page: z.number().int().min(0).max(10_000).optional(),
  }),
);
export type RecordButton = NonNullable<ReturnType<typeof recordButton.decode>>;

const button = (label: string, value: RecordButton) => Markup.button.callback(label, recordButton.encode(value));

/** Another helper's callback (records export): the class's list as an xlsx file. */
export const exportCallbackData = (classId: number) => `px:${classId}:xlsx`;

export async function sendList(ctx: BotContext, klass: { id: number; name: string }, page: number, edit = false): Promise<void> {
  const records = await classRecords(ctx.deps.db, klass.id);
  const pages = Math.max(1, Math.ceil(records.length / LIST_PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const shown = records.slice(current * LIST_PAGE_SIZE, (current + 1) * LIST_PAGE_SIZE);
  const keyboard: InlineKeyboardButton[][] = chunk(
    shown.map((r) => button(r.name, { action: 'o', id: r.id })),
    2,
  );
  const paging = [
    ...(current > 0 ? [button(ctx.t('records.btn.prev'), { action: 'l', id: klass.id, page: current - 1 })] : []),
    ...(current < pages - 1 ? [button(ctx.t('records.btn.next'), { action: 'l', id: klass.id, page: current + 1 })] : []),
  ];
  if (paging.length > 0) keyboard.push(paging);
  keyboard.push([Markup.button.callback(ctx.t('records.btn.export'), exportCallbackData(klass.id))]);
  const text = listText(ctx.t, klass.name, records, current);
  if (edit) await ctx.editMessageText(text, keyboardOptions(keyboard)).catch(() => ctx.reply(text, keyboardOptions(keyboard)));
  else await ctx.reply(text, keyboardOptions(keyboard));
}

export async function sendCard(ctx: BotContext, record: RecordWithClass): Promise<void> {
  const reports = await thoughtReportDates(ctx.deps.db, record.id);
  const id = record.id;
  const keyboard: InlineKeyboardButton[][] = [
    [...(nextStageOf(record.stage) ? [button(ctx.t('records.btn.stage'), { action: 's', id })] : []), button(ctx.t('records.btn.report'), { action: 't', id })],
    [button(ctx.t('records.btn.edit'), { action: 'e', id }), button(ctx.t('records.btn.archive'), { action: 'a', id })],
    [button(ctx.t('records.btn.link'), { action: 'k', id }), button(ctx.t('records.btn.back'), { action: 'l', id: record.class_id, page: 0 })],
  ];
  await ctx.reply(cardText(ctx.t, record, reports, todayOf(ctx.deps)), keyboardOptions(keyboard));
}
