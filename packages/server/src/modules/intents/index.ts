// The intents module's public surface: a shop's own intent examples (training data), retraining the intent
// model with them, promotion and roll back, the bot's misses, and their admin API.
export { IntentExamples } from './intentExamples';
export type { IntentExample, IntentWithExamples } from './intentExamples';
export { intentExampleRoutes } from './routes';
export { IntentTraining } from './intentTraining';
export type { IntentTrainingDependencies } from './intentTraining';
export type { IntentModelVersion } from './intentModels';
export type { MissedMessage } from './misses';
export { builtInIntentCorpus } from './training/builtInCorpus';
export type { IntentCorpus } from './training/builtInCorpus';
export { intentTrainingRoutes } from './trainingRoutes';
