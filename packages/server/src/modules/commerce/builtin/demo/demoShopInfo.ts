import type { DemoCoupon, DemoShopInfo } from './demoShopTypes';

export const demoShopInfo: DemoShopInfo = {
  nameZh: 'Kefu 演示商城',
  nameEn: 'Kefu Demo Store',
  warehouse: {
    recipient: 'Kefu 演示商城仓库',
    phone: '057100000000',
    province: '浙江省',
    city: '杭州市',
    district: '余杭区',
    line: '仓前街道 文一西路 9999 号 云仓物流园 3 号库',
    postalCode: '311121',
    provinceEn: 'Zhejiang',
    cityEn: 'Hangzhou',
    districtEn: 'Yuhang District',
  },
  customerServiceHoursZh: '每天 09:00–21:00（机器人 24 小时在线）',
  customerServiceHoursEn: 'Daily 09:00–21:00 China time (the bot answers 24/7)',
  paymentWindowHours: 24,
  dispatchWithinHours: 48,
  returnWindowDays: 7,
  freeShippingThresholdCents: 99_00,
  standardShippingCents: 8_00,
};

export const demoCoupons: DemoCoupon[] = [
  {
    code: 'NEW20',
    descriptionZh: '新人专享：满 99 元减 20 元',
    descriptionEn: 'New customers: ¥20 off orders of ¥99 or more',
    minimumSubtotalCents: 99_00,
    discountCents: 20_00,
  },
  {
    code: 'SAVE30',
    descriptionZh: '满 300 元减 30 元',
    descriptionEn: '¥30 off orders of ¥300 or more',
    minimumSubtotalCents: 300_00,
    discountCents: 30_00,
  },
  {
    code: 'VIP50',
    descriptionZh: '会员专享：满 500 元减 50 元',
    descriptionEn: 'Members only: ¥50 off orders of ¥500 or more',
    minimumSubtotalCents: 500_00,
    discountCents: 50_00,
  },
  {
    code: 'BIG100',
    descriptionZh: '大促：满 1000 元减 100 元',
    descriptionEn: 'Sale: ¥100 off orders of ¥1,000 or more',
    minimumSubtotalCents: 1000_00,
    discountCents: 100_00,
  },
];
