// The example app in Chromium against a real Kefu: sign in with a signed identity, write while offline, come
// back — the agent sees each message once — and the agent's reply appears in the app.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Message } from '@kefu/sdk';
import type { Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { createServer } from 'vite';
import { requestJson } from '../../server/test/helpers/http';
import { shopIdentitySecret } from '../../server/test/helpers/shopChat';
import { waitUntil } from '../../server/test/helpers/waitUntil';
import { skipReason, startWidgetHarness, type WidgetHarness } from '../../widget/test/widgetBrowserKit';
import { exampleAppConfig } from '../vite.config';

let harness: WidgetHarness;
let vite: ViteDevServer;
let appUrl: string;

before(async () => {
  if (skipReason) return;
  harness = await startWidgetHarness({ environment: { KEFU_SHOP_IDENTITY_SECRET: shopIdentitySecret } });
  vite = await createServer({
    ...exampleAppConfig({ kefuUrl: harness.server.baseUrl, identitySecret: shopIdentitySecret }),
    configFile: false,
    logLevel: 'silent',
    server: {
      host: '127.0.0.1',
      port: 0,
      proxy: { '/api': { target: harness.server.baseUrl, ws: true } },
    },
  });
  await vite.listen();
  const address = vite.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('the example app did not bind a port');
  appUrl = `http://127.0.0.1:${address.port}/`;
});

after(async () => {
  if (skipReason) return;
  await vite.close();
  await harness.close();
});

test(
  'messages written offline are sent once when the app is back, and the agent reply appears',
  { skip: skipReason },
  async () => {
    const context = await harness.browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(appUrl);
    await page.getByRole('button', { name: '张伟' }).click();
    await page.getByTestId('connection').filter({ hasText: '已连接' }).waitFor({ timeout: 30_000 });
    const conversationId = await readConversationId(page);

    await page.getByLabel('离线模式').check();
    await page.getByTestId('connection').filter({ hasText: '离线' }).waitFor();
    await sendFromApp(page, '离线时写的第一条');
    await sendFromApp(page, '离线时写的第二条');
    await page.getByTestId('queued').nth(1).waitFor();
    assert.equal(await page.getByTestId('queued').count(), 2);

    await page.getByLabel('离线模式').uncheck();
    await page.getByTestId('connection').filter({ hasText: '已连接' }).waitFor({ timeout: 30_000 });
    await waitUntil(async () => (await page.getByTestId('queued').count()) === 0, {
      description: 'the queue was sent',
    });

    const agentToken = await harness.server.loginAdmin();
    const texts = (await agentMessages(agentToken, conversationId))
      .filter((message) => message.sender === 'customer')
      .map((message) => message.text);
    assert.deepEqual(texts, ['离线时写的第一条', '离线时写的第二条']);

    const reply = '您好，两条消息都收到了';
    for (const [path, body] of [
      [`/api/v1/agent/conversations/${conversationId}/takeover`, {}],
      [`/api/v1/agent/conversations/${conversationId}/messages`, { text: reply }],
    ] as const) {
      const response = await requestJson(harness.server.baseUrl, 'POST', path, { token: agentToken, body });
      assert.ok(response.status < 300, JSON.stringify(response.body));
    }
    await page.locator('.message--agent', { hasText: reply }).waitFor({ timeout: 30_000 });
    await context.close();
  },
);

async function sendFromApp(page: Page, text: string): Promise<void> {
  await page.getByLabel('输入消息').fill(text);
  await page.getByRole('button', { name: '发送' }).click();
}

async function readConversationId(page: Page): Promise<string> {
  const locator = page.locator('section.chat');
  await waitUntil(async () => ((await locator.getAttribute('data-conversation-id')) ?? '') !== '', {
    description: 'the session started',
  });
  return (await locator.getAttribute('data-conversation-id')) ?? '';
}

async function agentMessages(token: string, conversationId: string): Promise<Message[]> {
  const response = await requestJson<{ messages: Message[] }>(
    harness.server.baseUrl,
    'GET',
    `/api/v1/agent/conversations/${conversationId}/messages`,
    { token },
  );
  assert.equal(response.status, 200);
  return response.body.messages;
}
