export * from './types';
export * from './visitorClient';
export * from './agentClient';
