import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ManualClock } from '../src/clock';
import { startShopperChat } from './helpers/shopChat';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';

// What shoppers say after the bot has answered once: the order under discussion stays the one meant, an
// order that cannot be cancelled or refunded says why, and the bot is not pushy when it is not wanted.
const asksForOrderNumber = /订单号|order number/i;

for (const { dialect } of testDatabaseTargets()) {
  describe(`shoppers following up (${dialect})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ dialect, clock: new ManualClock() });
    });
    after(async () => server.close());

    const chat = (locale: string, pageProductId?: string) =>
      startShopperChat(server.baseUrl, { locale, ...(pageProductId && { pageProductId }) });

    test('a cancellation asked after tracking a shipped order is about that order, and says it cannot be', async () => {
      const zh = await chat('zh-CN');
      await zh.say('KF202611010015到哪了');
      await zh.say('0303');
      const cancel = await zh.say('我要取消');
      assert.doesNotMatch(cancel.text, asksForOrderNumber);
      assert.match(cancel.text, /KF202611010015.*已经发货，无法取消/);
      assert.match(cancel.text, /签收后 7 天内可以申请无理由退货/);

      const en = await chat('en');
      await en.say('where is KF202611010015');
      await en.say('0303');
      const cancelled = await en.say('cancel it then');
      assert.doesNotMatch(cancelled.text, asksForOrderNumber);
      assert.match(cancelled.text, /already shipped, so it can't be cancelled/);
    });

    test('a return asked before delivery: an unshipped order is cancelled instead, a shipped one waits for delivery', async () => {
      const paid = await chat('zh-CN');
      await paid.say('不想要了 能退吗 KF202611010012');
      const unshipped = await paid.say('1414');
      assert.match(unshipped.text, /还没有发货，不用退货/);
      assert.ok(unshipped.quickReplies.includes('取消订单'), unshipped.quickReplies.join());

      const shipped = await chat('zh-CN');
      await shipped.say('我要退货 KF202611010015');
      const onTheWay = await shipped.say('0303');
      assert.match(onTheWay.text, /已经发货、还在路上，现在无法取消/);
      assert.ok(!onTheWay.quickReplies.includes('取消订单'), onTheWay.quickReplies.join());
    });

    test('food that was shipped cannot be cancelled and is not offered a no-reason return', async () => {
      const shopper = await chat('zh-CN');
      await shopper.say('取消订单 KF202611010022');
      const rice = await shopper.say('0808');
      assert.match(rice.text, /无法取消/);
      assert.match(rice.text, /不支持无理由退货/);
      assert.ok(!rice.quickReplies.includes('申请退货'), rice.quickReplies.join());
    });

    test('"不想要了，还能退吗" gets one answer: the return, not also a refusal to cancel', async () => {
      const shopper = await chat('zh-CN');
      await shopper.say('收到了 不想要了 还能退不 KF202611010033');
      const answer = await shopper.say('0404');
      assert.doesNotMatch(answer.text, /无法(?:直接)?取消/);
      assert.match(answer.text, /申请退货/);
    });

    test('money back for an order cancelled before payment: nothing was charged', async () => {
      const zh = await chat('zh-CN');
      await zh.say('KF202611010043取消了 钱啥时候退回来');
      const refund = await zh.say('0303');
      assert.match(refund.text, /没有付款，没有产生扣款/);

      const cancelAgain = await chat('zh-CN');
      await cancelAgain.say('取消KF202611010043');
      const already = await cancelAgain.say('0303');
      assert.match(already.text, /已经取消（\d{4}年\d{1,2}月\d{1,2}日）/);

      const en = await chat('en');
      await en.say('refund for KF202611010001?');
      const unpaid = await en.say('1515');
      assert.match(unpaid.text, /isn't paid yet, so nothing was charged/);
    });

    test('a compensation asked about by whether it arrived is the refund on record, not a new damage report', async () => {
      const shopper = await chat('zh-CN');
      await shopper.say('上次杯子碎了说补偿我 到账没有');
      await shopper.say('KF202611010059');
      const refund = await shopper.say('1616');
      assert.match(refund.text, /退款 ¥60\.00 已退款成功/);
    });

    test('a bare carrier number named as "this number" is looked up as a tracking number', async () => {
      const shopper = await chat('zh-CN');
      const asked = await shopper.say('735561209843 这个单号到哪了');
      assert.match(asked.text, /KF202611010022/);
      const tracked = await shopper.say('0808');
      assert.match(tracked.text, /中通快递/);
    });

    test('without the phone digits, someone else’s order is refused plainly; a number not found is not asked for again', async () => {
      const friend = await chat('en');
      await friend.say('whats the status of KF202611010010');
      const refused = await friend.say("i don't know the phone, my sister placed it. did it ship?");
      assert.match(refused.text, /can't share anything about order KF202611010010/);
      assert.doesNotMatch(refused.text, /shipped|paid/i);

      const insisting = await chat('zh-CN');
      await insisting.say('KF202611010099 查不到');
      const again = await insisting.say('我核对过了 没输错');
      assert.match(again.text, /确实查不到/);
      assert.ok(again.quickReplies.includes('转人工'), again.quickReplies.join());
    });

    test('"bot, stop" is not a product question, and the way to a person is offered', async () => {
      const zh = await chat('zh-CN');
      const stop = await zh.say('你这个机器人别回复了');
      assert.doesNotMatch(stop.text, /扫拖|售价/);
      assert.ok(stop.quickReplies.includes('转人工'), stop.quickReplies.join());

      const refund = await chat('zh-CN');
      const refusal = await refund.say('退款的事 不想跟机器人说了');
      assert.doesNotMatch(refusal.text, asksForOrderNumber);
      assert.ok(refusal.quickReplies.includes('转人工'), refusal.quickReplies.join());

      const vacuum = await chat('zh-CN');
      await vacuum.say('扫地机器人有货吗');
      const other = await vacuum.say('别的扫地机器人还有吗');
      assert.doesNotMatch(other.text, /不多打扰/);

      const en = await chat('en');
      const bot = await en.say('this bot is useless');
      assert.doesNotMatch(bot.text, /couldn't find that item/);
      assert.ok(bot.quickReplies.includes('Talk to a person'), bot.quickReplies.join());
    });

    test('a size or colour change is about the goods: exchange after delivery, or cancel and re-order before dispatch', async () => {
      const shipped = await chat('zh-CN');
      await shipped.say('KF202611010024 这件能换个XL吗');
      const later = await shipped.say('1313');
      assert.match(later.text, /没法换成 XL/);
      assert.match(later.text, /申请换货/);
      assert.doesNotMatch(later.text, /收货信息/);

      const english = await chat('en');
      await english.say('I need to change the colour on KF202611010012');
      const unshipped = await english.say('1414');
      assert.match(unshipped.text, /can't be changed/);
      assert.match(unshipped.text, /cancel it and order the one you want/);
      assert.doesNotMatch(unshipped.text, /address/);
    });

    test('"can I return it if …" on a product page, before buying: that product’s own terms', async () => {
      const lipstick = await chat('en', 'prod_24');
      const terms = await lipstick.say('if the shade looks wrong on me can i return it?');
      assert.doesNotMatch(terms.text, asksForOrderNumber);
      assert.match(terms.text, /within 7 days/);
      assert.match(terms.text, /once swatched or used/);

      const nuts = await chat('zh-CN', 'prod_28');
      const food = await nuts.say('万一买了不爱吃 可以退吗');
      assert.match(food.text, /不支持无理由退换/);
      assert.doesNotMatch(food.text, /^支持/);
    });

    test('asked what to buy, the bot recommends in-stock goods of that kind within the budget', async () => {
      const skincare = await chat('zh-CN');
      const picks = await skincare.say('女朋友生日 想送点护肤的 有啥推荐');
      assert.match(picks.text, /为您推荐/);
      assert.match(picks.text, /精华|洁面|防晒|面膜/);
      assert.doesNotMatch(picks.text, /手机|耳机/);

      const phone = await chat('zh-CN');
      const cheap = await phone.say('预算800 想买个手机 推荐下');
      assert.match(cheap.text, /长辈手机/);
      assert.doesNotMatch(cheap.text, /X20|充电/);

      const english = await chat('en');
      const snacks = await english.say('could you recommend some snacks?');
      assert.match(snacks.text, /You might like/);
      assert.match(snacks.text, /Nuts|Jerky/i);
    });

    test('an order number with the phone digits after it, a hold on a cancellation, an unclear word about a parcel', async () => {
      const together = await chat('zh-CN');
      await together.say('帮我查下物流');
      const checked = await together.say('KF202611010032，1111');
      assert.doesNotMatch(checked.text, /后 4 位/);
      assert.match(checked.text, /签收/);

      const holding = await chat('zh-CN');
      await holding.say('取消订单 KF202611010005');
      await holding.say('1313');
      const kept = await holding.say('先不取消了 我考虑一下');
      assert.match(kept.text, /订单保持不变/);

      const parcel = await chat('zh-CN');
      await parcel.say('JDVA20418850347 快递员说打不通我电话？？');
      const tracked = await parcel.say('1414');
      assert.doesNotMatch(tracked.text, /发票/);
      assert.match(tracked.text, /京东物流/);
    });

    test('an order spoken of with no task the bot can tell gets a question, not a product', async () => {
      const shopper = await chat('zh-CN');
      const vague = await shopper.say('订单有问题');
      assert.match(vague.text, /请问您是想/);
      assert.doesNotMatch(vague.text, /售价/);
    });

    test('"在不", poems and a first-order promo code', async () => {
      const hello = await chat('zh-CN');
      assert.match((await hello.say('亲 在不')).text, /您好/);
      const poem = await hello.say('给我写首诗呗');
      assert.match(poem.text, /帮不上忙/);

      const promo = await chat('en');
      const codes = await promo.say('got a promo code for my first order?');
      assert.match(codes.text, /NEW20/);
      assert.doesNotMatch(codes.text, /couldn't find that item/);
    });
  });
}
