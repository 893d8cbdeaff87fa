// Shared set-up of the console's browser suites: the real server, headless Chromium, sign-in, screenshots.
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { KefuAgentClient, KefuServiceApi } from '@kefu/sdk';
import type { AgentRole } from '@kefu/sdk';
import {
  startTestServer,
  testAdminPassword,
  type TestServer,
  type TestServerOptions,
} from '../../server/test/helpers/testServer';

/** How long a browser wait may take before the test fails: generous, for loaded machines. */
export const browserWaitMs = 90_000;

export const chromiumPath = process.env.KEFU_TEST_CHROMIUM;
export const skipReason = chromiumPath ? false : 'KEFU_TEST_CHROMIUM not set';
export const screenshotDirectory = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../test-output/console',
);

export interface ConsoleHarness {
  server: TestServer;
  browser: Browser;
  admin: KefuAgentClient;
  close(): Promise<void>;
}

export async function startConsoleHarness(options: TestServerOptions = {}): Promise<ConsoleHarness> {
  await mkdir(screenshotDirectory, { recursive: true });
  const server = await startTestServer(options);
  const consolePage = await fetch(`${server.baseUrl}/console/`);
  if (consolePage.status !== 200) throw new Error('the console is not built: run `npm run build:web` first');
  const browser = await chromium.launch({
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
  const admin = new KefuAgentClient({ baseUrl: server.baseUrl, WebSocket });
  await admin.login('admin@kefu.test', testAdminPassword);
  return {
    server,
    browser,
    admin,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

export async function createAccount(
  harness: ConsoleHarness,
  role: AgentRole,
  displayName: string,
): Promise<{ email: string; password: string }> {
  const email = `${role}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@kefu.test`;
  const password = 'password-123';
  await harness.admin.createAgent({ email, displayName, password, role });
  return { email, password };
}

export async function openConsole(
  harness: ConsoleHarness,
  viewport: { width: number; height: number } = { width: 1280, height: 800 },
): Promise<{ context: BrowserContext; page: Page; pageErrors: string[] }> {
  const context = await harness.browser.newContext({ viewport, locale: 'zh-CN' });
  // Waits are for conditions, not speed: a loaded machine may take long to render a screen.
  context.setDefaultTimeout(browserWaitMs);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('dialog', (dialog) => {
    pageErrors.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(`${harness.server.baseUrl}/console/`);
  return { context, page, pageErrors };
}

export async function signIn(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.getByLabel('邮箱').fill(account.email);
  await page.getByLabel('密码').fill(account.password);
  await page
    .getByRole('button', { name: '登 录' })
    .or(page.getByRole('button', { name: '登录' }))
    .click();
  await page.locator('.shell-header').waitFor();
}

export function screenshot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: join(screenshotDirectory, name) });
}

/** Waits until a form field holds `value` (an edit dialog fills its fields after it opens). */
export async function waitForFieldValue(field: Locator, value: string): Promise<void> {
  const handle = await field.elementHandle();
  await field
    .page()
    .waitForFunction(
      ([element, expected]) => element instanceof HTMLInputElement && element.value === expected,
      [handle, value] as const,
    );
}

/**
 * Answers the open confirmation pop-up with the button named `name`, once its opening animation has ended
 * (on a loaded machine a click during the animation can be lost), and waits until the pop-up has closed.
 */
export async function confirmPopup(page: Page, name: RegExp): Promise<void> {
  const popup = page.locator('.ant-popconfirm').filter({ has: page.getByRole('button', { name }) });
  await popup.waitFor();
  const handle = await popup.elementHandle();
  await page.waitForFunction(
    (element) => element instanceof HTMLElement && !/-(appear|enter)/.test(element.className),
    handle,
  );
  await popup.getByRole('button', { name }).click();
  await popup.waitFor({ state: 'hidden' });
}

/** Open around the clock and manual pull: a handed-off conversation waits in the queue until someone takes it. */
export async function switchToManualRoutingAroundTheClock(harness: ConsoleHarness): Promise<void> {
  const adminApi = new KefuServiceApi(harness.admin);
  const settings = await adminApi.getRoutingSettings();
  await adminApi.updateRoutingSettings({
    ...settings,
    mode: 'manual',
    businessHours: { ...settings.businessHours, enabled: false },
  });
}
