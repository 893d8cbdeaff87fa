import type { CommerceConnector, CommerceOrder, CommerceResult } from '../commerce';
import { toKefuError } from './commerceFailures';
import type { OrderView } from './schemas';

/** One order with its parcels (tracking timeline), returns and refunds, as the orders panel shows it. */
export async function loadOrderView(
  connector: CommerceConnector,
  order: CommerceOrder,
  linked: boolean,
): Promise<OrderView> {
  const [shipments, returns, refunds] = await Promise.all([
    connector.listShipments(order.orderNumber),
    connector.listReturns(order.orderNumber),
    connector.listRefunds(order.orderNumber),
  ]);
  return {
    order,
    shipments: unwrapOrEmpty(shipments),
    returns: unwrapOrEmpty(returns),
    refunds: unwrapOrEmpty(refunds),
    linked,
  };
}

export function unwrap<Value>(result: CommerceResult<Value>): Value {
  if (result.ok) return result.value;
  throw toKefuError(result.failure);
}

/** A connector that keeps no returns (or parcels) says `unsupported`: the panel shows none. */
function unwrapOrEmpty<Value>(result: CommerceResult<Value[]>): Value[] {
  if (result.ok) return result.value;
  if (result.failure.kind === 'unsupported' || result.failure.kind === 'not_found') return [];
  throw toKefuError(result.failure);
}
