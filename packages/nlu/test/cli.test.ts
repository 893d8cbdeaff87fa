import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from '../src/index';

const directory = mkdtempSync(join(tmpdir(), 'kefu-nlu-cli-'));

async function run(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const input = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  input.end(stdin);
  const code = await runCli(args, { stdin: input, stdout, stderr });
  return { code, stdout: out, stderr: err };
}

function writeLines(name: string, records: unknown[]): string {
  const path = join(directory, name);
  writeFileSync(path, records.map((record) => JSON.stringify(record)).join('\n'));
  return path;
}

const trainRecords = [
  ...[
    'where is my card',
    'card has not arrived',
    'when will my card come',
    'track my new card',
    '我的卡什么时候寄到',
    '卡还没收到',
  ].map((text) => ({ text, label: 'card_arrival' })),
  ...[
    'exchange rate please',
    'what rate do you use for euros',
    'currency conversion rate',
    '汇率是多少',
    '今天美元汇率',
    'how much is the rate',
  ].map((text) => ({ text, label: 'exchange_rate' })),
  ...[
    'top up failed',
    'my top-up did not work',
    'cannot add money',
    '充值失败',
    '充不进去钱',
    'top up declined',
  ].map((text) => ({ text, label: 'top_up_failed' })),
];

test('train then eval: report ends with the accuracy line', async () => {
  const data = writeLines('train.jsonl', trainRecords);
  const model = join(directory, 'model.json');
  const trained = await run(['train', '--data', data, '--out', model]);
  assert.equal(trained.code, 0, trained.stderr);
  assert.match(trained.stderr, /training on 18 examples/);
  const test = writeLines('test.jsonl', [
    { text: 'my card still has not arrived', label: 'card_arrival' },
    { text: '欧元汇率多少', label: 'exchange_rate' },
    { text: 'top up keeps failing', label: 'top_up_failed' },
  ]);
  const evaluated = await run(['eval', '--model', model, '--data', test]);
  assert.equal(evaluated.code, 0, evaluated.stderr);
  const lines = evaluated.stdout.trim().split('\n');
  assert.equal(lines.at(-1), 'accuracy=1.0000 macro_f1=1.0000 n=3');
  assert.match(evaluated.stdout, /card_arrival +1\.0000/);
  assert.match(evaluated.stdout, /confusions/);
  const unknownLabel = writeLines('bad-label.jsonl', [
    { text: 'hi', label: 'card_arrival' },
    { text: 'x', label: 'nope' },
  ]);
  const rejected = await run(['eval', '--model', model, '--data', unknownLabel]);
  assert.equal(rejected.code, 2);
  assert.match(rejected.stderr, /line 2: label "nope"/);
});

test('classify: JSONL or plain lines in, one JSON line out per input, default model', async () => {
  const result = await run(['classify'], '{"text":"亲，我要退款"}\nwhere is my parcel\n');
  assert.equal(result.code, 0, result.stderr);
  const lines = result.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  assert.equal(lines.length, 2);
  assert.deepEqual(Object.keys(lines[0]), [
    'text',
    'intent',
    'confidence',
    'alternatives',
    'lang',
    'entities',
    'sentiment',
  ]);
  assert.equal(lines[0].intent, 'refund');
  assert.equal(lines[1].intent, 'order_tracking');
  assert.equal(lines[1].lang, 'en');
});

test('sentiment, match and search speak the fixed formats', async () => {
  const sentiment = await run(['sentiment'], '{"text":"太差了，我要投诉！！！"}\n{"text":"很好用，推荐"}\n');
  assert.deepEqual(
    sentiment.stdout
      .trim()
      .split('\n')
      .map((line) => Object.keys(JSON.parse(line))),
    [
      ['text', 'score', 'label', 'anger'],
      ['text', 'score', 'label', 'anger'],
    ],
  );
  const [angry, happy] = sentiment.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  assert.equal(angry.anger, true);
  assert.equal(happy.label, 'positive');

  const match = await run(
    ['match'],
    '{"q1":"怎么退款","q2":"如何申请退款"}\n{"q1":"怎么退款","q2":"运费多少"}\n',
  );
  const scores = match.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line).score);
  assert.ok(scores[0] > 0.5 && scores[1] < 0.5 && scores.every((score: number) => score >= 0 && score <= 1));

  const index = writeLines('docs.jsonl', [
    { id: 'd1', text: '退款多久到账' },
    { id: 2, text: 'how to request an invoice' },
  ]);
  const search = await run(
    ['search', '--index', index, '--k', '1'],
    '{"id":"q1","text":"invoice please"}\n{"id":"q2","text":"退款到账"}\n',
  );
  assert.equal(search.code, 0, search.stderr);
  assert.deepEqual(
    search.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .map(({ id, hits }) => [id, hits.map((hit: { id: unknown }) => hit.id)]),
    [
      ['q1', [2]],
      ['q2', ['d1']],
    ],
  );
});

test('bad input exits with code 2 and names the line', async () => {
  const malformed = await run(['match'], '{"q1":"a","q2":"b"}\n{"q1": oops}\n');
  assert.equal(malformed.code, 2);
  assert.match(malformed.stderr, /stdin line 2: malformed JSON/);
  const missing = await run(['sentiment'], '{"txt":"a"}\n');
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /line 1: missing string field "text"/);
  const empty = writeLines('empty.jsonl', []);
  const emptyTrain = await run(['train', '--data', empty, '--out', join(directory, 'never.json')]);
  assert.equal(emptyTrain.code, 2);
  assert.match(emptyTrain.stderr, /no input lines/);
  assert.equal((await run(['search', '--index', empty], '{"id":1,"text":"x"}')).code, 2);
  assert.equal((await run(['frobnicate'])).code, 2);
  assert.equal((await run(['eval', '--model', join(directory, 'missing.json'), '--data', empty])).code, 2);
});

test('the kefu-nlu bin runs as a real process', () => {
  const bin = fileURLToPath(new URL('../bin/kefu-nlu.js', import.meta.url));
  const output = execFileSync(process.execPath, [bin, 'sentiment'], {
    input: '{"text":"not bad"}\n',
    encoding: 'utf8',
  });
  assert.equal(JSON.parse(output).label, 'positive');
  const failed = spawnSync(process.execPath, [bin, 'match'], { input: 'nope\n', encoding: 'utf8' });
  assert.equal(failed.status, 2);
  assert.ok(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node'));
});
