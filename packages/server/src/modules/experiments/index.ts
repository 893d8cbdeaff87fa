// The experiments module's public surface: other modules use it only through what is exported here.
export { experimentRoutes } from './routes';
export { ExperimentService } from './service';
export type { ExperimentScriptCatalog } from './service';
export { ExperimentScriptVariants } from './experimentScriptVariants';
export { listenForExperimentOutcomes } from './listeners';
export { assignVariant } from './assignVariant';
export type { ExperimentScript } from './schemas';
