// The training thread: trains a classifier on the built-in corpus plus the shop's examples and measures the
// held-out accuracy of the bot's current model and of the new one on the same sentences.
import { parentPort, workerData } from 'node:worker_threads';
import {
  augmentExamples,
  defaultAugmentationCopies,
  defaultUnknownThreshold,
  detectLanguage,
  IntentClassifier,
  loadDefaultEngine,
  prepareText,
  trainIntentClassifier,
  type CorpusLanguage,
  type LabelledText,
} from '@kefu/nlu';
import { trainingInputSchema, type TrainingInput, type TrainingOutput } from './trainingMessages';

const send = (message: TrainingOutput): void => parentPort?.postMessage(message);

try {
  send(train(trainingInputSchema.parse(workerData)));
} catch (error) {
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
}

function train(input: TrainingInput): TrainingOutput {
  send({ type: 'progress', percent: 2 });
  const groups = input.training.length;
  const shop: LabelledText[] = input.shopExamples.map((example, index) => ({
    ...example,
    lang: corpusLanguageOf(example.text),
    group: groups + index,
  }));
  const base: LabelledText[] = [...input.training, ...shop];
  const trainingSet = [...base, ...augmentExamples(base, defaultAugmentationCopies)];
  send({ type: 'progress', percent: 5 });
  const classifier = trainIntentClassifier(
    trainingSet.map(({ text, label, group }) => ({ prepared: prepareText(text), label, group })),
    { unknownThreshold: defaultUnknownThreshold, onProgress: (message) => reportStep(message) },
  );
  send({ type: 'progress', percent: 92 });
  const baseline = input.baselineModel
    ? IntentClassifier.fromJSON(JSON.parse(input.baselineModel))
    : loadDefaultEngine().classifier;
  const accuracyBefore = accuracyOf(baseline, input.heldout);
  const accuracyAfter = accuracyOf(classifier, input.heldout);
  return { type: 'done', model: JSON.stringify(classifier.toJSON()), accuracyBefore, accuracyAfter };
}

/** Calibration folds take 5–50 %, the final passes 50–90 % (the trainer reports each step as text). */
function reportStep(message: string): void {
  const fold = /^calibration fold (\d+)\/(\d+)/.exec(message);
  if (fold) {
    send({ type: 'progress', percent: 5 + (45 * (Number(fold[1]) - 1)) / Number(fold[2]) });
    return;
  }
  const pass = /pass (\d+)$/.exec(message);
  if (pass) send({ type: 'progress', percent: Math.min(90, 50 + (40 * Number(pass[1])) / 30) });
}

function accuracyOf(classifier: IntentClassifier, heldout: TrainingInput['heldout']): number {
  if (heldout.length === 0) return 0;
  const correct = heldout.filter(
    (example) => classifier.predict(prepareText(example.text)).id === example.label,
  ).length;
  return Math.round((correct / heldout.length) * 10000) / 10000;
}

function corpusLanguageOf(text: string): CorpusLanguage {
  const language = detectLanguage(text);
  return language === 'en' || language === 'zh-Hant' ? language : 'zh-Hans';
}
