// Every console screen in headless Chromium, in zh-CN and in English, against the real server with a handed-off
// conversation, a ticket, the bot test box and the settings screens: no visible text is a raw code (an intent,
// a category, a tier, a topic, a bot stage like `rules:Greeting` or `flow:…`, a language code like `zh`).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  KefuServiceApi,
  KefuVisitorClient,
  KefuWebhooksApi,
  channelKinds,
  webhookEventTypes,
} from '@kefu/sdk';
import { listInternalCodes } from '../src/common/displayNameCatalogue';
import { testAdminPassword } from '../../server/test/helpers/testServer';
import {
  openConsole,
  screenshot,
  signIn,
  skipReason,
  startConsoleHarness,
  switchToManualRoutingAroundTheClock,
  type ConsoleHarness,
} from './consoleBrowser';

let harness: ConsoleHarness | undefined;
let conversationId = '';
let ticketId = '';

before(async () => {
  if (skipReason) return;
  harness = await startConsoleHarness();
  await switchToManualRoutingAroundTheClock(harness);
  const adminApi = new KefuServiceApi(harness.admin);
  const shopper = new KefuVisitorClient({ baseUrl: harness.server.baseUrl, name: '陈女士', locale: 'zh-CN' });
  await shopper.sendMessage('你好');
  await shopper.sendMessage('订单 KF20261101001 怎么还没发货，快点发货');
  await shopper.sendMessage('我要投诉，再不处理我就打12315，转人工');
  conversationId = shopper.session?.conversationId ?? '';
  // Switched off: it only has to show its events on the webhook screen, never to send them.
  await new KefuWebhooksApi(harness.admin).create({
    name: 'CRM',
    url: 'http://127.0.0.1:9/kefu',
    events: [...webhookEventTypes],
    enabled: false,
    allowPrivateNetwork: true,
  });
  const ticket = await adminApi.createTicket({
    subject: '退款没到账',
    description: '顾客说退款三天还没到账',
    category: 'refund',
    priority: 'high',
  });
  ticketId = ticket.id;
});
after(async () => harness?.close());

const screens: { path: () => string; ready: string }[] = [
  { path: () => `/console/inbox/${conversationId}`, ready: '[data-testid="handoff-panel"] .handoff-facts' },
  { path: () => '/console/queue', ready: '.queue-row' },
  { path: () => '/console/tickets', ready: '.ant-table-row' },
  { path: () => `/console/tickets/${ticketId}`, ready: '.ant-descriptions' },
  { path: () => '/console/admin/agents', ready: '.ant-table-row' },
  { path: () => '/console/admin/bot', ready: '.ant-table-row' },
  { path: () => '/console/admin/knowledge', ready: '.ant-table-row' },
  { path: () => '/console/admin/intents', ready: '.intent-training .ant-table-row' },
  { path: () => '/console/settings/canned', ready: '.shell-content' },
  { path: () => '/console/setup', ready: '.setup-step' },
  { path: () => '/console/admin/service/sla', ready: '.ant-table-row' },
  { path: () => '/console/admin/service/teams', ready: '.ant-table-row' },
  { path: () => '/console/admin/service/routing', ready: '.weekly-hours' },
  { path: () => '/console/admin/service/handoff', ready: '.trigger-card' },
  { path: () => '/console/admin/service/csat', ready: '.shell-content' },
  { path: () => '/console/admin/security/widget', ready: '.security-tab' },
  { path: () => '/console/admin/security/roles', ready: '.security-tab' },
  { path: () => '/console/admin/integrations', ready: '.webhooks-table .ant-table-row' },
  { path: () => '/console/insight', ready: '.insight-filters' },
];

for (const locale of ['zh-CN', 'en'] as const) {
  test(`no screen shows a raw code in ${locale}`, { skip: skipReason, timeout: 300_000 }, async () => {
    const current = requireHarness();
    const { context, page, pageErrors } = await openConsole(current);
    await signIn(page, { email: 'admin@kefu.test', password: testAdminPassword });
    await page.evaluate((chosen) => localStorage.setItem('kefu.console.locale', chosen), locale);
    const codes = new Set([...listInternalCodes(), ...webhookEventTypes, 'webhook.test', ...channelKinds]);
    const found: string[] = [];
    for (const screen of screens) {
      await page.goto(`${current.server.baseUrl}${screen.path()}`);
      await page.locator(screen.ready).first().waitFor();
      await waitForSpinnersGone(page);
      found.push(...(await findCodes(page, codes, locale)).map((code) => `${screen.path()}: ${code}`));
    }
    await page.goto(`${current.server.baseUrl}/console/admin/bot`);
    await page.locator('#bot-test-input').fill('订单 KF20261101001 还没发货，快点发货');
    await page.keyboard.press('Enter');
    await page.getByTestId('bot-test-result').waitFor();
    found.push(...(await findCodes(page, codes, locale)).map((code) => `bot test box: ${code}`));
    await page.goto(`${current.server.baseUrl}/console/admin/service/teams`);
    await page.locator('.ant-table-row button[aria-label]').first().click();
    await page.getByRole('dialog').waitFor();
    found.push(...(await findCodes(page, codes, locale)).map((code) => `skills dialog: ${code}`));
    await page.locator('.skills-channel-select').click();
    found.push(...(await codesInOpenList(page, codes, locale)).map((code) => `skills channels: ${code}`));
    // Every channel filter lists the channels by name (and icon), never by code.
    for (const [path, filter] of [
      [`/console/inbox/${conversationId}`, '.inbox-channel-filter'],
      ['/console/insight', '.insight-channel-filter'],
    ] as const) {
      await page.goto(`${current.server.baseUrl}${path}`);
      await page.locator(filter).click();
      found.push(...(await codesInOpenList(page, codes, locale)).map((code) => `${filter}: ${code}`));
    }
    await screenshot(page, `console-words-${locale}.png`);
    assert.deepEqual(found, [], 'every code is shown by its name');
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
}

test(
  'the intent, category and answer stage of a handed-off conversation are shown by name',
  { skip: skipReason, timeout: 120_000 },
  async () => {
    const current = requireHarness();
    const { context, page } = await openConsole(current);
    await signIn(page, { email: 'admin@kefu.test', password: testAdminPassword });
    await page.goto(`${current.server.baseUrl}/console/inbox/${conversationId}`);
    const panel = page.getByTestId('handoff-panel');
    await panel.locator('.handoff-facts').waitFor();
    await panel.getByText('投诉', { exact: true }).first().waitFor();
    await page.locator('.message-analysis', { hasText: '业务流程 · 催发货' }).first().waitFor();
    await context.close();
  },
);

/** Visible texts (and their parts around the label separators `·`, `:`, `=`) that equal a code; in zh-CN also English SLA names. */
async function findCodes(page: Page, codes: Set<string>, locale: 'zh-CN' | 'en'): Promise<string[]> {
  const pieces = await page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !parent.checkVisibility()) continue;
      // A Select's zero-size list for screen readers (its options carry their names as aria-label).
      const box = parent.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      // The element's whole text: `<code>/{shortcut}</code>` is one word to a reader, not two.
      const text = (parent.textContent ?? '').trim();
      if (text && text.length < 200) texts.push(text);
    }
    return [...new Set(texts)];
  });
  const englishPolicyNames = new Set(['Urgent', 'High', 'Normal']);
  const offending = new Set<string>();
  for (const text of pieces) {
    if (/^(rules|flow|intent|fallback|knowledge|small_talk|policy_question):\S+$/.test(text))
      offending.add(text);
    for (const part of [text, ...text.split(/[·:：=]/)].map((piece) => piece.trim())) {
      if (codes.has(part)) offending.add(part);
      if (locale === 'zh-CN' && englishPolicyNames.has(part)) offending.add(part);
    }
  }
  return [...offending];
}

/** The codes shown once an opened Select's list of channels has rendered: each by name and icon. */
async function codesInOpenList(page: Page, codes: Set<string>, locale: 'zh-CN' | 'en'): Promise<string[]> {
  const list = page.locator('.ant-select-dropdown:visible');
  await list.locator('.channel-name').first().waitFor();
  const shown = await list.locator('.channel-name').count();
  assert.equal(await list.locator('.channel-name [role="img"]').count(), shown, 'each channel has its icon');
  return findCodes(page, codes, locale);
}

async function waitForSpinnersGone(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning').length === 0);
}

function requireHarness(): ConsoleHarness {
  if (!harness) throw new Error('the console harness did not start');
  return harness;
}
