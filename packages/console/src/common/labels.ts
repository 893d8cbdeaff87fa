// Maps wire values to translated labels, icons' colours and tags, in one place for every screen.
import type {
  AgentPresence,
  AgentRole,
  ChannelKind,
  ConversationPriority,
  ConversationStatus,
} from '@kefu/sdk';
import { channelKinds } from '@kefu/sdk';
import type { MessageKey } from '../i18n/zhCN';

export const statusLabelKeys: Record<ConversationStatus, MessageKey> = {
  bot: 'statusBot',
  queued: 'statusQueued',
  assigned: 'statusAssigned',
  resolved: 'statusResolved',
  closed: 'statusClosed',
};

export const statusColors: Record<ConversationStatus, string> = {
  bot: 'geekblue',
  queued: 'orange',
  assigned: 'green',
  resolved: 'default',
  closed: 'default',
};

export const priorityLabelKeys: Record<ConversationPriority, MessageKey> = {
  low: 'priorityLow',
  normal: 'priorityNormal',
  high: 'priorityHigh',
  urgent: 'priorityUrgent',
};

export const priorityColors: Record<ConversationPriority, string> = {
  low: 'default',
  normal: 'default',
  high: 'volcano',
  urgent: 'red',
};

export const channelLabelKeys: Record<ChannelKind, MessageKey> = {
  web: 'channelWeb',
  app: 'channelApp',
  wechat: 'channelWechat',
  wecom_kf: 'channelWecomKf',
  miniprogram: 'channelMiniProgram',
  email: 'channelEmail',
  webhook: 'channelWebhook',
  telegram: 'channelTelegram',
  weibo: 'channelWeibo',
};

export const roleLabelKeys: Record<AgentRole, MessageKey> = {
  admin: 'roleAdmin',
  supervisor: 'roleSupervisor',
  agent: 'roleAgent',
  analyst: 'roleAnalyst',
  custom: 'roleCustom',
};

export const presenceLabelKeys: Record<AgentPresence, MessageKey> = {
  online: 'presenceOnline',
  busy: 'presenceBusy',
  away: 'presenceAway',
  offline: 'presenceOffline',
};

export const presenceColors: Record<AgentPresence, string> = {
  online: '#52c41a',
  busy: '#fa541c',
  away: '#faad14',
  offline: '#bfbfbf',
};

export const allStatuses: ConversationStatus[] = ['bot', 'queued', 'assigned', 'resolved', 'closed'];
export const allChannels: readonly ChannelKind[] = channelKinds;
