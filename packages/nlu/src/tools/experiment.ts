// Compares classifier settings on the dev split: node --import tsx src/tools/experiment.ts
import { trainIntentClassifier, type IntentTrainingOptions } from '../intentClassifier';
import { prepareText } from '../prepare';
import { augmentExamples, loadIntentCorpus, type LabelledText } from './corpus';

const evaluateSplit = process.argv[2] === 'test' ? 'test' : 'dev';
const train = loadIntentCorpus('train');
const heldOut = loadIntentCorpus(evaluateSplit);

function run(name: string, trainingSet: LabelledText[], options: IntentTrainingOptions): void {
  const started = performance.now();
  const classifier = trainIntentClassifier(
    trainingSet.map(({ text, label, group }) => ({ prepared: prepareText(text), label, group })),
    options,
  );
  const seconds = (performance.now() - started) / 1000;
  const byLanguage = new Map<string, { correct: number; total: number }>();
  let correct = 0;
  for (const example of heldOut) {
    const prediction = classifier.predict(prepareText(example.text));
    const hit = prediction.id === example.label;
    if (hit) correct++;
    const entry = byLanguage.get(example.lang) ?? { correct: 0, total: 0 };
    entry.correct += hit ? 1 : 0;
    entry.total++;
    byLanguage.set(example.lang, entry);
  }
  const perLanguage = [...byLanguage].map(
    ([lang, { correct: right, total }]) => `${lang}=${(right / total).toFixed(3)}`,
  );
  console.log(
    `${name.padEnd(40)} acc=${(correct / heldOut.length).toFixed(3)} ${perLanguage.join(' ')} T=${classifier.parts.temperature.toFixed(2)} ${seconds.toFixed(1)}s`,
  );
}

const augmented = [...train, ...augmentExamples(train, 2)];
const configurations: [string, LabelledText[], IntentTrainingOptions][] = [
  [
    'softmax e12 r1e-5',
    train,
    { algorithm: 'softmax', epochs: 12, regularization: 1e-5, unknownThreshold: 0 },
  ],
  [
    'softmax e12 r1e-5 aug2',
    augmented,
    { algorithm: 'softmax', epochs: 12, regularization: 1e-5, unknownThreshold: 0 },
  ],
  [
    'softmax e20 r1e-6 aug2',
    augmented,
    { algorithm: 'softmax', epochs: 20, regularization: 1e-6, unknownThreshold: 0 },
  ],
  [
    'softmax e8 r1e-4 aug2',
    augmented,
    { algorithm: 'softmax', epochs: 8, regularization: 1e-4, unknownThreshold: 0 },
  ],
  ['svm C1 aug2', augmented, { algorithm: 'svm', regularization: 1, unknownThreshold: 0 }],
  ['svm C0.3 aug2', augmented, { algorithm: 'svm', regularization: 0.3, unknownThreshold: 0 }],
  ['svm C1 noaug', train, { algorithm: 'svm', regularization: 1, unknownThreshold: 0 }],
];
const only = process.argv[3];
for (const [name, set, options] of configurations) if (!only || name.includes(only)) run(name, set, options);
