// Reads the demo shop's products from the Kefu server (same origin as the page).
import type { ShopProduct, ShopProductAttribute } from '@kefu/sdk';
import type { DemoLocale } from './demoStrings';

export class ProductNotFoundError extends Error {}

export async function fetchProducts(locale: DemoLocale): Promise<ShopProduct[]> {
  const body = await fetchJson(`/api/v1/shop/products?locale=${encodeURIComponent(locale)}`);
  const products = isRecord(body) ? body.products : undefined;
  if (!Array.isArray(products)) throw new Error('Unexpected product list response');
  return products.map(parseProduct);
}

export async function fetchProduct(productId: string, locale: DemoLocale): Promise<ShopProduct> {
  const path = `/api/v1/shop/products/${encodeURIComponent(productId)}?locale=${encodeURIComponent(locale)}`;
  const body = await fetchJson(path);
  return parseProduct(isRecord(body) ? body.product : undefined);
}

async function fetchJson(path: string): Promise<unknown> {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  if (response.status === 404) throw new ProductNotFoundError(path);
  if (!response.ok) throw new Error(`GET ${path} failed with ${response.status}`);
  const body: unknown = await response.json();
  return body;
}

function parseProduct(value: unknown): ShopProduct {
  if (!isRecord(value)) throw new Error('Unexpected product response');
  const attributes = Array.isArray(value.attributes) ? value.attributes.filter(isRecord) : [];
  return {
    id: readString(value, 'id'),
    sku: readString(value, 'sku'),
    brand: readString(value, 'brand'),
    category: readString(value, 'category'),
    name: readString(value, 'name'),
    description: readString(value, 'description'),
    priceCents: readNumber(value, 'priceCents'),
    currency: 'CNY',
    stock: readNumber(value, 'stock'),
    imageEmoji: readString(value, 'imageEmoji'),
    attributes: attributes.map((attribute): ShopProductAttribute => ({
      key: readString(attribute, 'key'),
      label: readString(attribute, 'label'),
      value: readString(attribute, 'value'),
    })),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readString(record: Record<string, unknown>, key: string): string {
  const value = record[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return '';
}

function readNumber(record: Record<string, unknown>, key: string): number {
  const value = record[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
