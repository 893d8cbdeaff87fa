// User-facing text of the security screens (widget sites, audit log, roles), zh-CN and English, kept apart
// from the main dictionaries so these screens can grow without touching them.
import { useDictionary } from '../i18n/I18nContext';

const zhCN = {
  navSecurity: '安全与隐私',
  securityTitle: '安全与隐私',
  tabWidgetOrigins: '网站接入',
  widgetOriginsIntro:
    '只有这里列出的网站可以在浏览器中嵌入在线客服小组件并调用访客接口；演示商城与本服务同源，无需添加。',
  widgetOriginsConfigured: '配置文件中的网站',
  widgetOriginsEveryone: '所有网站（KEFU_WIDGET_ORIGINS=*）',
  widgetOriginsNone: '无',
  widgetOriginsAdded: '管理员添加的网站',
  widgetOriginPlaceholder: 'https://shop.example.com',
  widgetOriginAdd: '添加',
  widgetOriginRemove: '移除 {origin}',
  widgetOriginInvalid: '请输入网站地址，例如 https://shop.example.com',
  saved: '已保存',
  tabRoles: '角色与权限',
  rolesBuiltIn: '内置角色',
  rolesCustom: '自定义角色',
  roleNew: '新建角色',
  roleEdit: '编辑角色',
  roleName: '角色名称',
  rolePermissions: '权限',
  roleDelete: '删除 {name}',
  roleEditLabel: '编辑 {name}',
  roleNone: '暂无自定义角色',
  save: '保存',
  cancel: '取消',
  builtInAdmin: '管理员',
  builtInSupervisor: '主管',
  builtInAgent: '客服',
  builtInAnalyst: '分析员（只读报表）',
};

type SecurityTextKey = keyof typeof zhCN;

const en: Record<SecurityTextKey, string> = {
  navSecurity: 'Security & privacy',
  securityTitle: 'Security & privacy',
  tabWidgetOrigins: 'Websites',
  widgetOriginsIntro:
    'Only the sites listed here may embed the chat widget and call the visitor API from the browser; the demo shop is served by Kefu itself and needs no entry.',
  widgetOriginsConfigured: 'Sites from the configuration',
  widgetOriginsEveryone: 'Every site (KEFU_WIDGET_ORIGINS=*)',
  widgetOriginsNone: 'None',
  widgetOriginsAdded: 'Sites added by an admin',
  widgetOriginPlaceholder: 'https://shop.example.com',
  widgetOriginAdd: 'Add',
  widgetOriginRemove: 'Remove {origin}',
  widgetOriginInvalid: 'Enter a site address such as https://shop.example.com',
  saved: 'Saved',
  tabRoles: 'Roles',
  rolesBuiltIn: 'Built-in roles',
  rolesCustom: 'Custom roles',
  roleNew: 'New role',
  roleEdit: 'Edit role',
  roleName: 'Role name',
  rolePermissions: 'Permissions',
  roleDelete: 'Delete {name}',
  roleEditLabel: 'Edit {name}',
  roleNone: 'No custom roles yet',
  save: 'Save',
  cancel: 'Cancel',
  builtInAdmin: 'Admin',
  builtInSupervisor: 'Supervisor',
  builtInAgent: 'Agent',
  builtInAnalyst: 'Analyst (read-only reports)',
};

export type SecurityText = (key: SecurityTextKey, values?: Record<string, string | number>) => string;

export function useSecurityText(): SecurityText {
  return useDictionary(zhCN, en);
}
