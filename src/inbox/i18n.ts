/** The liaison inbox's strings (core) (spread into src/i18n/catalog/zh.ts and en.ts). */
export const zh = {
  'inbox.undelivered': '暂时没能联系上本班联络员，你的问题已经记录下来，支部会看到并回复你。',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'inbox.undelivered': 'Your class liaisons could not be reached just now; your question has been recorded, and the branch will see it and reply.',
};
