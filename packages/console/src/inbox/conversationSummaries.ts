// What the inbox shows beyond the conversation row: the customer's profile and the last messages.
// Loaded lazily for the rows in view (a few at a time) and kept fresh by WebSocket events.
import type { CustomerProfile, KefuAgentClient, Message, MessageAnalysis } from '@kefu/sdk';

export interface ConversationSummary {
  lastText: string | null;
  lastSender: Message['sender'] | null;
  /** When the last customer message arrived while no one answered since: the customer is waiting. */
  waitingSince: string | null;
  lastCustomerAnalysis: MessageAnalysis | null;
}

export function summarizeMessages(messages: readonly Message[]): ConversationSummary {
  const visible = messages.filter((message) => !message.isPrivate);
  const last = visible.at(-1) ?? null;
  const lastCustomer = [...visible].reverse().find((message) => message.sender === 'customer') ?? null;
  return {
    lastText: last?.text ?? null,
    lastSender: last?.sender ?? null,
    waitingSince: last?.sender === 'customer' ? last.createdAt : null,
    lastCustomerAnalysis: lastCustomer?.analysis ?? null,
  };
}

/** Folds one new message into a summary, as the WebSocket delivers it. */
export function applyMessage(
  summary: ConversationSummary | undefined,
  message: Message,
): ConversationSummary {
  const base = summary ?? {
    lastText: null,
    lastSender: null,
    waitingSince: null,
    lastCustomerAnalysis: null,
  };
  if (message.isPrivate) return base;
  const isCustomer = message.sender === 'customer';
  return {
    lastText: message.text,
    lastSender: message.sender,
    waitingSince: isCustomer
      ? base.lastSender === 'customer'
        ? base.waitingSince
        : message.createdAt
      : null,
    lastCustomerAnalysis: isCustomer
      ? (message.analysis ?? base.lastCustomerAnalysis)
      : base.lastCustomerAnalysis,
  };
}

/** Runs loaders with at most `limit` in flight, so a long list does not flood the server. */
export class LimitedLoader {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly requested = new Set<string>();

  constructor(private readonly limit: number) {}

  /** Loads once per key; later calls with the same key are ignored until `forget(key)`. */
  load(key: string, loader: () => Promise<void>): void {
    if (this.requested.has(key)) return;
    this.requested.add(key);
    const run = () => {
      this.running += 1;
      loader()
        .catch(() => this.requested.delete(key))
        .finally(() => {
          this.running -= 1;
          this.waiting.shift()?.();
        });
    };
    if (this.running < this.limit) run();
    else this.waiting.push(run);
  }

  forget(key: string): void {
    this.requested.delete(key);
  }
}

export async function loadCustomer(client: KefuAgentClient, customerId: string): Promise<CustomerProfile> {
  return client.getCustomer(customerId);
}
