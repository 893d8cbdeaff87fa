export * from './types';
export * from './visitorClient';
