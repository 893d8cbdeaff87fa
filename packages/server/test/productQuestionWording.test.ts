import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ManualClock } from '../src/clock';
import { startShopperChat } from './helpers/shopChat';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';

// Product questions as shoppers outside the team write them, answered from the product's own attributes —
// and, where the attributes do not settle a question, saying so.
for (const { dialect } of testDatabaseTargets()) {
  describe(`product questions in shoppers' words (${dialect})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ dialect, clock: new ManualClock() });
    });
    after(async () => server.close());

    const chat = (locale: string, pageProductId: string) =>
      startShopperChat(server.baseUrl, { locale, pageProductId });
    const ask = async (locale: string, pageProductId: string, text: string) =>
      (await (await chat(locale, pageProductId)).say(text)).text;

    test('sizes: a bare height beside a weight, "一米八", feet and inches, pounds', async () => {
      // T-shirt: XL fits 178–185 cm.
      const bare = await ask('zh-CN', 'prod_11', '181 78kg 穿哪个码');
      assert.match(bare, /181cm、78kg，建议选 XL 码/);
      const traditional = await ask('zh-TW', 'prod_11', '183 85公斤 要拿什麼碼');
      assert.match(traditional, /183cm、85kg，建議選 XL 碼/);
      // Shirt: XL fits 175–180 cm and 72–80 kg.
      const spoken = await ask('zh-CN', 'prod_09', '我一米八 155斤 穿啥码');
      assert.match(spoken, /180cm、77.5kg，建议选 XL 码/);
      const imperial = await ask(
        'en',
        'prod_09',
        "I'm 5'11\" and around 175 pounds, which size should I get?",
      );
      assert.match(imperial, /5 ft 11 in \(about 180cm\), 175 lb \(about 79kg\).*size XL/);
      assert.doesNotMatch(imperial, /For 175cm/);
      const feetOnly = await ask('en', 'prod_09', 'what size for someone 6 ft tall, 185 lbs?');
      assert.match(feetOnly, /6 ft \(about 183cm\), 185 lb \(about 84kg\)/);
    });

    test('SIM cards: answered from the network attribute, yes or no, and honestly where it says nothing', async () => {
      const tablet = await ask('zh-CN', 'prod_07', '这个平板可以插手机卡用吗');
      assert.match(tablet, /网络：仅 WLAN（Wi-Fi 6），不支持插 SIM 卡/);
      const tabletEnglish = await ask('en', 'prod_07', 'Does it work with a SIM for mobile data?');
      assert.match(tabletEnglish, /^No\. Connectivity .*no SIM slot/);
      const phone = await ask('en', 'prod_01', 'does this one have cellular?');
      assert.match(phone, /^Yes\. Network .*dual SIM/);
      const watch = await ask('zh-CN', 'prod_04', '手表能插流量卡吗');
      assert.match(watch, /没有写明能否插 SIM 卡/);
    });

    test('phones: iPhone, Android and Huawei questions are answered from the compatibility attribute', async () => {
      const android = await ask('zh-CN', 'prod_04', '我用的小米 能连上吗');
      assert.match(android, /^可以的～「星河 Watch S3 智能手表」的兼容性：安卓 8\.0 及以上/);
      const iphone = await ask('en', 'prod_04', 'will this pair with an iPhone?');
      assert.match(iphone, /^Yes\. Compatibility .*iOS 13\+/);
      const huawei = await ask('zh-TW', 'prod_04', '華為手機可以用嗎');
      assert.match(huawei, /沒有寫明是否相容華為/);
      assert.doesNotMatch(huawei, /^可以/);
    });

    test('earbuds: two devices at once from the Bluetooth attribute; swimming judged from the rating', async () => {
      const twoDevices = await ask(
        'en',
        'prod_03',
        'can these link with my tablet and phone simultaneously?',
      );
      assert.match(twoDevices, /^Yes\. Bluetooth .*two devices at once/);
      const twoDevicesChinese = await ask('zh-CN', 'prod_03', '可以同时连两个设备吗');
      assert.match(twoDevicesChinese, /^可以的～.*支持双设备连接/);
      // IP54 keeps out splashes only: a plain no.
      const swim = await ask('en', 'prod_03', 'are they fine for swimming laps?');
      assert.match(swim, /^No\. .*IP54 means protection against splashing water only/);
      const swimChinese = await ask('zh-CN', 'prod_03', '能戴着游泳吗');
      assert.match(swimChinese, /^不行哦。.*IP54 只是防溅水/);
      // 5 ATM with "可游泳" says yes; IP67 is immersion, not swimming: the data does not say.
      const watch = await ask('zh-CN', 'prod_04', '游泳的时候能用吗');
      assert.match(watch, /^可以的～.*5ATM/);
      const speaker = await ask('en', 'prod_08', 'is it ok to take it swimming in the pool?');
      assert.match(speaker, /IP67 means short immersion.*don't say whether you can swim with it/);
    });

    test('stock: a variant named on its own right after a stock question is asked about its stock', async () => {
      const chinese = await chat('zh-CN', 'prod_08');
      await chinese.say('这款音箱什么时候能补货');
      const green = await chinese.say('松石绿的呢');
      assert.match(green.text, /（松石绿） 暂时缺货。补货信息：已售罄/);
      assert.doesNotMatch(green.text, /颜色：/);
      const english = await chat('en', 'prod_08');
      await english.say('is this speaker available right now?');
      const blue = await english.say('how about lake blue');
      assert.match(blue.text, /\(Lake Blue\) is out of stock\. Restock: Sold out/);
      const traditional = await chat('zh-TW', 'prod_08');
      await traditional.say('這個音箱還有貨嗎');
      assert.match((await traditional.say('湖水藍的')).text, /（湖水藍） 暫時缺貨/);
      // A colour named in the stock question itself: that colour's stock, by its sizes.
      const watch = await ask('zh-CN', 'prod_04', '月光银还有吗');
      assert.match(watch, /有货的款式：月光银 \/ 46mm；暂时缺货：月光银 \/ 42mm/);
    });

    test('voltage and power: from the attribute that states the voltage, with no guess about other regions', async () => {
      const kettle = await ask('zh-TW', 'prod_15', '這個水壺帶去澳門能用嗎？電壓是多少');
      assert.match(kettle, /1800W，220V~ 50Hz/);
      assert.match(kettle, /沒有寫在其他地區使用的情況/);
      const charger = await ask('zh-CN', 'prod_06', '充电器电压是多少');
      assert.match(charger, /输入：100–240V 50\/60Hz/);
      const lowVoltage = await ask('en', 'prod_15', 'will it run on 110V?');
      assert.match(lowVoltage, /^No\. Power .*220 V~/);
      const wideRange = await ask('zh-CN', 'prod_06', '110V的插座能用吗');
      assert.match(wideRange, /^可以的～.*100–240V/);
      const watts = await ask('zh-CN', 'prod_15', '这个壶功率有多大');
      assert.match(watts, /功率：1800W/);
      assert.doesNotMatch(watts, /容量/);
    });
  });
}
