// What each named permission lets a person do, as an admin reads it when building a role.
import { useI18n } from '../i18n/I18nContext';

const permissionLabels: Record<string, { zh: string; en: string }> = {
  'conversations:read': { zh: '查看会话（本人与所在团队）', en: 'Read conversations (own and team)' },
  'conversations:reply': {
    zh: '接待顾客：回复、接管、转接、结束',
    en: 'Serve shoppers: reply, take over, transfer, resolve',
  },
  'conversations:read_all': { zh: '查看全部会话', en: 'Read every conversation' },
  'conversations:reassign': { zh: '改派他人的会话', en: "Reassign others' conversations" },
  'customers:read': { zh: '查看顾客资料（脱敏）', en: 'Read customer profiles (masked)' },
  'customers:reveal': {
    zh: '查看完整手机号、邮箱、地址（留痕）',
    en: 'Reveal full phones, e-mails, addresses (audited)',
  },
  'customers:merge': {
    zh: '合并与拆分顾客（留痕）',
    en: 'Merge customers and undo merges (audited)',
  },
  'customers:export': { zh: '导出顾客全部数据', en: "Export a customer's data" },
  'customers:erase': { zh: '删除（匿名化）顾客数据', en: "Erase (pseudonymise) a customer's data" },
  'orders:read': { zh: '查看顾客订单与物流', en: "Read the shopper's orders and tracking" },
  'orders:act': {
    zh: '处理订单：退换货、退款、改地址、取消、补发票、发券',
    en: 'Act on orders: returns, refunds, address, cancel, invoice, coupons',
  },
  'canned:use': { zh: '使用与维护快捷回复（个人与团队）', en: 'Use and keep canned replies (own and team)' },
  'tickets:read': { zh: '查看工单', en: 'Read tickets' },
  'tickets:write': { zh: '创建与处理工单', en: 'Create and work on tickets' },
  'tickets:read_all': { zh: '查看全部工单', en: 'Read every ticket' },
  'knowledge:edit': { zh: '编辑知识库', en: 'Edit the knowledge base' },
  'knowledge:review': { zh: '审核发布知识', en: 'Review and publish knowledge' },
  'knowledge:transfer': { zh: '导入与导出整个知识库', en: 'Import and export the whole knowledge base' },
  'reports:read': { zh: '查看报表', en: 'Read reports' },
  'reports:read_all': {
    zh: '查看全部团队的报表（否则只含本人所在团队）',
    en: "Read every team's reports (otherwise only one's own teams)",
  },
  'alerts:manage': { zh: '处理突增预警', en: 'Acknowledge spike alerts' },
  'qa:review': { zh: '复核质检标记、撰写辅导备注', en: 'Review quality flags and write coaching notes' },
  'qa:configure': { zh: '配置质检规则与权重', en: 'Configure quality rules and weights' },
  'audit:read': { zh: '查看操作日志', en: 'Read the audit log' },
  'agents:manage': { zh: '管理账号与角色', en: 'Manage accounts and roles' },
  'tokens:manage': { zh: '管理 API 令牌', en: 'Manage API tokens' },
  'security:manage': {
    zh: '要求角色开启两步验证、重置他人的两步验证',
    en: "Require two-step verification for a role, reset someone's",
  },
  'bot:manage': { zh: '管理机器人规则', en: 'Manage bot rules' },
  'routing:manage': { zh: '管理分配、转人工与服务设置', en: 'Manage routing, handoff and service settings' },
  'sla:manage': { zh: '管理 SLA 策略', en: 'Manage SLA policies' },
  'commerce:manage': { zh: '管理商城数据导入', en: 'Manage shop data imports' },
  'channels:manage': { zh: '管理网站接入', en: 'Manage the websites that embed the widget' },
  'channels:accounts': {
    zh: '管理渠道账号（公众号、微信客服）及其密钥',
    en: 'Manage channel accounts (WeChat Official Accounts, WeChat customer service) and their credentials',
  },
  'integrations:manage': {
    zh: '管理对外推送（Webhook）：目标地址、事件、签名密钥与投递记录',
    en: 'Manage outbound webhooks: target addresses, events, signing secrets and the delivery log',
  },
  'marketing:manage': {
    zh: '管理会话后的商品推荐与优惠券：规则、频次上限、顾客的退订，以及效果数据',
    en: 'Manage product recommendations and coupons after conversations: rules, frequency caps, opt-outs and figures',
  },
  'experiments:manage': {
    zh: '管理话术 A/B 测试：创建、开始、停止、查看结果、应用胜出文案',
    en: 'Manage A/B tests of reply scripts: create, start, stop, read results, use the winning text',
  },
};

/** The permission as a person reads it, in the console's language (its name when this console is older). */
export function usePermissionLabel(): (permission: string) => string {
  const { locale } = useI18n();
  return (permission) => {
    const label = permissionLabels[permission];
    if (!label) return permission;
    return locale === 'en' ? label.en : label.zh;
  };
}
