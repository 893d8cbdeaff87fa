import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ManualClock } from '../src/clock';
import type { CommerceOrder } from '../src/modules/commerce';
import { startShopperChat } from './helpers/shopChat';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';

// Slots as shoppers outside the team wrote them: an address in English, an invoice title followed by the
// other fields on one line, a personal invoice with the person's name, and one item of an order to cancel.
for (const { dialect } of testDatabaseTargets()) {
  describe(`slots as shoppers word them (${dialect})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ dialect, clock: new ManualClock() });
    });
    after(async () => server.close());

    const chat = (locale: string) => startShopperChat(server.baseUrl, { locale });
    const orderOf = async (orderNumber: string): Promise<CommerceOrder> => {
      const found = await server.kefu.services.commerce.connector.getOrder(orderNumber);
      assert.ok(found.ok, `order ${orderNumber}`);
      return found.value;
    };

    test('address: an English address with "same name n phone" is confirmed back and stored in its parts', async () => {
      const before = (await orderOf('KF202611010013')).shippingAddress;
      const shopper = await chat('en');
      await shopper.say('need to change the delivery address on KF202611010013 asap');
      await shopper.say('2020');
      const confirm = await shopper.say(
        'Room 1203, Tower 5, 88 Xinghu St, Suzhou Industrial Park, Suzhou, Jiangsu. same name n phone',
      );
      assert.match(
        confirm.text,
        /delivery address to "Room 1203, Tower 5, 88 Xinghu St, Suzhou Industrial Park, Suzhou, Jiangsu"/,
      );
      assert.match(confirm.text, /\?\s*The recipient and phone stay the same\./);
      assert.match((await shopper.say('yes correct')).text, /delivery details are updated/);
      const after = (await orderOf('KF202611010013')).shippingAddress;
      assert.equal(after.province, '江苏省');
      assert.equal(after.city, '苏州市');
      assert.equal(after.district, 'Suzhou Industrial Park');
      assert.equal(after.line, 'Room 1203, Tower 5, 88 Xinghu St');
      assert.equal(after.recipient, before.recipient);
      assert.equal(after.phone, before.phone);
    });

    test('address: without a province the bot asks for it alone, then confirms the whole address (en, zh)', async () => {
      const english = await chat('en');
      await english.say('I have to fix the shipping address of KF202611010012, phone ends with 1414');
      const asked = await english.say('Flat 3B, 77 Harbour Road, Siming District');
      assert.match(asked.text, /Which province and city is "Flat 3B, 77 Harbour Road, Siming District" in\?/);
      assert.doesNotMatch(asked.text, /full new address/);
      const confirm = await english.say('Xiamen');
      assert.match(confirm.text, /"Flat 3B, 77 Harbour Road, Siming District, Xiamen, Fujian"/);
      await english.say('yes');
      const xiamen = (await orderOf('KF202611010012')).shippingAddress;
      assert.deepEqual([xiamen.province, xiamen.city], ['福建省', '厦门市']);

      const chinese = await chat('zh-CN');
      await chinese.say('KF202611010011 地址填错了 尾号0909');
      const askedZh = await chinese.say('鼓楼区中山北路 18 号 301 室，收件人不变');
      assert.match(askedZh.text, /在哪个省、哪个城市/);
      const confirmZh = await chinese.say('南京');
      assert.match(confirmZh.text, /改为「江苏省南京市 鼓楼区中山北路 18 号 301 室」吗？收货人保持不变。/);
      assert.match((await chinese.say('确认')).text, /已为您更新/);
      const nanjing = (await orderOf('KF202611010011')).shippingAddress;
      assert.deepEqual([nanjing.province, nanjing.city, nanjing.district], ['江苏省', '南京市', '鼓楼区']);
    });

    test('address: "江苏苏州工业园区…" without 省 and 市 fills province and city (zh)', async () => {
      const shopper = await chat('zh-CN');
      await shopper.say('KF202611010014 改地址 尾号1111');
      const confirm = await shopper.say('改成 江苏苏州工业园区星湖街88号 3幢501');
      assert.match(confirm.text, /确认将订单 KF202611010014 的收货地址改为/);
      await shopper.say('确认');
      const address = (await orderOf('KF202611010014')).shippingAddress;
      assert.deepEqual([address.province, address.city, address.district], ['江苏省', '苏州市', '工业园区']);
    });

    test('invoice: the title stops where the tax id and e-mail begin (en, zh)', async () => {
      const english = await chat('en');
      await english.say('need a company invoice for KF202611010040, for reimbursement');
      await english.say('1717');
      const requested = await english.say(
        'Carter Design Studio (Shanghai) Co., Ltd., tax ID 91310106MA1FY3X85K, email emily.carter@example.com',
      );
      assert.match(
        requested.text,
        /title: Carter Design Studio \(Shanghai\) Co\., Ltd\., tax id: 91310106MA1FY3X85K/,
      );
      assert.doesNotMatch(requested.text, /title: [^:]*email/);
      const carter = (await orderOf('KF202611010040')).invoice;
      assert.equal(carter?.title, 'Carter Design Studio (Shanghai) Co., Ltd.');
      assert.equal(carter?.taxId, '91310106MA1FY3X85K');
      assert.equal(carter?.email, 'emily.carter@example.com');

      const chinese = await chat('zh-CN');
      await chinese.say('KF202611010038 开个公司发票');
      await chinese.say('0303');
      const confirm = await chinese.say(
        '星海文化传播，税号 91320594MA1XY2X3AB，邮箱 finance@xinghai.example',
      );
      assert.match(
        confirm.text,
        /抬头：星海文化传播，税号：91320594MA1XY2X3AB，接收邮箱：finance@xinghai\.example/,
      );
      await chinese.say('确认');
      const xinghai = (await orderOf('KF202611010038')).invoice;
      assert.equal(xinghai?.title, '星海文化传播');
      assert.equal(xinghai?.taxId, '91320594MA1XY2X3AB');

      const together = await chat('zh-CN');
      await together.say('KF202611010034 要开发票');
      await together.say('0707');
      await together.say('公司');
      const submitted = await together.say(
        '抬头上海纳川贸易有限公司，税号91310115MA1K4B7C2D，邮箱li.na@example.com',
      );
      assert.match(submitted.text, /（抬头：上海纳川贸易有限公司，税号：91310115MA1K4B7C2D）/);
    });

    test('invoice: a name after "个人 / personal" is the title; "个人就行" stays 个人 (zh, en)', async () => {
      const chinese = await chat('zh-CN');
      await chinese.say('KF202611010039 能开发票吗');
      assert.match((await chinese.say('1616')).text, /个人还是公司/);
      const confirm = await chinese.say('个人 郭建国 发邮箱guojianguo@qq.com');
      assert.match(confirm.text, /抬头：郭建国（个人），接收邮箱：guojianguo@qq\.com/);
      await chinese.say('确认');
      const guo = (await orderOf('KF202611010039')).invoice;
      assert.deepEqual([guo?.titleType, guo?.title], ['personal', '郭建国']);

      const english = await chat('en');
      await english.say('I need an invoice for KF202611010033');
      await english.say('0404');
      const confirmEn = await english.say('personal, name Liu Yang, email liu.yang@example.com');
      assert.match(confirmEn.text, /title: Liu Yang \(personal\), e-mail: liu\.yang@example\.com/);

      const plain = await chat('zh-CN');
      await plain.say('KF202611010029 开发票');
      await plain.say('0606');
      await plain.say('个人就行');
      assert.match((await plain.say('yang.lei@example.com')).text, /抬头：个人，接收邮箱/);
    });

    test('cancel: one item of several is not cancelled on a yes meant for it; the whole order only when said (zh)', async () => {
      const shopper = await chat('zh-CN');
      await shopper.say('KF202611010009 只取消防晒霜，裤子还要');
      const told = await shopper.say('1919');
      assert.match(told.text, /不能单独取消，只能整单取消/);
      assert.match(told.text, /全额原路退回/);
      assert.match(told.text, /重新下单/);
      assert.match(told.text, /收货后 7 天内/);
      assert.ok(told.quickReplies.includes('转人工'));
      assert.match((await shopper.say('不取消了，保留订单')).text, /订单保持不变/);
      assert.equal((await orderOf('KF202611010009')).status, 'paid');

      const atConfirm = await chat('zh-CN');
      await atConfirm.say('KF202611010014 帮我取消订单');
      assert.match((await atConfirm.say('1111')).text, /确认要取消订单/);
      assert.match((await atConfirm.say('其中一个不要了')).text, /只能整单取消/);
      assert.equal((await orderOf('KF202611010014')).status, 'paid');
    });

    test('cancel: "just the sunscreen, keep the trousers" hears it is the whole order or nothing (en)', async () => {
      const shopper = await chat('en');
      await shopper.say('can i cancel just the charger in KF202611010010? keep the phone');
      const told = await shopper.say('0202');
      assert.match(
        told.text,
        /single items of order KF202611010010 can't be cancelled; only the whole order can/,
      );
      assert.match(told.text, /return the item you don't want/);
      assert.equal((await orderOf('KF202611010010')).status, 'paid');
      const done = await shopper.say('cancel the whole order');
      assert.match(done.text, /has been cancelled/);
      assert.match(done.text, /new order for the items you still want/);

      const whole = await chat('en');
      await whole.say('please just cancel the order KF202611010001');
      assert.match((await whole.say('1515')).text, /Do you want to cancel order KF202611010001\?/);
    });
  });
}
