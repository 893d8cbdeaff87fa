import type { DemoCarrier, DemoCarrierCode } from './demoShopTypes';

export const demoCarriers: Record<DemoCarrierCode, DemoCarrier> = {
  SF: {
    code: 'SF',
    nameZh: '顺丰速运',
    nameEn: 'SF Express',
    servicePhone: '95338',
    trackingNumberPattern: /^SF\d{13}$/,
  },
  ZTO: {
    code: 'ZTO',
    nameZh: '中通快递',
    nameEn: 'ZTO Express',
    servicePhone: '95311',
    trackingNumberPattern: /^7\d{11}$/,
  },
  YTO: {
    code: 'YTO',
    nameZh: '圆通速递',
    nameEn: 'YTO Express',
    servicePhone: '95554',
    trackingNumberPattern: /^YT\d{13}$/,
  },
  JD: {
    code: 'JD',
    nameZh: '京东物流',
    nameEn: 'JD Logistics',
    servicePhone: '950616',
    trackingNumberPattern: /^JDVA\d{11}$/,
  },
};

export interface DemoLogisticsHub {
  hubZh: string;
  hubEn: string;
}

/** Destination sorting centre per city (keyed by the Chinese city name used in addresses). */
export const demoLogisticsHubs: Record<string, DemoLogisticsHub> = {
  杭州市: { hubZh: '杭州转运中心', hubEn: 'Hangzhou Sorting Centre' },
  宁波市: { hubZh: '宁波转运中心', hubEn: 'Ningbo Sorting Centre' },
  上海市: { hubZh: '上海青浦转运中心', hubEn: 'Shanghai Qingpu Sorting Centre' },
  北京市: { hubZh: '北京顺义转运中心', hubEn: 'Beijing Shunyi Sorting Centre' },
  天津市: { hubZh: '天津武清转运中心', hubEn: 'Tianjin Wuqing Sorting Centre' },
  重庆市: { hubZh: '重庆渝北转运中心', hubEn: 'Chongqing Yubei Sorting Centre' },
  深圳市: { hubZh: '深圳宝安转运中心', hubEn: 'Shenzhen Bao’an Sorting Centre' },
  广州市: { hubZh: '广州白云转运中心', hubEn: 'Guangzhou Baiyun Sorting Centre' },
  南京市: { hubZh: '南京江宁转运中心', hubEn: 'Nanjing Jiangning Sorting Centre' },
  苏州市: { hubZh: '苏州转运中心', hubEn: 'Suzhou Sorting Centre' },
  成都市: { hubZh: '成都双流转运中心', hubEn: 'Chengdu Shuangliu Sorting Centre' },
  武汉市: { hubZh: '武汉东西湖转运中心', hubEn: 'Wuhan Dongxihu Sorting Centre' },
  西安市: { hubZh: '西安转运中心', hubEn: 'Xi’an Sorting Centre' },
  青岛市: { hubZh: '青岛胶州转运中心', hubEn: 'Qingdao Jiaozhou Sorting Centre' },
  郑州市: { hubZh: '郑州航空港转运中心', hubEn: 'Zhengzhou Airport Sorting Centre' },
  厦门市: { hubZh: '厦门转运中心', hubEn: 'Xiamen Sorting Centre' },
  长沙市: { hubZh: '长沙转运中心', hubEn: 'Changsha Sorting Centre' },
};
