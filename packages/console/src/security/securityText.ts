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
};

export type SecurityText = (key: SecurityTextKey, values?: Record<string, string | number>) => string;

export function useSecurityText(): SecurityText {
  return useDictionary(zhCN, en);
}
