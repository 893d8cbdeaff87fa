// The widget under the shop's abuse limits, in a real headless Chromium against the real server: a shopper
// who sends too fast is asked calmly to slow down, in their language, and the message is not lost.
// Runs only when KEFU_TEST_CHROMIUM points at a Chromium binary (scripts/test-all.sh sets it).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { sendFromWidget, skipReason, startWidgetHarness, type WidgetHarness } from './widgetBrowserKit';

let harness: WidgetHarness | undefined;

before(async () => {
  if (skipReason) return;
  harness = await startWidgetHarness({ environment: { KEFU_LIMIT_MESSAGES_PER_VISITOR: '2' } });
});

after(async () => harness?.close());

for (const { locale, openLabel, slowDown } of [
  { locale: 'zh-CN', openLabel: '打开在线客服', slowDown: '您发送得有点快，请稍等片刻，消息会自动发出' },
  {
    locale: 'en',
    openLabel: 'Open customer service chat',
    slowDown: "You're sending messages a little fast",
  },
]) {
  test(
    `a shopper who sends too fast is asked to slow down (${locale}); the message waits, not lost`,
    {
      skip: skipReason,
      timeout: 120_000,
    },
    async () => {
      const page = await openShop(locale);
      if (locale === 'en') await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('button', { name: openLabel }).click();
      await sendFromWidget(page, 'first question');
      await page.locator('.kefu-row--customer.kefu-row--sent').first().waitFor();
      await sendFromWidget(page, 'second question');
      await page.locator('.kefu-row--customer.kefu-row--sent').nth(1).waitFor();
      await sendFromWidget(page, 'third question');
      await page.getByText(slowDown).waitFor();
      const third = page.locator('.kefu-row--customer', { hasText: 'third question' });
      assert.equal(await third.locator('.kefu-retry').count(), 0, 'still waiting to be sent, not failed');
      await page.context().close();
    },
  );
}

async function openShop(locale: string): Promise<Page> {
  if (!harness) throw new Error('no harness');
  const context = await harness.browser.newContext({ viewport: { width: 1280, height: 820 }, locale });
  const page = await context.newPage();
  await page.goto(`${harness.server.baseUrl}/`);
  return page;
}
