// What each audited action means, as an admin reads the audit log; an unknown action shows its name.
import { useI18n } from '../i18n/I18nContext';

const auditActionLabels: Record<string, { zh: string; en: string }> = {
  'auth.signed_in': { zh: '登录', en: 'Signed in' },
  'auth.sign_in_failed': { zh: '登录失败', en: 'Sign-in failed' },
  'auth.locked_out': { zh: '登录已锁定', en: 'Sign-in locked' },
  'auth.two_factor_enabled': { zh: '开启两步验证', en: 'Two-step verification turned on' },
  'auth.two_factor_reset': { zh: '重置两步验证', en: 'Two-step verification reset' },
  'auth.two_factor_roles_changed': {
    zh: '修改需两步验证的角色',
    en: 'Roles requiring two-step verification changed',
  },
  'api_token.created': { zh: '创建 API 令牌', en: 'API token created' },
  'api_token.revoked': { zh: '撤销 API 令牌', en: 'API token revoked' },
  'api_token.used': { zh: 'API 令牌调用', en: 'API token used' },
  'agent.created': { zh: '创建账号', en: 'Account created' },
  'agent.access_changed': { zh: '角色或状态变更', en: 'Role or status changed' },
  'agent.routing_profile_set': { zh: '技能与接待上限变更', en: 'Skills and capacity changed' },
  'role.created': { zh: '创建角色', en: 'Role created' },
  'role.updated': { zh: '修改角色', en: 'Role changed' },
  'role.deleted': { zh: '删除角色', en: 'Role deleted' },
  'settings.changed': { zh: '修改设置', en: 'Settings changed' },
  'settings.widget_origins_changed': { zh: '网站接入变更', en: 'Widget websites changed' },
  'customer.revealed': { zh: '查看完整个人信息', en: 'Personal data revealed' },
  'customer.exported': { zh: '导出顾客数据', en: 'Customer data exported' },
  'customer.erased': { zh: '删除顾客数据', en: 'Customer data erased' },
  'audit.exported': { zh: '导出操作日志', en: 'Audit log exported' },
  'knowledge.exported': { zh: '导出知识库', en: 'Knowledge base exported' },
  'knowledge.imported': { zh: '导入知识库', en: 'Knowledge imported' },
  'knowledge.submitted': { zh: '提交知识审核', en: 'Knowledge submitted for review' },
  'knowledge.approved': { zh: '发布知识', en: 'Knowledge published' },
  'knowledge.rejected': { zh: '驳回知识', en: 'Knowledge rejected' },
  'knowledge.answer_corrected': { zh: '纠正机器人回答', en: 'Bot answer corrected' },
  'bot_rule.created': { zh: '新建机器人规则', en: 'Bot rule created' },
  'bot_rule.updated': { zh: '修改机器人规则', en: 'Bot rule changed' },
  'bot_rule.deleted': { zh: '删除机器人规则', en: 'Bot rule deleted' },
  'webhook.created': { zh: '新建对外推送', en: 'Webhook created' },
  'webhook.updated': { zh: '修改对外推送', en: 'Webhook changed' },
  'webhook.deleted': { zh: '删除对外推送', en: 'Webhook deleted' },
  'webhook.redelivered': { zh: '重新推送', en: 'Webhook delivery resent' },
  'webhook.paused': { zh: '对外推送因连续失败已暂停', en: 'Webhook paused after repeated failures' },
  'transcripts.purged': { zh: '按保留期清除聊天记录', en: 'Old transcripts purged' },
};

/** The actions an admin can filter by. */
export const auditActions = Object.keys(auditActionLabels);

export function useAuditActionLabel(): (action: string) => string {
  const { locale } = useI18n();
  return (action) => {
    const label = auditActionLabels[action];
    if (!label) return action;
    return locale === 'en' ? label.en : label.zh;
  };
}
