/** The dialogues' strings (core): /cancel, expiry, stale buttons (spread into src/i18n/catalog/zh.ts and en.ts). */
export const zh = {
  'cmd.cancel': '退出当前的对话',
  'dialogue.cancelled': '已取消，没有保存任何内容。',
  'dialogue.nothingToCancel': '当前没有需要取消的操作。',
  'dialogue.expired': '你之前未完成的操作已经 {hours} 小时没有继续，已自动取消。',
  'dialogue.expiredUnused': '刚才这条消息没有被使用；需要的话请重新开始。',
  'dialogue.stale': '这个操作已过期，请重新开始。',
  'dialogue.outdated': '机器人已更新，你之前未完成的操作无法继续，已自动取消。请重新开始，抱歉。',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'cmd.cancel': 'Leave the current dialogue',
  'dialogue.cancelled': 'Cancelled; nothing was saved.',
  'dialogue.nothingToCancel': 'There is nothing to cancel.',
  'dialogue.expired': 'What you had started was left for {hours} h, so it was cancelled.',
  'dialogue.expiredUnused': 'Your last message was not used; please start again if you still need to.',
  'dialogue.stale': 'This action has expired; please start again.',
  'dialogue.outdated': 'The bot was updated and what you had started cannot go on, so it was cancelled. Please start again; sorry.',
};
