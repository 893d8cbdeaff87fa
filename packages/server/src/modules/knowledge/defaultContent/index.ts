import { accountFaqs } from './accountFaqs';
import { afterSalesFaqs } from './afterSalesFaqs';
import type { DefaultEntry } from './defaultFaq';
import { policyArticle } from './policyArticle';
import { promotionFaqs } from './promotionFaqs';
import { shippingFaqs } from './shippingFaqs';

export type { DefaultEntry } from './defaultFaq';

/** The knowledge base every new shop starts with (zh-CN and en), published by the system on first start. */
export const defaultKnowledge: DefaultEntry[] = [
  ...shippingFaqs,
  ...afterSalesFaqs,
  ...accountFaqs,
  ...promotionFaqs,
  policyArticle,
];
