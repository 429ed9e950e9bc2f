export const zh = {
  'cmd.people_export': '导出本班的党员发展名单（Excel 或 CSV）',
  'peopleFiles.notAllowed': '抱歉，党员发展名单只有本班的联络员、团支书、辅导员和支部书记可以导出。',
  'peopleFiles.noSuchClass': '没有找到你可以导出的班级“{class}”。请发送 /people_export 从按钮中选择。',
  'peopleFiles.chooseClass': '要导出哪个班级的党员发展名单？',
  'peopleFiles.moreClasses': '（共 {n} 个班级，这里只列出前面一部分；其他班级请发送 /people_export 班级代码）',
  'peopleFiles.chooseFormat': '导出 <b>{class}</b> 的党员发展名单，请选择格式：',
  'peopleFiles.allClasses': '全部班级',
  'peopleFiles.btn.all': '全部班级',
  'peopleFiles.btn.xlsx': 'Excel (.xlsx)',
  'peopleFiles.btn.csv': 'CSV',
  'peopleFiles.exported': '{class} 的党员发展名单，共 {rows} 人。修改后可由管理员用 <code>people import</code> 导回。',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'cmd.people_export': "Export the class's Party-membership list (Excel or CSV)",
  'peopleFiles.notAllowed': "Sorry, only the class's liaisons, League secretary and counselor and the branch secretary may export the membership list.",
  'peopleFiles.noSuchClass': 'No class "{class}" you may export. Send /people_export and choose with the buttons.',
  'peopleFiles.chooseClass': 'Export the membership list of which class?',
  'peopleFiles.moreClasses': '({n} classes; only the first are listed — for another, send /people_export CLASS_CODE)',
  'peopleFiles.chooseFormat': 'Export the membership list of <b>{class}</b> as:',
  'peopleFiles.allClasses': 'all classes',
  'peopleFiles.btn.all': 'All classes',
  'peopleFiles.btn.xlsx': 'Excel (.xlsx)',
  'peopleFiles.btn.csv': 'CSV',
  'peopleFiles.exported': 'Membership list of {class}: {rows} people. An operator can import it back with <code>people import</code> after editing.',
};
