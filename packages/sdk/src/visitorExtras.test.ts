// The visitor client's opening screen, status, photos and signed-in identity, and the agent client's
// protected files, against the real server (SQLite, demo data).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { photoBytes } from '../../server/test/helpers/photos';
import { shopIdentitySecret, signShopCustomer } from '../../server/test/helpers/shopChat';
import { startTestServer, testAdminPassword, type TestServer } from '../../server/test/helpers/testServer';
import { KefuAgentClient } from './agentClient';
import { KefuApiError, KefuVisitorClient } from './visitorClient';

let server: TestServer;

before(async () => {
  server = await startTestServer({ environment: { KEFU_SHOP_IDENTITY_SECRET: shopIdentitySecret } });
});

after(async () => server.close());

test('the opening screen and the service status come parsed', async () => {
  const client = new KefuVisitorClient({
    baseUrl: server.baseUrl,
    locale: 'en',
    page: { productId: 'prod_01' },
  });
  const welcome = await client.getWelcome();
  assert.equal(welcome.locale, 'en');
  assert.match(welcome.greeting, /Xinghe X20/);
  assert.ok(welcome.suggestions.length >= 2 && welcome.suggestions.every((item) => item.label && item.text));
  assert.deepEqual(welcome.orders, []);
  const status = await client.getServiceStatus();
  assert.equal(status.agentsOnline, 0);
  assert.equal(typeof status.open, 'boolean');
});

test('a photo is uploaded, sent without words and read back; a refusal is a typed error', async () => {
  const client = new KefuVisitorClient({ baseUrl: server.baseUrl, locale: 'zh-CN' });
  const upload = await client.uploadPhoto(new Blob([new Uint8Array(photoBytes.png)]), 'bowl.png');
  assert.equal(upload.contentType, 'image/png');
  const { message, replies } = await client.sendMessage('', undefined, { attachments: [upload.id] });
  assert.equal(message.text, '');
  assert.equal(message.attachments[0]?.uploadId, upload.id);
  assert.match(replies[0]?.text ?? '', /照片/);
  const photo = await client.fetchPhoto(message.attachments[0]?.url ?? '');
  assert.deepEqual(Buffer.from(await photo.arrayBuffer()), photoBytes.png);
  await assert.rejects(client.uploadPhoto(new Blob(['not a photo']), 'a.png'), (error: unknown) => {
    assert.ok(error instanceof KefuApiError);
    assert.equal(error.status, 415);
    assert.equal(error.code, 'upload_type_unsupported');
    return true;
  });

  const admin = new KefuAgentClient({ baseUrl: server.baseUrl });
  await admin.login('admin@kefu.test', testAdminPassword);
  const [agentView] = (await admin.listMessages(message.conversationId)).filter(
    (item) => item.id === message.id,
  );
  const agentUrl = agentView?.attachments[0]?.url ?? '';
  assert.match(agentUrl, /^\/api\/v1\/agent\/uploads\//);
  assert.equal((await admin.fetchFile(agentUrl)).size, photoBytes.png.length);
});

test('a shopper who signs in later gets their own conversation and recent orders', async () => {
  const client = new KefuVisitorClient({ baseUrl: server.baseUrl, locale: 'zh-CN' });
  const guest = await client.startSession();
  assert.deepEqual((await client.getWelcome()).orders, []);
  await client.setIdentity({ shopCustomerId: 'cus_demo_09', signature: signShopCustomer('cus_demo_09') });
  assert.notEqual(client.session?.customerId, guest.customerId);
  const orders = (await client.getWelcome()).orders;
  assert.ok(orders.some((order) => order.orderNumber === 'KF202611010030'));
});
