// The first-run checklist reads the shop's data: on a fresh install (demo shop seeded) nothing is done; each
// step turns done when the data says so — a colleague invited, business hours saved, an FAQ answer published
// by people, own products and orders imported (a bad row reported, not counted), the shop's site allowed, a
// shopper's first chat through the widget — and the list is complete. Only admins (agents:manage) read it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { requestJson } from './helpers/http';
import { faqContent, knowledgeClient } from './helpers/knowledge';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';

interface ChecklistBody {
  steps: { id: string; done: boolean; count: number }[];
  complete: boolean;
}

const checklistPath = '/api/v1/admin/setup/checklist';

for (const { dialect } of testDatabaseTargets()) {
  describe(`first-run checklist (${dialect})`, () => {
    let server: TestServer;
    let adminToken: string;
    before(async () => {
      server = await startTestServer({ dialect });
      adminToken = await server.loginAdmin();
    });
    after(async () => server.close());

    const doneSteps = async () => {
      const response = await requestJson<ChecklistBody>(server.baseUrl, 'GET', checklistPath, {
        token: adminToken,
      });
      assert.equal(response.status, 200);
      return {
        done: response.body.steps.filter((step) => step.done).map((step) => step.id),
        complete: response.body.complete,
        count: (id: string) => response.body.steps.find((step) => step.id === id)?.count,
      };
    };
    const importRows = (kind: string, data: string) =>
      requestJson<{ imported: number; failed: number }>(
        server.baseUrl,
        'POST',
        '/api/v1/admin/commerce/imports',
        {
          token: adminToken,
          body: { kind, format: 'csv', data },
        },
      );

    test('every step follows the data until the list is complete', async () => {
      assert.deepEqual(
        (await doneSteps()).done,
        [],
        'a fresh install with the demo shop has done nothing yet',
      );

      const knowledge = knowledgeClient(server);
      const agent = await knowledge.createAgent(adminToken, 'agent');
      const supervisor = await knowledge.createAgent(adminToken, 'supervisor');
      assert.deepEqual((await doneSteps()).done, ['agents']);

      const settings = await requestJson<{ settings: object }>(
        server.baseUrl,
        'GET',
        '/api/v1/admin/routing/settings',
        {
          token: adminToken,
        },
      );
      await requestJson(server.baseUrl, 'PUT', '/api/v1/admin/routing/settings', {
        token: adminToken,
        body: settings.body.settings,
      });
      await knowledge.publish(
        agent.token,
        supervisor.token,
        faqContent('可以开发票吗？', '可以，下单时填写抬头。'),
      );
      assert.deepEqual((await doneSteps()).done, ['agents', 'businessHours', 'faq']);

      const products = await importRows(
        'products',
        'id,sku,brand,category,name_zh,name_en,description_zh,description_en,price_cents,stock,return_policy,warranty_months,tags\n' +
          'p-own-1,OWN-001,自有,配件,自有数据线,Own cable,一米,One metre,1900,50,7_day_no_reason,12,\n' +
          'p-own-2,OWN-002,自有,配件,坏行,Bad row,,,not-a-price,5,7_day_no_reason,12,\n',
      );
      assert.deepEqual([products.body.imported, products.body.failed], [1, 1]);
      const afterProducts = await doneSteps();
      assert.ok(afterProducts.done.includes('products') && !afterProducts.done.includes('orders'));
      assert.equal(afterProducts.count('products'), 1, 'the bad row is not counted');

      const orders = await importRows(
        'orders',
        'order_number,customer_id,status,items,placed_at,recipient,phone,province,city,district,address_line,payment_method\n' +
          'OWN20261201001,c-own-1,paid,OWN-001*2,2026-12-01T08:00:00Z,王女士,13800000000,上海,上海,浦东新区,世纪大道 1 号,alipay\n',
      );
      assert.equal(orders.body.imported, 1, JSON.stringify(orders.body));

      await requestJson(server.baseUrl, 'PUT', '/api/v1/admin/widget/origins', {
        token: adminToken,
        body: { added: ['https://shop.example.com'] },
      });
      const shopper = await knowledge.startShopper();
      await knowledge.say(shopper.token, '你好');
      const finished = await doneSteps();
      assert.deepEqual(finished.done, [
        'agents',
        'businessHours',
        'faq',
        'products',
        'orders',
        'channels',
        'widget',
      ]);
      assert.equal(finished.complete, true);
    });

    test('agents and supervisors may not read the checklist', async () => {
      const knowledge = knowledgeClient(server);
      for (const role of ['agent', 'supervisor'] as const) {
        const account = await knowledge.createAgent(adminToken, role);
        const response = await requestJson(server.baseUrl, 'GET', checklistPath, { token: account.token });
        assert.equal(response.status, 403);
      }
    });
  });
}
