import type { MessageAnalysis } from '@kefu/sdk';
import type { MessageRow } from '../conversations';
import { messageAnalysisSchema } from '../conversations/schemas';
import type { PriorityOutcome } from './classification';
import { isTopicIntent } from './classification';
import type { HandoffSummary, HandoffTrigger } from './schemas';
import { sentimentTrend } from './triggers';

export interface SummaryInput {
  conversationId: string;
  customerId: string;
  vipTier: string;
  productLine: string | null;
  /** The conversation's latest messages, oldest first. */
  messages: readonly MessageRow[];
  triggers: readonly HandoffTrigger[];
  reason: string;
  category: string;
  priority: PriorityOutcome;
  /** The conversation's locale: the language the agent should answer in. */
  language: string | null;
  now: Date;
}

const botAnswersShown = 3;
const sentimentScoresShown = 5;

/** The agent's briefing: what the shopper wants, what the bot already said, how the mood went. */
export function buildHandoffSummary(input: SummaryInput): HandoffSummary {
  const customerMessages = input.messages.filter((message) => message.sender === 'customer');
  const analyses = customerMessages.map((message) => ({ message, analysis: readAnalysis(message) }));
  const topical = [...analyses]
    .reverse()
    .find(({ analysis }) => analysis && isTopicIntent(analysis.intent.id));
  const latestAnalysis = analyses[analyses.length - 1]?.analysis ?? null;
  const intentSource = topical?.analysis ?? latestAnalysis;
  const scores = analyses.flatMap(({ analysis }) => (analysis ? [analysis.sentiment.score] : []));
  const answeredByMessageId = new Map(
    analyses.map(({ message, analysis }) => [message.id, analysis?.answeredBy ?? null]),
  );
  const lastCustomer = customerMessages[customerMessages.length - 1];
  return {
    reason: input.reason,
    triggers: [...input.triggers],
    intent: intentSource ? { id: intentSource.intent.id, confidence: intentSource.intent.confidence } : null,
    category: input.category,
    priority: input.priority.priority,
    priorityReasons: input.priority.reasons,
    entities: collectEntities(analyses.map(({ analysis }) => analysis)),
    sentiment: {
      latest: latestAnalysis?.sentiment.score ?? null,
      trend: sentimentTrend(scores.slice(-sentimentScoresShown)),
      scores: scores.slice(-sentimentScoresShown),
      anger: analyses.some(({ analysis }) => analysis?.sentiment.anger === true),
    },
    botAnswers: input.messages
      .filter((message) => message.sender === 'bot')
      .slice(-botAnswersShown)
      .map((message) => ({
        text: message.text,
        answeredBy: message.reply_to_message_id
          ? (answeredByMessageId.get(message.reply_to_message_id) ?? null)
          : null,
        at: message.created_at,
      })),
    lastQuestion: lastCustomer?.text ?? null,
    customer: { id: input.customerId, vipTier: input.vipTier },
    language: languageOf(input.language),
    productLine: input.productLine,
    customerMessageCount: customerMessages.length,
    createdAt: input.now.toISOString(),
  };
}

/** Routing language of a conversation's locale: `zh` or `en`. */
export function languageOf(locale: string | null): string {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

export function readAnalysis(message: MessageRow): MessageAnalysis | null {
  if (!message.analysis) return null;
  const parsed = messageAnalysisSchema.safeParse(JSON.parse(message.analysis));
  return parsed.success ? parsed.data : null;
}

function collectEntities(analyses: readonly (MessageAnalysis | null)[]): { type: string; value: string }[] {
  const seen = new Set<string>();
  const entities: { type: string; value: string }[] = [];
  for (const analysis of analyses) {
    for (const entity of analysis?.entities ?? []) {
      const key = `${entity.type}:${entity.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      entities.push({ type: entity.type, value: entity.value });
    }
  }
  return entities;
}
