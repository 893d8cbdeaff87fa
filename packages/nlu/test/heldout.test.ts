import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadIntentCorpus } from '../src/tools/corpus';
import { loadOutOfScope, loadShopperIntents } from '../src/tools/heldout';

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
