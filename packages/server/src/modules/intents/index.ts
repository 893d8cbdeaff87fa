// The intents module's public surface: a shop's own intent examples (training data) and their admin API.
export { IntentExamples } from './intentExamples';
export type { IntentExample, IntentWithExamples } from './intentExamples';
export { intentExampleRoutes } from './routes';
