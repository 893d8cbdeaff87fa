// Text of the demo shop page in simplified Chinese and English.
export type DemoLocale = 'zh-CN' | 'en';

export interface DemoStrings {
  shopName: string;
  heroTitle: string;
  heroText: string;
  allCategories: string;
  categoryFilter: string;
  inStock: (count: number) => string;
  outOfStock: string;
  back: string;
  sku: string;
  brand: string;
  attributes: string;
  askService: string;
  loading: string;
  loadError: string;
  notFound: string;
  footer: string;
  categories: Record<string, string>;
}

const chineseStrings: DemoStrings = {
  shopName: 'Kefu 演示商城',
  heroTitle: '精选好物',
  heroText: '有任何问题？点击右下角的客服按钮，智能客服 7×24 小时为您服务。',
  allCategories: '全部',
  categoryFilter: '商品分类',
  inStock: (count) => `库存 ${count} 件`,
  outOfStock: '暂时缺货',
  back: '← 返回商品列表',
  sku: '商品编号',
  brand: '品牌',
  attributes: '规格参数',
  askService: '咨询客服',
  loading: '正在加载…',
  loadError: '商品加载失败，请稍后刷新重试。',
  notFound: '没有找到这个商品。',
  footer: '本页面是 Kefu 开源电商客服系统的演示商城，商品与订单均为示例数据。',
  categories: {
    electronics: '数码电子',
    apparel: '服饰鞋包',
    home: '家居生活',
    beauty: '美妆个护',
    food: '食品饮料',
  },
};

const englishStrings: DemoStrings = {
  shopName: 'Kefu Demo Shop',
  heroTitle: 'Featured products',
  heroText: 'Questions? Click the chat button at the bottom right: our assistant is here 24/7.',
  allCategories: 'All',
  categoryFilter: 'Categories',
  inStock: (count) => `${count} in stock`,
  outOfStock: 'Out of stock',
  back: '← Back to products',
  sku: 'SKU',
  brand: 'Brand',
  attributes: 'Specifications',
  askService: 'Ask customer service',
  loading: 'Loading…',
  loadError: 'Could not load products. Please refresh in a moment.',
  notFound: 'This product was not found.',
  footer:
    'This is the demo shop of Kefu, an open-source e-commerce customer-service system. All products and orders are sample data.',
  categories: {
    electronics: 'Electronics',
    apparel: 'Apparel',
    home: 'Home',
    beauty: 'Beauty',
    food: 'Food & drink',
  },
};

export function selectDemoStrings(locale: DemoLocale): DemoStrings {
  return locale === 'en' ? englishStrings : chineseStrings;
}

/** Prices are shown in yuan with the ¥ sign in both languages. */
export function formatPrice(priceCents: number, locale: DemoLocale): string {
  const amount = (priceCents / 100).toLocaleString(locale, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return `¥${amount}`;
}

/** The shop API gives category keys (e.g. `electronics`); unknown keys are shown as they are. */
export function describeCategory(category: string, strings: DemoStrings): string {
  return strings.categories[category] ?? category;
}
