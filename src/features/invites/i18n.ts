/** The invites feature's strings (moved from the catalogs; spread into src/i18n/catalog/zh.ts and en.ts). */
export const zh = {
  'invite.usage':
    '用法：\n/invite liaison 班级 — 邀请联络员\n/invite league 班级 — 邀请团支书\n/invite counselor 班级 — 邀请辅导员\n/invite secretary — 邀请另一位书记\n“班级”可以是班级名称或代码，例如 /invite liaison 计科2101',
  'invite.classNotFound': '没有找到班级“{class}”。发送 /classes 查看本支部的班级。',
  'invite.classFull': '{class} 已经有两名联络员（{names}）。按照“2+1”模式，每个班由两名党员联系；如需更换，请先联系管理员移除一位。',
  'invite.created': '邀请链接已生成（{role}{target}），7 天内有效，只能使用一次：\n{link}\n\n请把链接私下发给对方，对方打开并点击“开始”即可完成登记。',
  'invite.redeem.invalid': '这个邀请链接无效。请向支部书记重新索取。',
  'invite.redeem.used': '这个邀请链接已经被使用过了。每个链接只能使用一次，请向支部书记重新索取。',
  'invite.redeem.expired': '这个邀请链接已过期（有效期 7 天）。请向支部书记重新索取。',
  'invite.redeem.revoked': '这个邀请链接已作废。请向支部书记重新索取。',
  'invite.redeem.classFull': '{class} 已经有两名联络员了，不能再登记第三位。按照“2+1”模式，每个班由两名党员联系。请与支部书记确认。',
  'invite.redeem.leagueTaken': '{class} 已经登记了团支书（{name}）。如有变动，请与支部书记确认。',
  'invite.redeem.already': '你已经是{target}的{role}了，无需重复登记。',
  'invite.redeem.secretary':
    '登记成功！你现在是 <b>{branch}</b> 的支部书记。\n\n接下来可以：\n• /class_add 计科2101 — 新建班级\n• /invite liaison 计科2101 — 邀请班级联络员\n• /classes — 查看所有班级\n• 把我拉进班级群，在群里发送 /bind 班级代码',
  'invite.redeem.classRole':
    '登记成功！你现在是 <b>{class}</b> 的{role}。\n\n请把我拉进班级群（如果还没有），在群里发送 /bind {code} 完成绑定；也可以发送 /bind_link 生成一键加入并绑定的链接。发送 /help 查看你可以使用的命令。',
  'invite.redeem.groupOnlyPrivate': '请在与我的私聊中打开邀请链接。',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'invite.usage':
    'Usage:\n/invite liaison CLASS — invite a liaison\n/invite league CLASS — invite the Youth League secretary\n/invite counselor CLASS — invite a counselor\n/invite secretary — invite another secretary\nCLASS is the class name or code, e.g. /invite liaison CS2101',
  'invite.classNotFound': 'No class "{class}" was found. Send /classes to see the branch’s classes.',
  'invite.classFull':
    '{class} already has two liaisons ({names}). Under the "2+1" model two Party members guide each class; to replace one, ask the administrator to remove one first.',
  'invite.created':
    'Invite link created ({role}{target}). It works once and expires in 7 days:\n{link}\n\nSend it privately; the person opens it and presses Start to be registered.',
  'invite.redeem.invalid': 'This invite link is not valid. Please ask the branch secretary for a new one.',
  'invite.redeem.used': 'This invite link has already been used. Each link works once; please ask the branch secretary for a new one.',
  'invite.redeem.expired': 'This invite link has expired (links last 7 days). Please ask the branch secretary for a new one.',
  'invite.redeem.revoked': 'This invite link was withdrawn. Please ask the branch secretary for a new one.',
  'invite.redeem.classFull':
    '{class} already has two liaisons; a third cannot be registered. Under the "2+1" model two Party members guide each class. Please check with the branch secretary.',
  'invite.redeem.leagueTaken': '{class} already has a Youth League secretary ({name}). Please check with the branch secretary.',
  'invite.redeem.already': 'You are already the {role} of {target}; nothing to do.',
  'invite.redeem.secretary':
    'Done! You are now the secretary of <b>{branch}</b>.\n\nNext:\n• /class_add CS2101 — create a class\n• /invite liaison CS2101 — invite the class liaisons\n• /classes — list all classes\n• add me to each class group and send /bind CLASS_CODE there',
  'invite.redeem.classRole':
    'Done! You are now the {role} of <b>{class}</b>.\n\nAdd me to the class group (if I am not there yet) and send /bind {code} there, or send /bind_link for a one-tap add-and-bind link. Send /help to see your commands.',
  'invite.redeem.groupOnlyPrivate': 'Please open the invite link in a private chat with me.',
};
