// What shoppers expect from the widget, in a real headless Chromium against the real server: the opening
// screen, cards, quick replies that stay usable, the typing indicator, photos, and an honest header.
// Runs only when KEFU_TEST_CHROMIUM points at a Chromium binary (scripts/test-all.sh sets it).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { ManualClock } from '../../server/src/clock';
import { requestJson } from '../../server/test/helpers/http';
import { shopIdentitySecret, signShopCustomer } from '../../server/test/helpers/shopChat';
import {
  drawPhoto,
  readRecordedEvents,
  recordTypingAndReplies,
  screenshotDirectory,
  sendFromWidget,
  skipReason,
  startWidgetHarness,
  type WidgetHarness,
} from './widgetBrowserKit';

// 10:00 in the shop's time zone (UTC+8): inside the default 09:00–21:00 hours.
const shopMorning = '2026-01-05T02:00:00.000Z';
const clock = new ManualClock(shopMorning);
let harness: WidgetHarness | undefined;

before(async () => {
  if (skipReason) return;
  harness = await startWidgetHarness({
    clock,
    environment: {
      KEFU_SHOP_IDENTITY_SECRET: shopIdentitySecret,
      KEFU_UPLOAD_MAX_BYTES: String(1024 * 1024),
    },
  });
});

after(async () => harness?.close());

test(
  'the opening screen suggests questions about the product; a tap answers with a product card after typing',
  { skip: skipReason, timeout: 120_000 },
  async () => {
    const page = await openPage('/#/product/prod_01');
    await page.getByRole('button', { name: '打开在线客服' }).click();
    const suggestions = page.getByRole('region', { name: '猜你想问' });
    await suggestions.waitFor();
    assert.match((await page.locator('.kefu-welcome .kefu-text').textContent()) ?? '', /星河 X20/);
    const first = suggestions.locator('.kefu-suggestion').first();
    assert.match((await first.textContent()) ?? '', /网络制式/);
    await page.screenshot({ path: join(screenshotDirectory, 'widget-welcome.png') });

    await recordTypingAndReplies(page);
    await first.click();
    await page.locator('.kefu-row--customer.kefu-row--sent', { hasText: '网络制式' }).waitFor();
    const card = page.locator('.kefu-row--bot .kefu-card--product');
    await card.waitFor();
    assert.equal(await page.locator('.kefu-welcome').count(), 0, 'the opening screen gives way to the chat');
    assert.equal(await card.locator('.kefu-card__title').textContent(), '星河 X20 5G 智能手机 8GB+256GB');
    assert.equal(await card.locator('.kefu-card__price').textContent(), '¥2,499.00');
    const link = await card.getByRole('link', { name: '查看商品' }).getAttribute('href');
    assert.equal(link, `${requireHarness().server.baseUrl}/#/product/prod_01`);
    assert.match((await page.locator('.kefu-row--bot .kefu-text').last().textContent()) ?? '', /5G 全网通/);
    await page.locator('.kefu-typing').waitFor({ state: 'hidden' });
    const events = await readRecordedEvents(page);
    const firstReply = events.indexOf('bot-row');
    assert.ok(firstReply > 0 && events.slice(0, firstReply).includes('typing-shown'), events.join(' '));
    assert.equal(events.at(-1), 'typing-hidden');
    await page.screenshot({ path: join(screenshotDirectory, 'widget-product-card.png') });
    await page.context().close();
  },
);

test(
  'quick replies stay under the latest bot message and stay usable after a tap',
  { skip: skipReason, timeout: 120_000 },
  async () => {
    const page = await openPage('/');
    await page.getByRole('button', { name: '打开在线客服' }).click();
    await sendFromWidget(page, 'zqxj 4711 阿巴阿巴?');
    const latestBot = page.locator('.kefu-row--bot').last();
    await latestBot.locator('.kefu-chip').first().waitFor();
    const chips = latestBot.locator('.kefu-chip');
    // Hold the answer to the tap so the chips can be checked while it is on its way.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/v1/visitor/messages', async (route) => {
      if (route.request().method() === 'POST') await held;
      await route.continue();
    });
    await chips.first().click();
    await page.locator('.kefu-row--customer.kefu-row--pending').first().waitFor();
    assert.ok(await chips.first().isEnabled(), 'not disabled after the first tap');
    assert.equal(
      await page.locator('.kefu-chip').count(),
      await chips.count(),
      'only the latest bot message offers quick replies',
    );
    await chips.nth(1).click();
    assert.equal(
      await page.locator('.kefu-row--customer.kefu-row--pending').count(),
      2,
      'a second tap sends too',
    );
    release();
    await page.locator('.kefu-row--customer.kefu-row--pending').first().waitFor({ state: 'detached' });
    await page.unrouteAll();
    await page.context().close();
  },
);

test(
  'a signed-in shopper sees recent orders and gets a tracking answer with an order card and timeline',
  { skip: skipReason, timeout: 120_000 },
  async () => {
    const page = await openPage('/', async (context) => {
      await context.addInitScript((signature) => {
        Reflect.set(window, 'Kefu', { q: [['identify', { shopCustomerId: 'cus_demo_09', signature }]] });
      }, signShopCustomer('cus_demo_09'));
    });
    // The page's queued call (`window.Kefu = { q: […] }`) must not break the shop's own use of the widget.
    await page.locator('.product-card').first().waitFor();
    await page.getByRole('button', { name: '打开在线客服' }).click();
    const orders = page.getByRole('region', { name: '您最近的订单' });
    await orders.locator('.kefu-card--order').first().waitFor();
    const delivered = orders.locator('.kefu-recent-order', { hasText: 'KF202611010030' });
    assert.match((await delivered.locator('.kefu-card__status').textContent()) ?? '', /已签收/);
    await page.screenshot({ path: join(screenshotDirectory, 'widget-welcome-orders.png') });

    await sendFromWidget(page, '订单 KF202611010030 到哪了');
    const card = page.locator('.kefu-row--bot .kefu-card--order');
    await card.waitFor();
    assert.match((await card.locator('.kefu-card__carrier').textContent()) ?? '', /SF1411287430652/);
    assert.equal(await card.locator('.kefu-timeline li').count(), 3, 'a compact timeline');
    await page.screenshot({ path: join(screenshotDirectory, 'widget-order-card.png') });
    await card.getByRole('button', { name: /查看全部物流/ }).click();
    assert.ok((await card.locator('.kefu-timeline li').count()) > 3, 'the full timeline on request');
    await page.context().close();
  },
);

test(
  'a photo is sent and acknowledged; a wrong type or an oversized photo is refused calmly',
  { skip: skipReason, timeout: 120_000 },
  async () => {
    const page = await openPage('/');
    await page.getByRole('button', { name: '打开在线客服' }).click();
    const fileInput = page.locator('#kefu-widget input[type="file"]');
    const photo = await drawPhoto(page);
    await fileInput.setInputFiles({ name: 'bowl.png', mimeType: 'image/png', buffer: photo });
    const sent = page.locator('.kefu-row--customer.kefu-row--sent .kefu-photo[src^="blob:"]');
    await sent.waitFor();
    const acknowledged = page.locator('.kefu-row--bot', { hasText: '收到您的照片' });
    await acknowledged.waitFor();
    assert.ok((await acknowledged.locator('.kefu-chip').count()) >= 2);
    await page.screenshot({ path: join(screenshotDirectory, 'widget-photo.png') });

    const rowsBefore = await page.locator('.kefu-row--customer').count();
    const notice = page.getByRole('status').filter({ hasText: /图片/ });
    const script = Buffer.from('#!/bin/sh\necho not a photo\n');
    await fileInput.setInputFiles({ name: 'cat.png', mimeType: 'image/png', buffer: script });
    await notice.filter({ hasText: 'JPG、PNG、WebP 或 GIF' }).waitFor();
    const oversized = Buffer.concat([photo, Buffer.alloc(1024 * 1024)]);
    await fileInput.setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: oversized });
    await notice.filter({ hasText: '1 MB 以内' }).waitFor();
    assert.equal(
      await page.locator('.kefu-row--customer').count(),
      rowsBefore,
      'refused photos leave no row',
    );
    assert.equal(await page.locator('.kefu-hint:not([hidden])').count(), 0, 'no error alarm');
    await page.screenshot({ path: join(screenshotDirectory, 'widget-photo-refused.png') });
    await page.context().close();
  },
);

test(
  'the header tells the truth about people; phones get no Enter hint',
  { skip: skipReason, timeout: 120_000 },
  async () => {
    const { server } = requireHarness();
    const page = await openPage('/');
    const bubble = page.getByRole('button', { name: '打开在线客服' });
    const status = page.locator('.kefu-status');
    const reopen = async () => {
      await page.getByRole('button', { name: '关闭对话窗口' }).click();
      await bubble.click();
    };
    await bubble.click();
    await status.filter({ hasText: '暂无客服在线' }).waitFor();
    const placeholder = await page.getByRole('textbox', { name: '输入消息' }).getAttribute('placeholder');
    assert.match(placeholder ?? '', /Enter 发送/);

    const adminToken = await server.loginAdmin();
    await setPresence(adminToken, 'online');
    await reopen();
    await status.filter({ hasText: '1 位客服在线' }).waitFor();
    await setPresence(adminToken, 'offline');
    clock.set('2026-01-05T14:30:00.000Z'); // 22:30 in the shop
    await reopen();
    await status.filter({ hasText: '人工客服明天 09:00 上班' }).waitFor();
    await page.screenshot({ path: join(screenshotDirectory, 'widget-header-closed.png') });
    clock.set(shopMorning);
    await page.context().close();

    const phone = await requireHarness().browser.newContext({
      viewport: { width: 390, height: 800 },
      isMobile: true,
      hasTouch: true,
    });
    const phonePage = await phone.newPage();
    await phonePage.goto(`${server.baseUrl}/`);
    await phonePage.getByRole('button', { name: '打开在线客服' }).click();
    const phoneInput = phonePage.getByRole('textbox', { name: '输入消息' });
    await phoneInput.waitFor();
    assert.equal(await phoneInput.getAttribute('placeholder'), '请输入您的问题');
    await phone.close();
  },
);

async function openPage(path: string, prepare?: (context: BrowserContext) => Promise<void>): Promise<Page> {
  const context = await requireHarness().browser.newContext({
    viewport: { width: 1280, height: 820 },
    reducedMotion: 'reduce',
    // A shopper in the shop's country: card times read as the bot's text does.
    timezoneId: 'Asia/Shanghai',
    locale: 'zh-CN',
  });
  if (prepare) await prepare(context);
  const page = await context.newPage();
  await page.goto(`${requireHarness().server.baseUrl}${path}`);
  return page;
}

async function setPresence(token: string, presence: 'online' | 'offline'): Promise<void> {
  const response = await requestJson(requireHarness().server.baseUrl, 'PUT', '/api/v1/agent/presence', {
    token,
    body: { presence },
  });
  assert.equal(response.status, 200);
}

function requireHarness(): WidgetHarness {
  assert.ok(harness, 'the server and Chromium started');
  return harness;
}
