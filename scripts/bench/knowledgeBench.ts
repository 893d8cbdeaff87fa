// Knowledge retrieval benchmark (part of `npm run bench`): the default FAQ against shopper paraphrases written
// for this benchmark and kept apart from the FAQ's stored similar questions, then search latency with
// 10,000 entries in the index. Prints hit@1, hit@3, the answer/suggest/fallback split and p50/p99.
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { normalizeText } from '@kefu/nlu';
import { defaultThresholds } from '../../packages/server/src/modules/knowledge/answerer';
import { defaultKnowledge } from '../../packages/server/src/modules/knowledge/defaultContent';
import type { EntryContent } from '../../packages/server/src/modules/knowledge/schemas';
import type { LocaleGroup } from '../../packages/server/src/modules/knowledge/searchIndex';
import { KnowledgeIndex } from '../../packages/server/src/modules/knowledge/searchIndex';
import { demoProducts } from '../../packages/server/src/modules/commerce/builtin/demo';

interface Paraphrase {
  text: string;
  expected: string | null;
  lang: string;
}

const paraphrasePath = fileURLToPath(
  new URL('../../packages/server/bench-data/faq-paraphrases.jsonl', import.meta.url),
);
const largeIndexSize = 10_000;
const now = new Date();

async function main(): Promise<void> {
  const paraphrases = readParaphrases();
  assertKeptApartFromStoredQuestions(paraphrases);
  console.log(
    `\n## Knowledge retrieval (${paraphrases.length} paraphrases, default FAQ of ${defaultKnowledge.length} entries)`,
  );
  console.log(
    `node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, single thread, load average ${loadavg()[0]?.toFixed(1)}`,
  );
  const index = new KnowledgeIndex();
  for (const entry of defaultKnowledge)
    await index.upsert({ entryId: entry.key, kind: entry.kind, content: entry.content });
  await evaluate(index, paraphrases, 'default FAQ');
  const started = performance.now();
  for (let number = 0; number < largeIndexSize - defaultKnowledge.length; number++)
    await index.upsert({ entryId: `synthetic_${number}`, kind: 'faq', content: syntheticEntry(number) });
  console.log(
    `indexed ${index.size} entries in ${((performance.now() - started) / 1000).toFixed(1)} s (incremental adds)`,
  );
  await evaluate(index, paraphrases, `${index.size} entries`);
  await measureLatency(index, paraphrases);
}

async function evaluate(
  index: KnowledgeIndex,
  paraphrases: readonly Paraphrase[],
  label: string,
): Promise<void> {
  let hitAt1 = 0;
  let hitAt3 = 0;
  const split = { answer: 0, suggest: 0, fallback: 0 };
  let wrongAnswers = 0;
  let outOfScopeAnswered = 0;
  const inScope = paraphrases.filter((paraphrase) => paraphrase.expected !== null);
  const misses: string[] = [];
  for (const paraphrase of paraphrases) {
    const group = groupOf(paraphrase.text);
    const hits = await index.search(paraphrase.text, { group, now, limit: 3 });
    const best = hits[0];
    const outcome = classify(best?.confidence ?? 0, group);
    if (paraphrase.expected === null) {
      if (outcome === 'answer') outOfScopeAnswered++;
      continue;
    }
    split[outcome]++;
    if (best?.entry.entryId === paraphrase.expected) hitAt1++;
    else misses.push(`${paraphrase.text} → ${best?.entry.entryId ?? '-'} (${best?.confidence ?? 0})`);
    if (hits.some((hit) => hit.entry.entryId === paraphrase.expected)) hitAt3++;
    if (outcome === 'answer' && best?.entry.entryId !== paraphrase.expected) wrongAnswers++;
  }
  const total = inScope.length;
  const outOfScope = paraphrases.length - total;
  console.log(
    `[${label}] hit@1 ${(hitAt1 / total).toFixed(3)}  hit@3 ${(hitAt3 / total).toFixed(3)}  ` +
      `answer ${(split.answer / total).toFixed(3)} / suggest ${(split.suggest / total).toFixed(3)} / fallback ${(split.fallback / total).toFixed(3)}  ` +
      `wrong answers ${(wrongAnswers / total).toFixed(3)}  out-of-scope answered ${outOfScopeAnswered}/${outOfScope}`,
  );
  if (process.env.BENCH_VERBOSE) for (const miss of misses) console.log(`  miss: ${miss}`);
}

async function measureLatency(index: KnowledgeIndex, paraphrases: readonly Paraphrase[]): Promise<void> {
  for (const paraphrase of paraphrases)
    await index.search(paraphrase.text, { group: groupOf(paraphrase.text), now, limit: 5 });
  const timings: number[] = [];
  const cpuTimings: number[] = [];
  for (let pass = 0; pass < 5; pass++) {
    for (const paraphrase of paraphrases) {
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      await index.search(paraphrase.text, { group: groupOf(paraphrase.text), now, limit: 5 });
      timings.push(performance.now() - started);
      const cpu = process.cpuUsage(cpuBefore);
      cpuTimings.push((cpu.user + cpu.system) / 1000);
    }
  }
  console.log(
    `search latency with ${index.size} entries: wall ${percentiles(timings)}; CPU time ${percentiles(cpuTimings)} ` +
      `(${timings.length} searches, BM25 recall + matchScore re-rank; wall time includes waiting for a core on a loaded machine)`,
  );
}

function percentiles(samples: number[]): string {
  const sorted = [...samples].sort((left, right) => left - right);
  const quantile = (share: number): string =>
    (sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0).toFixed(2);
  return `p50 ${quantile(0.5)} ms, p99 ${quantile(0.99)} ms`;
}

function classify(confidence: number, group: LocaleGroup): 'answer' | 'suggest' | 'fallback' {
  const thresholds = defaultThresholds[group];
  if (confidence >= thresholds.answer) return 'answer';
  return confidence >= thresholds.suggest ? 'suggest' : 'fallback';
}

function groupOf(text: string): LocaleGroup {
  return /\p{Script=Han}/u.test(text) ? 'zh' : 'en';
}

function readParaphrases(): Paraphrase[] {
  return readFileSync(paraphrasePath, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line, index) => {
      const parsed: unknown = JSON.parse(line);
      if (
        typeof parsed !== 'object' ||
        parsed === null ||
        !('text' in parsed) ||
        typeof parsed.text !== 'string' ||
        !('expected' in parsed) ||
        !(typeof parsed.expected === 'string' || parsed.expected === null)
      )
        throw new Error(`${paraphrasePath}:${index + 1}: expected {"text","expected"}`);
      const lang = 'lang' in parsed && typeof parsed.lang === 'string' ? parsed.lang : '';
      return { text: parsed.text, expected: parsed.expected, lang };
    });
}

/** The benchmark must not test the FAQ on its own stored questions. */
function assertKeptApartFromStoredQuestions(paraphrases: readonly Paraphrase[]): void {
  const stored = new Set<string>();
  for (const entry of defaultKnowledge)
    for (const content of Object.values(entry.content.locales))
      for (const question of [content?.question ?? '', ...(content?.similarQuestions ?? [])])
        stored.add(comparable(question));
  const overlapping = paraphrases.filter((paraphrase) => stored.has(comparable(paraphrase.text)));
  if (overlapping.length > 0)
    throw new Error(
      `paraphrases repeat stored questions: ${overlapping.map((item) => item.text).join(', ')}`,
    );
}

function comparable(text: string): string {
  return normalizeText(text).normalized.replace(/[\p{P}\s]+/gu, '');
}

const syntheticTopics = [
  ['保养', 'care'],
  ['清洁方法', 'cleaning'],
  ['安装步骤', 'installation'],
  ['配件购买', 'spare parts'],
  ['使用注意事项', 'usage notes'],
  ['故障排查', 'troubleshooting'],
  ['参数说明', 'specifications'],
  ['包装尺寸', 'package size'],
  ['适用人群', 'who it suits'],
  ['收纳建议', 'storage tips'],
];

/** A distractor entry: a product-specific question about a numbered model, in both languages. */
function syntheticEntry(number: number): EntryContent {
  const product = demoProducts[number % demoProducts.length];
  const topic = syntheticTopics[Math.floor(number / demoProducts.length) % syntheticTopics.length] ?? [
    '说明',
    'notes',
  ];
  const model = `KF${1000 + number}`;
  const nameZh = product?.nameZh ?? '商品';
  const nameEn = product?.nameEn ?? 'product';
  return {
    category: 'synthetic',
    tags: [],
    productIds: [],
    channels: [],
    validFrom: null,
    validUntil: null,
    locales: {
      'zh-CN': {
        question: `${nameZh} ${model} 的${topic[0]}是什么？`,
        similarQuestions: [`${model} ${topic[0]}`, `${nameZh}${topic[0]}怎么看`],
        answer: `${model} 的${topic[0]}请参考说明书第 ${number % 40} 页。`,
        links: [],
        images: [],
        quickReplies: [],
      },
      en: {
        question: `What is the ${topic[1]} of the ${nameEn} ${model}?`,
        similarQuestions: [`${model} ${topic[1]}`],
        answer: `See page ${number % 40} of the ${model} manual for ${topic[1]}.`,
        links: [],
        images: [],
        quickReplies: [],
      },
    },
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
