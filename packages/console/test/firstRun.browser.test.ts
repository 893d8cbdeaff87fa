// A fresh install in headless Chromium against the real server: the admin lands on the set-up checklist, sees
// steps tick as colleagues, business hours and an FAQ answer appear, imports products (with a bad row reported by
// its number) and orders with a progress bar, allows the shop's site, copies the widget snippet onto a page of
// that site (a real HTTP server on another origin), a shopper chats there, and the checklist is done and gone.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { after, before, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { KefuServiceApi } from '@kefu/sdk';
import { faqContent, knowledgeClient } from '../../server/test/helpers/knowledge';
import { testAdminPassword } from '../../server/test/helpers/testServer';
import {
  openConsole,
  screenshot,
  signIn,
  skipReason,
  startConsoleHarness,
  type ConsoleHarness,
} from './consoleBrowser';

const productsCsv = [
  'id,sku,brand,category,name_zh,name_en,description_zh,description_en,price_cents,stock,return_policy,warranty_months,tags',
  'p-own-1,OWN-001,自有,配件,自有数据线,Own cable,一米,One metre,1900,50,7_day_no_reason,12,',
  'p-own-2,OWN-002,自有,配件,自有充电头,Own charger,20W,20W,4900,20,7_day_no_reason,12,',
  'p-own-3,OWN-003,自有,配件,坏行,Bad row,,,not-a-price,5,7_day_no_reason,12,',
].join('\n');
const ordersCsv = [
  'order_number,customer_id,status,items,placed_at,recipient,phone,province,city,district,address_line,payment_method',
  'OWN20261201001,c-own-1,paid,OWN-001*2,2026-12-01T08:00:00Z,王女士,13800000000,上海,上海,浦东新区,世纪大道 1 号,alipay',
].join('\n');

let harness: ConsoleHarness | undefined;
let shopSite: { origin: string; setPage(html: string): void; close(): Promise<void> } | undefined;

before(async () => {
  if (skipReason) return;
  harness = await startConsoleHarness();
  shopSite = await startShopSite();
});
after(async () => {
  await shopSite?.close();
  await harness?.close();
});

test(
  'a fresh install walks the set-up checklist to a working widget on the shop’s own page',
  { skip: skipReason, timeout: 300_000 },
  async () => {
    const current = requireHarness();
    const site = requireShopSite();
    const { context, page, pageErrors } = await openConsole(current);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: current.server.baseUrl });
    await signIn(page, { email: 'admin@kefu.test', password: testAdminPassword });
    await page.locator('.setup-page').waitFor();
    assert.equal(await page.locator('.setup-step[data-done="true"]').count(), 0, 'nothing is done yet');
    await screenshot(page, 'console-setup-checklist.png');

    const adminToken = await current.server.loginAdmin();
    const knowledge = knowledgeClient(current.server);
    const agent = await knowledge.createAgent(adminToken, 'agent');
    const supervisor = await knowledge.createAgent(adminToken, 'supervisor');
    const serviceApi = new KefuServiceApi(current.admin);
    await serviceApi.updateRoutingSettings(await serviceApi.getRoutingSettings());
    await knowledge.publish(
      agent.token,
      supervisor.token,
      faqContent('可以开发票吗？', '可以，下单时填写抬头。'),
    );
    for (const step of ['agents', 'businessHours', 'faq'])
      await page.locator(`.setup-step[data-step="${step}"][data-done="true"]`).waitFor();

    const products = await importCsv(page, 'products', productsCsv);
    await products.getByText('成功 2 行，失败 1 行').waitFor();
    await products.locator('.ant-progress').waitFor();
    const badRow = products.locator('.ant-table-row').first();
    assert.equal(await badRow.locator('td').first().textContent(), '3', 'the bad row is named by its number');
    await page.locator('.setup-step[data-step="products"][data-done="true"]').waitFor();

    const orders = await importCsv(page, 'orders', ordersCsv);
    await orders.getByText('成功 1 行，失败 0 行').waitFor();
    await page.locator('.setup-step[data-step="orders"][data-done="true"]').waitFor();

    await page.getByLabel('网站地址').fill(site.origin);
    await page.getByRole('button', { name: /^添\s*加$/ }).click();
    await page.locator('.setup-step[data-step="channels"][data-done="true"]').waitFor();

    const widgetStep = page.locator('.setup-step[data-step="widget"]');
    const snippet = (await widgetStep.getByTestId('widget-snippet').textContent()) ?? '';
    assert.match(snippet, /widget\.js/);
    await widgetStep.getByRole('button', { name: /复制代码/ }).click();
    await widgetStep.getByRole('button', { name: /已复制/ }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, snippet, 'the copy button copies the snippet');
    await screenshot(page, 'console-setup-widget.png');

    site.setPage(`<!doctype html><html lang="zh-CN"><body><h1>我的小店</h1>${copied}</body></html>`);
    const shopperContext = await current.browser.newContext({ viewport: { width: 1100, height: 760 } });
    const shop = await shopperContext.newPage();
    await shop.goto(`${site.origin}/`);
    await shop.getByRole('button', { name: '打开在线客服' }).click();
    const input = shop.getByRole('textbox', { name: /输入消息|Message/ });
    await input.fill('你好，请问什么时候发货？');
    await input.press('Enter');
    await shop.locator('.kefu-row--customer', { hasText: '什么时候发货' }).waitFor();

    await page.locator('.ant-result-success').waitFor();
    // The navigation re-reads the checklist on its own round (every few seconds): the entry goes then.
    await page.getByRole('menuitem', { name: /开店设置/ }).waitFor({ state: 'detached' });
    assert.equal(
      await page.getByRole('menuitem', { name: /开店设置/ }).count(),
      0,
      'the set-up entry is gone',
    );
    assert.deepEqual(pageErrors, []);
    await shopperContext.close();
    await context.close();
  },
);

/** Chooses a CSV file in a checklist step's import field, as a person picking it from disk would. */
async function importCsv(page: Page, step: 'products' | 'orders', csv: string): Promise<Locator> {
  const card = page.locator(`.setup-step[data-step="${step}"]`);
  await card
    .locator('input[type="file"]')
    .setInputFiles({ name: `${step}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  return card;
}

/** The merchant's own site: a real HTTP server on another origin serving the page with the pasted snippet. */
async function startShopSite(): Promise<NonNullable<typeof shopSite>> {
  let html = '<!doctype html><title>shop</title>';
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    origin: `http://localhost:${address.port}`,
    setPage: (next) => {
      html = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function requireHarness(): ConsoleHarness {
  if (!harness) throw new Error('the console harness did not start');
  return harness;
}

function requireShopSite(): NonNullable<typeof shopSite> {
  if (!shopSite) throw new Error('the shop site did not start');
  return shopSite;
}
