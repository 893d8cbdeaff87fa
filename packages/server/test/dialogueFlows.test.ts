import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ManualClock } from '../src/clock';
import { receiveVisitorMessage } from '../src/modules/channels/web/receiveVisitorMessage';
import { shopIdentitySecret, startShopperChat } from './helpers/shopChat';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';

for (const { dialect } of testDatabaseTargets()) {
  describe(`dialogue flows through the visitor API (${dialect})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({
        dialect,
        clock: new ManualClock(),
        environment: { KEFU_SHOP_IDENTITY_SECRET: shopIdentitySecret },
      });
    });
    after(async () => server.close());

    const chat = (options: { shopCustomerId?: string; locale?: string } = {}) =>
      startShopperChat(server.baseUrl, options);
    const statusOf = async (customerId: string) =>
      (await server.kefu.services.conversations.findCurrentConversation(customerId, 'web'))?.status;

    test('a guest proves an order with the phone digits before anything is shown (zh)', async () => {
      const shopper = await chat();
      const asked = await shopper.say('订单 KF202611010030 到哪了');
      assert.match(asked.text, /手机号的后 4 位/);
      assert.doesNotMatch(asked.text, /SF1411287430652/);
      assert.match((await shopper.say('1234')).text, /不匹配/);
      const shown = await shopper.say('0909');
      assert.match(shown.text, /SF1411287430652/);
      assert.match(shown.text, /已签收/);
    });

    test('a wrong order number is said to be unknown, and asked again', async () => {
      const shopper = await chat();
      assert.match((await shopper.say('查一下订单 KF209999999999 的物流')).text, /没有找到 KF209999999999/);
      assert.match((await shopper.say('KF209999999998')).text, /没有找到/);
    });

    test('a signed-in shopper picks from recent orders; someone else’s order is refused', async () => {
      const shopper = await chat({ shopCustomerId: 'cus_demo_09' });
      const listed = await shopper.say('我的快递到哪了');
      assert.match(listed.text, /哪一个订单/);
      assert.ok(listed.quickReplies.includes('KF202611010030'));
      assert.match((await shopper.say('KF202611010030')).text, /SF1411287430652/);
      const foreign = await shopper.say('KF202611010015 到哪了');
      assert.match(foreign.text, /不在您当前登录的账号下/);
      assert.doesNotMatch(foreign.text, /SF1403928475610/);
    });

    test('a forged shop identity is refused at the session', async () => {
      const response = await fetch(`${server.baseUrl}/api/v1/visitor/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ identity: { shopCustomerId: 'cus_demo_09', signature: '0'.repeat(64) } }),
      });
      assert.equal(response.status, 401);
    });

    test('returns: an ineligible order is explained, an eligible one gets a return order (zh-Hant)', async () => {
      const shopper = await chat({ shopCustomerId: 'cus_demo_20', locale: 'zh-TW' });
      const late = await shopper.say('訂單 KF202611010060 我要退貨');
      assert.match(late.text, /已經有退換貨或退款|已經有退/);
      const reason = await shopper.say('KF202611010031 我要退貨');
      assert.match(reason.text, /退換貨的原因/);
      const confirm = await shopper.say('不想要了');
      assert.match(confirm.text, /確認為訂單 KF202611010031 申請退貨/);
      const done = await shopper.say('確認');
      assert.match(done.text, /退換貨單號 RMA/);
      assert.match(done.text, /文一西路/);
      const food = await chat({ shopCustomerId: 'cus_demo_11' });
      await food.say('KF202611010032 我要退货');
      assert.match((await food.say('不想要了')).text, /不支持七天无理由退换/);
      const expired = await chat({ shopCustomerId: 'cus_demo_03' });
      assert.match((await expired.say('KF202611010038 我想退货')).text, /已超过 7 天退换货期限/);
    });

    test('cancelling asks for confirmation and reports what the shop did (en)', async () => {
      const shopper = await chat();
      assert.match((await shopper.say('Please cancel my order KF202611010013')).text, /last 4 digits/);
      const confirm = await shopper.say('2020');
      assert.match(confirm.text, /Do you want to cancel order KF202611010013/);
      const done = await shopper.say('yes');
      assert.match(done.text, /has been cancelled/);
      const order = await server.kefu.services.commerce.connector.getOrder('KF202611010013');
      assert.equal(order.ok && order.value.status, 'cancelled');
      const shipped = await chat({ shopCustomerId: 'cus_demo_03' });
      assert.match((await shipped.say('cancel order KF202611010015')).text, /already shipped/);
    });

    test('a topic change mid-flow is followed; "算了" leaves the flow', async () => {
      const shopper = await chat({ shopCustomerId: 'cus_demo_14' });
      assert.match((await shopper.say('取消订单 KF202611010012')).text, /确认要取消订单/);
      const shipping = await shopper.say('运费怎么算');
      assert.match(shipping.text, /包邮/);
      const order = await server.kefu.services.commerce.connector.getOrder('KF202611010012');
      assert.equal(order.ok && order.value.status, 'paid', 'nothing was cancelled');
      assert.match((await shopper.say('我想改收货地址')).text, /新的完整收货地址/);
      assert.match((await shopper.say('算了')).text, /已为您取消当前操作/);
    });

    test('changing the address: one question at a time, a confirmation, then the change', async () => {
      const shopper = await chat({ shopCustomerId: 'cus_demo_14' });
      assert.match((await shopper.say('KF202611010012 我想改一下收货地址')).text, /新的完整收货地址/);
      assert.match(
        (await shopper.say('浙江省杭州市西湖区文三路 100 号')).text,
        /确认将订单 KF202611010012 的收货地址改为/,
      );
      assert.match((await shopper.say('确认')).text, /已为您更新订单 KF202611010012 的收货信息/);
      const order = await server.kefu.services.commerce.connector.getOrder('KF202611010012');
      assert.equal(order.ok && order.value.shippingAddress.district, '西湖区');
    });

    test('a damaged delivery becomes a return; "这个订单" refers to the order in context', async () => {
      const shopper = await chat({ shopCustomerId: 'cus_demo_06' });
      const asked = await shopper.say('KF202611010029 收到的碗碎了');
      assert.match(asked.text, /48 小时内拍下/);
      assert.deepEqual(asked.quickReplies.slice(0, 2), ['补发新的', '退货退款']);
      const confirm = await shopper.say('退货退款吧');
      assert.match(confirm.text, /确认为订单 KF202611010029 申请退货/);
      assert.match((await shopper.say('确认')).text, /退换货单号 RMA/);
      assert.match((await shopper.say('这个订单退款什么时候到')).text, /KF202611010029|退货/);
    });

    test('an overdue shipment and a carrier exception go to a person with an apology', async () => {
      const overdue = await chat({ shopCustomerId: 'cus_demo_12' });
      const urged = await overdue.say('KF202611010008 怎么还不发货');
      assert.match(urged.text, /超过承诺的发货时间/);
      assert.equal(await statusOf(overdue.session.customerId), 'queued');
      const exception = await chat({ shopCustomerId: 'cus_demo_14' });
      const tracked = await exception.say('KF202611010026 物流到哪了');
      assert.match(tracked.text, /异常/);
      assert.equal(await statusOf(exception.session.customerId), 'queued');
    });

    test('delivered but not received: where it was left, then a person on request', async () => {
      const shopper = await chat({ shopCustomerId: 'cus_demo_05' });
      const told = await shopper.say('KF202611010028 显示签收了但我没收到');
      assert.match(told.text, /已于 .* 签收/);
      assert.match((await shopper.say('需要')).text, /人工客服/);
      assert.equal(await statusOf(shopper.session.customerId), 'queued');
    });

    test('invoices: slots one at a time, a correction at the confirmation, then the request', async () => {
      const shopper = await chat({ shopCustomerId: 'cus_demo_11' });
      assert.match((await shopper.say('KF202611010014 我要开发票')).text, /个人还是公司/);
      assert.match((await shopper.say('公司')).text, /公司全称/);
      assert.match((await shopper.say('杭州云帆科技有限公司')).text, /税号/);
      assert.match((await shopper.say('91330106MA2KFD0E2Y')).text, /邮箱/);
      assert.match((await shopper.say('tax@example.com')).text, /tax@example.com/);
      const corrected = await shopper.say('邮箱改成 finance@example.com');
      assert.match(corrected.text, /finance@example.com/);
      assert.match((await shopper.say('确认')).text, /已为您提交订单 KF202611010014 的开票申请/);
      const order = await server.kefu.services.commerce.connector.getOrder('KF202611010014');
      assert.equal(order.ok && order.value.invoice?.email, 'finance@example.com');
    });

    test('refund status, and a refund started after a received return', async () => {
      const processing = await chat({ shopCustomerId: 'cus_demo_06' });
      assert.match((await processing.say('KF202611010056 退款到哪了')).text, /正在处理中/);
      const received = await chat({ shopCustomerId: 'cus_demo_09' });
      assert.match((await received.say('KF202611010050 什么时候退款')).text, /仓库已签收/);
      assert.match((await received.say('好的')).text, /正在处理中/);
    });

    test('products: attributes, stock and coupons, with "它" from context (zh and en)', async () => {
      const shopper = await chat();
      assert.match((await shopper.say('空气炸锅容量多大')).text, /容量/);
      assert.match((await shopper.say('它有货吗')).text, /空气炸锅 有货/);
      assert.match((await shopper.say('有什么优惠券')).text, /SAVE30|NEW20/);
      assert.match((await shopper.say('蓝牙音箱有货吗')).text, /暂时缺货/);
      const english = await chat();
      assert.match(
        (await english.say('How long is the warranty on the Xinghe X20 phone?')).text,
        /12-month warranty|1-year nationwide warranty/,
      );
    });

    test('warranty from the delivery date; a repair is booked by a person', async () => {
      const shopper = await chat({ shopCustomerId: 'cus_demo_16' });
      assert.match((await shopper.say('订单 KF202611010039 坏了能保修吗')).text, /在保修期内/);
      await shopper.say('是的');
      assert.equal(await statusOf(shopper.session.customerId), 'queued');
    });

    test('an upset shopper hears an apology first and is offered a person', async () => {
      const shopper = await chat({ shopCustomerId: 'cus_demo_03' });
      const reply = await shopper.say('太失望了，订单 KF202611010015 到底到哪了');
      assert.match(reply.text, /^非常抱歉/);
      assert.match(reply.text, /SF1403928475610/);
    });

    test('the same shopper continues the flow on another channel', async () => {
      const shopper = await chat({ shopCustomerId: 'cus_demo_04' });
      assert.match((await shopper.say('KF202611010033 我要退货')).text, /已超过|原因/);
      const web = await chat({ shopCustomerId: 'cus_demo_19' });
      assert.match((await web.say('KF202611010009 开发票')).text, /个人还是公司/);
      const app = await receiveVisitorMessage(
        server.kefu.services.channels,
        { customerId: web.session.customerId, channel: 'app' },
        { text: '个人' },
      );
      assert.match(app.replies.map((message) => message.text).join('\n'), /邮箱/);
    });
  });
}
