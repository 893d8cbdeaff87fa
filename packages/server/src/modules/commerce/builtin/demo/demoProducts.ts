import { demoProductsApparel } from './demoProductsApparel';
import { demoProductsBeauty, demoProductsFood } from './demoProductsBeautyFood';
import { demoProductsElectronics } from './demoProductsElectronics';
import { demoProductsHome } from './demoProductsHome';
import type { DemoProduct, DemoVariant } from './demoShopTypes';

/** The demo shop's 30 products (prod_01 … prod_30), one file per category. */
export const demoProducts: DemoProduct[] = [
  ...demoProductsElectronics,
  ...demoProductsApparel,
  ...demoProductsHome,
  ...demoProductsBeauty,
  ...demoProductsFood,
];

export interface DemoSkuMatch {
  product: DemoProduct;
  /** Absent when the SKU is the product-level SKU of a product without variants. */
  variant?: DemoVariant;
}

/** Resolves an orderable SKU: a variant SKU, or the product SKU of a product without variants. */
export function findDemoProductBySku(sku: string): DemoSkuMatch | undefined {
  for (const product of demoProducts) {
    if (product.variants.length === 0) {
      if (product.sku === sku) return { product };
      continue;
    }
    const variant = product.variants.find((candidate) => candidate.sku === sku);
    if (variant) return { product, variant };
  }
  return undefined;
}
