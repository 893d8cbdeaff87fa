// The setup module's public surface: the first-run checklist, read from other modules' data.
export { setupRoutes } from './routes';
export { readSetupChecklist } from './setupChecklist';
export type { SetupChecklist, SetupStep } from './setupChecklist';
