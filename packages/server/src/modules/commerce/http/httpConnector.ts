import { z } from 'zod';
import type {
  CommerceAddress,
  CommerceConnector,
  CommerceResult,
  InvoiceRequest,
  ReturnReason,
  ShopPolicy,
} from '../connector';
import { fail, succeed } from '../connector';
import { defaultShopPolicy } from '../defaultShopPolicy';
import { callRemoteJson } from '../remoteJson';
import {
  customerWire,
  invoiceWire,
  orderWire,
  productWire,
  promotionWire,
  refundWire,
  returnWire,
  shipmentWire,
} from './commerceWireSchemas';

export interface HttpConnectorSettings {
  baseUrl: string;
  token: string | null;
  /** Interface method → "METHOD /path/{param}"; unset methods use `defaultHttpEndpoints`. */
  endpoints: Record<string, string>;
  responseRoot: string;
  timeoutMs: number;
}

/** Where each interface method goes on a merchant's REST API unless configured otherwise. */
export const defaultHttpEndpoints = {
  findCustomer: 'GET /customers?id={customerId}&phone={phone}',
  listOrders: 'GET /customers/{customerId}/orders?limit={limit}',
  getOrder: 'GET /orders/{orderNumber}',
  findOrderByTracking: 'GET /shipments/{trackingNumber}/order',
  listShipments: 'GET /orders/{orderNumber}/shipments',
  cancelOrder: 'POST /orders/{orderNumber}/cancel',
  changeShippingAddress: 'PUT /orders/{orderNumber}/shipping-address',
  createReturn: 'POST /orders/{orderNumber}/returns',
  listReturns: 'GET /orders/{orderNumber}/returns',
  listRefunds: 'GET /orders/{orderNumber}/refunds',
  startRefund: 'POST /orders/{orderNumber}/refunds',
  requestInvoice: 'POST /orders/{orderNumber}/invoice',
  resendInvoice: 'POST /orders/{orderNumber}/invoice/resend',
  searchProducts: 'GET /products?q={query}&limit={limit}',
  getProduct: 'GET /products/{productId}',
  listPromotions: 'GET /promotions?customerId={customerId}&productId={productId}',
} as const satisfies Record<string, string>;

type EndpointName = keyof typeof defaultHttpEndpoints;
type Parameters = Record<string, string | number | undefined>;

/** Maps the interface onto a merchant's own REST endpoints; answers are the interface's JSON types. */
export class HttpCommerceConnector implements CommerceConnector {
  readonly kind = 'http';
  private readonly shopPolicy: ShopPolicy = defaultShopPolicy();

  constructor(private readonly settings: HttpConnectorSettings) {}

  policy(): ShopPolicy {
    return this.shopPolicy;
  }

  findCustomer(query: { customerId?: string; phone?: string }) {
    return this.call('findCustomer', { ...query }, 'customer', customerWire);
  }

  listOrders(customerId: string, limit: number) {
    return this.call('listOrders', { customerId, limit }, 'orders', z.array(orderWire));
  }

  getOrder(orderNumber: string) {
    return this.call('getOrder', { orderNumber }, 'order', orderWire);
  }

  findOrderByTracking(trackingNumber: string) {
    return this.call('findOrderByTracking', { trackingNumber }, 'order', orderWire);
  }

  listShipments(orderNumber: string) {
    return this.call('listShipments', { orderNumber }, 'shipments', z.array(shipmentWire));
  }

  cancelOrder(orderNumber: string, reason: string) {
    return this.call('cancelOrder', { orderNumber }, 'order', orderWire, { reason });
  }

  changeShippingAddress(orderNumber: string, address: CommerceAddress) {
    return this.call('changeShippingAddress', { orderNumber }, 'order', orderWire, { address });
  }

  createReturn(
    orderNumber: string,
    request: { kind: 'return' | 'exchange'; reason: ReturnReason; note: string },
  ) {
    return this.call('createReturn', { orderNumber }, 'return', returnWire, request);
  }

  listReturns(orderNumber: string) {
    return this.call('listReturns', { orderNumber }, 'returns', z.array(returnWire));
  }

  listRefunds(orderNumber: string) {
    return this.call('listRefunds', { orderNumber }, 'refunds', z.array(refundWire));
  }

  startRefund(orderNumber: string, reason: string) {
    return this.call('startRefund', { orderNumber }, 'refund', refundWire, { reason });
  }

  requestInvoice(orderNumber: string, request: InvoiceRequest) {
    return this.call('requestInvoice', { orderNumber }, 'invoice', invoiceWire, request);
  }

  resendInvoice(orderNumber: string) {
    return this.call('resendInvoice', { orderNumber }, 'invoice', invoiceWire);
  }

  searchProducts(query: string, limit: number) {
    return this.call('searchProducts', { query, limit }, 'products', z.array(productWire));
  }

  getProduct(productId: string) {
    return this.call('getProduct', { productId }, 'product', productWire);
  }

  listPromotions(query: { customerId?: string; productId?: string }) {
    return this.call('listPromotions', { ...query }, 'promotions', z.array(promotionWire));
  }

  private async call<Schema extends z.ZodType>(
    name: EndpointName,
    parameters: Parameters,
    key: string,
    schema: Schema,
    body?: unknown,
  ): Promise<CommerceResult<z.infer<Schema>>> {
    const endpoint = this.settings.endpoints[name] ?? defaultHttpEndpoints[name];
    const [method = 'GET', pathTemplate = '/'] = endpoint.split(' ');
    const headers: Record<string, string> = this.settings.token
      ? { authorization: `Bearer ${this.settings.token}` }
      : {};
    const result = await callRemoteJson(
      {
        method: z.enum(['GET', 'POST', 'PUT', 'PATCH']).parse(method),
        url: this.settings.baseUrl + fillTemplate(pathTemplate, parameters),
        headers,
        body,
        timeoutMs: this.settings.timeoutMs,
      },
      z.unknown(),
    );
    if (!result.ok) return result;
    const envelope = unwrap(result.value, this.settings.responseRoot);
    const payload = schema.safeParse(
      envelope && typeof envelope === 'object' ? Reflect.get(envelope, key) : undefined,
    );
    if (!payload.success) return fail({ kind: 'unavailable', detail: `${name}: unexpected response shape` });
    return succeed(payload.data);
  }
}

/** Fills `{name}` placeholders (URL-encoded); query parameters without a value are dropped. */
export function fillTemplate(template: string, parameters: Parameters): string {
  const [path = '', query] = template.split('?');
  const filledPath = path.replace(/\{(\w+)\}/g, (_match, name: string) =>
    encodeURIComponent(String(parameters[name] ?? '')),
  );
  if (!query) return filledPath;
  const pairs = query
    .split('&')
    .map((pair) => {
      const [name = '', value = ''] = pair.split('=');
      const filled = value.replace(/\{(\w+)\}/g, (_match, key: string) => String(parameters[key] ?? ''));
      return filled ? `${encodeURIComponent(name)}=${encodeURIComponent(filled)}` : null;
    })
    .filter((pair) => pair !== null);
  return pairs.length > 0 ? `${filledPath}?${pairs.join('&')}` : filledPath;
}

function unwrap(value: unknown, root: string): unknown {
  if (!root) return value;
  let current = value;
  for (const part of root.split('.')) {
    if (!current || typeof current !== 'object') return undefined;
    current = Reflect.get(current, part);
  }
  return current;
}
