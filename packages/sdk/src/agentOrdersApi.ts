// Typed calls of the orders panel API (a shopper's orders in a conversation, and the agent's actions on them)
// over an agent client's session: `new KefuOrdersApi(agentClient).listOrders(conversationId)`.
import type { KefuAgentClient } from './agentClient';
import {
  parseAgentMessage,
  readField,
  readList,
  readNullableString,
  readNumber,
  readString,
  requireRecord,
} from './agentWire';
import type { Message } from './types';
import { isRecord } from './visitorWire';

export type OrderReturnReason =
  'no_longer_needed' | 'wrong_size' | 'not_as_described' | 'defective' | 'damaged_in_transit';

export interface OrderAddress {
  recipient: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  line: string;
}

export interface ShopOrderItem {
  productId: string;
  sku: string;
  quantity: number;
  unitPriceCents: number;
  titleZh: string;
  titleEn: string;
}

export interface ShopOrder {
  orderNumber: string;
  status: string;
  items: ShopOrderItem[];
  totalCents: number;
  currency: string;
  shippingAddress: OrderAddress;
  hasInvoice: boolean;
  /** An issued invoice the shop can send to the shopper's e-mail again. */
  invoiceIssued: boolean;
  placedAt: string;
  deliveredAt: string | null;
}

export interface OrderParcel {
  carrierNameZh: string;
  carrierNameEn: string;
  trackingNumber: string;
  status: string;
  events: { descriptionZh: string; descriptionEn: string; location: string; at: string }[];
}

export interface OrderReturn {
  returnNumber: string;
  kind: 'return' | 'exchange';
  status: string;
  createdAt: string;
}

export interface OrderRefund {
  id: string;
  amountCents: number;
  status: string;
  createdAt: string;
}

export interface OrderView {
  order: ShopOrder;
  shipments: OrderParcel[];
  returns: OrderReturn[];
  refunds: OrderRefund[];
  /** False for an order the shopper only named in the chat. */
  linked: boolean;
}

export class KefuOrdersApi {
  constructor(private readonly client: Pick<KefuAgentClient, 'requestJson'>) {}

  async listOrders(conversationId: string): Promise<OrderView[]> {
    return readList(
      await this.client.requestJson('GET', `${base(conversationId)}/orders`),
      'orders',
      parseOrderView,
    );
  }

  async startReturn(
    conversationId: string,
    orderNumber: string,
    request: { kind: 'return' | 'exchange'; reason: OrderReturnReason; note?: string },
  ): Promise<{ returnNumber: string; message: Message }> {
    const body = await this.client.requestJson(
      'POST',
      `${orderPath(conversationId, orderNumber)}/returns`,
      request,
    );
    return {
      returnNumber: readString(requireRecord(readField(body, 'returnOrder')), 'returnNumber'),
      message: parseAgentMessage(readField(body, 'message')),
    };
  }

  startRefund(conversationId: string, orderNumber: string, reason: string): Promise<Message> {
    return this.sent('POST', `${orderPath(conversationId, orderNumber)}/refunds`, { reason });
  }

  cancelOrder(conversationId: string, orderNumber: string, reason: string): Promise<Message> {
    return this.sent('POST', `${orderPath(conversationId, orderNumber)}/cancel`, { reason });
  }

  changeAddress(conversationId: string, orderNumber: string, address: OrderAddress): Promise<Message> {
    return this.sent('PUT', `${orderPath(conversationId, orderNumber)}/address`, { address });
  }

  resendInvoice(conversationId: string, orderNumber: string): Promise<Message> {
    return this.sent('POST', `${orderPath(conversationId, orderNumber)}/invoice`);
  }

  sendCoupon(conversationId: string, code: string): Promise<Message> {
    return this.sent('POST', `${base(conversationId)}/coupons`, { code });
  }

  sendCard(conversationId: string, what: { orderNumber: string } | { productId: string }): Promise<Message> {
    return this.sent('POST', `${base(conversationId)}/cards`, what);
  }

  private async sent(method: string, path: string, payload?: unknown): Promise<Message> {
    return parseAgentMessage(readField(await this.client.requestJson(method, path, payload), 'message'));
  }
}

function base(conversationId: string): string {
  return `/api/v1/agent/conversations/${encodeURIComponent(conversationId)}`;
}

function orderPath(conversationId: string, orderNumber: string): string {
  return `${base(conversationId)}/orders/${encodeURIComponent(orderNumber)}`;
}

function parseOrderView(value: unknown): OrderView {
  const record = requireRecord(value);
  return {
    order: parseOrder(record.order),
    shipments: readList(record, 'shipments', parseParcel),
    returns: readList(record, 'returns', (item) => {
      const rma = requireRecord(item);
      return {
        returnNumber: readString(rma, 'returnNumber'),
        kind: rma.kind === 'exchange' ? 'exchange' : 'return',
        status: readString(rma, 'status'),
        createdAt: readString(rma, 'createdAt'),
      };
    }),
    refunds: readList(record, 'refunds', (item) => {
      const refund = requireRecord(item);
      return {
        id: readString(refund, 'id'),
        amountCents: readNumber(refund, 'amountCents'),
        status: readString(refund, 'status'),
        createdAt: readString(refund, 'createdAt'),
      };
    }),
    linked: record.linked === true,
  };
}

function parseOrder(value: unknown): ShopOrder {
  const record = requireRecord(value);
  const address = requireRecord(record.shippingAddress);
  return {
    orderNumber: readString(record, 'orderNumber'),
    status: readString(record, 'status'),
    items: readList(record, 'items', (item) => {
      const line = requireRecord(item);
      return {
        productId: readString(line, 'productId'),
        sku: readString(line, 'sku'),
        quantity: readNumber(line, 'quantity'),
        unitPriceCents: readNumber(line, 'unitPriceCents'),
        titleZh: readString(line, 'titleZh'),
        titleEn: readString(line, 'titleEn'),
      };
    }),
    totalCents: readNumber(record, 'totalCents'),
    currency: readString(record, 'currency'),
    shippingAddress: {
      recipient: readString(address, 'recipient'),
      phone: readString(address, 'phone'),
      province: readString(address, 'province'),
      city: readString(address, 'city'),
      district: readString(address, 'district'),
      line: readString(address, 'line'),
    },
    hasInvoice: record.invoice !== null && record.invoice !== undefined,
    invoiceIssued: isRecord(record.invoice) && record.invoice.status === 'issued',
    placedAt: readString(record, 'placedAt'),
    deliveredAt: readNullableString(record, 'deliveredAt'),
  };
}

function parseParcel(value: unknown): OrderParcel {
  const record = requireRecord(value);
  return {
    carrierNameZh: readString(record, 'carrierNameZh'),
    carrierNameEn: readString(record, 'carrierNameEn'),
    trackingNumber: readString(record, 'trackingNumber'),
    status: readString(record, 'status'),
    events: readList(record, 'events', (item) => {
      const event = requireRecord(item);
      return {
        descriptionZh: readString(event, 'descriptionZh'),
        descriptionEn: readString(event, 'descriptionEn'),
        location: readString(event, 'location'),
        at: readString(event, 'at'),
      };
    }),
  };
}
