// The agent workspace in headless Chromium against the real server: a shopper writes in the widget on the
// demo shop, the agent sees it arrive live, takes over and answers with a canned response.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import WebSocket from 'ws';
import { KefuAgentClient, KefuCannedApi, KefuVisitorClient } from '@kefu/sdk';
import {
  createAccount,
  openConsole,
  screenshot,
  signIn,
  skipReason,
  startConsoleHarness,
  type ConsoleHarness,
} from './consoleBrowser';

const SHOPPER_TEXT = '我的订单什么时候发货？等了好久了';
const HTML_PAYLOAD = '<img src=x onerror=alert(1)>';
const CANNED_SHIP_TEXT = '您的订单已安排发货，物流信息会在 24 小时内更新，请留意短信通知。';

let harness: ConsoleHarness | undefined;

before(async () => {
  if (!skipReason) harness = await startConsoleHarness();
});
after(async () => harness?.close());

test(
  'an agent sees a widget message arrive live, takes over and answers with a canned response',
  { skip: skipReason, timeout: 120_000 },
  async () => {
    const current = requireHarness();
    const account = await createAccount(current, 'agent', '李客服');
    // The agent's own canned reply, kept on the server.
    const agentClient = new KefuAgentClient({ baseUrl: current.server.baseUrl, WebSocket });
    await agentClient.login(account.email, account.password);
    await new KefuCannedApi(agentClient).create({
      scope: 'personal',
      shortcut: 'ship',
      text: CANNED_SHIP_TEXT,
    });
    const { context, page, pageErrors } = await openConsole(current);
    await screenshot(page, 'console-login.png');
    await signIn(page, account);
    await page.getByText('待接入').click();

    const shopperContext = await current.browser.newContext({ viewport: { width: 1100, height: 760 } });
    const shop = await shopperContext.newPage();
    await shop.goto(`${current.server.baseUrl}/`);
    await shop.getByRole('button', { name: '打开在线客服' }).click();
    await sendFromWidget(shop, SHOPPER_TEXT);

    const conversationId = await findWidgetConversation(shop, current.server.baseUrl);
    const row = page.locator(`.inbox-row[data-conversation-id="${conversationId}"]`);
    await row.waitFor();
    await row.locator('.ant-badge-count').waitFor();
    await screenshot(page, 'console-inbox-live.png');
    await row.click();
    await page.locator('.message--customer', { hasText: SHOPPER_TEXT }).waitFor();
    await page.locator('.message-analysis').first().waitFor();
    assert.match((await page.locator('.message-analysis').first().textContent()) ?? '', /意图/);

    await page.getByRole('button', { name: /接管/ }).click();
    await page.locator('.conversation-title', { hasText: '人工中' }).waitFor();
    await page.locator('[data-tab="mine"]').click();
    await row.waitFor();
    await shop.getByRole('textbox', { name: /输入消息|Message/ }).pressSequentially('还在吗', { delay: 30 });
    await page.getByText('顾客正在输入…').waitFor();

    const composer = page.getByRole('textbox', { name: '回复' });
    await composer.click();
    await page.keyboard.type('/sh');
    await page.getByRole('option', { name: /\/ship/ }).waitFor();
    await screenshot(page, 'console-canned-response.png');
    await page.keyboard.press('Enter');
    assert.equal(await composer.inputValue(), CANNED_SHIP_TEXT);
    await page.keyboard.press('Enter');
    await page.locator('.message--agent', { hasText: CANNED_SHIP_TEXT }).waitFor();
    await shop.locator('.kefu-row--agent .kefu-text', { hasText: CANNED_SHIP_TEXT }).waitFor();
    await page
      .getByText('我方正在输入')
      .waitFor({ state: 'detached' })
      .catch(() => undefined);

    await page.locator('.composer-toolbar').getByText('备注').click();
    await page.getByRole('textbox', { name: '内部备注' }).fill('老客户，优先处理');
    await page.keyboard.press('Enter');
    await page.locator('.message--note', { hasText: '老客户，优先处理' }).waitFor();

    await sendFromWidget(shop, HTML_PAYLOAD);
    const literal = page.locator('.message--customer .message-bubble', { hasText: HTML_PAYLOAD });
    await literal.waitFor();
    assert.equal(await literal.textContent(), HTML_PAYLOAD, 'shopper markup is shown as text');
    assert.equal(await page.locator('.transcript img').count(), 0, 'no element was injected');
    await screenshot(page, 'console-conversation.png');
    await shop.screenshot({ path: screenshotPath('console-shopper-widget.png') });
    assert.equal(await shop.locator('.kefu-text', { hasText: '老客户' }).count(), 0, 'notes stay private');

    await page.keyboard.press('Alt+KeyE');
    await page.locator('.conversation-title', { hasText: '已解决' }).waitFor();
    assert.deepEqual(pageErrors, []);
    await shopperContext.close();
    await context.close();
  },
);

test(
  'a supervisor sees the queue and the all tab; the English switch and tablet width work',
  { skip: skipReason, timeout: 90_000 },
  async () => {
    const current = requireHarness();
    const shopper = new KefuVisitorClient({
      baseUrl: current.server.baseUrl,
      name: '王女士',
      locale: 'zh-CN',
    });
    await shopper.sendMessage('我要转人工，快递一直没更新');
    const account = await createAccount(current, 'supervisor', '赵主管');
    const { context, page, pageErrors } = await openConsole(current, { width: 1024, height: 768 });
    await signIn(page, account);
    // Signing in makes the supervisor available, so routing may hand them the waiting conversation at once:
    // the All tab shows it wherever it went.
    assert.equal(await page.locator('[data-tab="all"]').count(), 1, 'supervisors have the all tab');
    await page.locator('[data-tab="all"]').click();
    const row = page.locator('.inbox-row', { hasText: '王女士' });
    await row.waitFor();
    assert.equal(await page.getByRole('menuitem', { name: /机器人规则/ }).count(), 0, 'no admin screens');
    await screenshot(page, 'console-supervisor-queue-tablet.png');

    await page.locator('.language-switch').getByText('English').click();
    await page.locator('[data-tab="queue"]', { hasText: 'Queue' }).waitFor();
    await row.click();
    await page
      .getByRole('button', { name: /Take over|Hand back/ })
      .first()
      .waitFor();
    await screenshot(page, 'console-supervisor-conversation-en.png');
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await screenshot(page, 'console-shortcuts-en.png');
    assert.deepEqual(pageErrors, []);
    await context.close();
  },
);

async function sendFromWidget(page: Page, text: string): Promise<void> {
  const input = page.getByRole('textbox', { name: /输入消息|Message/ });
  await input.fill(text);
  await input.press('Enter');
}

/** The conversation the widget's visitor is in, as the visitor API resumes it. */
async function findWidgetConversation(shop: Page, baseUrl: string): Promise<string> {
  const token = await shop.evaluate(() => window.localStorage.getItem('kefu.visitorToken'));
  assert.ok(token, 'the widget remembers its visitor');
  const session = await new KefuVisitorClient({ baseUrl, token }).startSession();
  return session.conversationId;
}

function screenshotPath(name: string): string {
  return new URL(`../../../test-output/console/${name}`, import.meta.url).pathname;
}

function requireHarness(): ConsoleHarness {
  if (!harness) throw new Error('harness not started');
  return harness;
}
