// Recommendations and coupons in the console, in headless Chromium against the real server: an admin creates an
// after-conversation offer rule in words, a shopper's resolved conversation sends an offer, and the rule's row
// shows what it sent, the click and the rates; disabling the rule is one click; a shopper who unsubscribed is
// marked on their profile.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { KefuMarketingApi } from '@kefu/sdk';
import { requestJson } from '../../server/test/helpers/http';
import { shopIdentitySecret, startShopperChat } from '../../server/test/helpers/shopChat';
import { testAdminPassword } from '../../server/test/helpers/testServer';
import { waitUntil } from '../../server/test/helpers/waitUntil';
import {
  browserWaitMs,
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
  harness = await startConsoleHarness({ environment: { KEFU_SHOP_IDENTITY_SECRET: shopIdentitySecret } });
});
after(async () => harness?.close());

test(
  'an admin creates an offer rule and sees what it sent and what was clicked',
  { skip: skipReason, timeout: 180_000 },
  async () => {
    const current = requireHarness();
    const { context, page, pageErrors } = await openConsole(current);
    await signIn(page, { email: 'admin@kefu.test', password: testAdminPassword });
    await page.getByRole('menuitem', { name: '推荐与优惠' }).first().click();
    await page.getByText('会话后的商品推荐与优惠券').waitFor({ timeout: browserWaitMs });
    await page.getByRole('button', { name: /新建规则/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('规则名称').fill('售后关怀推荐');
    await dialog.getByLabel('解决后多久发送（分钟）').fill('0');
    await dialog.getByLabel('频次上限（天）').fill('14');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const row = page.getByRole('row', { name: /售后关怀推荐/ });
    await row.getByText('已启用').waitFor({ timeout: browserWaitMs });
    await row.getByText('立即发送').waitFor();
    await row.getByText('14 天内最多一次').waitFor();
    const [rule] = await new KefuMarketingApi(current.admin).listRules();
    assert.equal(rule?.name, '售后关怀推荐');
    assert.equal(rule?.delayMinutes, 0);
    assert.equal(rule?.capDays, 14);
    assert.deepEqual(rule?.content, { recommendations: 3, coupon: true });

    // A shopper asks about a product; an agent resolves; the offer is sent and one link clicked.
    const shopper = await startShopperChat(current.server.baseUrl, { pageProductId: 'prod_03' });
    await shopper.say('这款耳机降噪效果怎么样？');
    const token = await current.server.loginAdmin();
    const conversationPath = `/api/v1/agent/conversations/${shopper.session.conversationId}`;
    const resolved = await requestJson(current.server.baseUrl, 'POST', `${conversationPath}/resolve`, {
      token,
    });
    assert.equal(resolved.status, 200);
    const db = current.server.kefu.services.database.db;
    await waitUntil(
      async () =>
        (await db.selectFrom('marketing_offers').select('status').executeTakeFirst())?.status === 'sent',
      { description: 'the offer is sent', timeoutMs: browserWaitMs },
    );
    const item = await db.selectFrom('marketing_offer_items').select('token').executeTakeFirstOrThrow();
    const click = await fetch(`${current.server.baseUrl}/r/${item.token}`, { redirect: 'manual' });
    assert.equal(click.status, 302);

    await page.reload();
    const counted = page.getByRole('row', { name: /售后关怀推荐/ });
    await counted.getByRole('cell', { name: '100%' }).first().waitFor({ timeout: browserWaitMs });
    assert.equal(await counted.getByRole('cell', { name: '1', exact: true }).count(), 2, 'sent 1, clicked 1');
    await screenshot(page, 'console-offers.png');

    await counted.getByRole('button', { name: /停\s*用/ }).click();
    await counted.getByText('已停用').waitFor({ timeout: browserWaitMs });
    const [disabled] = await new KefuMarketingApi(current.admin).listRules();
    assert.equal(disabled?.enabled, false);

    // A shopper who unsubscribes in the chat: their profile beside the conversation says so.
    const unsubscribed = await startShopperChat(current.server.baseUrl, { pageProductId: 'prod_05' });
    assert.match((await unsubscribed.say('退订')).text, /不再/);
    await page.goto(`${current.server.baseUrl}/console/inbox/${unsubscribed.session.conversationId}`);
    await page.locator('.offer-consent').getByText('已退订推荐与优惠').waitFor({ timeout: browserWaitMs });
    assert.deepEqual(pageErrors, []);
    await context.close();
  },
);

function requireHarness(): ConsoleHarness {
  if (!harness) throw new Error('harness not started');
  return harness;
}
