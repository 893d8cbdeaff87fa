// Settings a merchant writes in words: a keyword rule saved with one reply language answers shoppers of every
// language (traditional script converted), and opening hours follow a named time zone (daylight saving
// included); a zone that does not exist or a rule without any reply is refused and nothing is stored.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { KefuVisitorClient } from '@kefu/sdk';
import { addBusinessMinutes, localOffsetMinutes } from '../src/modules/routing';
import type { BusinessHours } from '../src/modules/routing/schemas';
import { requestJson } from './helpers/http';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';

const rulesPath = '/api/v1/admin/bot/rules';
const routingSettingsPath = '/api/v1/admin/routing/settings';

for (const { dialect } of testDatabaseTargets()) {
  describe(`names, not codes (${dialect})`, () => {
    let server: TestServer;
    let token: string;
    before(async () => {
      server = await startTestServer({ dialect });
      token = await server.loginAdmin();
    });
    after(async () => server.close());

    test('a rule written only in Chinese answers English and traditional-script shoppers too', async () => {
      const created = await requestJson<{ rule: { replyEn: string } }>(server.baseUrl, 'POST', rulesPath, {
        token,
        body: {
          name: '营业执照',
          matchType: 'contains',
          patterns: ['营业执照', '營業執照', 'business licence'],
          replyZh: '营业执照在店铺首页底部。',
        },
      });
      assert.equal(created.status, 201);
      assert.equal(created.body.rule.replyEn, '');
      const english = new KefuVisitorClient({ baseUrl: server.baseUrl, locale: 'en' });
      assert.equal(
        (await english.sendMessage('where is your business licence?')).replies[0]?.text,
        '营业执照在店铺首页底部。',
      );
      const traditional = new KefuVisitorClient({ baseUrl: server.baseUrl, locale: 'zh-TW' });
      assert.equal(
        (await traditional.sendMessage('營業執照在哪裡')).replies[0]?.text,
        '營業執照在店鋪首頁底部。',
      );
    });

    test('a rule with no reply in either language is refused, on create and on edit', async () => {
      const refused = await requestJson(server.baseUrl, 'POST', rulesPath, {
        token,
        body: { name: '空', matchType: 'contains', patterns: ['空白'], replyZh: '', replyEn: ' ' },
      });
      assert.equal(refused.status, 400);
      const created = await requestJson<{ rule: { id: string } }>(server.baseUrl, 'POST', rulesPath, {
        token,
        body: { name: 'Hours', matchType: 'contains', patterns: ['opening hours'], replyEn: 'We open at 9.' },
      });
      assert.equal(created.status, 201);
      const emptied = await requestJson(server.baseUrl, 'PATCH', `${rulesPath}/${created.body.rule.id}`, {
        token,
        body: { replyEn: '' },
      });
      assert.equal(emptied.status, 400);
      const listed = await requestJson<{ rules: { id: string; replyEn: string }[] }>(
        server.baseUrl,
        'GET',
        rulesPath,
        {
          token,
        },
      );
      const kept = listed.body.rules.find((rule) => rule.id === created.body.rule.id);
      assert.equal(kept?.replyEn, 'We open at 9.', 'the stored rule is unchanged');
    });

    test('opening hours take a named time zone; an unknown zone is refused', async () => {
      const current = await requestJson<{ settings: { businessHours: BusinessHours } }>(
        server.baseUrl,
        'GET',
        routingSettingsPath,
        { token },
      );
      assert.equal(current.body.settings.businessHours.timeZone, 'Asia/Shanghai');
      const settings = current.body.settings;
      const saved = await requestJson<{ settings: { businessHours: BusinessHours } }>(
        server.baseUrl,
        'PUT',
        routingSettingsPath,
        {
          token,
          body: { ...settings, businessHours: { ...settings.businessHours, timeZone: 'Europe/Berlin' } },
        },
      );
      assert.equal(saved.status, 200);
      assert.equal(saved.body.settings.businessHours.timeZone, 'Europe/Berlin');
      const unknown = await requestJson(server.baseUrl, 'PUT', routingSettingsPath, {
        token,
        body: { ...settings, businessHours: { ...settings.businessHours, timeZone: 'Mars/Olympus' } },
      });
      assert.equal(unknown.status, 400);
      const after = await requestJson<{ settings: { businessHours: BusinessHours } }>(
        server.baseUrl,
        'GET',
        routingSettingsPath,
        { token },
      );
      assert.equal(after.body.settings.businessHours.timeZone, 'Europe/Berlin');
    });
  });
}

test('business time follows the zone across a daylight-saving change', () => {
  const berlin: BusinessHours = {
    enabled: true,
    timeZone: 'Europe/Berlin',
    utcOffsetMinutes: 60,
    weekly: [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '17:00' })),
    holidays: [],
  };
  assert.equal(localOffsetMinutes(berlin, new Date('2026-01-15T12:00:00Z')), 60);
  assert.equal(localOffsetMinutes(berlin, new Date('2026-07-15T12:00:00Z')), 120);
  // Monday 6 July 2026, 08:00 UTC = 10:00 in Berlin (summer time): 30 business minutes later is 08:30 UTC.
  assert.equal(
    addBusinessMinutes(berlin, new Date('2026-07-06T08:00:00Z'), 30).toISOString(),
    '2026-07-06T08:30:00.000Z',
  );
  // Friday 16:50 in Berlin (summer) + 20 minutes: 10 minutes today, 10 on Monday from 09:00 = 07:10 UTC.
  assert.equal(
    addBusinessMinutes(berlin, new Date('2026-07-10T14:50:00Z'), 20).toISOString(),
    '2026-07-13T07:10:00.000Z',
  );
  const fixed: BusinessHours = { ...berlin, timeZone: undefined, utcOffsetMinutes: 480 };
  assert.equal(localOffsetMinutes(fixed, new Date('2026-07-15T12:00:00Z')), 480);
});
