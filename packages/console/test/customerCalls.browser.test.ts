// The customer panel's phone calls in Chromium: a call from the call-center webhook is listed, and an agent
// logs a call by hand, which the API then holds.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { KefuCallsApi, KefuVisitorClient } from '@kefu/sdk';
import WebSocket from 'ws';
import { webhookHeaders } from '../../server/src/modules/channels/webhook/standardWebhookSignature';
import { shopIdentitySecret, signShopCustomer } from '../../server/test/helpers/shopChat';
import { testAdminPassword } from '../../server/test/helpers/testServer';
import type { ConsoleHarness } from './consoleBrowser';
import { openConsole, screenshot, signIn, skipReason, startConsoleHarness } from './consoleBrowser';

const callsKey = Buffer.from('call center webhook secret of the browser test');
let harness: ConsoleHarness;

before(async () => {
  if (skipReason) return;
  harness = await startConsoleHarness({
    environment: {
      KEFU_CALLS_WEBHOOK_SECRET: `whsec_${callsKey.toString('base64')}`,
      KEFU_SHOP_IDENTITY_SECRET: shopIdentitySecret,
    },
  });
});

after(async () => {
  if (skipReason) return;
  await harness.close();
});

test(
  'an agent sees the call-center call and logs a call by hand from the customer panel',
  { skip: skipReason },
  async () => {
    const shopper = new KefuVisitorClient({
      baseUrl: harness.server.baseUrl,
      locale: 'zh-CN',
      WebSocket,
      identity: { shopCustomerId: 'cus_demo_01', signature: signShopCustomer('cus_demo_01') },
    });
    const session = await shopper.startSession();
    await shopper.sendMessage('我刚才打过电话');

    const body = JSON.stringify({
      callId: 'cc-browser-1',
      phone: '13800000101',
      direction: 'inbound',
      startedAt: new Date().toISOString(),
      durationSeconds: 125,
      transcript: '顾客来电询问发货时间',
    });
    const posted = await fetch(`${harness.server.baseUrl}/api/v1/calls/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...webhookHeaders(callsKey, { id: 'wh-browser-1', timestamp: Math.floor(Date.now() / 1000) }, body),
      },
      body,
    });
    assert.equal(posted.status, 201);

    const { context, page, pageErrors } = await openConsole(harness);
    await signIn(page, { email: 'admin@kefu.test', password: testAdminPassword });
    await page.goto(`${harness.server.baseUrl}/console/inbox/${session.conversationId}`);
    const calls = page.getByRole('region', { name: '通话记录' });
    await calls.getByText('顾客来电询问发货时间').waitFor();
    await calls.getByText('2 分 5 秒').waitFor();

    await calls.getByRole('button', { name: '记录通话' }).click();
    await calls.getByLabel('时长（分钟）').fill('3');
    await calls.getByLabel('备注').fill('回电确认收货地址');
    await calls.getByRole('button', { name: '保存通话' }).click();
    await calls.getByText('回电确认收货地址').waitFor();
    await screenshot(page, 'console-customer-calls.png');

    const stored = await new KefuCallsApi(harness.admin).listCalls(session.customerId);
    assert.deepEqual(
      stored.map((call) => [call.source, call.direction, call.durationSeconds, call.transcript]),
      [
        ['manual', 'outbound', 180, '回电确认收货地址'],
        ['webhook', 'inbound', 125, '顾客来电询问发货时间'],
      ],
    );
    assert.deepEqual(pageErrors, []);
    await context.close();
  },
);
