export const zh = {
  'reminders.late': '⏰ <i>（这条提醒晚到了：机器人曾暂时离线）</i>',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'reminders.late': '⏰ <i>(This reminder is late: the bot was offline for a while.)</i>',
};
