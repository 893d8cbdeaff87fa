// The conversation view shows what the shopper saw and sent: photos (fetched with the agent's token),
// product and order cards. Headless Chromium against the real server.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { SendMessageResponse, VisitorSessionResponse } from '@kefu/sdk';
import { requestJson } from '../../server/test/helpers/http';
import { readUploadId, uploadFile } from '../../server/test/helpers/photos';
import { drawPhoto } from '../../widget/test/widgetBrowserKit';
import { shopIdentitySecret, signShopCustomer } from '../../server/test/helpers/shopChat';
import {
  createAccount,
  openConsole,
  screenshot,
  signIn,
  skipReason,
  startConsoleHarness,
  type ConsoleHarness,
} from './consoleBrowser';

let harness: ConsoleHarness | undefined;

before(async () => {
  if (!skipReason)
    harness = await startConsoleHarness({ environment: { KEFU_SHOP_IDENTITY_SECRET: shopIdentitySecret } });
});
after(async () => harness?.close());

test(
  'an agent sees the shopper’s photo and the cards the bot sent',
  { skip: skipReason, timeout: 120_000 },
  async () => {
    const current = requireHarness();
    const baseUrl = current.server.baseUrl;
    const session = await requestJson<VisitorSessionResponse>(baseUrl, 'POST', '/api/v1/visitor/sessions', {
      body: {
        locale: 'zh-CN',
        page: { productId: 'prod_01' },
        identity: { shopCustomerId: 'cus_demo_09', signature: signShopCustomer('cus_demo_09') },
      },
    });
    assert.equal(session.status, 201);
    const { token, conversationId } = session.body;
    const say = async (body: object) => {
      const sent = await requestJson<SendMessageResponse>(baseUrl, 'POST', '/api/v1/visitor/messages', {
        token,
        body,
      });
      assert.equal(sent.status, 201);
    };
    await say({ text: '这款电池多大？' });
    await say({ text: '订单 KF202611010030 到哪了' });
    const account = await createAccount(current, 'supervisor', '王主管');
    const { context, page, pageErrors } = await openConsole(current, { width: 1280, height: 1000 });
    const picture = await drawPhoto(page);
    const uploaded = await uploadFile(baseUrl, token, {
      bytes: picture,
      name: 'bowl.png',
      type: 'image/png',
    });
    await say({ attachments: [readUploadId(uploaded.body)] });
    await signIn(page, account);
    await page.goto(`${baseUrl}/console/inbox/${conversationId}`);
    const photo = page.locator('.message--customer img.message-photo');
    await photo.waitFor();
    assert.match((await photo.getAttribute('src')) ?? '', /^blob:/, 'fetched with the agent’s token');
    await page.waitForFunction(() => {
      const image = document.querySelector('.message--customer img.message-photo');
      return image instanceof HTMLImageElement && image.complete && image.naturalWidth > 0;
    });
    assert.equal(
      await photo.evaluate((image) => image instanceof HTMLImageElement && image.naturalWidth),
      240,
    );
    const product = page.locator('.message--bot .message-card--product');
    await product.waitFor();
    assert.match((await product.textContent()) ?? '', /星河 X20 5G.*¥2,499\.00/s);
    const order = page.locator('.message--bot .message-card--order');
    await order.waitFor();
    assert.match((await order.textContent()) ?? '', /KF202611010030.*已签收.*SF1411287430652/s);
    await page.locator('.message--bot', { hasText: '收到您的照片' }).waitFor();
    await photo.scrollIntoViewIfNeeded();
    await screenshot(page, 'console-rich-messages.png');
    assert.deepEqual(pageErrors, []);
    await context.close();
  },
);

function requireHarness(): ConsoleHarness {
  assert.ok(harness, 'the console harness started');
  return harness;
}
