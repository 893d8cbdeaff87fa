// User-facing text of the outbound-webhook screen, zh-CN and English; events and states by name, never code.
import { KefuApiError } from '@kefu/sdk';
import type { WebhookDeliveryStatus, WebhookEventType } from '@kefu/sdk';
import { useDictionary } from '../i18n/I18nContext';

const zhCN = {
  navIntegrations: '对外推送',
  integrationsTitle: '对外推送（Webhook）',
  integrationsIntro:
    '把会话、消息、工单、满意度和订单操作实时推送到您的 CRM 或 ERP。每次推送都带有签名（Standard Webhooks），失败会自动重试。',
  webhookAdd: '新建推送',
  webhookNone: '还没有推送目标',
  webhookName: '名称',
  webhookUrl: '接收地址',
  webhookUrlHelp: '须为 https 地址；仅本机开发时可用 http://localhost',
  webhookEvents: '推送的事件',
  webhookState: '状态',
  webhookEnabled: '已启用',
  webhookDisabled: '已停用',
  webhookPaused: '已暂停',
  webhookPausedNotice: '“{name}”连续 {count} 次推送失败，已自动暂停。修复接收端后点击“启用”即可恢复。',
  webhookAllowPrivate: '允许内网地址',
  webhookAllowPrivateHelp:
    '默认拒绝本机、局域网和云服务器元数据等内网地址，防止有人借推送访问内部服务。只有接收端确实在内网时才打开。',
  webhookEnable: '启用',
  webhookDisable: '停用',
  webhookSendTest: '发送测试事件',
  webhookTestSent: '测试事件已发出，结果见推送记录',
  webhookLog: '推送记录',
  webhookDelete: '删除',
  webhookDeleteConfirm: '删除“{name}”及其推送记录？',
  webhookSecretTitle: '签名密钥（只显示这一次）',
  webhookSecretIntro:
    '请立即复制并保存到接收端，用它校验每次推送的签名。关闭后 Kefu 不会再显示它；如遗失，请删除后重新创建。',
  webhookSecretDone: '我已保存',
  save: '保存',
  cancel: '取消',
  saved: '已保存',
  required: '请填写此项',
  eventsRequired: '请至少选择一个事件',
  deliveryTime: '时间',
  deliveryEvent: '事件',
  deliveryStatus: '结果',
  deliveryCode: '状态码',
  deliveryAttempts: '尝试次数',
  deliveryLatency: '耗时',
  deliveryLatencyValue: '{ms} 毫秒',
  deliveryResponse: '对方返回',
  deliveryRedeliver: '重新推送',
  deliveryRedelivered: '已重新推送',
  deliveryRefresh: '刷新',
  deliveryNone: '暂无推送记录',
  deliveryNoAnswer: '未收到应答',
  statusPending: '推送中',
  statusDelivered: '已送达',
  statusFailed: '失败',
  eventTest: '测试事件',
  eventConversationOpened: '会话开始',
  eventConversationClosed: '会话结束',
  eventConversationHandedOff: '转人工',
  eventMessageCreated: '新消息（顾客、客服、机器人）',
  eventTicketCreated: '工单创建',
  eventTicketUpdated: '工单更新',
  eventTicketSolved: '工单解决',
  eventCsatSubmitted: '满意度评价',
  eventOrderActionTaken: '订单操作（客服或机器人）',
  refusedInvalidUrl: '不是有效的 https 地址',
  refusedPlainHttp: '请使用 https；http 只能用于本机（localhost）开发',
  refusedCredentialsInUrl: '地址中不能包含用户名或密码',
  refusedPrivateNetwork: '这是内网地址（本机、局域网或链路本地）；如确需推送到内网，请打开“允许内网地址”',
  refusedUnresolvable: '无法解析这个域名',
  errorGeneric: '操作失败：{reason}',
};

type IntegrationsTextKey = keyof typeof zhCN;

const en: Record<IntegrationsTextKey, string> = {
  navIntegrations: 'Webhooks',
  integrationsTitle: 'Outbound webhooks',
  integrationsIntro:
    'Send conversations, messages, tickets, satisfaction ratings and order actions to your CRM or ERP as they happen. Every request is signed (Standard Webhooks) and retried when it fails.',
  webhookAdd: 'New webhook',
  webhookNone: 'No webhooks yet',
  webhookName: 'Name',
  webhookUrl: 'Receiver URL',
  webhookUrlHelp: 'An https address; http://localhost only for development on this machine',
  webhookEvents: 'Events to send',
  webhookState: 'State',
  webhookEnabled: 'Enabled',
  webhookDisabled: 'Disabled',
  webhookPaused: 'Paused',
  webhookPausedNotice:
    '"{name}" failed {count} deliveries in a row and was paused. Fix the receiver, then click "Enable" to resume.',
  webhookAllowPrivate: 'Allow private-network addresses',
  webhookAllowPrivateHelp:
    'By default Kefu refuses loopback, LAN and cloud-metadata addresses so nobody can use webhooks to reach internal services. Switch this on only when the receiver really is on your private network.',
  webhookEnable: 'Enable',
  webhookDisable: 'Disable',
  webhookSendTest: 'Send test event',
  webhookTestSent: 'Test event sent; see the delivery log for the result',
  webhookLog: 'Delivery log',
  webhookDelete: 'Delete',
  webhookDeleteConfirm: 'Delete "{name}" and its delivery log?',
  webhookSecretTitle: 'Signing secret (shown only this once)',
  webhookSecretIntro:
    'Copy it to your receiver now and use it to verify the signature of every request. Kefu will not show it again; if it is lost, delete the webhook and create a new one.',
  webhookSecretDone: 'I have saved it',
  save: 'Save',
  cancel: 'Cancel',
  saved: 'Saved',
  required: 'Please fill this in',
  eventsRequired: 'Choose at least one event',
  deliveryTime: 'Time',
  deliveryEvent: 'Event',
  deliveryStatus: 'Result',
  deliveryCode: 'Status code',
  deliveryAttempts: 'Attempts',
  deliveryLatency: 'Time taken',
  deliveryLatencyValue: '{ms} ms',
  deliveryResponse: 'Response',
  deliveryRedeliver: 'Redeliver',
  deliveryRedelivered: 'Sent again',
  deliveryRefresh: 'Refresh',
  deliveryNone: 'Nothing delivered yet',
  deliveryNoAnswer: 'No answer',
  statusPending: 'Sending',
  statusDelivered: 'Delivered',
  statusFailed: 'Failed',
  eventTest: 'Test event',
  eventConversationOpened: 'Conversation opened',
  eventConversationClosed: 'Conversation closed',
  eventConversationHandedOff: 'Handed off to an agent',
  eventMessageCreated: 'New message (shopper, agent, bot)',
  eventTicketCreated: 'Ticket created',
  eventTicketUpdated: 'Ticket updated',
  eventTicketSolved: 'Ticket solved',
  eventCsatSubmitted: 'Satisfaction rating',
  eventOrderActionTaken: 'Order action (agent or bot)',
  refusedInvalidUrl: 'This is not a valid https address',
  refusedPlainHttp: 'Use https; http is only for development on this machine (localhost)',
  refusedCredentialsInUrl: 'Put no user name or password in the address',
  refusedPrivateNetwork:
    'This address is on a private network (this machine, the LAN, link-local); switch on "Allow private-network addresses" if the receiver really is there',
  refusedUnresolvable: 'This host name does not resolve',
  errorGeneric: 'That did not work: {reason}',
};

export type IntegrationsText = (key: IntegrationsTextKey, values?: Record<string, string | number>) => string;

export function useIntegrationsText(): IntegrationsText {
  return useDictionary(zhCN, en);
}

export const eventLabelKeys: Record<WebhookEventType, IntegrationsTextKey> = {
  'conversation.opened': 'eventConversationOpened',
  'conversation.closed': 'eventConversationClosed',
  'conversation.handed_off': 'eventConversationHandedOff',
  'message.created': 'eventMessageCreated',
  'ticket.created': 'eventTicketCreated',
  'ticket.updated': 'eventTicketUpdated',
  'ticket.solved': 'eventTicketSolved',
  'csat.submitted': 'eventCsatSubmitted',
  'order.action_taken': 'eventOrderActionTaken',
};

export const statusLabelKeys: Record<WebhookDeliveryStatus, IntegrationsTextKey> = {
  pending: 'statusPending',
  delivered: 'statusDelivered',
  failed: 'statusFailed',
};

/** An event type as a person reads it (a test event, or one of the catalogue). */
export function eventLabel(text: IntegrationsText, eventType: string): string {
  if (eventType === 'webhook.test') return text('eventTest');
  const key = Object.entries(eventLabelKeys).find(([type]) => type === eventType)?.[1];
  return key ? text(key) : eventType;
}

const refusalKeys: Record<string, IntegrationsTextKey> = {
  invalid_url: 'refusedInvalidUrl',
  plain_http: 'refusedPlainHttp',
  credentials_in_url: 'refusedCredentialsInUrl',
  private_network: 'refusedPrivateNetwork',
  unresolvable: 'refusedUnresolvable',
};

/** A failed call in words: a refused address by its reason, anything else as `describe` (the console's) says it. */
export function describeIntegrationFailure(
  text: IntegrationsText,
  failure: unknown,
  describe: (failure: unknown) => string,
): string {
  if (failure instanceof KefuApiError && failure.code === 'webhook_target_refused') {
    const details = failure.details;
    const reason =
      details && typeof details === 'object' && 'reason' in details ? String(details.reason) : '';
    const key = refusalKeys[reason];
    if (key) return text(key);
  }
  return text('errorGeneric', { reason: describe(failure) });
}
