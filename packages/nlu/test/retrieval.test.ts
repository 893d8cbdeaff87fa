import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import { after, before, test } from 'node:test';
import { Bm25Index, HybridRetriever, matchScore, OpenAiEmbeddingProvider } from '../src/index';

const knowledge = [
  { id: 'refund-time', text: '退款多久到账？退款审核通过后1-3个工作日原路退回。' },
  { id: 'return-policy', text: '支持七天无理由退货，商品需保持完好。' },
  { id: 'invoice', text: '如何开发票：在订单详情页申请电子发票。' },
  { id: 'shipping-fee', text: 'Shipping fees: free shipping on orders over $50, otherwise $5.' },
  { id: 'warranty', text: 'All electronics come with a one-year warranty covering defects.' },
];

test('matchScore: paraphrases score high, different questions low, in [0, 1]', () => {
  const same = [
    ['怎么退款', '如何申请退款'],
    ['可以开发票吗', '能开发票吗？'],
    ['how do I get a refund', 'how can I request a refund'],
  ];
  const different = [
    ['怎么退款', '怎么退货'],
    ['几天能到', '运费多少'],
    ['how do I get a refund', 'how do I change my address'],
  ];
  for (const [first = '', second = ''] of same)
    assert.ok(matchScore(first, second) > 0.7, `${first} / ${second}`);
  for (const [first = '', second = ''] of different)
    assert.ok(matchScore(first, second) < 0.4, `${first} / ${second}`);
  assert.equal(matchScore('退款', '退款'), 1);
  assert.ok(matchScore('可以退款吗', '不可以退款吗') < matchScore('可以退款吗', '能退款吗'));
  // Reworded paraphrases beat minimal pairs where one content word was swapped.
  assert.ok(matchScore('我想退款', '钱能退给我吗') > matchScore('我想退款', '我想退货'));
  assert.ok(matchScore('我的快递到哪了', '帮我查一下物流') > matchScore('我的快递到哪了', '我的发票到哪了'));
  assert.ok(
    matchScore('where is my order', 'can you track my package') >
      matchScore('where is my order', 'where is your store'),
  );
});

test('BM25 ranks the right document in both languages, across scripts', () => {
  const index = new Bm25Index();
  for (const { id, text } of knowledge) index.add(id, text);
  assert.equal(index.search('退款什么时候到账', 3)[0]?.id, 'refund-time');
  assert.equal(index.search('退款幾天到帳', 3)[0]?.id, 'refund-time');
  assert.equal(index.search('how much is shipping', 3)[0]?.id, 'shipping-fee');
  assert.equal(index.search('is there a warranty', 3)[0]?.id, 'warranty');
  assert.deepEqual(index.search('完全无关的话题 zebra'), []);
});

test('BM25 adds, replaces and removes documents incrementally', () => {
  const index = new Bm25Index();
  index.add('a', '开发票');
  index.add('b', '退货地址');
  assert.equal(index.search('发票')[0]?.id, 'a');
  index.add('a', '修改收货地址');
  assert.deepEqual(index.search('发票'), []);
  assert.equal(index.remove('b'), true);
  assert.equal(index.remove('b'), false);
  assert.equal(index.size, 1);
  assert.deepEqual(
    index.search('地址').map((hit) => hit.id),
    ['a'],
  );
});

// A loopback server speaking the OpenAI embeddings protocol; vectors are bags of keywords.
const vocabulary = ['refund', 'money', 'warranty', 'repair', 'invoice', 'ship'];
const requests: { authorization?: string; body: unknown }[] = [];
let baseUrl = '';
const server = createServer(async (request, response) => {
  const body: unknown = JSON.parse(await readBody(request));
  requests.push({ authorization: request.headers.authorization, body });
  if (
    request.url !== '/v1/embeddings' ||
    typeof body !== 'object' ||
    body === null ||
    !('input' in body) ||
    !Array.isArray(body.input)
  ) {
    response.writeHead(404).end();
    return;
  }
  const data = body.input.map((text: unknown, index: number) => ({
    object: 'embedding',
    index,
    embedding: vocabulary.map((word) => (String(text).toLowerCase().includes(word) ? 1 : 0.01)),
  }));
  response
    .writeHead(200, { 'content-type': 'application/json' })
    .end(JSON.stringify({ object: 'list', data, model: 'test' }));
});

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('server has no port');
  baseUrl = `http://127.0.0.1:${address.port}`;
});
after(() => server.close());

test('OpenAI-compatible embedding provider sends model, input and key, and batches', async () => {
  const provider = new OpenAiEmbeddingProvider({
    baseUrl,
    model: 'bge-small',
    apiKey: 'secret',
    batchSize: 2,
  });
  const vectors = await provider.embed(['refund money', 'warranty repair', 'invoice']);
  assert.equal(vectors.length, 3);
  assert.deepEqual(vectors[0]?.slice(0, 2), [1, 1]);
  assert.equal(requests.length, 2);
  assert.equal(requests[0]?.authorization, 'Bearer secret');
  assert.deepEqual(requests[0]?.body, { model: 'bge-small', input: ['refund money', 'warranty repair'] });
  await assert.rejects(
    new OpenAiEmbeddingProvider({ baseUrl: `${baseUrl}/nothing`, model: 'x' }).embed(['a']),
    /404/,
  );
});

test('hybrid retrieval fuses BM25 with dense vectors', async () => {
  const retriever = new HybridRetriever({
    embeddings: new OpenAiEmbeddingProvider({ baseUrl: `${baseUrl}/v1`, model: 'm' }),
  });
  await retriever.add([
    { id: 'money-back', text: 'refund: we send the money back within 3 days' },
    { id: 'fix', text: 'warranty: we repair faulty devices' },
  ]);
  const hits = await retriever.search('money', 2);
  assert.equal(hits[0]?.id, 'money-back');
  assert.ok(hits[0]?.denseScore !== undefined);
  assert.equal(retriever.remove('money-back'), true);
  // No word of "refund" is left in the index: only the dense signal can return a document now.
  assert.deepEqual(
    (await retriever.search('refund', 2)).map((hit) => hit.id),
    ['fix'],
  );
  const lexicalOnly = new HybridRetriever();
  await lexicalOnly.add([{ id: 'x', text: '开发票' }]);
  assert.deepEqual(
    (await lexicalOnly.search('发票')).map((hit) => hit.id),
    ['x'],
  );
});

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}
