export const languages = ['zh', 'en'] as const;
export type Language = (typeof languages)[number];

/** Chinese by default; English when the user's Telegram is in English. */
export function languageFromTelegram(code: string | undefined | null): Language {
  return code && /^en\b/i.test(code) ? 'en' : 'zh';
}
