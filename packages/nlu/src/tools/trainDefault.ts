// Builds model/default.json from data/intents (train + dev splits, augmented); the test split stays unseen.
import { writeFileSync } from 'node:fs';
import { defaultModelPath } from '../engine';
import { trainIntentClassifier } from '../intentClassifier';
import { prepareText } from '../prepare';
import { augmentExamples, loadIntentCorpus } from './corpus';

export const defaultAugmentationCopies = 2;
export const defaultUnknownThreshold = 0.3;

if (import.meta.url === `file://${process.argv[1]}`) trainDefaultModel();

function trainDefaultModel(): void {
  const started = performance.now();
  const examples = [...loadIntentCorpus('train'), ...loadIntentCorpus('dev')];
  const trainingSet = [...examples, ...augmentExamples(examples, defaultAugmentationCopies)];
  const classifier = trainIntentClassifier(
    trainingSet.map(({ text, label, group }) => ({ prepared: prepareText(text), label, group })),
    {
      unknownThreshold: defaultUnknownThreshold,
      onProgress: (message) => process.stderr.write(`${message}\n`),
    },
  );
  // Indented like Prettier formats JSON, so the repository-wide format check passes on the shipped model.
  writeFileSync(defaultModelPath, `${JSON.stringify(classifier.toJSON(), null, 2)}\n`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `wrote ${defaultModelPath}: ${trainingSet.length} examples, ${classifier.labels.length} intents, ${seconds}s`,
  );
}
