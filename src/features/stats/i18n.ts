export const zh = {
  'cmd.stats': '本班党建人数统计（只有人数）',
  'cmd.briefing': '准备班会上的党建通报（联络员）',

  'stats.notBound': '本群还没有绑定班级，暂时没有统计。请本班联络员发送 /bind 班级代码。',
  'stats.message':
    '<b>{class} 党建情况</b>\n本学期递交入党申请书：{applications} 份\n本季度收到思想汇报：{reports} 份\n入党积极分子：{activists} 名（其中参加党校学习 {school} 名）\n发展对象：{targets} 名\n预备党员：{probationary} 名\n正式党员：{full} 名',

  'briefing.notLiaison': '/briefing 是班级联络员准备班会党建通报用的。你目前不是任何班级的联络员。',
  'briefing.pick': '<b>为哪个班准备班会通报？</b>',
  'briefing.intro':
    '下面是根据班级记录、上次报告和支部近期通知整理的班会通报。<b>它会原样转发到班级群</b>，所以只写人数，点名的只有参加党校的积极分子和被推优的同学。可以直接转发；点“发到班级群”由我发到群里；点“修改”发一段改好的文字。',
  'briefing.title': '<b>【{class} · 班会党建通报】</b>',
  'briefing.applications': '· 本学期递交入党申请书 {n} 份',
  'briefing.thoughtReports': '· 本季度收到思想汇报 {n} 份',
  'briefing.activists': '· 入党积极分子 {n} 名，其中 {school} 名参加了党校学习',
  'briefing.schoolNames': '  参加党校学习：{names}',
  'briefing.targets': '· 发展对象 {n} 名',
  'briefing.members': '· 现有党员 {n} 名（预备党员 {probationary} 名，正式党员 {full} 名）',
  'briefing.recommended': '· 本学期团组织推优：{names}',
  'briefing.nobody': '暂无',
  'briefing.highlights': '<b>上次报告（{period}）的亮点</b>\n{text}',
  'briefing.notices': '<b>支部近 {days} 天的活动和通知</b>',
  'briefing.noNotices': '· 暂无',
  'briefing.notice': '· {title}',
  'briefing.btn.post': '发到班级群',
  'briefing.btn.edit': '修改',
  'briefing.btn.cancel': '取消',
  'briefing.askEdit': '请把改好的通报作为一条文字消息发给我（最多 {max} 字）。我会先给你看一遍，再由你决定是否发到班级群。',
  'briefing.textOnly': '请发送文字。',
  'briefing.badLength': '这段通报有 {length} 个字，需要 1 到 {max} 个字；请修改后再发送。',
  'briefing.noGroup': '这个班还没有绑定班级群（或机器人已不在群里），无法发送。你可以直接转发上面的通报，或先在班级群里发送 /bind 班级代码。',
  'briefing.posted': '好的，通报会发到班级群里。',
};

export const en: Record<keyof typeof zh, string> = {
  'cmd.stats': 'The class’s Party-building figures (counts only)',
  'cmd.briefing': 'Prepare the class-meeting Party-building briefing (liaisons)',

  'stats.notBound': 'This group is not bound to a class yet, so there are no figures. A liaison of the class: send /bind CLASS_CODE.',
  'stats.message':
    '<b>{class}: Party-building figures</b>\nApplication letters this term: {applications}\nThought reports this quarter: {reports}\nActivists: {activists} ({school} attended Party school)\nDevelopment targets: {targets}\nProbationary members: {probationary}\nFull members: {full}',

  'briefing.notLiaison': '/briefing is for class liaisons preparing the class-meeting briefing. You are not a liaison of any class.',
  'briefing.pick': '<b>Which class is the briefing for?</b>',
  'briefing.intro':
    'Here is the class-meeting briefing from the class records, the last report and the branch’s recent notices. <b>It is meant to be forwarded to the class group as it is</b>, so it gives counts and names only the activists who attended Party school and those recommended by the League. Forward it yourself, press “Post to the group”, or press “Edit” and send an edited text.',
  'briefing.title': '<b>[{class} · class-meeting Party-building briefing]</b>',
  'briefing.applications': '· Application letters this term: {n}',
  'briefing.thoughtReports': '· Thought reports this quarter: {n}',
  'briefing.activists': '· Activists: {n}, of whom {school} attended Party school',
  'briefing.schoolNames': '  At Party school: {names}',
  'briefing.targets': '· Development targets: {n}',
  'briefing.members': '· Party members: {n} ({probationary} probationary, {full} full)',
  'briefing.recommended': '· Recommended by the League this term: {names}',
  'briefing.nobody': 'none',
  'briefing.highlights': '<b>Highlights of the last report ({period})</b>\n{text}',
  'briefing.notices': '<b>The branch’s activities and notices of the last {days} days</b>',
  'briefing.noNotices': '· none',
  'briefing.notice': '· {title}',
  'briefing.btn.post': 'Post to the group',
  'briefing.btn.edit': 'Edit',
  'briefing.btn.cancel': 'Cancel',
  'briefing.askEdit': 'Send me the edited briefing as one text message (at most {max} characters). I will show it to you before anything is posted.',
  'briefing.textOnly': 'Please send text.',
  'briefing.badLength': 'This briefing has {length} characters; it needs 1 to {max}. Please shorten it and send it again.',
  'briefing.noGroup':
    'This class has no bound group (or the bot is no longer in it), so I cannot post it. Forward the briefing above yourself, or bind the group first with /bind CLASS_CODE.',
  'briefing.posted': 'Done: the briefing will be posted in the class group.',
};
