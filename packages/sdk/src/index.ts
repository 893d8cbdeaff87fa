export * from './types';
export * from './visitorClient';
export * from './agentClient';
export * from './agentServiceApi';
export * from './agentKnowledgeApi';
export * from './agentTrustApi';
export * from './agentChannelAccountsApi';
