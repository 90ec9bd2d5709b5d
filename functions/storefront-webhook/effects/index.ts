/** Each storefront event type's effect (api.md's table). */
import type { StorefrontEvent } from '../../../core/storefront/events.ts';
import type { Accepted, EffectDeps } from '../deps.ts';
import { goodsReceived, refundSettled } from './goods-and-refunds.ts';
import { complaintFiled, stockAlert } from './new-cases.ts';
import { orderDelivered, orderPaid } from './order-facts.ts';
import { orderImported } from './order-imported.ts';
import { orderPlaced } from './order-placed.ts';
import { stockReceived } from './stock-received.ts';
import { cancelRequested, exchangeRequested, returnRequested } from './order-requests.ts';

export function applyEvent(deps: EffectDeps, event: StorefrontEvent): Promise<Accepted> {
  switch (event.type) {
    case 'order.placed':
      return orderPlaced(deps, event);
    case 'order.imported':
      return orderImported(deps, event);
    case 'order.paid':
      return orderPaid(deps, event);
    case 'order.cancel-requested':
      return cancelRequested(deps, event);
    case 'order.return-requested':
      return returnRequested(deps, event);
    case 'order.exchange-requested':
      return exchangeRequested(deps, event);
    case 'order.delivered':
      return orderDelivered(deps, event);
    case 'goods.received':
      return goodsReceived(deps, event);
    case 'refund.settled':
      return refundSettled(deps, event);
    case 'complaint.filed':
      return complaintFiled(deps, event);
    case 'stock.low':
    case 'stock.out':
      return stockAlert(deps, event);
    case 'stock.received':
      return stockReceived(deps, event);
    case 'chat.message':
    case 'chat.messages':
      // Handled before the idempotency claim (ingest.ts): chat messages are idempotent by id.
      throw new TypeError(`${event.type} is not a case event`);
  }
}
