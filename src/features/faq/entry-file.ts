import type { Message } from 'telegraf/types';
import { escapeHtml } from '../../i18n/html.js';
import type { MessageKey } from '../../i18n/i18n.js';
import type { BotContext } from '../../telegram/context.js';
import { replyHtml } from '../../telegram/reply.js';

/** An entry's YAML longer than this goes as a file: a <pre> block cannot be split across messages (Telegram's limit is 4,096). */
const IN_MESSAGE_MAX = 3500;
export const ENTRY_FILE_MAX_KB = 64;
const NAME = /\.(ya?ml|txt)$/i;
const DOWNLOAD_TIMEOUT_MS = 15_000;

/** Shows an entry's YAML to edit: in a <pre> block, or as a .yaml file when it is too long for one message. */
export async function sendEntryText(ctx: BotContext, slug: string, yaml: string, prompt: MessageKey): Promise<void> {
  if (yaml.length <= IN_MESSAGE_MAX) {
    await replyHtml(ctx, ctx.t(prompt, { slug }));
    return replyHtml(ctx, `<pre>${escapeHtml(yaml)}</pre>`);
  }
  await ctx.replyWithDocument(
    { source: Buffer.from(yaml, 'utf8'), filename: `${slug}.yaml` },
    { caption: ctx.t('faq.edit.asFile', { slug }), parse_mode: 'HTML' },
  );
}

export type EntryInput = { ok: true; text: string } | { ok: false; key: MessageKey; params?: Record<string, string | number> };

/** The entry's YAML the secretary sent: the message's text, or a small UTF-8 text file. */
export async function entryFromMessage(ctx: BotContext, message: Message): Promise<EntryInput> {
  if ('text' in message) return { ok: true, text: message.text };
  if (!('document' in message)) return { ok: false, key: 'faq.edit.textOrFile' };
  const { file_id: fileId, file_name: name = '', file_size: size } = message.document;
  const badFile = { ok: false, key: 'faq.edit.badFile', params: { max: ENTRY_FILE_MAX_KB } } as const;
  if (!NAME.test(name) || (size !== undefined && size > ENTRY_FILE_MAX_KB * 1024)) return badFile;
  try {
    const link = await ctx.telegram.getFileLink(fileId);
    const response = await fetch(link, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
    if (!response.ok) return { ok: false, key: 'faq.edit.fileUnreadable' };
    const bytes = Buffer.from(await response.arrayBuffer());
    if (bytes.length > ENTRY_FILE_MAX_KB * 1024) return badFile;
    // fatal: a file that is not UTF-8 is refused rather than saved garbled; a BOM (Windows editors) is dropped
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch (error) {
    if (error instanceof TypeError && /encoded data|decode/i.test(error.message)) return badFile;
    ctx.deps.logger.warn({ event: 'faq_entry_file_unreadable', error: error instanceof Error ? error.name : 'unknown' }, 'could not fetch an entry file');
    return { ok: false, key: 'faq.edit.fileUnreadable' };
  }
}
