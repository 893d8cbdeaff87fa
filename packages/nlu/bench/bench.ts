// npm run bench -w @kefu/nlu — one core, no network. Prints Kefu and nlp.js side by side.
import { NlpManager } from 'node-nlp';
import { cpus } from 'node:os';
import { loadDefaultEngine } from '../src/engine';
import { evaluatePredictions } from '../src/evaluation';
import { trainIntentModel } from '../src/trainIntentModel';
import { augmentExamples, loadIntentCorpus, type LabelledText } from '../src/tools/corpus';

const train = loadIntentCorpus('train');
const test = loadIntentCorpus('test');
console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown cpu'}, single thread`);
console.log(
  `data: own corpus, train split ${train.length} lines, test split ${test.length} lines (22 intents, zh-Hans/zh-Hant/en)\n`,
);

const analysisSpeed = measureFullAnalysis(
  test.map(({ text }) => text),
  50000,
);
console.log(
  `Kefu full analysis (normalise+segment+classify+entities+sentiment): ${analysisSpeed.perSecond.toFixed(0)} msg/s, p50 ${analysisSpeed.p50.toFixed(3)} ms, p99 ${analysisSpeed.p99.toFixed(3)} ms`,
);

const tenThousand = buildTrainingSet(train, 10000);
const trainingStarted = performance.now();
trainIntentModel(tenThousand);
console.log(
  `Kefu training on ${tenThousand.length} examples (incl. 3-fold calibration): ${((performance.now() - trainingStarted) / 1000).toFixed(1)} s\n`,
);

const kefuStarted = performance.now();
const kefu = trainIntentModel(train);
const kefuTrainSeconds = (performance.now() - kefuStarted) / 1000;
const kefuPredictStarted = performance.now();
const kefuPredictions = test.map(({ text }) => kefu.classify(text).id);
const kefuPerSecond = test.length / ((performance.now() - kefuPredictStarted) / 1000);

const manager = new NlpManager({
  languages: ['zh', 'en'],
  forceNER: false,
  autoSave: false,
  nlu: { log: false },
});
for (const { text, label, lang } of train)
  manager.addDocument(lang === 'en' ? 'en' : 'zh', text, label === 'unknown' ? 'None' : label);
const nlpStarted = performance.now();
await manager.train();
const nlpTrainSeconds = (performance.now() - nlpStarted) / 1000;
const nlpPredictStarted = performance.now();
const nlpPredictions: string[] = [];
for (const { text, lang } of test) {
  const result = await manager.process(lang === 'en' ? 'en' : 'zh', text);
  nlpPredictions.push(result.intent === 'None' ? 'unknown' : result.intent);
}
const nlpPerSecond = test.length / ((performance.now() - nlpPredictStarted) / 1000);

const expected = test.map(({ label }) => label);
const kefuReport = evaluatePredictions(expected, kefuPredictions);
const nlpReport = evaluatePredictions(expected, nlpPredictions);
console.log('same train split, same test split (no augmentation for either engine):');
console.log('engine            accuracy  macro_f1  train s  classify msg/s');
console.log(
  `kefu (@kefu/nlu)  ${kefuReport.accuracy.toFixed(4)}    ${kefuReport.macroF1.toFixed(4)}    ${kefuTrainSeconds.toFixed(1).padStart(5)}    ${kefuPerSecond.toFixed(0)}`,
);
console.log(
  `nlp.js (node-nlp) ${nlpReport.accuracy.toFixed(4)}    ${nlpReport.macroF1.toFixed(4)}    ${nlpTrainSeconds.toFixed(1).padStart(5)}    ${nlpPerSecond.toFixed(0)}`,
);

function measureFullAnalysis(
  texts: string[],
  count: number,
): { perSecond: number; p50: number; p99: number } {
  const engine = loadDefaultEngine();
  for (let index = 0; index < 2000; index++) engine.analyze(texts[index % texts.length] ?? '');
  const started = performance.now();
  for (let index = 0; index < count; index++) engine.analyze(texts[index % texts.length] ?? '');
  const total = performance.now() - started;
  // Latency in a second pass, so the timer calls do not count against throughput.
  const durations = new Float64Array(count);
  for (let index = 0; index < count; index++) {
    const before = performance.now();
    engine.analyze(texts[index % texts.length] ?? '');
    durations[index] = performance.now() - before;
  }
  durations.sort();
  return {
    perSecond: count / (total / 1000),
    p50: durations[Math.floor(count * 0.5)] ?? 0,
    p99: durations[Math.floor(count * 0.99)] ?? 0,
  };
}

function buildTrainingSet(examples: LabelledText[], size: number): { text: string; label: string }[] {
  const copies = Math.ceil(size / examples.length);
  return [...examples, ...augmentExamples(examples, copies, 23)]
    .slice(0, size)
    .map(({ text, label }) => ({ text, label }));
}
