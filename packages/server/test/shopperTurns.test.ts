import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ManualClock } from '../src/clock';
import { defaultRoutingSettings } from '../src/modules/routing';
import { requestJson } from './helpers/http';
import { startShopperChat } from './helpers/shopChat';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';

// Turns shoppers take that sit between the flows: thanks and goodbyes, asking again while waiting for a
// person, a reason that sounds negative, a defect named in passing, a size given after the question.
for (const { dialect } of testDatabaseTargets()) {
  describe(`shopper turns between the flows (${dialect})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ dialect, clock: new ManualClock() });
    });
    after(async () => server.close());

    const chat = (locale?: string) => startShopperChat(server.baseUrl, locale ? { locale } : {});
    const statusOf = async (customerId: string) =>
      (await server.kefu.services.conversations.findCurrentConversation(customerId, 'web'))?.status;

    test('thanks and goodbyes are answered as such, in any wording; an "ok" alone keeps the door open', async () => {
      const shopper = await chat();
      const thanked = await shopper.say('好的 谢谢');
      assert.match(thanked.text, /不客气/);
      assert.doesNotMatch(thanked.text, /暂时还不能|没能理解/);
      assert.match((await shopper.say('没有了 拜拜')).text, /再见/);
      assert.match((await shopper.say('不用了谢谢')).text, /不客气/);
      const english = await chat('en');
      assert.match((await english.say('ok thanks a lot')).text, /welcome/i);
      assert.match((await english.say("that's all, bye")).text, /goodbye/i);
      const traditional = await chat('zh-TW');
      assert.match((await traditional.say('好的 謝謝你')).text, /不客氣/);
      assert.equal(await statusOf(shopper.session.customerId), 'bot');
    });

    test('asking again for a person, or how long it takes, while waiting tells the shopper where they stand', async () => {
      const shopper = await chat();
      await shopper.say('人工');
      assert.equal(await statusOf(shopper.session.customerId), 'queued');
      for (const text of ['人工！！', '还要等多久啊', '在吗']) {
        const told = await shopper.say(text);
        assert.match(told.text, /已经在为您转接人工客服了/, text);
        assert.match(told.text, /您排在第 \d+ 位/, text);
        assert.doesNotMatch(told.text, /订单号/, text);
      }
      const english = await chat('en');
      await english.say('talk to a human');
      assert.match(
        (await english.say('how long do I have to wait?')).text,
        /already in line.*number \d+ in the queue/is,
      );
    });

    test('a return reason that sounds negative does not send the shopper to a person mid-way', async () => {
      const shopper = await chat();
      await shopper.say('收到的枕头太硬了 能退吗');
      await shopper.say('KF202611010028');
      assert.match((await shopper.say('0505')).text, /退换货的原因/);
      const confirm = await shopper.say('不喜欢');
      assert.match(confirm.text, /确认为订单 KF202611010028 申请退货/);
      assert.doesNotMatch(confirm.text, /转接/);
      assert.equal(await statusOf(shopper.session.customerId), 'bot');
    });

    test('goods that arrived but do not work go straight to a return for a defect', async () => {
      const shopper = await chat();
      await shopper.say('收到的音箱没声音 坏的 KF202611010031');
      const confirm = await shopper.say('2020');
      assert.match(confirm.text, /确认为订单 KF202611010031 申请退货/);
      assert.doesNotMatch(confirm.text, /遇到了什么问题/);
      const done = await shopper.say('确认');
      assert.match(done.text, /退换货单号 RMA/);
      assert.match(done.text, /退回运费由我们承担/, 'a defect: the shop pays the postage');
    });

    test('an exchange for the size asks which size, and a size said at the confirmation is taken', async () => {
      const shopper = await chat();
      await shopper.say('阔腿裤能换个码吗 M的太紧了');
      await shopper.say('KF202611010030');
      const asked = await shopper.say('0909');
      assert.match(asked.text, /换成什么尺码/);
      assert.ok(asked.quickReplies.includes('L'));
      const confirm = await shopper.say('换L');
      assert.match(confirm.text, /申请换货（换成 L）/);
      const changed = await shopper.say('XL码的');
      assert.match(changed.text, /申请换货（换成 XL）/, 'a new size at the confirmation is confirmed again');
      assert.match((await shopper.say('确认')).text, /退换货单号 RMA/);
    });

    test('price protection is the shop’s rule even with the order named; a purchase not yet made is about dispatch times', async () => {
      const shopper = await chat();
      const price = await shopper.say('买了两天就降价了 能补差价不 KF202611010012');
      assert.match(price.text, /价格保护|差价/);
      assert.doesNotMatch(price.text, /后 4 位/);
      const before = await chat();
      const dispatch = await before.say('今天下单什么时候发货');
      assert.match(dispatch.text, /48 小时内/);
      assert.doesNotMatch(dispatch.text, /订单号/);
      const bought = await chat();
      assert.match(
        (await bought.say('我今天下单了 什么时候发货')).text,
        /订单号/,
        'an order placed is asked for',
      );
    });

    test('goods the shop does not sell are said to be missing, never answered with another product', async () => {
      const english = await chat('en');
      const cooker = await english.say('Hi! quick question - is the rice cooker in stock?');
      assert.match(cooker.text, /couldn't find that item/);
      assert.doesNotMatch(cooker.text, /Jacket|Rice 5 kg/);
      assert.match((await english.say('do you sell phone cases')).text, /couldn't find that item/);
      const chinese = await chat();
      assert.match((await chinese.say('有手机壳卖吗')).text, /没有找到您说的这款商品/);
      assert.match((await chinese.say('咖啡机多少钱')).text, /没有找到您说的这款商品/);
      assert.match(
        (await chinese.say('充电宝多少钱')).text,
        /移动电源 售价/,
        'a synonym still finds the product',
      );
      assert.match((await english.say('how much are the earbuds')).text, /Earbuds costs/);
    });

    test('leaving unhelped is owned as a failure; a bare yes or no with nothing asked is acknowledged', async () => {
      const english = await chat('en');
      const sarcastic = await english.say('thanks for nothing. useless bot');
      assert.match(sarcastic.text, /sorry I couldn't help/i);
      assert.doesNotMatch(sarcastic.text, /welcome/i);
      const chinese = await chat();
      assert.match((await chinese.say('谢谢 一点用都没有')).text, /抱歉这次没能帮到您/);
      const bare = await chinese.say('确认');
      assert.match(bare.text, /还有什么可以帮您/);
      assert.doesNotMatch(bare.text, /积分/);
      // A refund past the return window, then "不用了": nothing is asked any more, so it only closes the topic.
      const declined = await chat();
      await declined.say('KF202611010034 我要退款');
      const pastWindow = await declined.say('0707');
      assert.match(pastWindow.text, /已超过 7 天退换货期限/);
      const noThanks = await declined.say('不用了');
      assert.match(noThanks.text, /还有什么可以帮您/);
      assert.doesNotMatch(noThanks.text, /账户|暂时还不能/);
    });

    test('in English: "exchange for a small" names the size, "it\'s not here" is a parcel not received', async () => {
      const exchange = await chat('en');
      await exchange.say('wrong size, need to exchange the pants for a small');
      await exchange.say('KF202611010030');
      assert.match((await exchange.say('0909')).text, /an exchange \(for S\)/);
      const missing = await chat('en');
      await missing.say("my package says delivered but it's not here");
      await missing.say('KF202611010040');
      assert.match((await missing.say('1717')).text, /check with reception, parcel lockers/);
    });

    test('the service hours the bot states are the hours agents are routed in; a refund past the window says so first', async () => {
      const { open, close } = defaultRoutingSettings.businessHours.weekly[0] ?? { open: '', close: '' };
      const shopper = await chat();
      assert.ok((await shopper.say('怎么联系你们 电话多少')).text.includes(`${open}–${close}`));
      const late = await chat();
      await late.say('怎么退款');
      await late.say('KF202611010039');
      const told = await late.say('1616');
      assert.match(told.text, /已超过 7 天退换货期限/);
      assert.doesNotMatch(told.text, /现在申请退货吗/);
    });

    test('an invoice that never arrived is sent again; a wrong title goes to a person to re-issue it', async () => {
      const resendCount = async (orderNumber: string) => {
        const row = await server.kefu.services.database.db
          .selectFrom('orders')
          .select('invoice')
          .where('order_number', '=', orderNumber)
          .executeTakeFirstOrThrow();
        return Number(JSON.parse(row.invoice ?? '{}').resendCount ?? 0);
      };
      const missing = await chat();
      await missing.say('KF202611010036 发票一直没收到邮件');
      const resent = await missing.say('0101');
      assert.match(resent.text, /重新发送至 zhang\.wei@example\.com/);
      assert.equal(await resendCount('KF202611010036'), 1, 'the shop sent it again');
      assert.equal(await statusOf(missing.session.customerId), 'bot');

      const english = await chat('en');
      await english.say('I never received the invoice for KF202611010037');
      assert.match((await english.say('0202')).text, /sent the invoice .* again/);
      assert.equal(await resendCount('KF202611010037'), 1);

      const wrongTitle = await chat();
      await wrongTitle.say('订单 KF202611010036 的发票抬头写错了，能重开吗');
      const handedOver = await wrongTitle.say('0101');
      assert.match(handedOver.text, /作废原发票再重新开具.*正在为您转接/);
      assert.doesNotMatch(handedOver.text, /已发送至/);
      assert.equal(await resendCount('KF202611010036'), 1, 'a correction sends nothing');
      const conversation = await server.kefu.services.conversations.findCurrentConversation(
        wrongTitle.session.customerId,
        'web',
      );
      assert.equal(conversation?.status, 'queued');
      const adminToken = await server.loginAdmin();
      const summary = await requestJson<{ summary: { reason: string } }>(
        server.baseUrl,
        'GET',
        `/api/v1/agent/conversations/${conversation?.id ?? ''}/summary`,
        { token: adminToken },
      );
      assert.equal(summary.body.summary.reason, 'invoice_correction');

      const pending = await chat();
      await pending.say('我的发票开好了吗 KF202611010006');
      const status = await pending.say('0101');
      assert.match(status.text, /正在开具，开具后会发送至/);
      assert.equal(await statusOf(pending.session.customerId), 'bot');
    });

    test('asking whether a return arrived tells where that return stands, not the delivery of the order', async () => {
      const onItsWay = await chat();
      await onItsWay.say('我的退货你们收到了吗 KF202611010049');
      const travelling = await onItsWay.say('0404');
      assert.match(travelling.text, /退货单 RT202611010049 的包裹正在寄回途中，仓库还没有签收/);
      const arrived = await chat();
      await arrived.say('退回去的东西到了没');
      await arrived.say('KF202611010050');
      const received = await arrived.say('0909');
      assert.match(received.text, /仓库已经收到退货单 RT202611010050 的包裹/);
      assert.doesNotMatch(received.text, /签收。|运单号/, 'not the parcel delivered to the shopper');
      const english = await chat('en');
      await english.say('did you get my return yet? order KF202611010051');
      const notSent = await english.say('1717');
      assert.match(notSent.text, /hasn't received the parcel yet\. Please send it to: .*RT202611010051/);
    });
  });
}
