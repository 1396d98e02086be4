/** Demo accounts (API.md): created only when HUIFANG_DEMO=1 fills an empty database. */
export const DEMO_PASSWORD = 'huifang-demo';
export const DEMO_ACCOUNTS = [
  { username: 'admin', role: 'admin', displayName: '系统管理员' },
  { username: 'quality', role: 'quality_manager', displayName: '质控 王敏' },
  { username: 'frontdesk', role: 'front_desk', displayName: '前台 李娜' },
] as const;
