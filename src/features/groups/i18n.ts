/** The groups feature's strings (moved from the catalogs; spread into src/i18n/catalog/zh.ts and en.ts). */
export const zh = {
  'group.added':
    '大家好，我是<b>班级党建助手</b>。\n请本班联络员、团支书或支部书记在群里发送 /bind 班级代码（例如 /bind CS2101），把本群绑定到班级；也可以由他们私聊我发送 /bind_link，生成一次性的绑定链接。',
  'bind.usage': '用法：/bind 班级代码（或班级名称），例如 /bind CS2101。只有本班联络员、团支书或支部书记可以绑定。',
  'bind.notFound': '在你负责的班级中没有找到“{class}”。发送 /whoami 可以查看你负责的班级。',
  'bind.ambiguous': '有多个支部都有“{class}”，请改用班级代码。',
  'bind.notAllowed': '只有本班的联络员、团支书或支部书记可以绑定班级群。请他们在群里发送 /bind 班级代码，或私聊我发送 /bind_link 生成一次性绑定链接。',
  'bind.done': '已把本群绑定到 <b>{class}</b>（{branch}）。发送 /liaisons 查看本班的两位联络员。',
  'bind.moved': '已把本群绑定到 <b>{class}</b>（{branch}）。该班之前绑定的群“{previous}”已解除绑定。',
  'bind.already': '本群已经绑定在 <b>{class}</b>。',
  'bind.moveNotAllowed': '<b>{class}</b> 已经绑定了另一个班级群。只有本班联络员或支部书记可以把它改到本群。',
  'bind.chatTaken': '本群已经绑定在另一个班级。只有那个班的联络员或支部书记可以改绑。',
  'bind.codeInvalid': '这个绑定链接无效、已过期或已经用过了。请向本班联络员、团支书或支部书记要一个新的（私聊我发送 /bind_link）。',
  'bind.movedAway':
    '本群已不再是 <b>{class}</b> 的班级群：本班联络员或支部书记把班级群改到了另一个群，之后的支部通知不会再发到这里。如有疑问，请联系支部书记。',
  'bind.movedReport': '<b>{class}</b> 的班级群已由 {who} 从“{previous}”改为“{current}”。如果不是你们的安排，请尽快核实。',
  'bindLink.notAllowed': '只有班级的联络员、团支书或支部书记可以生成绑定链接。',
  'bindLink.usage': '用法：/bind_link 班级代码。你负责的班级：{classes}',
  'bindLink.notFound': '在你负责的班级中没有找到“{class}”。你负责的班级：{classes}',
  'bindLink.created':
    '<b>{class}</b> 的绑定链接（只能用一次，{days} 天内有效）：\n{link}\n\n点开链接，选择班级群，我就会加入并自动绑定。也可以把链接转给班级群的管理员。请不要发到其他地方：拿到链接的人都能用它绑定。',
  'bindLink.button': '➕ 加入班级群并绑定',
  'bindLink.openInGroup': '这个链接用来把我加入班级群：请点开链接后选择班级群，而不是在私聊中打开。',
  'liaisons.notBound': '本群还没有绑定班级。请本班联络员、团支书或支部书记发送 /bind 班级代码。',
  'liaisons.list': '<b>{class}</b> 的联络员：\n{names}\n\n有入党方面的问题，可以点击名字私信联系他们。',
  'liaisons.none': '<b>{class}</b> 还没有登记联络员，请联系支部书记。',
  'liaisons.missing': '（本班应有两名联络员，目前只有 {count} 名，请联系支部书记补充。）',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'group.added':
    'Hello everyone, I am the <b>Class Party-building Assistant</b>.\nA liaison or the League secretary of the class, or the branch secretary: please send /bind CLASS_CODE (e.g. /bind CS2101) to bind this group to its class, or make a one-time bind link with /bind_link in a private chat with me.',
  'bind.usage':
    'Usage: /bind CLASS_CODE (or the class name), e.g. /bind CS2101. Only a liaison or the League secretary of the class, or the branch secretary, can bind.',
  'bind.notFound': 'None of your classes is "{class}". Send /whoami to see your classes.',
  'bind.ambiguous': 'Several branches have a class "{class}"; please use the class code.',
  'bind.notAllowed':
    'Only a liaison or the League secretary of the class, or the branch secretary, can bind a class group. They can send /bind CLASS_CODE here, or make a one-time bind link with /bind_link in a private chat with me.',
  'bind.done': 'This group is now bound to <b>{class}</b> ({branch}). Send /liaisons to see the class’s two liaisons.',
  'bind.moved': 'This group is now bound to <b>{class}</b> ({branch}). The group "{previous}" that was bound to this class before has been unbound.',
  'bind.already': 'This group is already bound to <b>{class}</b>.',
  'bind.moveNotAllowed': '<b>{class}</b> is already bound to another group. Only a liaison of the class or the branch secretary can move it here.',
  'bind.chatTaken': 'This group is already bound to another class. Only a liaison of that class or the branch secretary can change it.',
  'bind.codeInvalid':
    'This bind link is invalid, expired or already used. Ask a liaison or the League secretary of the class, or the branch secretary, for a new one (/bind_link in a private chat with me).',
  'bind.movedAway':
    'This group is no longer the class group of <b>{class}</b>: a liaison or the branch secretary moved the class to another group, and branch notices will no longer come here. If this is a mistake, please contact the branch secretary.',
  'bind.movedReport':
    'The class group of <b>{class}</b> was moved by {who} from "{previous}" to "{current}". If you did not arrange this, please check at once.',
  'bindLink.notAllowed': 'Only a liaison or the League secretary of a class, or the branch secretary, can make a bind link.',
  'bindLink.usage': 'Usage: /bind_link CLASS_CODE. Your classes: {classes}',
  'bindLink.notFound': 'None of your classes is "{class}". Your classes: {classes}',
  'bindLink.created':
    "Bind link for <b>{class}</b> (single use, valid for {days} days):\n{link}\n\nOpen it and pick the class group: I join and bind it at once. You can also forward it to the group's admin. Do not post it anywhere else: whoever has it can use it.",
  'bindLink.button': '➕ Add to the class group and bind',
  'bindLink.openInGroup': 'This link adds me to a class group: open it and pick the group, rather than opening it in a private chat.',
  'liaisons.notBound': 'This group is not bound to a class yet. A liaison or the League secretary of the class: send /bind CLASS_CODE.',
  'liaisons.list': 'Liaisons of <b>{class}</b>:\n{names}\n\nQuestions about joining the Party? Tap a name to message them privately.',
  'liaisons.none': '<b>{class}</b> has no registered liaisons yet; please contact the branch secretary.',
  'liaisons.missing': '(A class should have two liaisons; this one has {count}. Please ask the branch secretary to add one.)',
};
