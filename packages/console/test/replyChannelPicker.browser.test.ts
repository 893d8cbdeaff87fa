// The composer's channel picker in headless Chromium against the real server: a WeChat follower who signed in
// to the shop's app is one customer; the agent sees both channels, WeChat disabled and explained once its
// 48-hour window has closed, replies on the app and the reply arrives on the app's WebSocket. A window that
// closes while the agent writes is refused with a clear message and the draft kept.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { ChannelAccountView } from '../../server/src/modules/channels/accounts/channelAccountSchemas';
import {
  crossChannelServerOptions,
  followerWritesOnWeChatThenApp,
  setUpOfficialAccount,
} from '../../server/test/helpers/crossChannelShopper';
import {
  RecordingSocket,
  messageWithText,
  requestJson,
  toWebSocketUrl,
} from '../../server/test/helpers/http';
import { ShiftedClock } from '../../server/test/helpers/shiftedClock';
import { testAdminEmail, testAdminPassword } from '../../server/test/helpers/testServer';
import { WeChatPlatform } from '../../server/test/helpers/wechatPlatform';
import {
  openConsole,
  screenshot,
  signIn,
  skipReason,
  startConsoleHarness,
  type ConsoleHarness,
} from './consoleBrowser';

const appId = 'wx7c1d2e3f4a5b6c7d';
const appSecret = 'picker-official-secret';
const token = 'pickertoken';
const hourMs = 60 * 60 * 1000;

const clock = new ShiftedClock();
const platform = new WeChatPlatform(appId, appSecret);
const sockets: RecordingSocket[] = [];
let harness: ConsoleHarness | undefined;
let adminToken = '';
let account: ChannelAccountView | undefined;

before(async () => {
  if (skipReason) return;
  await platform.start();
  harness = await startConsoleHarness(crossChannelServerOptions(clock));
  adminToken = await harness.server.loginAdmin();
  account = await setUpOfficialAccount(harness.server, adminToken, platform, {
    name: '官方公众号',
    appId,
    appSecret,
    token,
  });
});
after(async () => {
  for (const socket of sockets) socket.close();
  await harness?.close();
  await platform.close();
});

/** A follower who wrote on WeChat `hoursAgo` hours ago, then on the app now; the admin holds the conversation. */
async function crossChannelShopper(number: number, hoursAgo: number) {
  if (!harness || !account) throw new Error('no harness');
  const server = harness.server;
  clock.offsetMs = -hoursAgo * hourMs;
  const shopper = await followerWritesOnWeChatThenApp(
    { server, adminToken, platform, target: { baseUrl: server.baseUrl, account, token, clock } },
    {
      openId: `oPickerFollower0${number}`,
      unionId: `oUnion_picker_0${number}`,
      shopCustomerId: `shop-cu-picker-0${number}`,
      onWeChat: '我的订单什么时候发货？',
      onApp: '我在App里也问一下',
      afterWeChat: () => {
        clock.offsetMs = 0;
      },
    },
  );
  const path = `/api/v1/agent/conversations/${shopper.conversationId}/takeover`;
  const taken = await requestJson(server.baseUrl, 'POST', path, { token: adminToken });
  assert.equal(taken.status, 200, JSON.stringify(taken.body));
  return shopper;
}

async function openConversation(conversationId: string) {
  if (!harness) throw new Error('no harness');
  const opened = await openConsole(harness);
  await signIn(opened.page, { email: testAdminEmail, password: testAdminPassword });
  await opened.page.goto(`${harness.server.baseUrl}/console/inbox/${conversationId}`);
  await opened.page.locator('#composer-input').waitFor();
  return opened;
}

/** The picker's option of a channel in its open list. */
function pickerOption(page: Page, channel: string) {
  return page.locator('.ant-select-dropdown:visible .ant-select-item-option', {
    has: page.locator(`.reply-channel-option[data-channel="${channel}"]`),
  });
}

test(
  'the agent sees WeChat closed and why, picks the app and the reply arrives on the app',
  { skip: skipReason, timeout: 240_000 },
  async () => {
    if (!harness) throw new Error('no harness');
    const shopper = await crossChannelShopper(1, 49);
    const socket = await RecordingSocket.connect(
      toWebSocketUrl(
        harness.server.baseUrl,
        `/api/v1/visitor/ws?token=${encodeURIComponent(shopper.app.token)}`,
      ),
    );
    sockets.push(socket);
    const { context, page, pageErrors } = await openConversation(shopper.conversationId);

    const picker = page.locator('.reply-channel-picker');
    await picker.locator('.ant-select-content [data-channel="app"]').waitFor();
    await picker.click();
    const weChat = pickerOption(page, 'wechat');
    await weChat.waitFor();
    assert.match((await weChat.getAttribute('class')) ?? '', /ant-select-item-option-disabled/);
    assert.doesNotMatch((await pickerOption(page, 'app').getAttribute('class')) ?? '', /option-disabled/);
    await weChat.locator('.reply-channel-option').hover();
    await page
      .getByRole('tooltip')
      .filter({ hasText: '微信只接受顾客最后一条消息后 48 小时内的回复' })
      .waitFor();
    await screenshot(page, 'reply-channel-picker.png');
    await pickerOption(page, 'app').click();

    const replyText = '您好，已在App里为您查询订单。';
    await page.locator('#composer-input').fill(replyText);
    await page.keyboard.press('Enter');
    await socket.waitFor(messageWithText(replyText), 60_000);
    const bubble = page.locator('.message', { hasText: replyText });
    await bubble.locator('[role="img"][aria-label="App"]').waitFor();
    assert.equal(await bubble.locator('[role="img"][aria-label="微信"]').count(), 0);
    const toWeChat = platform
      .callsTo('/cgi-bin/message/custom/send')
      .map((call) => JSON.stringify(call.body));
    assert.ok(!toWeChat.some((body) => body.includes(replyText)), 'not sent on WeChat');
    assert.deepEqual(pageErrors, []);
    await context.close();
  },
);

test(
  'a window that closes while the agent writes: the reply is refused clearly and the draft is kept',
  { skip: skipReason, timeout: 240_000 },
  async () => {
    const shopper = await crossChannelShopper(2, 47);
    const { context, page } = await openConversation(shopper.conversationId);
    const picker = page.locator('.reply-channel-picker');
    await picker.locator('.ant-select-content [data-channel="app"]').waitFor();
    await picker.click();
    await pickerOption(page, 'wechat').click();
    await picker.locator('.ant-select-content [data-channel="wechat"]').waitFor();

    const draft = '您好，这是在公众号里的回复。';
    await page.locator('#composer-input').fill(draft);
    clock.offsetMs = 2 * hourMs;
    try {
      await page.keyboard.press('Enter');
      await page
        .locator('.ant-message', { hasText: '微信的回复时限刚刚已过，这条回复未发送，草稿已保留' })
        .waitFor();
      assert.equal(await page.locator('#composer-input').inputValue(), draft);
      // The picker reads the windows again: WeChat is now closed and the app chosen.
      await picker.locator('.ant-select-content [data-channel="app"]').waitFor();
    } finally {
      clock.offsetMs = 0;
    }
    await context.close();
  },
);
