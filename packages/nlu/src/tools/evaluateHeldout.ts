// Figures on the held-out sets in data/heldout/: npm run evaluate:heldout -w @kefu/nlu [-- --model path]
import { defaultModelPath, loadEngine } from '../engine';
import { UNKNOWN_INTENT } from '../intentClassifier';
import { matchScore } from '../match';
import { analyzeSentiment } from '../sentiment';
import { bestThreshold, formatReliability, rocAuc, thresholdAccuracy } from './metrics';
import {
  loadOutOfScope,
  loadParaphrasePairs,
  loadSentimentSet,
  loadShopperIntents,
  type HeldoutPair,
  type HeldoutSplit,
  type SentimentSet,
} from './heldout';

const modelFlag = process.argv.indexOf('--model');
const modelPath = (modelFlag >= 0 ? process.argv[modelFlag + 1] : undefined) ?? defaultModelPath;
const engine = loadEngine(modelPath);
console.log(`model: ${modelPath}`);

for (const split of ['dev', 'test'] satisfies HeldoutSplit[]) reportIntents(split);
for (const split of ['dev', 'test', 'fresh'] satisfies SentimentSet[]) reportSentiment(split);
reportMatching();

function reportIntents(split: HeldoutSplit): void {
  const shopper = loadShopperIntents(split);
  const predictions = shopper.map((example) => engine.classify(example.text));
  const byLanguage = new Map<string, { correct: number; total: number }>();
  shopper.forEach((example, index) => {
    const entry = byLanguage.get(example.lang) ?? { correct: 0, total: 0 };
    entry.total++;
    if (predictions[index]?.id === example.label) entry.correct++;
    byLanguage.set(example.lang, entry);
  });
  const correct = [...byLanguage.values()].reduce((sum, entry) => sum + entry.correct, 0);
  const falseUnknown = predictions.filter((prediction) => prediction.id === UNKNOWN_INTENT).length;
  const outOfScope = loadOutOfScope(split);
  const outOfScopePredictions = outOfScope.map((text) => engine.classify(text));
  const caught = outOfScopePredictions.filter((prediction) => prediction.id === UNKNOWN_INTENT).length;
  const languages = [...byLanguage].map(
    ([lang, entry]) => `${lang} ${(entry.correct / entry.total).toFixed(3)}`,
  );
  console.log(
    `shopper ${split}: accuracy=${(correct / shopper.length).toFixed(4)} n=${shopper.length} (${languages.join(', ')}); in-scope sent to unknown ${falseUnknown}`,
  );
  console.log(
    `out-of-scope ${split}: unknown recall=${(caught / outOfScope.length).toFixed(4)} n=${outOfScope.length}`,
  );
  const outcomes = [
    ...shopper.map((example, index) => ({
      confidence: predictions[index]?.confidence ?? 0,
      correct: predictions[index]?.id === example.label,
    })),
    ...outOfScopePredictions.map((prediction) => ({
      confidence: prediction.confidence,
      correct: prediction.id === UNKNOWN_INTENT,
    })),
  ];
  console.log(`reliability, shopper + out-of-scope ${split}: ${formatReliability(outcomes)}`);
  if (process.argv.includes('--errors')) {
    shopper.forEach((example, index) => {
      const predicted = predictions[index];
      if (predicted && predicted.id !== example.label)
        console.log(`  ${example.label} -> ${predicted.id} ${predicted.confidence}: ${example.text}`);
    });
    outOfScope.forEach((text, index) => {
      const predicted = outOfScopePredictions[index];
      if (predicted && predicted.id !== UNKNOWN_INTENT)
        console.log(`  unknown -> ${predicted.id} ${predicted.confidence}: ${text}`);
    });
  }
}

function reportSentiment(split: SentimentSet): void {
  const examples = loadSentimentSet(split);
  const results = examples.map((example) => analyzeSentiment(example.text));
  const accuracyOf = (indices: number[]): string =>
    (
      indices.filter((index) => results[index]?.label === examples[index]?.label).length / indices.length
    ).toFixed(4);
  const all = [...examples.keys()];
  const languages = ['zh-Hans', 'zh-Hant', 'en'].map(
    (lang) => `${lang} ${accuracyOf(all.filter((index) => examples[index]?.lang === lang))}`,
  );
  const polar = all.filter((index) => examples[index]?.label !== 'neutral');
  const flagged = all.filter((index) => results[index]?.anger);
  const angry = all.filter((index) => examples[index]?.anger);
  const angerHits = flagged.filter((index) => examples[index]?.anger).length;
  console.log(
    `sentiment ${split}: accuracy=${accuracyOf(all)} n=${all.length} (${languages.join(', ')}); positive/negative only ${accuracyOf(polar)} n=${polar.length}`,
  );
  console.log(
    `anger ${split}: precision=${(angerHits / Math.max(flagged.length, 1)).toFixed(4)} recall=${(angerHits / angry.length).toFixed(4)} (flagged ${flagged.length}, angry ${angry.length})`,
  );
  if (process.argv.includes(`--${split}-errors`)) {
    all.forEach((index) => {
      const example = examples[index];
      const result = results[index];
      if (example && result && (result.label !== example.label || result.anger !== example.anger))
        console.log(
          `  ${example.label}${example.anger ? '+anger' : ''} -> ${result.label}${result.anger ? '+anger' : ''} ${result.score}: ${example.text}`,
        );
    });
  }
}

function reportMatching(): void {
  const pairs = loadParaphrasePairs();
  const subsets: [string, HeldoutPair[]][] = [
    ['dev half (weights chosen here)', pairs.filter((_, index) => index % 2 === 0)],
    ['test half', pairs.filter((_, index) => index % 2 === 1)],
    ['all', pairs],
    ['all zh', pairs.filter((pair) => pair.lang === 'zh')],
    ['all en', pairs.filter((pair) => pair.lang === 'en')],
  ];
  for (const [name, subset] of subsets) {
    const lang = name;
    const scores = subset.map((pair) => matchScore(pair.first, pair.second));
    const positives = subset.map((pair) => pair.same);
    const best = bestThreshold(scores, positives);
    console.log(
      `matching ${lang}: roc_auc=${rocAuc(scores, positives).toFixed(4)} accuracy@0.5=${thresholdAccuracy(scores, positives, 0.5).toFixed(4)} best_threshold=${best.threshold.toFixed(3)} accuracy=${best.accuracy.toFixed(4)} n=${subset.length}`,
    );
    if (lang === 'all' && process.argv.includes('--errors')) {
      subset.forEach((pair, index) => {
        const score = scores[index] ?? 0;
        if (score >= 0.5 !== pair.same)
          console.log(`  ${pair.same ? 1 : 0} ${score}: ${pair.first} | ${pair.second}`);
      });
    }
  }
}
