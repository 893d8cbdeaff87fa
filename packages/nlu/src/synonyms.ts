/**
 * Shop words that mean the same thing, each group mapped to its first word (simplified; traditional
 * text is converted before lookup). Used by matching and retrieval so that 退钱 finds 退款.
 */
const groups = [
  '退款 退钱 退费 返款 退回钱款 refund refunds reimbursement reimburse',
  '保修 保固 质保 维修期 warranty guarantee',
  '物流 快递 包裹 邮包 快件 运输 parcel package shipment courier',
  '发票 票据 开票 收据 invoice receipt bill',
  '价格 价钱 多少钱 售价 价位 几块钱 price cost',
  '客服 人工 人工客服 真人 售后客服 agent human representative',
  '地址 收货地址 收件地址 address',
  '订单 单子 定单 order',
  '取消 撤销 cancel',
  '换货 调换 更换 exchange',
  '退货 退回 退掉 return',
  '发货 出货 寄出 发出 ship dispatch',
  '优惠券 券 折扣券 红包 coupon voucher',
  '密码 口令 password',
  '账号 帐号 账户 帐户 account',
  '手机号 电话 手机号码 电话号码 phone',
  '尺码 码数 尺寸 size',
  '颜色 色 顔色 colour color',
  '到货 收到 送到 签收 arrive deliver delivered',
  '付款 支付 付钱 买单 pay payment',
  '怎么 如何 怎样 咋 怎么样 how',
  '什么时候 何时 多久 几时 when',
  '可以 能 能不能 可不可以 可否 能否 can',
  '为什么 为啥 干嘛 why',
  '申请 办理 request apply get',
  '没有 没 无 no',
];

const canonical = new Map<string, string>();
for (const group of groups) {
  const words = group.split(' ');
  // Each language keeps its own head word, so an English question never matches Chinese text through a synonym.
  for (const language of [
    words.filter((word) => /\p{Script=Han}/u.test(word)),
    words.filter((word) => /^[a-z]/.test(word)),
  ]) {
    const [head = '', ...members] = language;
    for (const member of members) canonical.set(member, head);
  }
}

export function canonicalWord(word: string): string {
  return canonical.get(word) ?? word;
}
