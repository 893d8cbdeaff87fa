// Escalation after handoff, seen in headless Chromium: an angry 12315 message from the shopper raises the
// conversation's priority and refreshes the briefing on the agent's open screen without a reload; the new
// message stays in view; the briefing folds away and stays folded after a reload.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import WebSocket from 'ws';
import type { Page } from 'playwright-core';
import { KefuVisitorClient } from '@kefu/sdk';
import { waitUntil } from '../../server/test/helpers/waitUntil';
import {
  browserWaitMs,
  createAccount,
  openConsole,
  screenshot,
  signIn,
  skipReason,
  startConsoleHarness,
  type ConsoleHarness,
} from './consoleBrowser';

let harness: ConsoleHarness | undefined;

before(async () => {
  if (skipReason) return;
  harness = await startConsoleHarness();
});
after(async () => harness?.close());

test(
  'a 12315 message after the handoff raises the priority on the open screen and stays in view',
  { skip: skipReason, timeout: 240_000 },
  async () => {
    if (!harness) throw new Error('the console harness did not start');
    const current = harness;
    const account = await createAccount(current, 'agent', '赵客服');
    const { page, pageErrors } = await openConsole(current);
    await signIn(page, account);

    const shopper = new KefuVisitorClient({
      baseUrl: current.server.baseUrl,
      name: '周女士',
      locale: 'zh-CN',
      WebSocket,
    });
    await shopper.sendMessage('转人工');
    const conversationId = shopper.session?.conversationId ?? '';
    await waitUntil(async () => (await current.admin.getConversation(conversationId)).assigneeId !== null, {
      timeoutMs: browserWaitMs,
      description: 'the handoff reaches the agent whose console is open',
    });
    await page.locator('.inbox-row', { hasText: '周女士' }).click();
    const header = page.locator('.conversation-header .conversation-title');
    await header.getByText('普通', { exact: true }).waitFor();
    const panel = page.getByTestId('handoff-panel');
    await panel.waitFor();

    const angry = '你们太垃圾了！！！等了这么久没人理，我要投诉到12315';
    await shopper.sendMessage(angry);
    await header.getByText('紧急', { exact: true }).waitFor();
    await panel.locator('.handoff-last-question', { hasText: '12315' }).waitFor();
    await page.locator('.message-bubble', { hasText: angry }).waitFor();
    await waitUntil(async () => isInsideTranscript(page), {
      timeoutMs: browserWaitMs,
      description: 'the angry message is in view below the briefing',
    });
    await screenshot(page, 'console-escalation-live.png');

    const toggle = panel.locator('.handoff-toggle');
    await toggle.click();
    await page.waitForFunction(() => document.querySelector('.handoff-last-question') === null);
    await page.reload();
    await page.locator('.inbox-row', { hasText: '周女士' }).click();
    await page.getByTestId('handoff-panel').locator('.handoff-toggle[aria-expanded="false"]').waitFor();
    assert.equal(await page.locator('.handoff-last-question').count(), 0, 'the folded briefing opened again');
    assert.deepEqual(pageErrors, []);
  },
);

/** Whether the shopper's 12315 message is fully visible inside the scrolled transcript. */
function isInsideTranscript(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const transcript = document.querySelector('.transcript');
    const last = [...document.querySelectorAll('.message-bubble')].find((bubble) =>
      /12315/.test(bubble.textContent ?? ''),
    );
    if (!transcript || !last) return false;
    const box = transcript.getBoundingClientRect();
    const bubble = last.getBoundingClientRect();
    return bubble.top >= box.top && bubble.bottom <= box.bottom + 1;
  });
}
