// Boots the intent-training worker thread: the server runs from TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
await import('./trainingWorker.ts');
