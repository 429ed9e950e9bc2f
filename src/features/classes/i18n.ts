/** The classes feature's strings (moved from the catalogs; spread into src/i18n/catalog/zh.ts and en.ts). */
export const zh = {
  'cmd.branch': '切换正在管理的支部（负责多个支部时）',
  'branch.only': '你负责的支部是 <b>{branch}</b>。',
  'branch.choose': '你负责多个支部，当前是 <b>{branch}</b>。选择要管理的支部：',
  'branch.switched': '已切换到 <b>{branch}</b>。之后的 /classes、/invite、/notice 等都作用于这个支部。',
  'class.add.usage':
    '用法：/class_add 班级名称 [代码]\n例如 /class_add 计科2101 CS2101。名称中有空格时请加引号：/class_add "计算机 2101班" CS2101。代码可省略，由我生成；代码只能包含字母、数字、- 和 _。',
  'class.add.badName': '班级名称应为 1–32 个字，不能包含换行或特殊符号，例如“计科2101”。',
  'class.add.badCode': '班级代码只能包含字母、数字、- 和 _，长度 1–16，例如 CS2101。',
  'class.add.duplicateName': '本支部已经有名为“{name}”的班级了。',
  'class.add.duplicateCode': '代码“{code}”已被本支部的其他班级使用，请换一个代码。',
  'class.add.created':
    '已新建班级 <b>{name}</b>（代码 <code>{code}</code>）。\n下一步：/invite liaison {code} 邀请两名联络员；在班级群里发送 /bind {code} 绑定群聊。',
  'classes.empty': '本支部还没有班级。用 /class_add 计科2101 新建一个。',
  'classes.header': '<b>{branch}</b> 共 {count} 个班级：',
  'classes.line': '<b>{name}</b>（<code>{code}</code>）\n  联络员：{liaisons}{flag}\n  团支书：{league}\n  辅导员：{counselors}\n  班级群：{chat}',
  'classes.none': '无',
  'classes.unbound': '未绑定',
  'classes.inactiveChat': '{title}（机器人已被移出）',
  'classes.flag': ' ⚠️ 应为两名，现有 {count} 名',
  'classes.summary': '⚠️ 有 {count} 个班级的联络员不是两名。',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'cmd.branch': 'Switch the branch you manage (if you have several)',
  'branch.only': 'Your branch is <b>{branch}</b>.',
  'branch.choose': 'You are secretary of several branches; now working on <b>{branch}</b>. Choose one:',
  'branch.switched': 'Switched to <b>{branch}</b>. /classes, /invite, /notice and the rest now act on it.',
  'class.add.usage':
    'Usage: /class_add NAME [CODE]\ne.g. /class_add 计科2101 CS2101. Put a name with spaces in quotes: /class_add "Computer Science 2101" CS2101. The code is optional (I make one); it may contain letters, digits, - and _.',
  'class.add.badName': 'A class name is 1–32 characters without line breaks or special symbols, e.g. "计科2101".',
  'class.add.badCode': 'A class code is 1–16 letters, digits, - or _, e.g. CS2101.',
  'class.add.duplicateName': 'The branch already has a class named "{name}".',
  'class.add.duplicateCode': 'The code "{code}" is already used by another class of the branch; please choose another.',
  'class.add.created':
    'Created class <b>{name}</b> (code <code>{code}</code>).\nNext: /invite liaison {code} to invite its two liaisons; send /bind {code} in the class group to bind it.',
  'classes.empty': 'The branch has no classes yet. Create one with /class_add CS2101.',
  'classes.header': '<b>{branch}</b> has {count} classes:',
  'classes.line':
    '<b>{name}</b> (<code>{code}</code>)\n  Liaisons: {liaisons}{flag}\n  League secretary: {league}\n  Counselors: {counselors}\n  Group: {chat}',
  'classes.none': 'none',
  'classes.unbound': 'not bound',
  'classes.inactiveChat': '{title} (bot was removed)',
  'classes.flag': ' ⚠️ should be two, has {count}',
  'classes.summary': '⚠️ {count} classes do not have exactly two liaisons.',
};
