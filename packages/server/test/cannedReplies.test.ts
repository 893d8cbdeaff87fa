import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';
import { testDatabaseTargets } from './helpers/testDatabase';
import { requestJson } from './helpers/http';
import { shopIdentitySecret, startShopperChat } from './helpers/shopChat';

interface Reply {
  id: string;
  scope: string;
  shortcut: string;
  category: string;
  text: string;
}

for (const { dialect } of testDatabaseTargets()) {
  describe(`canned replies on the server (${dialect})`, () => {
    let server: TestServer;
    let adminToken: string;
    before(async () => {
      server = await startTestServer({
        dialect,
        environment: { KEFU_SHOP_IDENTITY_SECRET: shopIdentitySecret },
      });
      adminToken = await server.loginAdmin();
    });
    after(async () => server.close());
    const call = <Body>(method: string, path: string, token: string, body?: unknown) =>
      requestJson<Body>(server.baseUrl, method, path, { token, body });
    let count = 0;
    const agent = async (role = 'agent') => {
      count += 1;
      const email = `canned-${count}@kefu.test`;
      const created = await call<{ agent: { id: string } }>('POST', '/api/v1/admin/agents', adminToken, {
        email,
        displayName: `坐席${count}`,
        password: 'password-123',
        role,
      });
      return { id: created.body.agent.id, token: await server.login(email, 'password-123') };
    };
    const list = async (token: string, q = '') =>
      (
        await call<{ replies: Reply[] }>(
          'GET',
          `/api/v1/agent/canned-replies?q=${encodeURIComponent(q)}`,
          token,
        )
      ).body.replies;

    test('team replies are shared with the team, personal ones stay personal; search by /shortcut and by words', async () => {
      const writer = await agent();
      const colleague = await agent();
      const outsider = await agent();
      const team = await call<{ team: { id: string } }>('POST', '/api/v1/admin/teams', adminToken, {
        name: '售后组',
        memberIds: [writer.id, colleague.id],
      });
      const teamId = team.body.team.id;
      const shared = await call<{ reply: Reply }>('POST', '/api/v1/agent/canned-replies', writer.token, {
        scope: 'team',
        teamId,
        category: '售后',
        shortcut: 'rma',
        title: '退货地址',
        text: '{{customer.name}}您好，订单 {{order.number}} 的退货已受理。',
      });
      assert.equal(shared.status, 201, JSON.stringify(shared.body));
      await call('POST', '/api/v1/agent/canned-replies', writer.token, {
        scope: 'personal',
        shortcut: 'mine',
        text: '我自己的话术',
      });
      const duplicate = await call('POST', '/api/v1/agent/canned-replies', colleague.token, {
        scope: 'team',
        teamId,
        shortcut: 'rma',
        text: 'again',
      });
      assert.equal(duplicate.status, 409);
      assert.deepEqual(
        (await list(colleague.token)).map((reply) => reply.shortcut),
        ['rma'],
      );
      assert.deepEqual(
        (await list(colleague.token, '/rm')).map((reply) => reply.shortcut),
        ['rma'],
      );
      assert.deepEqual(
        (await list(colleague.token, '退货 受理')).map((reply) => reply.shortcut),
        ['rma'],
      );
      assert.deepEqual(await list(colleague.token, '/mine'), []);
      assert.deepEqual(await list(outsider.token), []);
      const intoForeignTeam = await call('POST', '/api/v1/agent/canned-replies', outsider.token, {
        scope: 'team',
        teamId,
        shortcut: 'x',
        text: 'x',
      });
      assert.equal(intoForeignTeam.status, 403);
      assert.equal(
        (
          await call('PATCH', `/api/v1/agent/canned-replies/${shared.body.reply.id}`, outsider.token, {
            text: 'hijack',
          })
        ).status,
        404,
      );
      const edited = await call<{ reply: Reply }>(
        'PATCH',
        `/api/v1/agent/canned-replies/${shared.body.reply.id}`,
        colleague.token,
        { category: '退换货' },
      );
      assert.equal(edited.body.reply.category, '退换货');

      const shopper = await startShopperChat(server.baseUrl, { shopCustomerId: 'cus_demo_20' });
      await shopper.say('订单 KF202611010031 想退货，转人工');
      const rendered = await call<{ text: string; missing: string[] }>(
        'POST',
        `/api/v1/agent/canned-replies/${shared.body.reply.id}/render`,
        colleague.token,
        { conversationId: shopper.session.conversationId },
      );
      assert.equal(rendered.status, 200, JSON.stringify(rendered.body));
      assert.match(rendered.body.text, /^.+您好，订单 KF\d+ 的退货已受理。$/);
      assert.doesNotMatch(rendered.body.text, /\{\{/);
    });

    test('import and export as CSV and JSON, with a report of rows skipped and refused', async () => {
      const owner = await agent();
      const csv =
        'shortcut,category,title,text\nhi,问候,,您好，请问有什么可以帮您？\n"bye",问候,,"再见，祝您购物愉快！"\n,,,\nbad word,x,,text\nhi,问候,,重复\n';
      const imported = await call<{ created: number; skipped: unknown[]; errors: { row: number }[] }>(
        'POST',
        '/api/v1/agent/canned-replies/import',
        owner.token,
        { format: 'csv', content: csv, scope: 'personal' },
      );
      assert.equal(imported.status, 200, JSON.stringify(imported.body));
      assert.equal(imported.body.created, 2);
      assert.equal(imported.body.skipped.length, 1);
      assert.equal(imported.body.errors.length, 1);
      const exported = await fetch(`${server.baseUrl}/api/v1/agent/canned-replies/export?format=json`, {
        headers: { authorization: `Bearer ${owner.token}` },
      });
      const file: unknown = await exported.json();
      const other = await agent();
      const again = await call<{ created: number }>(
        'POST',
        '/api/v1/agent/canned-replies/import',
        other.token,
        {
          format: 'json',
          content: JSON.stringify(file),
          scope: 'personal',
        },
      );
      assert.equal(again.body.created, 2);
      const csvExport = await fetch(`${server.baseUrl}/api/v1/agent/canned-replies/export?format=csv`, {
        headers: { authorization: `Bearer ${other.token}` },
      });
      assert.match(
        await csvExport.text(),
        /^shortcut,category,title,text\r?\nbye,问候,,再见，祝您购物愉快！/,
      );
      const broken = await call('POST', '/api/v1/agent/canned-replies/import', other.token, {
        format: 'json',
        content: '{nope',
        scope: 'personal',
      });
      assert.equal(broken.status, 400);
      const analyst = await agent('analyst');
      assert.equal((await call('GET', '/api/v1/agent/canned-replies', analyst.token)).status, 403);
    });
  });
}
