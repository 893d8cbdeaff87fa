import type { Clock } from '../../../clock';
import type { Db } from '../../../db/database';
import { newId } from '../../../ids';
import type {
  CommerceAddress,
  CommerceConnector,
  CommerceCustomer,
  CommerceInvoice,
  CommerceOrder,
  CommerceProduct,
  CommercePromotion,
  CommerceRefund,
  CommerceResult,
  CommerceReturn,
  CommerceShipment,
  InvoiceRequest,
  ReturnReason,
  ShopPolicy,
} from '../connector';
import { fail, notFound, succeed } from '../connector';
import { checkReturnEligibility } from '../returnEligibility';
import { defaultShopPolicy } from '../defaultShopPolicy';
import { demoCoupons } from './demo';
import { searchProductRows } from './productSearch';
import type { OrderRow } from './shopRepo';
import * as shopRepo from './shopRepo';
import {
  refusedInStatus,
  toCommerceOrder,
  toCommerceProduct,
  toCommerceRefund,
  toCommerceReturn,
  toCommerceShipment,
  toInvoice,
} from './shopRowMappers';

/** The shop in Kefu's own tables: the demo shop, or what a merchant imported or pushed by webhook. */
export class BuiltinCommerceConnector implements CommerceConnector {
  readonly kind = 'builtin';
  private readonly shopPolicy: ShopPolicy = defaultShopPolicy();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  policy(): ShopPolicy {
    return this.shopPolicy;
  }

  async findCustomer(query: {
    customerId?: string;
    phone?: string;
  }): Promise<CommerceResult<CommerceCustomer>> {
    const row = await shopRepo.findShopCustomer(this.db, query);
    if (!row) return fail(notFound);
    return succeed({ id: row.id, name: row.name, phone: row.phone, email: row.email, vipTier: row.vip_tier });
  }

  async listOrders(customerId: string, limit: number): Promise<CommerceResult<CommerceOrder[]>> {
    const rows = await shopRepo.listOrdersOfCustomer(this.db, customerId, limit);
    return succeed(await this.toOrders(rows));
  }

  async getOrder(orderNumber: string): Promise<CommerceResult<CommerceOrder>> {
    const row = await shopRepo.findOrderByNumber(this.db, orderNumber.toUpperCase());
    if (!row) return fail(notFound);
    const [order] = await this.toOrders([row]);
    return order ? succeed(order) : fail(notFound);
  }

  async findOrderByTracking(trackingNumber: string): Promise<CommerceResult<CommerceOrder>> {
    const row = await shopRepo.findOrderByTrackingNumber(this.db, trackingNumber.toUpperCase());
    if (!row) return fail(notFound);
    return this.getOrder(row.order_number);
  }

  async listShipments(orderNumber: string): Promise<CommerceResult<CommerceShipment[]>> {
    const row = await shopRepo.findOrderByNumber(this.db, orderNumber);
    if (!row) return fail(notFound);
    return succeed((await shopRepo.listShipmentsOfOrder(this.db, row.id)).map(toCommerceShipment));
  }

  async cancelOrder(orderNumber: string, reason: string): Promise<CommerceResult<CommerceOrder>> {
    return this.db.transaction().execute(async (trx) => {
      const row = await shopRepo.findOrderByNumber(trx, orderNumber);
      if (!row) return fail(notFound);
      if (row.status !== 'unpaid' && row.status !== 'paid') return fail(refusedInStatus(row.status));
      const now = this.clock.now().toISOString();
      const details = {
        ...parseObject(row.details),
        cancellationReasonZh: reason,
        cancellationReasonEn: reason,
      };
      await trx
        .updateTable('orders')
        .set({ status: 'cancelled', cancelled_at: now, updated_at: now, details: JSON.stringify(details) })
        .where('id', '=', row.id)
        .execute();
      if (row.paid_at) await this.insertRefund(trx, row, reason, null);
      return this.getOrderIn(trx, orderNumber);
    });
  }

  async changeShippingAddress(
    orderNumber: string,
    address: CommerceAddress,
  ): Promise<CommerceResult<CommerceOrder>> {
    const row = await shopRepo.findOrderByNumber(this.db, orderNumber);
    if (!row) return fail(notFound);
    if (row.status !== 'unpaid' && row.status !== 'paid') return fail(refusedInStatus(row.status));
    await this.db
      .updateTable('orders')
      .set({ shipping_address: JSON.stringify(address), updated_at: this.clock.now().toISOString() })
      .where('id', '=', row.id)
      .execute();
    return this.getOrder(orderNumber);
  }

  async createReturn(
    orderNumber: string,
    request: { kind: 'return' | 'exchange'; reason: ReturnReason; note: string },
  ): Promise<CommerceResult<CommerceReturn>> {
    const found = await this.getOrder(orderNumber);
    if (!found.ok) return found;
    const eligibility = checkReturnEligibility(
      found.value,
      request.reason,
      this.shopPolicy,
      this.clock.now(),
    );
    if (!eligibility.eligible) return fail({ kind: 'rejected', reason: eligibility.reason });
    const row = await shopRepo.findOrderByNumber(this.db, orderNumber);
    if (!row) return fail(notFound);
    const existing = await shopRepo.listReturnsOfOrder(this.db, row.id);
    const now = this.clock.now().toISOString();
    const returnRow = {
      id: newId('ret'),
      order_id: row.id,
      return_number: `RMA${orderNumber.replace(/\D/g, '').slice(-8)}${existing.length + 1}`,
      status: 'approved',
      reason_code: request.reason,
      items: JSON.stringify(found.value.items.map((item) => ({ sku: item.sku, quantity: item.quantity }))),
      details: JSON.stringify({ kind: request.kind, note: request.note, approvedAt: now }),
      created_at: now,
      updated_at: now,
    };
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('returns').values(returnRow).execute();
      const status = request.kind === 'return' ? 'returned' : row.status;
      await trx.updateTable('orders').set({ status, updated_at: now }).where('id', '=', row.id).execute();
    });
    return succeed(toCommerceReturn(returnRow, orderNumber, this.shopPolicy.returnAddress));
  }

  async listReturns(orderNumber: string): Promise<CommerceResult<CommerceReturn[]>> {
    const row = await shopRepo.findOrderByNumber(this.db, orderNumber);
    if (!row) return fail(notFound);
    const rows = await shopRepo.listReturnsOfOrder(this.db, row.id);
    return succeed(rows.map((item) => toCommerceReturn(item, orderNumber, this.shopPolicy.returnAddress)));
  }

  async listRefunds(orderNumber: string): Promise<CommerceResult<CommerceRefund[]>> {
    const row = await shopRepo.findOrderByNumber(this.db, orderNumber);
    if (!row) return fail(notFound);
    return succeed(
      (await shopRepo.listRefundsOfOrder(this.db, row.id)).map((item) => toCommerceRefund(item, orderNumber)),
    );
  }

  /** A refund starts on its own only where nothing has to come back: a paid, cancelled order, or a received return. */
  async startRefund(orderNumber: string, reason: string): Promise<CommerceResult<CommerceRefund>> {
    return this.db.transaction().execute(async (trx) => {
      const row = await shopRepo.findOrderByNumber(trx, orderNumber);
      if (!row) return fail(notFound);
      if ((await shopRepo.listRefundsOfOrder(trx, row.id)).length > 0)
        return fail({ kind: 'rejected', reason: 'refund_exists' });
      const received = (await shopRepo.listReturnsOfOrder(trx, row.id)).find(
        (item) => item.status === 'received',
      );
      const cancelledAfterPayment = row.status === 'cancelled' && row.paid_at !== null;
      if (!received && !cancelledAfterPayment) return fail({ kind: 'rejected', reason: 'nothing_to_refund' });
      const refund = await this.insertRefund(trx, row, reason, received?.id ?? null);
      return succeed(toCommerceRefund(refund, orderNumber));
    });
  }

  async requestInvoice(
    orderNumber: string,
    request: InvoiceRequest,
  ): Promise<CommerceResult<CommerceInvoice>> {
    const row = await shopRepo.findOrderByNumber(this.db, orderNumber);
    if (!row) return fail(notFound);
    if (row.status === 'unpaid' || row.status === 'cancelled') return fail(refusedInStatus(row.status));
    if (row.invoice) return fail({ kind: 'rejected', reason: 'invoice_exists' });
    const invoice: CommerceInvoice = { ...request, status: 'pending', invoiceNumber: null };
    const stored = {
      kind: 'electronic_general',
      ...request,
      taxId: request.taxId ?? undefined,
      status: 'pending',
    };
    await this.db
      .updateTable('orders')
      .set({ invoice: JSON.stringify(stored), updated_at: this.clock.now().toISOString() })
      .where('id', '=', row.id)
      .execute();
    return succeed(invoice);
  }

  async resendInvoice(orderNumber: string): Promise<CommerceResult<CommerceInvoice>> {
    const row = await shopRepo.findOrderByNumber(this.db, orderNumber);
    if (!row) return fail(notFound);
    if (!row.invoice) return fail({ kind: 'rejected', reason: 'no_invoice' });
    const invoice = toInvoice(row.invoice);
    if (invoice.status !== 'issued') return fail({ kind: 'rejected', reason: 'invoice_not_issued' });
    const now = this.clock.now().toISOString();
    const stored = parseObject(row.invoice);
    const resent = { ...stored, resendCount: Number(stored.resendCount ?? 0) + 1, lastResentAt: now };
    await this.db
      .updateTable('orders')
      .set({ invoice: JSON.stringify(resent), updated_at: now })
      .where('id', '=', row.id)
      .execute();
    return succeed(invoice);
  }

  async searchProducts(query: string, limit: number): Promise<CommerceResult<CommerceProduct[]>> {
    const rows = searchProductRows(await shopRepo.listAllProducts(this.db), query, limit);
    return succeed(rows.map(toCommerceProduct));
  }

  async getProduct(productId: string): Promise<CommerceResult<CommerceProduct>> {
    const row = await shopRepo.findProductById(this.db, productId);
    return row ? succeed(toCommerceProduct(row)) : fail(notFound);
  }

  async listPromotions(query: {
    customerId?: string;
    productId?: string;
  }): Promise<CommerceResult<CommercePromotion[]>> {
    const customer = query.customerId
      ? await shopRepo.findShopCustomer(this.db, { customerId: query.customerId })
      : undefined;
    const member = customer !== undefined && customer.vip_tier !== 'none';
    const promotions = demoCoupons.map((coupon) => ({
      ...coupon,
      membersOnly: coupon.code.startsWith('VIP'),
    }));
    return succeed(promotions.filter((promotion) => member || !promotion.membersOnly || !query.customerId));
  }

  private async getOrderIn(trx: Parameters<typeof shopRepo.findOrderByNumber>[0], orderNumber: string) {
    const row = await shopRepo.findOrderByNumber(trx, orderNumber);
    if (!row) return fail<CommerceOrder>(notFound);
    const products = await shopRepo.findProductsByIds(trx, itemProductIds([row]));
    return succeed(toCommerceOrder(row, products));
  }

  private async toOrders(rows: OrderRow[]): Promise<CommerceOrder[]> {
    const products = await shopRepo.findProductsByIds(this.db, itemProductIds(rows));
    return rows.map((row) => toCommerceOrder(row, products));
  }

  private async insertRefund(
    trx: Parameters<typeof shopRepo.findOrderByNumber>[0],
    row: OrderRow,
    reason: string,
    returnId: string | null,
  ) {
    const now = this.clock.now().toISOString();
    const refund = {
      id: newId('rfd'),
      order_id: row.id,
      amount_cents: row.total_cents,
      method: row.payment_method ?? 'original',
      status: 'processing',
      return_id: returnId,
      details: JSON.stringify({ reasonZh: reason, reasonEn: reason }),
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('refunds').values(refund).execute();
    return refund;
  }
}

function itemProductIds(rows: readonly OrderRow[]): string[] {
  const ids: string[] = [];
  for (const row of rows)
    for (const match of row.items.matchAll(/"productId":"([^"]+)"/g)) if (match[1]) ids.push(match[1]);
  return ids;
}

function parseObject(text: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(text);
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? { ...parsed } : {};
}
