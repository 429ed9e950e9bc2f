import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Language } from '../i18n/language.js';

/**
 * A sealed return route: an anonymous asker's private chat id, encrypted with AES-256-GCM under
 * the configured key and bound to its item (the item id is the associated data, so a sealed value
 * copied to another item does not open). Without the key the database holds nothing that leads
 * back to the asker.
 */
export type SealKey = Buffer;

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The key from configuration: 32 bytes, written as 64 hex digits or base64. */
export function parseSealKey(text: string): SealKey | null {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  return key.length === 32 ? key : null;
}

/** Where a reply to an anonymous asker goes, and in which language. */
export interface ReturnAddress {
  chatId: number;
  language: Language;
}

/**
 * Any short text sealed with AES-256-GCM, bound to `context` (the associated data: a value sealed for
 * one context does not open in another). Format: base64url(iv | tag | ciphertext).
 */
export function sealText(key: SealKey, context: string, text: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The text, or null when the value was not sealed for this context under this key. */
export function openText(key: SealKey, context: string, sealed: string): string | null {
  try {
    const raw = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

export const sealAddress = (key: SealKey, context: string, address: ReturnAddress): string => sealText(key, context, `${address.chatId}|${address.language}`);

export function openAddress(key: SealKey, context: string, sealed: string): ReturnAddress | null {
  const text = openText(key, context, sealed);
  if (text === null) return null;
  const [id, language] = text.split('|');
  const chatId = Number(id);
  if (!Number.isSafeInteger(chatId)) return null;
  return { chatId, language: language === 'en' ? 'en' : 'zh' };
}

export const seal = (key: SealKey, itemId: number, address: ReturnAddress): string => sealAddress(key, `inbox:${itemId}`, address);

/** The address, or null when the value was not sealed for this item under this key. */
export const unseal = (key: SealKey, itemId: number, sealed: string): ReturnAddress | null => openAddress(key, `inbox:${itemId}`, sealed);
