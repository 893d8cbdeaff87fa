import type { MissedMessage } from '@kefu/sdk';
import { z } from 'zod';
import type { Db } from '../../db/database';
import { listRecentAnalysedCustomerMessages } from '../conversations';

/** Below this the bot's intent was a guess. */
const confidentEnough = 0.5;
/** How many recent shopper messages are looked through. */
const scannedMessages = 1000;
const listedMisses = 50;

const storedAnalysisSchema = z.object({
  intent: z.object({ id: z.string(), confidence: z.number() }),
  answeredBy: z.string().nullable().optional(),
});

export type { MissedMessage };

/**
 * Recent shopper messages the bot did not understand: its fallback answered, or the intent was `unknown` or
 * below 50 % confidence. Messages already added as examples are left out.
 */
export async function listMissedMessages(db: Db): Promise<MissedMessage[]> {
  const messages = await listRecentAnalysedCustomerMessages(db, scannedMessages);
  const used = await db
    .selectFrom('intent_examples')
    .select('message_id')
    .where('message_id', 'is not', null)
    .execute();
  const usedIds = new Set(used.map((row) => row.message_id));
  const misses: MissedMessage[] = [];
  for (const message of messages) {
    if (usedIds.has(message.id) || message.text.trim() === '') continue;
    const analysis = readAnalysis(message.analysis);
    if (!analysis) continue;
    const fellBack = analysis.answeredBy?.startsWith('fallback') === true;
    const { id, confidence } = analysis.intent;
    if (!fellBack && id !== 'unknown' && confidence >= confidentEnough) continue;
    misses.push({
      messageId: message.id,
      conversationId: message.conversationId,
      text: message.text,
      intent: id,
      confidence,
      fellBack,
      createdAt: message.createdAt,
    });
    if (misses.length === listedMisses) break;
  }
  return misses;
}

function readAnalysis(json: string): z.infer<typeof storedAnalysisSchema> | null {
  try {
    const parsed = storedAnalysisSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
