import type { Message, MessageEntity } from 'telegraf/types';

export type InputKind = 'text' | 'photo' | 'document';

/**
 * What a dialogue step receives from a message, one shape for the three kinds: the text (or the
 * caption) with its entities, and the file of a photo (largest size) or document.
 */
export interface DialogueInput {
  kind: InputKind;
  text: string;
  entities: MessageEntity[];
  fileId: string | null;
}

/** null for anything else (stickers, voice, locations …): the step answers with its `unsupported` text. */
export function inputOf(message: Message): DialogueInput | null {
  if ('text' in message) return { kind: 'text', text: message.text, entities: message.entities ?? [], fileId: null };
  if ('photo' in message && message.photo.length > 0) {
    return { kind: 'photo', text: message.caption ?? '', entities: message.caption_entities ?? [], fileId: message.photo.at(-1)!.file_id };
  }
  if ('document' in message) {
    return { kind: 'document', text: message.caption ?? '', entities: message.caption_entities ?? [], fileId: message.document.file_id };
  }
  return null;
}
