import type { OutboundMessage } from './channelAdapter';
import { DeliveryError } from './channelAdapter';

/**
 * Who a text-only platform writes to and what: the shopper's id on it and the fitted text. A delivery the
 * platform could never take (no shopper id, nothing to show) fails for good rather than being retried.
 */
export function recipientAndText(
  outbound: OutboundMessage,
  platform: { name: string; shopper: string },
): { recipientId: string; text: string } {
  const recipientId = outbound.recipient.externalId;
  if (!recipientId)
    throw new DeliveryError(
      `the conversation has no ${platform.name} ${platform.shopper} to write to`,
      false,
    );
  const text = outbound.message.text.trim();
  if (text.length === 0) throw new DeliveryError(`the message has nothing ${platform.name} can show`, false);
  return { recipientId, text };
}
