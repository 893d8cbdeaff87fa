export { buildApp } from './app';
export type { KefuApp, AppDependencies } from './app';
export { loadConfig } from './config';
export type { KefuConfig } from './config';
export { loadTestingLimitsEnvironment } from './http/abuseLimitsConfig';
