import type { CommerceConnector } from '../../commerce';
import type { BotOrderAction } from '../pipeline';

/** The connector calls that change an order, and the action each one is announced as. */
const changingCalls = new Map<string, string>([
  ['cancelOrder', 'cancelled'],
  ['requestInvoice', 'invoice_requested'],
  ['createReturn', 'return_started'],
  ['changeShippingAddress', 'address_changed'],
  ['startRefund', 'refund_started'],
]);

/**
 * The connector as the flows see it during one turn: every change it makes to an order that the shop system
 * accepted is noted in `actions`, so the turn can announce it with its replies (whichever flow made it).
 */
export function recordOrderActions(
  connector: CommerceConnector,
  actions: BotOrderAction[],
): CommerceConnector {
  return new Proxy(connector, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      const action = typeof property === 'string' ? changingCalls.get(property) : undefined;
      if (!action || typeof value !== 'function') return value;
      return async (orderNumber: string, ...rest: unknown[]) => {
        const result: unknown = await value.call(target, orderNumber, ...rest);
        if (isAccepted(result)) actions.push({ orderNumber, action });
        return result;
      };
    },
  });
}

function isAccepted(result: unknown): boolean {
  return typeof result === 'object' && result !== null && 'ok' in result && result.ok === true;
}
