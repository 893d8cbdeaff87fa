import type { Conversation, OfferRule } from '@kefu/sdk';
import type { Db } from '../../db/database';
import { messageAnalysisSchema, messageCardSchema } from '../../conversationWireSchemas';
import { findConversationById, listLatestMessages } from '../conversations';
import { findVipTierOfCustomer } from '../customers';

/** What a rule's trigger looks at, read once per resolution. */
export interface ResolutionFacts {
  /** An agent held the conversation when it was resolved; otherwise the bot served it alone. */
  handledByAgent: boolean;
  /** The conversation's category and every intent the shopper's messages were understood as. */
  topics: ReadonlySet<string>;
  /** Products shown to the shopper as cards, and the product page they chatted from. */
  discussedProductIds: string[];
  /** The shopper was angry or complained at some point. */
  upset: boolean;
  vipTier: string;
}

const messagesRead = 200;

export async function readResolutionFacts(db: Db, conversation: Conversation): Promise<ResolutionFacts> {
  const row = await findConversationById(db, conversation.id);
  const messages = await listLatestMessages(db, conversation.id, messagesRead);
  const topics = new Set<string>(conversation.category ? [conversation.category] : []);
  const discussed = new Set<string>(row?.page_product_id ? [row.page_product_id] : []);
  let upset = false;
  for (const message of messages) {
    const card = message.card ? messageCardSchema.safeParse(JSON.parse(message.card)) : null;
    if (card?.success && card.data.type === 'product') discussed.add(card.data.productId);
    if (message.sender !== 'customer' || !message.analysis) continue;
    const analysis = messageAnalysisSchema.safeParse(JSON.parse(message.analysis));
    if (!analysis.success) continue;
    topics.add(analysis.data.intent.id);
    if (analysis.data.sentiment.anger || analysis.data.intent.id === 'complaint') upset = true;
  }
  return {
    handledByAgent: conversation.assigneeId !== null,
    topics,
    discussedProductIds: [...discussed],
    upset,
    vipTier: await findVipTierOfCustomer(db, conversation.customerId),
  };
}

/** Whether the rule's trigger holds for this resolution (the rating, when there is one, is checked apart). */
export function ruleMatches(rule: OfferRule, facts: ResolutionFacts, csatRating: number | null): boolean {
  const { conditions } = rule;
  if (conditions.resolvedBy === 'agent' && !facts.handledByAgent) return false;
  if (conditions.resolvedBy === 'bot' && facts.handledByAgent) return false;
  if (conditions.categories.length > 0 && !conditions.categories.some((topic) => facts.topics.has(topic)))
    return false;
  if (conditions.requireProductDiscussed && facts.discussedProductIds.length === 0) return false;
  if (conditions.skipUpsetShoppers && facts.upset) return false;
  if (conditions.customerTiers.length > 0 && !conditions.customerTiers.includes(facts.vipTier)) return false;
  if (conditions.minimumCsat !== null && csatRating !== null && csatRating < conditions.minimumCsat)
    return false;
  return true;
}
