// Every understanding figure in one run: npm run eval:understanding (repository root).
// Lines marked [project] are measured on sets written by the project (regression figures); lines marked
// [public] on sets the project did not write, read from KEFU_PUBLIC_DATA (see publicSets.ts).
import { defaultModelPath, loadEngine, type NluEngine } from '../engine';
import { UNKNOWN_INTENT } from '../intentClassifier';
import { corpusLanguages, loadIntentCorpus } from './corpus';
import {
  loadOutOfScope,
  loadParaphrasePairs,
  loadRealisticIntents,
  loadSentimentSet,
  loadShopperIntents,
  realisticSets,
  type HeldoutIntent,
} from './heldout';
import { loadPublicSets, selectPart, type PublicSets } from './publicSets';
import {
  bigramBm25RetrievalFigure,
  kefuRetrievalFigure,
  pairAuc,
  pairScorers,
  retrievalTaskFromPairs,
  sentimentFigure,
  type PairLike,
  type RetrievalFigure,
} from './textFigures';

const modelFlag = process.argv.indexOf('--model');
const modelPath = (modelFlag >= 0 ? process.argv[modelFlag + 1] : undefined) ?? defaultModelPath;
const engine = loadEngine(modelPath);
console.log(`model: ${modelPath}`);
reportProjectIntents(engine);
reportProjectText();
const publicSets = loadPublicSets();
if (publicSets) reportPublic(engine, publicSets);
else
  console.log(
    '[public] no public sets: set KEFU_PUBLIC_DATA to a directory of them (format in src/tools/publicSets.ts)',
  );

function reportProjectIntents(model: NluEngine): void {
  const corpusTest = loadIntentCorpus('test');
  console.log(`[project] intents, corpus test split (never trained on): ${intentLine(model, corpusTest)}`);
  const shopper = [...loadShopperIntents('dev'), ...loadShopperIntents('test')];
  console.log(`[project] intents, data/heldout/intents (shopper messages): ${intentLine(model, shopper)}`);
  for (const set of realisticSets)
    console.log(
      `[project] intents, data/heldout/realistic/${set}.txt: ${intentLine(model, loadRealisticIntents(set))}`,
    );
  const outOfScope = [...loadOutOfScope('dev'), ...loadOutOfScope('test')];
  const caught = outOfScope.filter((text) => model.classify(text).id === UNKNOWN_INTENT).length;
  console.log(
    `[project] out-of-scope → unknown recall, data/heldout/out-of-scope.txt: ${ratio(caught, outOfScope.length)} n=${outOfScope.length}`,
  );
}

function reportProjectText(): void {
  for (const set of ['test', 'fresh', 'reviews'] as const) {
    const examples = loadSentimentSet(set);
    const perLanguage = corpusLanguages.map(
      (lang) =>
        `${lang} ${sentimentFigure(examples.filter((example) => example.lang === lang)).accuracy.toFixed(3)}`,
    );
    const figure = sentimentFigure(examples);
    console.log(
      `[project] sentiment, ${set} set: accuracy=${figure.accuracy.toFixed(4)} n=${figure.count} (${perLanguage.join(', ')})`,
    );
  }
  const pairs = loadParaphrasePairs();
  for (const lang of ['zh', 'en'] as const)
    reportPairs(
      '[project]',
      `data/heldout/paraphrase.txt ${lang}`,
      pairs.filter((pair) => pair.lang === lang),
    );
  reportRetrieval('[project]', 'data/heldout/paraphrase.txt same-meaning pairs', pairs);
}

function reportPublic(model: NluEngine, sets: PublicSets): void {
  console.log(`[public] sets from ${sets.directory}; figures on the report part (four fifths of each set)`);
  for (const { name, examples } of sets.sentiment) {
    const figure = sentimentFigure(selectPart(examples, 'report'));
    console.log(
      `[public] sentiment, ${name}: accuracy=${figure.accuracy.toFixed(4)} (scored neutral ${figure.neutralShare.toFixed(3)}) n=${figure.count}`,
    );
  }
  for (const { name, pairs } of sets.pairs) {
    reportPairs('[public]', name, selectPart(pairs, 'report'));
    reportRetrieval('[public]', name, pairs);
  }
  for (const { name, examples } of sets.intents) {
    const labelled = examples.map(({ text, label }) => ({ text, label, lang: 'en' as const }));
    console.log(`[public] intents, ${name}: ${intentLine(model, labelled)}`);
  }
}

function intentLine(model: NluEngine, examples: readonly HeldoutIntent[]): string {
  const byLanguage = new Map<string, { correct: number; total: number }>();
  let correct = 0;
  for (const example of examples) {
    const right = model.classify(example.text).id === example.label;
    const entry = byLanguage.get(example.lang) ?? { correct: 0, total: 0 };
    entry.total++;
    if (right) {
      entry.correct++;
      correct++;
    }
    byLanguage.set(example.lang, entry);
  }
  const languages = [...byLanguage].map(([lang, entry]) => `${lang} ${ratio(entry.correct, entry.total)}`);
  return `accuracy=${ratio(correct, examples.length)} n=${examples.length} (${languages.join(', ')})`;
}

function reportPairs(origin: string, name: string, pairs: readonly PairLike[]): void {
  const figures = Object.entries(pairScorers).map(
    ([scorer, score]) => `${scorer} ${pairAuc(pairs, score).toFixed(4)}`,
  );
  console.log(`${origin} same-meaning ROC-AUC, ${name}: ${figures.join(', ')} n=${pairs.length}`);
}

function reportRetrieval(origin: string, name: string, pairs: readonly PairLike[]): void {
  const task = retrievalTaskFromPairs(pairs);
  const line = (figure: RetrievalFigure): string =>
    `hit@1=${figure.hitAt1.toFixed(4)} hit@3=${figure.hitAt3.toFixed(4)}`;
  console.log(
    `${origin} retrieval, ${name} (${task.documents.length} questions indexed, ${task.queries.length} paraphrases asked): Kefu ${line(kefuRetrievalFigure(task))}; character-bigram BM25 ${line(bigramBm25RetrievalFigure(task))}`,
  );
}

function ratio(part: number, whole: number): string {
  return (part / Math.max(whole, 1)).toFixed(4);
}
