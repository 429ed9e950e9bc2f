import { en } from './catalog/en.js';
import { zh, type MessageKey } from './catalog/zh.js';
import { escapeHtml, Html } from './html.js';
import type { Language } from './language.js';

export type { MessageKey };
export type Params = Record<string, string | number | Html>;

const catalogs: Record<Language, Record<MessageKey, string>> = { zh, en };

/** A catalog message in HTML; every parameter is escaped unless it is already `Html`. */
export function t(language: Language, key: MessageKey, params: Params = {}): string {
  const template = catalogs[language][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return value instanceof Html ? value.html : escapeHtml(String(value));
  });
}

export type Translate = (key: MessageKey, params?: Params) => string;

export const translator =
  (language: Language): Translate =>
  (key, params) =>
    t(language, key, params);
