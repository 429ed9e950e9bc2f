/** The help feature's strings: /start, /help, /whoami (spread into src/i18n/catalog/zh.ts and en.ts). */
export const zh = {
  'start.welcome': '你好，{name}！我是<b>班级党建助手</b>，帮助支部和各班联络员传达通知、解答入党问题、提醒班会和报告。',
  'help.header': '<b>你可以使用的命令</b>',
  'help.groupHeader': '<b>本群可用的命令</b>',
  'help.footer': '有入党方面的问题，可以联系本班的两位联络员（在班级群里发送 /liaisons）。',
  'cmd.start': '开始使用',
  'cmd.help': '查看可用的命令',
  'cmd.whoami': '查看我的身份',
  'whoami.header': '<b>{name}</b>，你的身份：',
  'whoami.none': '你目前没有登记的身份，是一名普通同学。如果你是联络员或书记，请打开支部发给你的邀请链接。',
  'whoami.secretaryLine': '• {role}（{branch}）',
  'whoami.classLine': '• {role}：{class}（{branch}）',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'start.welcome':
    'Hello, {name}! I am the <b>Class Party-building Assistant</b>: I help the branch and class liaisons pass on notices, answer questions about joining the Party, and remind of class meetings and reports.',
  'help.header': '<b>Commands you can use</b>',
  'help.groupHeader': '<b>Commands in this group</b>',
  'help.footer': 'Questions about joining the Party? Ask your class’s two liaisons (send /liaisons in the class group).',
  'cmd.start': 'Start',
  'cmd.help': 'Show the commands you can use',
  'cmd.whoami': 'Show my roles',
  'whoami.header': '<b>{name}</b>, your roles:',
  'whoami.none': 'You have no registered role: you are a student. If you are a liaison or a secretary, open the invite link the branch sent you.',
  'whoami.secretaryLine': '• {role} ({branch})',
  'whoami.classLine': '• {role}: {class} ({branch})',
};
