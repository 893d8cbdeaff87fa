// Shared set-up of the widget's browser suites: the real server, headless Chromium, the widget on the demo shop.
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  startTestServer,
  type TestServer,
  type TestServerOptions,
} from '../../server/test/helpers/testServer';

export const chromiumPath = process.env.KEFU_TEST_CHROMIUM;
export const skipReason = chromiumPath ? false : 'KEFU_TEST_CHROMIUM not set';
export const screenshotDirectory = join(dirname(fileURLToPath(import.meta.url)), '../../../test-output');

export interface WidgetHarness {
  server: TestServer;
  browser: Browser;
  close(): Promise<void>;
}

export async function startWidgetHarness(options: TestServerOptions = {}): Promise<WidgetHarness> {
  await mkdir(screenshotDirectory, { recursive: true });
  const server = await startTestServer(options);
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
  return {
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

export async function sendFromWidget(page: Page, text: string): Promise<void> {
  const input = page.getByRole('textbox', { name: /输入消息|Message/ });
  await input.fill(text);
  await input.press('Enter');
}

/**
 * Records, in the page, the order in which the typing indicator shows and hides and bot rows appear,
 * so a test can check the indicator came before the reply without measuring time.
 */
export async function recordTypingAndReplies(page: Page): Promise<void> {
  await page.evaluate(() => {
    const root = document.querySelector('#kefu-widget')?.shadowRoot;
    const typing = root?.querySelector<HTMLElement>('.kefu-typing');
    if (!root || !typing) throw new Error('the widget is not open');
    const events: string[] = [];
    Reflect.set(window, '__kefuEvents', events);
    // One observer over the whole widget: its records arrive in the order the changes happened.
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.target === typing && record.attributeName === 'hidden')
          events.push(record.oldValue === null ? 'typing-hidden' : 'typing-shown');
        for (const node of Array.from(record.addedNodes))
          if (node instanceof HTMLElement && node.classList.contains('kefu-row--bot')) events.push('bot-row');
      }
    }).observe(root, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['hidden'],
      attributeOldValue: true,
    });
  });
}

export async function readRecordedEvents(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const events: unknown = Reflect.get(window, '__kefuEvents');
    return Array.isArray(events) ? events.filter((event): event is string => typeof event === 'string') : [];
  });
}

/** A real PNG drawn by the browser (a cracked bowl), or a larger one for size limits. */
export async function drawPhoto(page: Page, size = 240): Promise<Buffer> {
  const base64 = await page.evaluate((side) => {
    const canvas = document.createElement('canvas');
    canvas.width = side;
    canvas.height = side;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no canvas');
    context.fillStyle = '#f4efe6';
    context.fillRect(0, 0, side, side);
    context.fillStyle = '#8a5a44';
    context.beginPath();
    context.arc(side / 2, side / 2, side / 3, 0, Math.PI * 2);
    context.fill();
    context.strokeStyle = '#222';
    context.lineWidth = 4;
    context.beginPath();
    context.moveTo(side * 0.35, side * 0.25);
    context.lineTo(side * 0.55, side * 0.55);
    context.lineTo(side * 0.48, side * 0.8);
    context.stroke();
    return canvas.toDataURL('image/png').split(',')[1] ?? '';
  }, size);
  return Buffer.from(base64, 'base64');
}
