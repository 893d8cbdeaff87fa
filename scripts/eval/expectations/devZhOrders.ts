import type { ScenarioExpectation } from '../checks/checkTypes';
import {
  apologises,
  asks,
  eitherOf,
  handsOff,
  never,
  noApologyOn,
  notAskedAgain,
  order,
  patterns,
  says,
  summaryNever,
} from './checkBuilders';

// dev.jsonl, zh-CN conversations about orders and after-sales. Facts from the demo shop seed
// (packages/server/src/modules/commerce/builtin/demo) at the pinned clock (scenarioClock.ts).
// The order number and phone tail the shopper gives are checked for every scenario (runChecks.ts).

export const devZhOrderExpectations: Record<string, ScenarioExpectation> = {
  // KF202611010015: SF, in transit, last event "arrived at 北京顺义转运中心"; the buyer's phone ends 0303
  // (the recipient's 0313), and either number identifies the shopper.
  'zh-track-01': {
    checks: [
      asks('order_number', 1),
      asks('phone_tail', 2),
      says(3, /顺丰|SF/, 'the carrier SF'),
      says(3, /顺义/, 'arrived at the Beijing Shunyi hub'),
      noApologyOn(1, 2, 3),
    ],
  },
  'zh-track-03': {
    checks: [
      asks('phone_tail', 1),
      says(2, /顺丰|SF/, 'the carrier SF'),
      says(2, patterns.inTransitZh, 'in transit'),
      noApologyOn(1, 2),
    ],
  },
  // KF202611010016: ZTO, out for delivery (courier on the way since 22:48 China time).
  'zh-track-05': {
    checks: [says(2, patterns.outForDelivery, 'out for delivery (派送中)'), noApologyOn(1, 2)],
    notes:
      '"likely today" is not required: the pinned clock is 23:48 China time, when "today" is nearly over.',
  },
  // KF202611010024: YTO, in transit at the Chongqing Yubei hub, estimated 12-03 03:48.
  'zh-track-07': {
    checks: [says(2, /运输|在途|转运|已到达|预计|送达/, 'in-transit status or ETA'), noApologyOn(1, 2)],
  },
  // KF202611010008: paid 11-26, not shipped, past the 48-hour dispatch promise.
  'zh-urge-02': {
    checks: [
      asks('order_number', 1),
      asks('phone_tail', 2),
      says(3, /(还|仍|尚)?(没有|没|未)(发货|发出|出库)|待发货/, 'not shipped yet'),
      says(3, /催|加急|尽快|联系仓库|跟进|优先/, 'chases the shipment'),
      apologises('any'),
    ],
  },
  'zh-addr-01': {
    checks: [
      asks('order_number', 1),
      asks('phone_tail', 2),
      notAskedAgain('address', 4, '张江路88号'),
      says(4, /确认|是否/, 'asks to confirm the new address'),
      says(5, /已(为您)?(修改|更新|更改|改)|修改成功|更新成功|更改成功/, 'the change is done'),
      order('KF202611010011', 'ships to the new address', { addressIncludes: '张江路88号' }),
      notAskedAgain('confirmation', 5),
      noApologyOn(1, 2, 3, 4, 5),
    ],
  },
  // KF202611010004: unpaid; the shopper confirms in natural words ("是的 确认取消").
  'zh-cancel-01': {
    checks: [
      asks('confirmation', 2),
      notAskedAgain('confirmation', 3),
      says(3, /已(成功)?取消|取消成功|成功取消/, 'cancellation confirmed'),
      order('KF202611010004', 'cancelled', { status: 'cancelled' }),
      noApologyOn(1, 2, 3),
    ],
  },
  // KF202611010021: shipped with JD Logistics, so it cannot be cancelled.
  'zh-cancel-03': {
    checks: [
      says(2, /已(经)?发货|已(经)?发出|已出库/, 'already shipped'),
      says(2, /拒收|退货|签收后/, 'suggests refusing delivery or a return after receipt'),
      order('KF202611010021', 'still shipped (not cancelled)', { status: 'shipped' }),
      noApologyOn(1),
    ],
  },
  // KF202611010032: coffee beans and nuts, both "no return unless defective" (food).
  'zh-return-02': {
    checks: [
      notAskedAgain('reason', 1),
      says('any', /食品/, 'that food is the exception'),
      says(
        'any',
        /(不支持|不适用|不能|无法|不可)[^。！？]{0,10}无理由|无理由[^。！？]{0,10}(不支持|不适用|除外)/,
        'no 7-day no-reason return',
      ),
      says('any', /质量问题/, 'quality problems are handled'),
      says('any', /48\s*小时/, 'within 48 hours'),
      says('any', /照片|拍照|图片/, 'with photos'),
    ],
    notes:
      'The 48-hour photo rule is the FAQ rule for damaged, missing or wrong items; the expectation applies ' +
      'it to a quality complaint about food, as the scenario writer did.',
  },
  // KF202611010030: two pairs of wide-leg trousers in M, delivered 11-30: inside the 7-day window.
  'zh-exch-01': {
    checks: [
      notAskedAgain('reason', 1),
      notAskedAgain('size', 1, 'L'),
      says(2, /换货|换成|更换|换码|换尺码/, 'an exchange'),
      never('any', /申请退货|退货申请|确认[^。！？]{0,16}退货/, 'turns the exchange into a return'),
      order('KF202611010030', 'no return opened', { noReturnKind: 'return' }),
      eitherOf(
        'opens the exchange or explains its steps',
        order('KF202611010030', 'exchange opened', { returnKind: 'exchange' }),
        says(2, /申请售后|寄回|订单详情|换货流程|换货申请/, 'the exchange steps'),
      ),
      noApologyOn(1, 2),
    ],
  },
  // KF202611010054: cancelled before shipping; ¥259 refunded to WeChat Pay, succeeded 11-30 00:12.
  'zh-refund-02': {
    checks: [
      says(1, /259/, 'the amount ¥259'),
      says(1, /微信/, 'WeChat Pay'),
      says(1, /11\s*月\s*30|11[-/.]30/, 'the date 11-30'),
      says(
        1,
        /(已|成功)[^。，！？]{0,4}(退款|到账|退回|退还)|退款(已)?成功|已退/,
        'that the refund succeeded',
      ),
      noApologyOn(1),
    ],
  },
  // KF202611010033: delivered phone, no invoice on record yet; the company details come in one message.
  'zh-inv-01': {
    checks: [
      says(1, /发票/, 'the invoice answer'),
      notAskedAgain('invoice_details', 4, '杭州星河科技有限公司'),
      says(
        4,
        /已(为您)?(提交|申请|登记|记录|受理|开具)|申请成功|提交成功|开具/,
        'the invoice request confirmed',
      ),
      order('KF202611010033', 'invoice for the company', { invoiceTitle: '杭州星河科技有限公司' }),
      noApologyOn(1, 2, 3, 4),
    ],
  },
  // KF202611010023: SF, out for delivery in Hangzhou.
  'zh-multi-01': {
    checks: [
      never(
        1,
        /物流[^。？]{0,6}还是[^。？]{0,8}发票|发票[^。？]{0,6}还是[^。？]{0,8}物流/,
        'a menu instead of both answers',
      ),
      says('any', patterns.outForDelivery, 'out for delivery'),
      says(
        'any',
        /发票[\s\S]*(订单详情|申请|抬头|邮箱)|(订单详情|申请|抬头|邮箱)[\s\S]*发票/,
        'how to get the invoice',
      ),
      noApologyOn(1, 2),
    ],
  },
  // KF202611010028: two pillows, delivered 12-01, inside the return window.
  'zh-switch-01': {
    checks: [
      says(2, /顺丰|中通|圆通|京东/, 'the carriers'),
      notAskedAgain('reason', 5),
      eitherOf(
        'the return is opened or put to the shopper for confirmation',
        order('KF202611010028', 'return opened', { returnKind: 'return' }),
        says(5, /(确认|是否)[^。！？]{0,30}退货/, 'asks to confirm the return'),
      ),
      noApologyOn(1, 2, 3, 4, 5),
    ],
    notes: 'Arguable: "resumes the return" is met by a confirmation question as well as by an opened return.',
  },
  // KF202611010019: YTO, no carrier update for six days at the Xi'an hub (probably lost).
  'zh-angry-01': {
    checks: [
      apologises(1),
      notAskedAgain('problem', 1),
      says('any', /圆通|运输|在途|转运|到达|西安|没有更新|未更新|停滞|物流/, 'the shipment status'),
      handsOff,
      summaryNever(patterns.calmSummary, 'records the anger'),
    ],
    notes: 'The summary check follows the issue (pattern 9): an agent must see that the shopper is angry.',
  },
  // KF202611010029: the 16-piece dinnerware set, delivered 12-01 03:48; two bowls broken.
  'zh-damage-01': {
    checks: [
      apologises('any'),
      notAskedAgain('problem', 1),
      says('any', /照片|拍照|图片/, 'asks for photos'),
      says('any', /48\s*小时/, 'within 48 hours'),
      says('any', /补发|部分退款|退款|换新|重新发/, 'offers a reissue or a (partial) refund'),
    ],
  },
};
