import { z } from 'zod';
import type { Clock } from '../../../clock';
import type {
  CommerceAddress,
  CommerceConnector,
  CommerceCustomer,
  CommerceOrder,
  CommerceProduct,
  CommercePromotion,
  CommerceRefund,
  CommerceResult,
  CommerceShipment,
  ShopPolicy,
} from '../connector';
import { fail, notFound, succeed, unsupported } from '../connector';
import { defaultShopPolicy } from '../defaultShopPolicy';
import { callRemoteJson } from '../remoteJson';
import {
  convertShopifyFulfillment,
  convertShopifyOrder,
  convertShopifyProduct,
  convertShopifyRefund,
  toCents,
  toShopifyAddress,
  toShopifyOrderName,
} from './shopifyMappers';
import type { ShopifyOrder } from './shopifySchemas';
import {
  shopifyCustomer,
  shopifyFulfillment,
  shopifyFulfillmentEvent,
  shopifyInventoryLevels,
  shopifyOrder,
  shopifyPriceRules,
  shopifyProduct,
  shopifyRefund,
  shopifyRefundCalculation,
} from './shopifySchemas';

export interface ShopifySettings {
  shopUrl: string;
  accessToken: string;
  apiVersion: string;
  timeoutMs: number;
}

/**
 * The Shopify Admin REST API (orders, fulfillments and their events, refunds, products, inventory levels,
 * price rules). Shopify's REST API has no returns, no tracking-number lookup and no invoices (fapiao):
 * those answer `unsupported`, and the flows hand the shopper to a person.
 */
export class ShopifyCommerceConnector implements CommerceConnector {
  readonly kind = 'shopify';
  private readonly shopPolicy: ShopPolicy = defaultShopPolicy();

  constructor(
    private readonly settings: ShopifySettings,
    private readonly clock: Clock,
  ) {}

  policy(): ShopPolicy {
    return this.shopPolicy;
  }

  async findCustomer(query: {
    customerId?: string;
    phone?: string;
  }): Promise<CommerceResult<CommerceCustomer>> {
    const found = query.customerId
      ? await this.get(
          `/customers/${encodeURIComponent(query.customerId)}.json`,
          z.object({ customer: shopifyCustomer }),
        )
      : await this.get(
          `/customers/search.json?query=${encodeURIComponent(`phone:${query.phone ?? ''}`)}`,
          z.object({ customers: z.array(shopifyCustomer) }),
        );
    if (!found.ok) return found;
    const customer = 'customer' in found.value ? found.value.customer : found.value.customers[0];
    if (!customer) return fail(notFound);
    const name = [customer.first_name, customer.last_name].filter(Boolean).join(' ');
    const vipTier = /\bvip\b/i.test(customer.tags) ? 'gold' : 'none';
    return succeed({
      id: String(customer.id),
      name,
      phone: customer.phone ?? '',
      email: customer.email ?? '',
      vipTier,
    });
  }

  async listOrders(customerId: string, limit: number): Promise<CommerceResult<CommerceOrder[]>> {
    const path = `/orders.json?customer_id=${encodeURIComponent(customerId)}&status=any&limit=${limit}`;
    const found = await this.get(path, z.object({ orders: z.array(shopifyOrder) }));
    return found.ok ? succeed(found.value.orders.map(convertShopifyOrder)) : found;
  }

  async getOrder(orderNumber: string): Promise<CommerceResult<CommerceOrder>> {
    const found = await this.findShopifyOrder(orderNumber);
    return found.ok ? succeed(convertShopifyOrder(found.value)) : found;
  }

  async findOrderByTracking(): Promise<CommerceResult<CommerceOrder>> {
    return fail(unsupported);
  }

  async listShipments(orderNumber: string): Promise<CommerceResult<CommerceShipment[]>> {
    const order = await this.findShopifyOrder(orderNumber);
    if (!order.ok) return order;
    const base = `/orders/${order.value.id}/fulfillments`;
    const fulfillments = await this.get(
      `${base}.json`,
      z.object({ fulfillments: z.array(shopifyFulfillment) }),
    );
    if (!fulfillments.ok) return fulfillments;
    const shipments: CommerceShipment[] = [];
    for (const fulfillment of fulfillments.value.fulfillments) {
      if (fulfillment.status === 'cancelled') continue;
      const events = await this.get(
        `${base}/${fulfillment.id}/events.json`,
        z.object({ fulfillment_events: z.array(shopifyFulfillmentEvent) }),
      );
      if (!events.ok) return events;
      shipments.push(convertShopifyFulfillment(fulfillment, events.value.fulfillment_events));
    }
    return succeed(shipments);
  }

  async cancelOrder(orderNumber: string, reason: string): Promise<CommerceResult<CommerceOrder>> {
    const order = await this.findShopifyOrder(orderNumber);
    if (!order.ok) return order;
    const cancelled = await this.send(
      'POST',
      `/orders/${order.value.id}/cancel.json`,
      { reason: 'customer', note: reason },
      z.unknown(),
    );
    if (!cancelled.ok) return cancelled;
    return this.getOrder(orderNumber);
  }

  async changeShippingAddress(
    orderNumber: string,
    address: CommerceAddress,
  ): Promise<CommerceResult<CommerceOrder>> {
    const order = await this.findShopifyOrder(orderNumber);
    if (!order.ok) return order;
    const body = { order: { id: order.value.id, shipping_address: toShopifyAddress(address) } };
    const updated = await this.send(
      'PUT',
      `/orders/${order.value.id}.json`,
      body,
      z.object({ order: shopifyOrder }),
    );
    return updated.ok ? succeed(convertShopifyOrder(updated.value.order)) : updated;
  }

  async createReturn() {
    return fail<never>(unsupported);
  }

  async listReturns() {
    return fail<never>(unsupported);
  }

  async listRefunds(orderNumber: string): Promise<CommerceResult<CommerceRefund[]>> {
    const order = await this.findShopifyOrder(orderNumber);
    if (!order.ok) return order;
    const found = await this.get(
      `/orders/${order.value.id}/refunds.json`,
      z.object({ refunds: z.array(shopifyRefund) }),
    );
    return found.ok
      ? succeed(found.value.refunds.map((refund) => convertShopifyRefund(refund, orderNumber)))
      : found;
  }

  /** Shopify computes what may be refunded (calculate), then the refund is created with those transactions. */
  async startRefund(orderNumber: string, reason: string): Promise<CommerceResult<CommerceRefund>> {
    const order = await this.findShopifyOrder(orderNumber);
    if (!order.ok) return order;
    const lines = order.value.line_items.map((item) => ({
      line_item_id: item.id,
      quantity: item.quantity,
      restock_type: 'no_restock',
    }));
    const request = { shipping: { full_refund: true }, refund_line_items: lines };
    const base = `/orders/${order.value.id}/refunds`;
    const calculated = await this.send(
      'POST',
      `${base}/calculate.json`,
      { refund: request },
      shopifyRefundCalculation,
    );
    if (!calculated.ok) return calculated;
    const transactions = calculated.value.refund.transactions.map((transaction) => ({
      ...transaction,
      kind: 'refund',
    }));
    if (transactions.every((transaction) => toCents(transaction.amount) === 0))
      return fail({ kind: 'rejected', reason: 'nothing_to_refund' });
    const body = { refund: { ...request, notify: true, note: reason, transactions } };
    const created = await this.send('POST', `${base}.json`, body, z.object({ refund: shopifyRefund }));
    return created.ok ? succeed(convertShopifyRefund(created.value.refund, orderNumber)) : created;
  }

  async requestInvoice() {
    return fail<never>(unsupported);
  }

  async resendInvoice() {
    return fail<never>(unsupported);
  }

  async searchProducts(query: string, limit: number): Promise<CommerceResult<CommerceProduct[]>> {
    const path = `/products.json?title=${encodeURIComponent(query)}&limit=${limit}`;
    const found = await this.get(path, z.object({ products: z.array(shopifyProduct) }));
    return found.ok
      ? succeed(found.value.products.map((product) => convertShopifyProduct(product, new Map())))
      : found;
  }

  async getProduct(productId: string): Promise<CommerceResult<CommerceProduct>> {
    const found = await this.get(
      `/products/${encodeURIComponent(productId)}.json`,
      z.object({ product: shopifyProduct }),
    );
    if (!found.ok) return found;
    const itemIds = found.value.product.variants.map((variant) => variant.inventory_item_id).join(',');
    const levels = await this.get(
      `/inventory_levels.json?inventory_item_ids=${itemIds}`,
      shopifyInventoryLevels,
    );
    if (!levels.ok) return levels;
    const stock = new Map<number, number>();
    for (const level of levels.value.inventory_levels)
      stock.set(level.inventory_item_id, (stock.get(level.inventory_item_id) ?? 0) + (level.available ?? 0));
    return succeed(convertShopifyProduct(found.value.product, stock));
  }

  async listPromotions(): Promise<CommerceResult<CommercePromotion[]>> {
    const found = await this.get('/price_rules.json', shopifyPriceRules);
    if (!found.ok) return found;
    const now = this.clock.now().toISOString();
    const active = found.value.price_rules.filter(
      (rule) =>
        rule.value_type === 'fixed_amount' && rule.starts_at <= now && (!rule.ends_at || rule.ends_at > now),
    );
    return succeed(
      active.map((rule) => ({
        code: rule.title,
        descriptionZh: rule.title,
        descriptionEn: rule.title,
        minimumSubtotalCents: toCents(rule.prerequisite_subtotal_range?.greater_than_or_equal_to ?? '0'),
        discountCents: Math.abs(toCents(rule.value)),
        membersOnly: rule.customer_selection === 'prerequisite',
      })),
    );
  }

  private async findShopifyOrder(orderNumber: string): Promise<CommerceResult<ShopifyOrder>> {
    const path = `/orders.json?name=${encodeURIComponent(toShopifyOrderName(orderNumber))}&status=any`;
    const found = await this.get(path, z.object({ orders: z.array(shopifyOrder) }));
    if (!found.ok) return found;
    const order = found.value.orders[0];
    return order ? succeed(order) : fail(notFound);
  }

  private get<Schema extends z.ZodType>(path: string, schema: Schema) {
    return this.send('GET', path, undefined, schema);
  }

  private send<Schema extends z.ZodType>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body: unknown,
    schema: Schema,
  ) {
    return callRemoteJson(
      {
        method,
        url: `${this.settings.shopUrl}/admin/api/${this.settings.apiVersion}${path}`,
        headers: { 'x-shopify-access-token': this.settings.accessToken },
        body,
        timeoutMs: this.settings.timeoutMs,
      },
      schema,
    );
  }
}
