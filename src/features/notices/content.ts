import type { Message } from 'telegraf/types';
import type { NoticeContent } from './service.js';

/** The notice as the author wrote it: text with its entities, or a photo / document with caption. */
export function contentOf(message: Message): NoticeContent | null {
  if ('text' in message) return { kind: 'text', text: message.text, entities: message.entities ?? [], fileId: null };
  if ('photo' in message && message.photo.length > 0) {
    return { kind: 'photo', text: message.caption ?? '', entities: message.caption_entities ?? [], fileId: message.photo.at(-1)!.file_id };
  }
  if ('document' in message) {
    return { kind: 'document', text: message.caption ?? '', entities: message.caption_entities ?? [], fileId: message.document.file_id };
  }
  return null;
}
