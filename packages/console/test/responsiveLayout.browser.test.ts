// The console on a phone (390×844) and a tablet (820×1180) in headless Chromium with touch, against the real
// server: on the phone the list opens a conversation, the agent takes over and answers from the composer,
// and goes back to the list, with the page never wider than the screen; on the tablet list and conversation
// stand side by side and a tap opens the conversation. Screenshots go to docs/screenshots/ for the README.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { KefuVisitorClient } from '@kefu/sdk';
import {
  browserWaitMs,
  createAccount,
  signIn,
  skipReason,
  startConsoleHarness,
  switchToManualRoutingAroundTheClock,
  type ConsoleHarness,
} from './consoleBrowser';

const docsScreenshots = join(dirname(fileURLToPath(import.meta.url)), '../../../docs/screenshots');
let harness: ConsoleHarness | undefined;

before(async () => {
  if (skipReason) return;
  harness = await startConsoleHarness();
  await mkdir(docsScreenshots, { recursive: true });
  await switchToManualRoutingAroundTheClock(harness);
});
after(async () => harness?.close());

test(
  'on a phone the agent goes list → conversation → reply → back without the page overflowing',
  { skip: skipReason, timeout: 180_000 },
  async () => {
    const current = requireHarness();
    const account = await createAccount(current, 'agent', '手机客服');
    const conversationId = await startShopperConversation(current, '手机上能看到吗？我的订单还没到');
    const { page, close, pageErrors } = await openTouchConsole(current, { width: 390, height: 844 });
    await signIn(page, account);
    await assertNoHorizontalOverflow(page);
    await page.getByRole('button', { name: '菜单' }).click();
    await page.locator('.compact-nav-drawer').getByRole('menuitem', { name: /会话/ }).waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.compact-nav-drawer').waitFor({ state: 'hidden' });

    const row = page.locator(`.inbox-row[data-conversation-id="${conversationId}"]`);
    await page.getByText('待接入').click();
    await row.waitFor();
    await page.screenshot({ path: join(docsScreenshots, 'console-phone-list.png') });
    await row.tap();
    await page.locator('.message--customer', { hasText: '手机上能看到吗' }).waitFor();
    assert.equal(await page.locator('.inbox-column').isVisible(), false, 'the list steps aside');
    await page.getByRole('button', { name: /接管/ }).tap();
    const composer = page.getByRole('textbox', { name: '回复' });
    await composer.tap();
    await composer.fill('您好，我来帮您查一下物流。');
    await page.getByRole('button', { name: '发送' }).tap();
    await page.locator('.message--agent', { hasText: '我来帮您查一下物流' }).waitFor();
    await assertInsideViewport(page, composer);
    await assertNoHorizontalOverflow(page);
    await page.screenshot({ path: join(docsScreenshots, 'console-phone-conversation.png') });

    await page.locator('.back-button').tap();
    await page.locator('.inbox-column').waitFor();
    await page.locator('[data-tab="mine"]').tap();
    await row.waitFor();
    assert.equal(await page.locator('.conversation-column').isVisible(), false, 'back on the list');
    await assertNoHorizontalOverflow(page);
    assert.deepEqual(pageErrors, []);
    await close();
  },
);

test(
  'on a tablet the list and the conversation stand side by side and a tap opens a conversation',
  { skip: skipReason, timeout: 180_000 },
  async () => {
    const current = requireHarness();
    const account = await createAccount(current, 'agent', '平板客服');
    const conversationId = await startShopperConversation(current, '平板上点一下就能打开吗？');
    const { page, close, pageErrors } = await openTouchConsole(current, { width: 820, height: 1180 });
    await signIn(page, account);
    await page.getByText('待接入').click();
    const row = page.locator(`.inbox-row[data-conversation-id="${conversationId}"]`);
    await row.waitFor();
    assert.ok(await page.locator('.conversation-column').isVisible(), 'the conversation pane is there');
    await row.tap();
    await page.locator('.message--customer', { hasText: '平板上点一下就能打开吗' }).waitFor();
    assert.ok(await page.locator('.inbox-column').isVisible(), 'the list stays beside it');
    await page.getByRole('menuitem', { name: /会话/ }).waitFor();
    await assertNoHorizontalOverflow(page);
    await page.screenshot({ path: join(docsScreenshots, 'console-tablet.png') });
    assert.deepEqual(pageErrors, []);
    await close();
  },
);

async function startShopperConversation(current: ConsoleHarness, text: string): Promise<string> {
  const shopper = new KefuVisitorClient({ baseUrl: current.server.baseUrl, name: '赵先生', locale: 'zh-CN' });
  await shopper.sendMessage(text);
  await shopper.sendMessage('转人工');
  const conversationId = shopper.session?.conversationId;
  assert.ok(conversationId);
  return conversationId;
}

async function openTouchConsole(
  current: ConsoleHarness,
  viewport: { width: number; height: number },
): Promise<{ page: Page; pageErrors: string[]; close(): Promise<void> }> {
  const context = await current.browser.newContext({
    viewport,
    hasTouch: true,
    isMobile: true,
    locale: 'zh-CN',
  });
  context.setDefaultTimeout(browserWaitMs);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${current.server.baseUrl}/console/`);
  return { page, pageErrors, close: () => context.close() };
}

/** The document is exactly as wide as the screen: nothing scrolls sideways. */
async function assertNoHorizontalOverflow(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    document: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));
  assert.equal(widths.document, widths.viewport, 'document width equals the viewport');
}

async function assertInsideViewport(page: Page, element: ReturnType<Page['getByRole']>): Promise<void> {
  const box = await element.boundingBox();
  const viewport = page.viewportSize();
  assert.ok(box && viewport, 'the element is laid out');
  assert.ok(box.x >= 0 && box.x + box.width <= viewport.width, 'fits across');
  assert.ok(box.y >= 0 && box.y + box.height <= viewport.height, 'fits down');
}

function requireHarness(): ConsoleHarness {
  if (!harness) throw new Error('the console harness did not start');
  return harness;
}
