import { z } from 'zod';
import type { ShopProduct } from '@kefu/sdk';
import type { Db } from '../../db/database';
import { parseJsonColumn } from '../../db/json';
import type { ProductsTable } from '../../db/schema';
import { KefuError } from '../../errors';
import type { Selectable } from 'kysely';

const storedAttributeSchema = z.object({
  key: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  valueZh: z.string(),
  valueEn: z.string(),
});

export type ProductRow = Selectable<ProductsTable>;

/** The shop's product catalogue as shoppers see it, in their language. */
export class CatalogService {
  constructor(private readonly db: Db) {}

  async listProducts(locale: 'zh-CN' | 'en'): Promise<ShopProduct[]> {
    const rows = await this.db.selectFrom('products').selectAll().orderBy('id').execute();
    return rows.map((row) => toShopProduct(row, locale));
  }

  async getProduct(productId: string, locale: 'zh-CN' | 'en'): Promise<ShopProduct> {
    const row = await this.db
      .selectFrom('products')
      .selectAll()
      .where('id', '=', productId)
      .executeTakeFirst();
    if (!row) throw new KefuError('product_not_found');
    return toShopProduct(row, locale);
  }
}

export function toShopProduct(row: ProductRow, locale: 'zh-CN' | 'en'): ShopProduct {
  const english = locale === 'en';
  const attributes = parseJsonColumn(row.attributes, z.array(storedAttributeSchema));
  return {
    id: row.id,
    sku: row.sku,
    brand: row.brand,
    category: row.category,
    name: english ? row.name_en : row.name_zh,
    description: english ? row.description_en : row.description_zh,
    priceCents: row.price_cents,
    currency: 'CNY',
    stock: row.stock,
    imageEmoji: row.image_emoji,
    attributes: attributes.map((attribute) => ({
      key: attribute.key,
      label: english ? attribute.labelEn : attribute.labelZh,
      value: english ? attribute.valueEn : attribute.valueZh,
    })),
  };
}
