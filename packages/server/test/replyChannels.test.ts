import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Message } from '@kefu/sdk';
import type { ChannelAccountView } from '../src/modules/channels/accounts/channelAccountSchemas';
import {
  crossChannelServerOptions,
  followerWritesOnWeChatThenApp,
  setUpOfficialAccount,
} from './helpers/crossChannelShopper';
import type { ErrorBody } from './helpers/http';
import { requestJson } from './helpers/http';
import { ShiftedClock } from './helpers/shiftedClock';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';
import { WeChatPlatform } from './helpers/wechatPlatform';

const appId = 'wx6b1c2d3e4f5a6b7c';
const appSecret = 'reply-channels-secret';
const token = 'replychannelstoken';
const hourMs = 60 * 60 * 1000;

interface ReplyChannel {
  channel: string;
  accountName: string | null;
  isDefault: boolean;
  lastWroteAt: string;
  window: { open: boolean; closesAt: string | null; windowHours: number | null; closedReason: string | null };
}

for (const { dialect } of testDatabaseTargets()) {
  describe(`the channels a reply may go out on (${dialect})`, () => {
    const platform = new WeChatPlatform(appId, appSecret);
    const clock = new ShiftedClock();
    let server: TestServer;
    let adminToken: string;
    let account: ChannelAccountView;

    before(async () => {
      await platform.start();
      server = await startTestServer({ dialect, ...crossChannelServerOptions(clock) });
      adminToken = await server.loginAdmin();
      account = await setUpOfficialAccount(server, adminToken, platform, {
        name: '官方公众号',
        appId,
        appSecret,
        token,
      });
      // A second official account: the picker names the account the shopper wrote to.
      await setUpOfficialAccount(server, adminToken, platform, {
        name: '售后公众号',
        appId: 'wx0f0e0d0c0b0a0908',
        appSecret: 'other-secret',
        token: 'othertoken',
      });
    });
    after(async () => {
      await server.close();
      await platform.close();
    });

    const api = <Body = ErrorBody>(
      method: string,
      path: string,
      body?: unknown,
      as: string | null = adminToken,
    ) =>
      requestJson<Body>(server.baseUrl, method, path, {
        ...(as !== null && { token: as }),
        ...(body !== undefined && { body }),
      });
    /** The numbered follower writes on WeChat, then on the app after signing in with WeChat. */
    const crossChannelShopper = (number: number, onWeChat: string, onApp: string) =>
      followerWritesOnWeChatThenApp(
        { server, adminToken, platform, target: { baseUrl: server.baseUrl, account, token, clock } },
        {
          openId: `oReplyChannelsFollower0${number}`,
          unionId: `oUnion_reply_channels_0${number}`,
          shopCustomerId: `shop-cu-rc-0${number}`,
          onWeChat,
          onApp,
        },
      );
    const replyChannelsOf = async (conversationId: string) => {
      const response = await api<{ channels: ReplyChannel[] }>(
        'GET',
        `/api/v1/agent/conversations/${conversationId}/reply-channels`,
      );
      assert.equal(response.status, 200, JSON.stringify(response.body));
      return response.body.channels;
    };

    test('WeChat (window closed after 48 hours) and the app (no window): the app is the default', async () => {
      const shopper = await crossChannelShopper(1, '我的快递到哪了？', '我在App里再问一下');
      const wechatWroteAt = await server.kefu.services.database.db
        .selectFrom('inbound_messages')
        .select('received_at')
        .where('conversation_id', '=', shopper.conversationId)
        .executeTakeFirstOrThrow();
      const closesAt = new Date(Date.parse(wechatWroteAt.received_at) + 48 * hourMs).toISOString();

      const now = await replyChannelsOf(shopper.conversationId);
      assert.deepEqual(
        now.map(({ channel, accountName, isDefault, window }) => ({
          channel,
          accountName,
          isDefault,
          window,
        })),
        [
          {
            channel: 'app',
            accountName: null,
            isDefault: true,
            window: { open: true, closesAt: null, windowHours: null, closedReason: null },
          },
          {
            channel: 'wechat',
            accountName: '官方公众号',
            isDefault: false,
            window: { open: true, closesAt, windowHours: 48, closedReason: null },
          },
        ],
      );

      clock.offsetMs = 49 * hourMs;
      try {
        const later = await replyChannelsOf(shopper.conversationId);
        assert.deepEqual(
          later.map(({ channel, isDefault, window }) => ({ channel, isDefault, window })),
          [
            {
              channel: 'app',
              isDefault: true,
              window: { open: true, closesAt: null, windowHours: null, closedReason: null },
            },
            {
              channel: 'wechat',
              isDefault: false,
              window: { open: false, closesAt, windowHours: 48, closedReason: 'window_expired' },
            },
          ],
        );
        // The list and the reply follow one rule: WeChat is refused, the app is taken.
        const path = `/api/v1/agent/conversations/${shopper.conversationId}/messages`;
        const refused = await api('POST', path, { text: '您好？', channel: 'wechat' });
        assert.equal(refused.status, 409);
        assert.equal(refused.body.error.code, 'reply_window_closed');
        const sent = await api<{ message: Message }>('POST', path, {
          text: '您好，我来帮您查。',
          channel: 'app',
        });
        assert.equal(sent.status, 201, JSON.stringify(sent.body));
        assert.equal(sent.body.message.channel, 'app');
      } finally {
        clock.offsetMs = 0;
      }
    });

    test('an agent who cannot see the conversation gets a 404, as for reading it', async () => {
      const shopper = await crossChannelShopper(2, '在吗', '在吗？');
      const taken = await api('POST', `/api/v1/agent/conversations/${shopper.conversationId}/takeover`);
      assert.equal(taken.status, 200, JSON.stringify(taken.body));
      const email = `reply-channels-agent-${dialect}@kefu.test`;
      const created = await api('POST', '/api/v1/admin/agents', {
        email,
        displayName: 'Plain Agent',
        password: 'password-123',
        role: 'agent',
      });
      assert.equal(created.status, 201);
      const agentToken = await server.login(email, 'password-123');
      const path = `/api/v1/agent/conversations/${shopper.conversationId}/reply-channels`;

      const reading = await api(
        'GET',
        `/api/v1/agent/conversations/${shopper.conversationId}`,
        undefined,
        agentToken,
      );
      assert.equal(reading.status, 404);
      const refused = await api('GET', path, undefined, agentToken);
      assert.equal(refused.status, 404);
      assert.equal(refused.body.error.code, 'conversation_not_found');
      assert.equal((await api('GET', path, undefined, null)).status, 401);
      const unknown = await api('GET', '/api/v1/agent/conversations/cnv_nobody/reply-channels');
      assert.equal(unknown.status, 404);
      assert.equal((await replyChannelsOf(shopper.conversationId)).length, 2, 'the admin sees both');
    });
  });
}
