export const zh = {
  // roles
  'role.secretary': '支部书记',
  'role.liaison': '联系班级的党员（联络员）',
  'role.league_secretary': '团支书',
  'role.counselor': '辅导员',
  'role.student': '同学',

  // errors and refusals
  'error.generic': '抱歉，处理时出了点问题，请稍后再试。',
  'error.notAllowed': '抱歉，这个命令只有{who}可以使用。',
  'error.privateOnly': '请在与我的私聊中使用这个命令。',
  'error.groupOnly': '这个命令请在班级群里使用。',
  'error.unknownCommand': '我不认识这个命令。发送 /help 查看你可以使用的命令。',
  'private.freeText': '你好！发送 /help 查看我能做什么。',

  // start, help, whoami
  'start.welcome': '你好，{name}！我是<b>班级党建助手</b>，帮助支部和各班联络员传达通知、解答入党问题、提醒班会和报告。',
  'help.header': '<b>你可以使用的命令</b>',
  'help.groupHeader': '<b>本群可用的命令</b>',
  'help.footer': '有入党方面的问题，可以联系本班的两位联络员（在班级群里发送 /liaisons）。',
  'cmd.start': '开始使用',
  'cmd.help': '查看可用的命令',
  'cmd.whoami': '查看我的身份',
  'cmd.cancel': '退出当前的对话',
  'dialogue.cancelled': '已取消，没有保存任何内容。',
  'dialogue.nothingToCancel': '当前没有需要取消的操作。',
  'cmd.liaisons': '本班的两位联络员',
  'cmd.bind': '把本群绑定到班级：/bind 班级代码',
  'cmd.class_add': '新建班级：/class_add 班级名称 [代码]',
  'cmd.classes': '查看所有班级及联络员、绑定情况',
  'cmd.invite': '生成邀请链接：/invite liaison|league|counselor 班级，或 /invite secretary',
  'whoami.header': '<b>{name}</b>，你的身份：',
  'whoami.none': '你目前没有登记的身份，是一名普通同学。如果你是联络员或书记，请打开支部发给你的邀请链接。',
  'whoami.secretaryLine': '• {role}（{branch}）',
  'whoami.classLine': '• {role}：{class}（{branch}）',

  // invites
  'invite.usage':
    '用法：\n/invite liaison 班级 — 邀请联络员\n/invite league 班级 — 邀请团支书\n/invite counselor 班级 — 邀请辅导员\n/invite secretary — 邀请另一位书记\n“班级”可以是班级名称或代码，例如 /invite liaison 计科2101',
  'invite.classNotFound': '没有找到班级“{class}”。发送 /classes 查看本支部的班级。',
  'invite.classFull': '{class} 已经有两名联络员（{names}）。按照“2+1”模式，每个班由两名党员联系；如需更换，请先联系管理员移除一位。',
  'invite.created':
    '邀请链接已生成（{role}{target}），7 天内有效，只能使用一次：\n{link}\n\n请把链接私下发给对方，对方打开并点击“开始”即可完成登记。',
  'invite.redeem.invalid': '这个邀请链接无效。请向支部书记重新索取。',
  'invite.redeem.used': '这个邀请链接已经被使用过了。每个链接只能使用一次，请向支部书记重新索取。',
  'invite.redeem.expired': '这个邀请链接已过期（有效期 7 天）。请向支部书记重新索取。',
  'invite.redeem.revoked': '这个邀请链接已作废。请向支部书记重新索取。',
  'invite.redeem.classFull': '{class} 已经有两名联络员了，不能再登记第三位。按照“2+1”模式，每个班由两名党员联系。请与支部书记确认。',
  'invite.redeem.leagueTaken': '{class} 已经登记了团支书（{name}）。如有变动，请与支部书记确认。',
  'invite.redeem.already': '你已经是{target}的{role}了，无需重复登记。',
  'invite.redeem.secretary': '登记成功！你现在是 <b>{branch}</b> 的支部书记。\n\n接下来可以：\n• /class_add 计科2101 — 新建班级\n• /invite liaison 计科2101 — 邀请班级联络员\n• /classes — 查看所有班级\n• 把我拉进班级群，在群里发送 /bind 班级代码',
  'invite.redeem.classRole': '登记成功！你现在是 <b>{class}</b> 的{role}。\n\n请把我拉进班级群（如果还没有），在群里发送 /bind {code} 完成绑定。发送 /help 查看你可以使用的命令。',
  'invite.redeem.groupOnlyPrivate': '请在与我的私聊中打开邀请链接。',

  // classes
  'class.add.usage': '用法：/class_add 班级名称 [代码]\n例如 /class_add 计科2101 CS2101。代码可省略，由我生成；代码只能包含字母、数字、- 和 _。',
  'class.add.badName': '班级名称应为 1–32 个字，不能包含换行或特殊符号，例如“计科2101”。',
  'class.add.badCode': '班级代码只能包含字母、数字、- 和 _，长度 1–16，例如 CS2101。',
  'class.add.duplicateName': '本支部已经有名为“{name}”的班级了。',
  'class.add.duplicateCode': '代码“{code}”已被本支部的其他班级使用，请换一个代码。',
  'class.add.created': '已新建班级 <b>{name}</b>（代码 <code>{code}</code>）。\n下一步：/invite liaison {code} 邀请两名联络员；在班级群里发送 /bind {code} 绑定群聊。',
  'classes.empty': '本支部还没有班级。用 /class_add 计科2101 新建一个。',
  'classes.header': '<b>{branch}</b> 共 {count} 个班级：',
  'classes.line': '<b>{name}</b>（<code>{code}</code>）\n  联络员：{liaisons}{flag}\n  团支书：{league}\n  辅导员：{counselors}\n  班级群：{chat}',
  'classes.none': '无',
  'classes.unbound': '未绑定',
  'classes.inactiveChat': '{title}（机器人已被移出）',
  'classes.flag': ' ⚠️ 应为两名，现有 {count} 名',
  'classes.summary': '⚠️ 有 {count} 个班级的联络员不是两名。',

  // groups
  'group.added':
    '大家好，我是<b>班级党建助手</b>。\n请本群管理员或本班联络员发送 /bind 班级代码（例如 /bind CS2101），把本群绑定到班级。班级代码可向支部书记询问。',
  'bind.usage': '用法：/bind 班级代码（或班级名称），例如 /bind CS2101。班级代码可向支部书记询问。',
  'bind.notFound': '没有找到班级“{class}”。请检查代码，或向支部书记询问。',
  'bind.ambiguous': '有多个支部都有“{class}”，请改用班级代码。',
  'bind.notAllowed': '只有本群管理员或该班的联络员可以绑定本群。',
  'bind.done': '已把本群绑定到 <b>{class}</b>（{branch}）。发送 /liaisons 查看本班的两位联络员。',
  'bind.moved': '已把本群绑定到 <b>{class}</b>（{branch}）。该班之前绑定的群“{previous}”已解除绑定。',
  'bind.already': '本群已经绑定在 <b>{class}</b>。',
  'liaisons.notBound': '本群还没有绑定班级。请群管理员或联络员发送 /bind 班级代码。',
  'liaisons.list': '<b>{class}</b> 的联络员：\n{names}\n\n有入党方面的问题，可以点击名字私信联系他们。',
  'liaisons.none': '<b>{class}</b> 还没有登记联络员，请联系支部书记。',
  'liaisons.missing': '（本班应有两名联络员，目前只有 {count} 名，请联系支部书记补充。）',
} as const;

export type MessageKey = keyof typeof zh;
