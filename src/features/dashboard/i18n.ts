export const zh = {
  'dashboard.menuButton': '支部概览',
  'dashboard.openButton': '📊 打开支部概览',
  'dashboard.sheet': '支部概览',
};

export const en: Record<keyof typeof zh, string> = {
  'dashboard.menuButton': 'Branch overview',
  'dashboard.openButton': '📊 Open the branch overview',
  'dashboard.sheet': 'Branch overview',
};
