// One shopper across channels in headless Chromium against the real server: the customer panel shows the
// timeline with each channel's name; an admin merges another customer in, sees both channels, and undoes it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { VisitorSessionResponse } from '@kefu/sdk';
import {
  confirmPopup,
  openConsole,
  screenshot,
  signIn,
  skipReason,
  startConsoleHarness,
  type ConsoleHarness,
} from './consoleBrowser';
import { testAdminEmail, testAdminPassword } from '../../server/test/helpers/testServer';

let harness: ConsoleHarness | undefined;

before(async () => {
  if (!skipReason) harness = await startConsoleHarness();
});
after(async () => harness?.close());

async function shopperSays(baseUrl: string, channel: 'web' | 'app', name: string, text: string) {
  const started = await fetch(`${baseUrl}/api/v1/visitor/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ channel, name }),
  });
  assert.equal(started.status, 201);
  const session: VisitorSessionResponse = await started.json();
  const sent = await fetch(`${baseUrl}/api/v1/visitor/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
    body: JSON.stringify({ text }),
  });
  assert.equal(sent.status, 201);
  return session;
}

test(
  'the customer panel shows one timeline across channels; an admin merges a customer in and undoes it',
  { skip: skipReason, timeout: 180_000 },
  async () => {
    if (!harness) throw new Error('no harness');
    const baseUrl = harness.server.baseUrl;
    const web = await shopperSays(baseUrl, 'web', '周先生', '网页上问一下尺码');
    const app = await shopperSays(baseUrl, 'app', '周先生', 'App 里问一下发票');
    const { context, page, pageErrors } = await openConsole(harness);
    await signIn(page, { email: testAdminEmail, password: testAdminPassword });
    await page.goto(`${baseUrl}/console/inbox/${web.conversationId}`);
    const timeline = page.locator('.customer-timeline');
    await timeline.locator('.ant-list-item', { hasText: '网页上问一下尺码' }).waitFor();
    assert.equal(await timeline.locator('.ant-list-item', { hasText: 'App 里问一下发票' }).count(), 0);

    await page.getByRole('textbox', { name: '要并入的顾客 ID' }).fill(app.customerId);
    await page
      .getByRole('button', { name: '合 并' })
      .or(page.getByRole('button', { name: '合并' }))
      .first()
      .click();
    await confirmPopup(page, /合\s?并/);
    const appLine = timeline.locator('.ant-list-item[data-channel="app"]', { hasText: 'App 里问一下发票' });
    await appLine.waitFor();
    assert.match((await appLine.textContent()) ?? '', /App/);
    const webLine = timeline.locator('.ant-list-item[data-channel="web"]', { hasText: '网页上问一下尺码' });
    assert.equal(await webLine.count(), 1);
    await screenshot(page, 'customer-merged-timeline.png');

    await page
      .locator('.customer-merges')
      .getByRole('button', { name: /拆\s?分/ })
      .click();
    await confirmPopup(page, /拆\s?分/);
    await page.locator('.customer-merges .ant-tag', { hasText: '已拆分' }).waitFor();
    await timeline.locator('.ant-list-item', { hasText: 'App 里问一下发票' }).waitFor({ state: 'detached' });
    assert.equal(await webLine.count(), 1);
    assert.deepEqual(pageErrors, []);
    await context.close();
  },
);
