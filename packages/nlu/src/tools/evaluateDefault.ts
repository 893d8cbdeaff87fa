// Held-out figures for the README: npm run evaluate:default -w @kefu/nlu
import { loadDefaultEngine } from '../engine';
import { evaluatePredictions } from '../evaluation';
import { IntentClassifier, trainIntentClassifier } from '../intentClassifier';
import { prepareText } from '../prepare';
import { augmentExamples, corpusLanguages, loadIntentCorpus, type LabelledText } from './corpus';
import { loadOutOfScope } from './heldout';
import { formatReliability } from './metrics';
import { defaultAugmentationCopies } from './trainDefault';

function report(name: string, classifier: IntentClassifier, examples: LabelledText[]): void {
  const predicted = examples.map(({ text }) => classifier.predict(prepareText(text)).id);
  const overall = evaluatePredictions(
    examples.map(({ label }) => label),
    predicted,
  );
  const perLanguage = corpusLanguages.map((lang) => {
    const indices = [...examples.keys()].filter((index) => examples[index]?.lang === lang);
    const result = evaluatePredictions(
      indices.map((index) => examples[index]?.label ?? ''),
      indices.map((index) => predicted[index] ?? ''),
    );
    return `${lang} ${result.accuracy.toFixed(3)}`;
  });
  console.log(
    `${name}: accuracy=${overall.accuracy.toFixed(4)} macro_f1=${overall.macroF1.toFixed(4)} n=${overall.count} (${perLanguage.join(', ')})`,
  );
}

const train = loadIntentCorpus('train');
const dev = loadIntentCorpus('dev');
const test = loadIntentCorpus('test');
const trainingSet = [...train, ...augmentExamples(train, defaultAugmentationCopies)];
const classifier = trainIntentClassifier(
  trainingSet.map(({ text, label, group }) => ({ prepared: prepareText(text), label, group })),
);
console.log(
  `trained on train split (${train.length} + augmented = ${trainingSet.length}), temperature ${classifier.parts.temperature.toFixed(2)}`,
);
const outOfScopeDev = loadOutOfScope('dev');
for (const threshold of [0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]) {
  const variant = new IntentClassifier({ ...classifier.parts, unknownThreshold: threshold });
  report(`dev, unknown below ${threshold}`, variant, dev);
  const caught = outOfScopeDev.filter((text) => variant.predict(prepareText(text)).id === 'unknown').length;
  console.log(`  out-of-scope dev unknown recall ${(caught / outOfScopeDev.length).toFixed(3)}`);
}
const devOutcomes = dev.map(({ text, label }) => {
  const prediction = classifier.predict(prepareText(text));
  return { confidence: prediction.confidence, correct: prediction.id === label };
});
console.log(`reliability on dev (model trained on train): ${formatReliability(devOutcomes)}`);
report('test (model trained on train only)', classifier, test);
report('test (shipped model/default.json, trained on train + dev)', loadDefaultEngine().classifier, test);
