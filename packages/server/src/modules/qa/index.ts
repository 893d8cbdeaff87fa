// The quality-inspection module's public face.
export { createQaModule, startQaModule, type QaModule, type QaModuleInput } from './qaModule';
export { qaRoutes } from './routes';
