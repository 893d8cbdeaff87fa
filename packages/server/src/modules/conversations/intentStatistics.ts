import { z } from 'zod';
import type { DbExecutor } from '../../db/database';

/** How many recent customer messages are read; enough for a stable ranking, cheap on a busy shop. */
const defaultSampleSize = 2000;
/** Below this the engine guessed; a guess must not shape what every shopper is offered. */
const countedConfidence = 0.6;

const storedIntentSchema = z.object({ intent: z.object({ id: z.string(), confidence: z.number() }) });

/**
 * How often shoppers asked each intent since `since`, from the analyses stored on their messages (the
 * latest `sampleSize` messages at most). Confident intents only; unreadable analyses are skipped.
 */
export async function countRecentCustomerIntents(
  db: DbExecutor,
  since: Date,
  sampleSize = defaultSampleSize,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('messages')
    .select('analysis')
    .where('sender', '=', 'customer')
    .where('created_at', '>=', since.toISOString())
    .where('analysis', 'is not', null)
    .orderBy('created_at', 'desc')
    .limit(sampleSize)
    .execute();
  const counts = new Map<string, number>();
  for (const row of rows) {
    const intent = readIntent(row.analysis);
    if (intent && intent.confidence >= countedConfidence)
      counts.set(intent.id, (counts.get(intent.id) ?? 0) + 1);
  }
  return counts;
}

function readIntent(analysis: string | null): { id: string; confidence: number } | null {
  if (!analysis) return null;
  try {
    const parsed = storedIntentSchema.safeParse(JSON.parse(analysis));
    return parsed.success ? parsed.data.intent : null;
  } catch {
    return null;
  }
}

export interface AnalysedCustomerMessage {
  id: string;
  conversationId: string;
  text: string;
  /** The stored analysis (JSON), as the bot recorded it. */
  analysis: string;
  createdAt: string;
}

/** The latest customer messages that carry the bot's analysis, newest first. */
export async function listRecentAnalysedCustomerMessages(
  db: DbExecutor,
  limit: number,
): Promise<AnalysedCustomerMessage[]> {
  const rows = await db
    .selectFrom('messages')
    .select(['id', 'conversation_id', 'text', 'analysis', 'created_at'])
    .where('sender', '=', 'customer')
    .where('analysis', 'is not', null)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    conversationId: row.conversation_id,
    text: row.text,
    analysis: row.analysis ?? '{}',
    createdAt: row.created_at,
  }));
}
