// The console and the demo shop with the widget under Kefu's security headers, in a real headless Chromium:
// every console screen renders with no Content-Security-Policy violation, the console cannot be framed by
// another site, and the widget works on a page whose policy forbids inline styles and scripts.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { KefuVisitorClient } from '@kefu/sdk';
import { testAdminPassword } from '../../server/test/helpers/testServer';
import { openConsole, signIn, skipReason, startConsoleHarness, type ConsoleHarness } from './consoleBrowser';

const consoleScreens = [
  '/console/inbox',
  '/console/queue',
  '/console/tickets',
  '/console/tickets/overdue',
  '/console/admin/agents',
  '/console/admin/bot',
  '/console/admin/knowledge',
  '/console/admin/marketing',
  '/console/settings/canned',
  '/console/admin/service/sla',
  '/console/admin/service/teams',
  '/console/admin/service/routing',
  '/console/admin/service/handoff',
  '/console/admin/service/csat',
  '/console/admin/security/widget',
  '/console/admin/security/roles',
  '/console/insight/dashboard',
  '/console/insight/alerts',
  '/console/insight/quality',
];

let harness: ConsoleHarness | undefined;

before(async () => {
  if (!skipReason) harness = await startConsoleHarness();
});
after(async () => harness?.close());

test(
  'every console screen renders without a Content-Security-Policy violation; the console refuses framing',
  { skip: skipReason, timeout: 240_000 },
  async () => {
    const current = requireHarness();
    const shopper = new KefuVisitorClient({ baseUrl: current.server.baseUrl, locale: 'zh-CN' });
    await shopper.sendMessage('我的快递到哪了？');
    const conversationId = shopper.session?.conversationId;
    assert.ok(conversationId);
    const { context, page, pageErrors } = await openConsole(current);
    const violations = await recordViolations(context, page);
    const first = await page.goto(`${current.server.baseUrl}/console/`);
    const policy = first?.headers()['content-security-policy'] ?? '';
    assert.match(policy, /frame-ancestors 'none'/);
    assert.match(policy, /script-src 'self';/);
    assert.equal(first?.headers()['x-frame-options'], 'DENY');
    assert.equal(first?.headers()['x-content-type-options'], 'nosniff');
    assert.equal(first?.headers()['referrer-policy'], 'no-referrer');
    await signIn(page, { email: 'admin@kefu.test', password: testAdminPassword });
    for (const screen of [...consoleScreens, `/console/inbox/${conversationId}`]) {
      await page.goto(`${current.server.baseUrl}${screen}`);
      await waitForScreen(page);
      // The dashboard's ECharts charts are drawn before the screen is judged.
      if (screen.endsWith('/insight/dashboard')) await page.locator('.insight-page canvas').first().waitFor();
      assert.deepEqual(await readViolations(page), [], `${screen}: no CSP violation event`);
    }
    assert.deepEqual(violations, [], 'no CSP report in the browser console');
    assert.deepEqual(pageErrors, []);

    // An admin lets the merchant's site embed the widget; the visitor API then answers its preflight.
    await page.goto(`${current.server.baseUrl}/console/admin/security/widget`);
    await page.getByRole('textbox', { name: '管理员添加的网站' }).fill('https://Shop.Example.com/');
    await page.getByRole('button', { name: /添\s*加/ }).click();
    await page.getByRole('button', { name: '移除 https://shop.example.com' }).waitFor();
    const preflight = await fetch(`${current.server.baseUrl}/api/v1/visitor/sessions`, {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example.com', 'access-control-request-method': 'POST' },
    });
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://shop.example.com');
    assert.deepEqual(await readViolations(page), []);

    const framing = await context.newPage();
    await framing.setContent(`<iframe src="${current.server.baseUrl}/console/" title="console"></iframe>`);
    const frame = await (await framing.locator('iframe').elementHandle())?.contentFrame();
    await framing.waitForFunction(() => document.querySelector('iframe') !== null);
    assert.equal(await frame?.locator('#root').count(), 0, 'the console did not load inside a frame');
    await context.close();
  },
);

test(
  'the demo shop and the widget run under a policy with no inline styles or scripts',
  { skip: skipReason, timeout: 120_000 },
  async () => {
    const current = requireHarness();
    const context = await current.browser.newContext({
      viewport: { width: 1280, height: 820 },
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    const violations = await recordViolations(context, page);
    const response = await page.goto(`${current.server.baseUrl}/`);
    const policy = response?.headers()['content-security-policy'] ?? '';
    assert.match(policy, /style-src 'self' ?;/, 'the demo page allows no inline styles');
    await page.locator('.product-card').first().waitFor();
    await page.getByRole('button', { name: '打开在线客服' }).click();
    const input = page.getByRole('textbox', { name: /输入消息/ });
    await input.fill('你好');
    await input.press('Enter');
    await page.locator('.kefu-row--bot').first().waitFor();
    const chatWindow = page.getByRole('dialog', { name: '在线客服' });
    const position = await chatWindow.evaluate((element) => getComputedStyle(element).position);
    assert.equal(position, 'fixed', 'the widget is styled');
    assert.deepEqual(await readViolations(page), []);
    assert.deepEqual(violations, []);
    const widgetScript = await fetch(`${current.server.baseUrl}/widget.js`);
    assert.equal(
      widgetScript.headers.get('cross-origin-resource-policy'),
      'cross-origin',
      'shops may load it',
    );
    await context.close();
  },
);

/** CSP reports Chromium prints to the page's console, for the whole life of the page. */
async function recordViolations(context: BrowserContext, page: Page): Promise<string[]> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    Reflect.set(window, '__cspViolations', seen);
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  const reports: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) reports.push(message.text());
  });
  return reports;
}

async function readViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seen: unknown = Reflect.get(window, '__cspViolations');
    return Array.isArray(seen) ? seen.filter((entry): entry is string => typeof entry === 'string') : [];
  });
}

/** The shell is up and nothing is loading any more. */
async function waitForScreen(page: Page): Promise<void> {
  await page.locator('.shell-header').waitFor();
  await page.waitForFunction(
    () => document.querySelectorAll('.ant-spin-spinning, .page-loading').length === 0,
  );
}

function requireHarness(): ConsoleHarness {
  if (!harness) throw new Error('the harness did not start');
  return harness;
}
