// The widget on the demo shop page, in a real headless Chromium against the real server.
// Runs only when KEFU_TEST_CHROMIUM points at a Chromium binary (scripts/test-all.sh sets it).
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { startTestServer } from '../../server/test/helpers/testServer';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const chromiumPath = process.env.KEFU_TEST_CHROMIUM;
const skip = !chromiumPath && 'KEFU_TEST_CHROMIUM not set';
const screenshotDirectory = join(dirname(fileURLToPath(import.meta.url)), '../../../test-output');
const AGENT_REPLY = '您好，我是人工客服，已为您查询到订单，今天就会发货。';
const HTML_PAYLOAD = '<img src=x onerror=alert(1)>';

let server: TestServer | undefined;
let browser: Browser | undefined;

before(async () => {
  if (skip) return;
  await mkdir(screenshotDirectory, { recursive: true });
  server = await startTestServer();
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test(
  'a shopper chats with the bot and then an agent through the widget on the demo shop',
  { skip, timeout: 120_000 },
  async () => {
    const { baseUrl } = requireServer();
    const context = await requireBrowser().newContext({
      viewport: { width: 1280, height: 820 },
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });

    await page.goto(`${baseUrl}/`);
    await openFirstProduct(page, 'demo-shop-list.png');
    await page.getByRole('button', { name: '打开在线客服' }).click();
    await sendFromWidget(page, '你好');
    await page.locator('.kefu-row--customer .kefu-text', { hasText: '你好' }).waitFor();
    const botReply = page.locator('.kefu-row--bot .kefu-text').last();
    await botReply.waitFor();
    assert.notEqual((await botReply.textContent())?.trim(), '', 'the bot answered');
    await page.screenshot({ path: join(screenshotDirectory, 'widget-bot-reply.png') });

    await sendWithFailedFirstAttempt(page, '我的订单到哪了？', 'answer-lost');
    await sendWithFailedFirstAttempt(page, '可以开发票吗？', 'server-unavailable');
    const visitorToken = await page.evaluate(() => window.localStorage.getItem('kefu.visitorToken'));
    assert.ok(visitorToken, 'the token the server issued is remembered');
    assert.equal(
      await page.evaluate(() => window.localStorage.getItem('kefu.visitorId')),
      null,
      'a bare visitor id is not what resumes the conversation',
    );
    await page.reload();
    await page.getByRole('button', { name: /打开在线客服/ }).click();
    await page.locator('.kefu-row--customer .kefu-text', { hasText: '我的订单到哪了？' }).waitFor();
    await page.locator('.kefu-row--bot').first().waitFor();
    assert.equal(
      await page.locator('.kefu-row--customer', { hasText: '你好' }).count(),
      1,
      'history after reload',
    );
    assert.equal(
      await page.locator('.kefu-row--customer', { hasText: '我的订单到哪了？' }).count(),
      1,
      'the resent message was stored once',
    );
    assert.equal(await page.locator('.kefu-row--customer', { hasText: '可以开发票吗？' }).count(), 1);

    await expectProductReportedOnNavigation(page);
    await replyAsAgent(page, baseUrl, visitorToken, dialogs);
    await context.close();
  },
);

test(
  'the widget fills a 360px phone screen and follows the English switch',
  { skip, timeout: 60_000 },
  async () => {
    const { baseUrl } = requireServer();
    const context = await requireBrowser().newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await openFirstProduct(page, 'demo-shop-mobile.png');
    await page.screenshot({ path: join(screenshotDirectory, 'demo-product-mobile.png'), fullPage: true });

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Open customer service chat' }).click();
    const chatWindow = page.getByRole('dialog', { name: 'Customer service' });
    await chatWindow.waitFor();
    const box = await chatWindow.boundingBox();
    assert.deepEqual(box && { width: box.width, height: box.height }, { width: 360, height: 740 });
    await sendFromWidget(page, 'hello');
    await page.locator('.kefu-row--bot').last().waitFor();

    // A message the bot cannot place gets quick replies; tapping one sends its text.
    await sendFromWidget(page, 'zqxj 4711?');
    const firstQuickReply = page.locator('.kefu-chip').first();
    await firstQuickReply.waitFor();
    await page.screenshot({ path: join(screenshotDirectory, 'widget-mobile-en.png') });
    await firstQuickReply.click();
    await page.locator('.kefu-row--customer.kefu-row--sent').nth(2).waitFor();
    await page.getByRole('button', { name: 'Close chat window' }).click();
    await chatWindow.waitFor({ state: 'hidden' });
    await context.close();
  },
);

async function openFirstProduct(page: Page, screenshotName: string): Promise<void> {
  const productCards = page.locator('.product-card');
  await productCards.first().waitFor();
  assert.match((await productCards.first().textContent()) ?? '', /¥\d/, 'prices are shown in yuan');
  await page.screenshot({ path: join(screenshotDirectory, screenshotName) });
  const productId = await productCards.first().getAttribute('data-product-id');
  await productCards.first().click();
  await page.locator('[data-testid="product-detail"]').waitFor();
  assert.equal(new URL(page.url()).hash, `#/product/${productId}`);
  assert.ok((await page.locator('.attributes tr').count()) >= 2, 'the product page shows its attributes');
}

/**
 * The first attempt fails: either the server stored the message but the answer was lost, or the server
 * was unavailable. Either way the shopper sees the message once and every attempt used one clientMessageId.
 */
async function sendWithFailedFirstAttempt(
  page: Page,
  text: string,
  failure: 'answer-lost' | 'server-unavailable',
): Promise<void> {
  const postedClientMessageIds: unknown[] = [];
  await page.route('**/api/v1/visitor/messages', async (route) => {
    const request = route.request();
    if (request.method() !== 'POST') return route.continue();
    const body: unknown = request.postDataJSON();
    postedClientMessageIds.push(
      typeof body === 'object' && body ? Reflect.get(body, 'clientMessageId') : null,
    );
    if (postedClientMessageIds.length > 1) return route.continue();
    if (failure === 'server-unavailable')
      return route.fulfill({ status: 503, json: { error: { code: 'unavailable', message: 'try again' } } });
    await route.fetch();
    await route.abort('connectionreset');
  });
  await sendFromWidget(page, text);
  await page.locator('.kefu-row--customer.kefu-row--sent', { hasText: text }).waitFor();
  await page.unrouteAll();
  if (failure === 'server-unavailable') assert.equal(postedClientMessageIds.length, 2, 'the widget retried');
  assert.equal(new Set(postedClientMessageIds).size, 1, 'every attempt reused one clientMessageId');
  assert.equal(await page.locator('.kefu-row--customer', { hasText: text }).count(), 1);
}

/** Opening another product tells the server what the (already connected) shopper is looking at. */
async function expectProductReportedOnNavigation(page: Page): Promise<void> {
  const reports: Request[] = [];
  const collectReport = (request: Request): void => {
    if (request.method() === 'POST' && request.url().endsWith('/api/v1/visitor/page')) reports.push(request);
  };
  page.on('request', collectReport);
  await page.locator('.shop-back').click();
  const secondCard = page.locator('.product-card').nth(1);
  const productId = await secondCard.getAttribute('data-product-id');
  await secondCard.click();
  await page.locator(`[data-testid="product-detail"][data-product-id="${productId}"]`).waitFor();
  const deadline = Date.now() + 5000;
  let report = reports.find((request) => readJsonField(request.postData(), 'productId') === productId);
  while (!report && Date.now() < deadline) {
    await page.waitForTimeout(50);
    report = reports.find((request) => readJsonField(request.postData(), 'productId') === productId);
  }
  page.off('request', collectReport);
  assert.ok(report, `the widget reported product ${productId}`);
  assert.equal((await report.response())?.status(), 204);
}

function readJsonField(json: string | null, field: string): unknown {
  const parsed: unknown = json ? JSON.parse(json) : null;
  return typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, field) : undefined;
}

async function replyAsAgent(
  page: Page,
  baseUrl: string,
  visitorToken: string,
  dialogs: string[],
): Promise<void> {
  const conversationId = await resumeConversationId(baseUrl, visitorToken);
  const agentToken = await requireServer().loginAdmin();
  const conversationPath = `/api/v1/agent/conversations/${conversationId}`;
  await callAgentApi(baseUrl, agentToken, `${conversationPath}/takeover`, {});
  await callAgentApi(baseUrl, agentToken, `${conversationPath}/messages`, { text: AGENT_REPLY });
  await page.locator('.kefu-row--agent .kefu-text', { hasText: AGENT_REPLY }).waitFor();
  await page.screenshot({ path: join(screenshotDirectory, 'widget-agent-reply.png') });

  await callAgentApi(baseUrl, agentToken, `${conversationPath}/messages`, { text: HTML_PAYLOAD });
  await sendFromWidget(page, HTML_PAYLOAD);
  const agentPayload = page.locator('.kefu-row--agent .kefu-text', { hasText: HTML_PAYLOAD });
  const shopperPayload = page.locator('.kefu-row--customer.kefu-row--sent .kefu-text', {
    hasText: HTML_PAYLOAD,
  });
  await agentPayload.waitFor();
  await shopperPayload.waitFor();
  assert.equal(await agentPayload.textContent(), HTML_PAYLOAD, 'agent markup shown as literal text');
  assert.equal(await shopperPayload.textContent(), HTML_PAYLOAD, 'shopper markup shown as literal text');
  assert.equal(await page.locator('#kefu-widget img').count(), 0, 'no element was injected');
  assert.deepEqual(dialogs, [], 'no script ran');
  await page.screenshot({ path: join(screenshotDirectory, 'widget-literal-html.png') });

  await page.keyboard.press('Escape');
  await page.locator('.kefu-window').waitFor({ state: 'hidden' });
  await callAgentApi(baseUrl, agentToken, `${conversationPath}/messages`, { text: '还有其他问题吗？' });
  await page.getByRole('button', { name: '打开在线客服 (1 条未读消息)' }).waitFor();
  assert.equal(await page.locator('.kefu-badge').textContent(), '1');
  await page.screenshot({ path: join(screenshotDirectory, 'widget-unread-badge.png') });
}

async function sendFromWidget(page: Page, text: string): Promise<void> {
  const input = page.getByRole('textbox', { name: /输入消息|Message/ });
  await input.fill(text);
  await input.press('Enter');
}

async function resumeConversationId(baseUrl: string, visitorToken: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/visitor/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${visitorToken}` },
    body: JSON.stringify({}),
  });
  assert.equal(response.status, 201);
  const body: unknown = await response.json();
  const conversationId =
    typeof body === 'object' && body !== null ? Reflect.get(body, 'conversationId') : undefined;
  assert.equal(typeof conversationId, 'string');
  return String(conversationId);
}

async function callAgentApi(baseUrl: string, token: string, path: string, payload: object): Promise<void> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(payload),
  });
  assert.ok(response.ok, `POST ${path} answered ${response.status}: ${await response.text()}`);
}

function requireServer(): TestServer {
  assert.ok(server, 'the test server started');
  return server;
}

function requireBrowser(): Browser {
  assert.ok(browser, 'Chromium started');
  return browser;
}
