/** The reply path's strings (core): replies held back by Telegram's per-group limit (spread into src/i18n/catalog/zh.ts and en.ts). */
export const zh = {
  'reply.groupBusy': '<i>群里刚才消息太多（Telegram 限制每个群每分钟 20 条），这条回复我私信发给你：</i>',
  'reply.groupBusyDeferred': '<i>（群里消息较多，这条回复晚到了一会儿）</i>',
  'reply.alsoFor': '<i>同样的问题也回复给：</i>',
  'reply.alsoSeparator': '、',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'reply.groupBusy': '<i>The group is busy (Telegram allows 20 messages a minute per group), so here is my answer in private:</i>',
  'reply.groupBusyDeferred': '<i>(The group was busy, so this answer comes a little late.)</i>',
  'reply.alsoFor': '<i>Also answering: </i>',
  'reply.alsoSeparator': ', ',
};
