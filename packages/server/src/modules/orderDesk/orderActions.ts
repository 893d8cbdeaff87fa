import type { Message } from '@kefu/sdk';
import { KefuError } from '../../errors';
import { normaliseLocale } from '../../replyLocale';
import type { AuthenticatedAgent } from '../auth';
import { buildOrderCard, buildProductCard, describeCreatedReturn } from '../bot';
import type { CommerceAddress, CommerceReturn, ReturnReason } from '../commerce';
import { checkReturnEligibility } from '../commerce';
import { refusalError, speak } from './commerceFailures';
import type { OrderDesk } from './orderDesk';
import { unwrap } from './orderViews';

// What an agent does with a shopper's order from the orders panel. Each use-case goes through the connector
// the bot's flows use, with the same rules (return eligibility), is audited, and tells the shopper.

export async function startReturn(
  desk: OrderDesk,
  agent: AuthenticatedAgent,
  target: { conversationId: string; orderNumber: string },
  request: { kind: 'return' | 'exchange'; reason: ReturnReason; note: string },
): Promise<{ returnOrder: CommerceReturn; message: Message }> {
  const { view, conversation, locale } = await desk.requireOrder(
    agent,
    target.conversationId,
    target.orderNumber,
  );
  const eligibility = checkReturnEligibility(view.order, request.reason, desk.connector.policy(), desk.now);
  if (!eligibility.eligible) throw refusalError(eligibility.reason);
  const returnOrder = unwrap(
    await desk.connector.createReturn(target.orderNumber, {
      kind: request.kind,
      reason: request.reason,
      note: request.note || `started by agent ${agent.displayName}`,
    }),
  );
  const message = await desk.recordAndTell(
    agent,
    conversation,
    {
      name: `${request.kind}_started`,
      orderNumber: target.orderNumber,
      data: { ...request, returnNumber: returnOrder.returnNumber },
    },
    { text: describeCreatedReturn(returnOrder, request.reason, locale) },
  );
  return { returnOrder, message };
}

export async function startRefund(
  desk: OrderDesk,
  agent: AuthenticatedAgent,
  target: { conversationId: string; orderNumber: string },
  reason: string,
): Promise<Message> {
  const { conversation, locale } = await desk.requireOrder(agent, target.conversationId, target.orderNumber);
  const refund = unwrap(await desk.connector.startRefund(target.orderNumber, reason));
  const amount = (refund.amountCents / 100).toFixed(2);
  return desk.recordAndTell(
    agent,
    conversation,
    { name: 'refund_started', orderNumber: target.orderNumber, data: { reason, refundId: refund.id } },
    {
      text: speak(
        locale,
        `已为订单 ${target.orderNumber} 提交退款 ¥${amount}，将原路退回，到账后会通知您。`,
        `A refund of ¥${amount} for order ${target.orderNumber} is on its way back to your original payment method; we'll let you know when it arrives.`,
      ),
    },
  );
}

export async function cancelOrder(
  desk: OrderDesk,
  agent: AuthenticatedAgent,
  target: { conversationId: string; orderNumber: string },
  reason: string,
): Promise<Message> {
  const { conversation, locale } = await desk.requireOrder(agent, target.conversationId, target.orderNumber);
  unwrap(await desk.connector.cancelOrder(target.orderNumber, reason));
  return desk.recordAndTell(
    agent,
    conversation,
    { name: 'cancelled', orderNumber: target.orderNumber, data: { reason } },
    {
      text: speak(
        locale,
        `订单 ${target.orderNumber} 已为您取消，已付款项会原路退回。`,
        `Order ${target.orderNumber} is cancelled; anything you paid goes back to your original payment method.`,
      ),
    },
  );
}

export async function changeAddress(
  desk: OrderDesk,
  agent: AuthenticatedAgent,
  target: { conversationId: string; orderNumber: string },
  address: CommerceAddress,
): Promise<Message> {
  const { conversation, locale } = await desk.requireOrder(agent, target.conversationId, target.orderNumber);
  unwrap(await desk.connector.changeShippingAddress(target.orderNumber, address));
  const place = `${address.province}${address.city}${address.district}${address.line}，${address.recipient}`;
  return desk.recordAndTell(
    agent,
    conversation,
    // The address itself is personal data: the audit keeps that it changed, not where to.
    { name: 'address_changed', orderNumber: target.orderNumber, data: {} },
    {
      text: speak(
        locale,
        `订单 ${target.orderNumber} 的收货地址已改为：${place}。`,
        `The delivery address of order ${target.orderNumber} is now: ${place}.`,
      ),
    },
  );
}

export async function resendInvoice(
  desk: OrderDesk,
  agent: AuthenticatedAgent,
  target: { conversationId: string; orderNumber: string },
): Promise<Message> {
  const { conversation, locale } = await desk.requireOrder(agent, target.conversationId, target.orderNumber);
  unwrap(await desk.connector.resendInvoice(target.orderNumber));
  return desk.recordAndTell(
    agent,
    conversation,
    { name: 'invoice_resent', orderNumber: target.orderNumber, data: {} },
    {
      text: speak(
        locale,
        `订单 ${target.orderNumber} 的发票已重新发送到您的邮箱，请查收。`,
        `The invoice for order ${target.orderNumber} has been sent to your e-mail again.`,
      ),
    },
  );
}

export async function sendCoupon(
  desk: OrderDesk,
  agent: AuthenticatedAgent,
  conversationId: string,
  code: string,
  shopCustomerId: string | null,
): Promise<Message> {
  const conversation = await desk.conversation(agent, conversationId);
  const locale = normaliseLocale(conversation.locale);
  const offered = unwrap(
    await desk.connector.listPromotions(shopCustomerId ? { customerId: shopCustomerId } : {}),
  );
  const coupon = offered.find((promotion) => promotion.code.toLowerCase() === code.toLowerCase());
  if (!coupon) throw new KefuError('coupon_not_found');
  return desk.recordAndTell(
    agent,
    conversation,
    { name: 'coupon_sent', orderNumber: null, data: { code: coupon.code } },
    {
      text: speak(
        locale,
        `送您一张优惠券：${coupon.code}（${coupon.descriptionZh}），下单时填写即可使用。`,
        `Here is a coupon for you: ${coupon.code} (${coupon.descriptionEn}). Enter it at checkout.`,
      ),
    },
  );
}

export async function sendCard(
  desk: OrderDesk,
  agent: AuthenticatedAgent,
  conversationId: string,
  what: { orderNumber: string } | { productId: string },
): Promise<Message> {
  if ('orderNumber' in what) {
    const { view, conversation, locale } = await desk.requireOrder(agent, conversationId, what.orderNumber);
    const card = buildOrderCard(view.order, view.shipments.at(-1) ?? null, locale);
    return desk.recordAndTell(
      agent,
      conversation,
      { name: 'card_sent', orderNumber: what.orderNumber, data: { kind: 'order' } },
      { text: speak(locale, `您的订单 ${what.orderNumber}：`, `Your order ${what.orderNumber}:`), card },
    );
  }
  const conversation = await desk.conversation(agent, conversationId);
  const locale = normaliseLocale(conversation.locale);
  const product = unwrap(await desk.connector.getProduct(what.productId));
  const card = buildProductCard(product, locale);
  return desk.recordAndTell(
    agent,
    conversation,
    { name: 'card_sent', orderNumber: null, data: { kind: 'product', productId: what.productId } },
    { text: card.title, card },
  );
}
