import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadIntentCorpus } from '../src/tools/corpus';
import { DEFAULT_INTENTS } from '../src/taxonomy';
import {
  loadOutOfScope,
  loadRealisticIntents,
  loadShopperIntents,
  realisticSets,
} from '../src/tools/heldout';

const key = (text: string): string => text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

test('held-out intent and out-of-scope lines never appear in the training corpus', () => {
  const corpus = new Set(
    [...loadIntentCorpus('train'), ...loadIntentCorpus('dev'), ...loadIntentCorpus('test')].map(({ text }) =>
      key(text),
    ),
  );
  const heldOut = [
    ...loadShopperIntents('dev').map(({ text }) => text),
    ...loadShopperIntents('test').map(({ text }) => text),
    ...loadOutOfScope('dev'),
    ...loadOutOfScope('test'),
  ];
  assert.ok(heldOut.length > 300);
  assert.deepEqual(
    heldOut.filter((text) => corpus.has(key(text))),
    [],
  );
});

test('realistic held-out sets use only the default intent ids and cover every intent in English and Chinese', () => {
  const known = new Set<string>(DEFAULT_INTENTS);
  const labels = new Set<string>();
  for (const set of realisticSets)
    for (const { label } of loadRealisticIntents(set)) {
      assert.ok(known.has(label), `${set}: ${label}`);
      labels.add(label);
    }
  assert.equal(labels.size, DEFAULT_INTENTS.length);
});

/** Punctuation, symbols and spacing do not make a held-out line different from a training line. */
const looseKey = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');

test('realistic held-out lines differ from every corpus line by more than punctuation', () => {
  const corpus = new Set(
    [...loadIntentCorpus('train'), ...loadIntentCorpus('dev'), ...loadIntentCorpus('test')].map(({ text }) =>
      looseKey(text),
    ),
  );
  const realistic = realisticSets.flatMap((set) => loadRealisticIntents(set).map(({ text }) => text));
  assert.ok(realistic.length > 300);
  assert.deepEqual(
    realistic.filter((text) => corpus.has(looseKey(text))),
    [],
  );
});
