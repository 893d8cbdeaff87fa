export * from './types';
export * from './visitorClient';
export * from './agentClient';
export * from './agentServiceApi';
export * from './agentKnowledgeApi';
export * from './agentInsightApi';
export * from './agentTrustApi';
