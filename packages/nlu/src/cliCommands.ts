import { writeFileSync } from 'node:fs';
import type { CliIo, InputFile } from './cli';
import { Bm25Index } from './bm25';
import { loadDefaultEngine, NluEngine } from './engine';
import { evaluatePredictions, formatEvaluationReport } from './evaluation';
import { IntentClassifier, trainIntentClassifier } from './intentClassifier';
import { InputError, parseJsonLines, requireId, requireString } from './jsonl';
import { matchScore } from './match';
import { prepareText } from './prepare';
import { analyzeSentiment } from './sentiment';

const stdinName = 'stdin';

export async function runTrain(
  data: InputFile,
  outPath: string,
  values: { algorithm?: string; epochs?: string },
  io: CliIo,
): Promise<number> {
  const lines = parseJsonLines(data.content, data.path);
  const examples = lines.map((line) => ({
    text: requireString(line, 'text', data.path),
    label: requireString(line, 'label', data.path),
  }));
  const algorithm = values.algorithm === undefined ? undefined : parseAlgorithm(values.algorithm);
  const epochs = values.epochs === undefined ? undefined : Number(values.epochs);
  if (epochs !== undefined && (!Number.isInteger(epochs) || epochs < 1))
    throw new InputError('--epochs must be a positive integer');
  const started = performance.now();
  io.stderr.write(`preparing ${examples.length} examples\n`);
  const prepared = examples.map(({ text, label }) => ({ prepared: prepareText(text), label }));
  const classifier = trainIntentClassifier(prepared, {
    algorithm,
    epochs,
    onProgress: (message) => io.stderr.write(`${message}\n`),
  });
  writeFileSync(outPath, `${JSON.stringify(classifier.toJSON())}\n`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  io.stdout.write(
    `trained ${examples.length} examples, ${classifier.labels.length} labels in ${seconds}s -> ${outPath}\n`,
  );
  return 0;
}

export async function runEval(model: InputFile, data: InputFile, io: CliIo): Promise<number> {
  const classifier = loadClassifier(model);
  const known = new Set(classifier.labels);
  const lines = parseJsonLines(data.content, data.path);
  const examples = lines.map((line) => {
    const label = requireString(line, 'label', data.path);
    if (!known.has(label))
      throw new InputError(`${data.path} line ${line.lineNumber}: label "${label}" is not in the model`);
    return { text: requireString(line, 'text', data.path), label };
  });
  const predicted = examples.map(({ text }) => classifier.predict(prepareText(text)).id);
  io.stdout.write(
    `${formatEvaluationReport(
      evaluatePredictions(
        examples.map(({ label }) => label),
        predicted,
      ),
    )}\n`,
  );
  return 0;
}

export async function runClassify(model: InputFile | undefined, input: string, io: CliIo): Promise<number> {
  const engine = model === undefined ? loadDefaultEngine() : new NluEngine(loadClassifier(model));
  const texts = parseJsonLines(input, stdinName, { allowPlainText: true }).map((line) =>
    requireString(line, 'text', stdinName),
  );
  writeLines(io, texts, (text) => {
    const analysis = engine.analyze(text);
    return {
      text,
      intent: analysis.intent.id,
      confidence: analysis.intent.confidence,
      alternatives: analysis.intent.alternatives,
      lang: analysis.lang,
      entities: analysis.entities,
      sentiment: analysis.sentiment,
    };
  });
  return 0;
}

export async function runSentiment(input: string, io: CliIo): Promise<number> {
  const texts = parseJsonLines(input, stdinName, { allowPlainText: true }).map((line) =>
    requireString(line, 'text', stdinName),
  );
  writeLines(io, texts, (text) => ({ text, ...analyzeSentiment(text) }));
  return 0;
}

export async function runMatch(input: string, io: CliIo): Promise<number> {
  const pairs = parseJsonLines(input, stdinName).map((line) => [
    requireString(line, 'q1', stdinName),
    requireString(line, 'q2', stdinName),
  ]);
  writeLines(io, pairs, ([first = '', second = '']) => ({ score: matchScore(first, second) }));
  return 0;
}

export async function runSearch(
  documents: InputFile,
  limit: number,
  input: string,
  io: CliIo,
): Promise<number> {
  const index = new Bm25Index();
  const idsByKey = new Map<string, string | number>();
  for (const line of parseJsonLines(documents.content, documents.path)) {
    const id = requireId(line, documents.path);
    idsByKey.set(String(id), id);
    index.add(String(id), requireString(line, 'text', documents.path));
  }
  const queries = parseJsonLines(input, stdinName).map((line) => ({
    id: requireId(line, stdinName),
    text: requireString(line, 'text', stdinName),
  }));
  writeLines(io, queries, (query) => ({
    id: query.id,
    hits: index
      .search(query.text, limit)
      .map((hit) => ({ id: idsByKey.get(hit.id) ?? hit.id, score: hit.score })),
  }));
  return 0;
}

function loadClassifier(model: InputFile): IntentClassifier {
  try {
    return IntentClassifier.fromJSON(JSON.parse(model.content));
  } catch (error) {
    throw new InputError(
      `${model.path}: not a usable model (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

function parseAlgorithm(value: string): 'svm' | 'softmax' {
  if (value === 'svm' || value === 'softmax') return value;
  throw new InputError(`--algorithm must be svm or softmax, got "${value}"`);
}

function writeLines<T>(io: CliIo, items: readonly T[], render: (item: T) => unknown): void {
  let buffer = '';
  for (const item of items) {
    buffer += `${JSON.stringify(render(item))}\n`;
    if (buffer.length > 65536) {
      io.stdout.write(buffer);
      buffer = '';
    }
  }
  io.stdout.write(buffer);
}
