import type { MessageAnalysis } from '@kefu/sdk';

/** A message as the metrics need it. */
export interface SourceMessage {
  sender: string;
  senderId: string | null;
  isPrivate: boolean;
  text: string;
  createdAt: string;
  analysis: MessageAnalysis | null;
}

/** Everything recorded about one conversation that its metrics are worked out from. */
export interface ConversationSource {
  id: string;
  customerId: string;
  channel: string;
  locale: string | null;
  status: string;
  category: string | null;
  assigneeId: string | null;
  pageProductId: string | null;
  createdAt: string;
  resolvedAt: string | null;
  /** Oldest first. */
  messages: SourceMessage[];
  /** Oldest first. */
  handoffs: { reason: string; createdAt: string }[];
  csat: { requested: boolean; rating: number | null };
  /** The product the knowledge base last answered about in this conversation. */
  discussedProductId: string | null;
  qaScore: number | null;
}
