import { analyzeSentiment, toSimplified } from '@kefu/nlu';
import type { QaRuleId } from './ruleSet';

/** A public message of the conversation as the rules read it. */
export interface TranscriptMessage {
  id: string;
  sender: 'customer' | 'agent' | 'bot' | 'system';
  senderId: string | null;
  text: string;
  /** Epoch milliseconds. */
  at: number;
  /** What the bot understood of a customer message; worked out from the text when it was not stored. */
  sentiment: { label: 'positive' | 'neutral' | 'negative'; anger: boolean } | null;
}

export interface Transcript {
  conversationId: string;
  /** When an agent resolved it (null: not resolved). */
  resolvedAt: number | null;
  /** Oldest first, private notes left out. */
  messages: TranscriptMessage[];
}

/** A moment a rule flags: the message it concerns (null for the conversation as a whole) and why. */
export interface RuleFinding {
  rule: QaRuleId;
  messageId: string | null;
  /** The agent whose message it is (or who held the conversation). */
  agentId: string | null;
  /** Machine-readable detail, e.g. the phrase found or the seconds waited. */
  detail: string;
}

/** The first phrase found in the text: Chinese as a substring (either script), Latin words on word edges. */
export function findPhrase(text: string, phrases: readonly string[]): string | null {
  const simplified = toSimplified(text).toLowerCase();
  for (const phrase of phrases) {
    const needle = phrase.toLowerCase();
    if (/^[a-z0-9 '%-]+$/.test(needle)) {
      const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      if (new RegExp(`(^|[^a-z])${escaped}([^a-z]|$)`).test(simplified)) return phrase;
    } else if (simplified.includes(toSimplified(needle))) return phrase;
  }
  return null;
}

/** The message's sentiment, stored or worked out from its words. */
export function sentimentOf(message: TranscriptMessage): { label: string; anger: boolean } {
  if (message.sentiment) return message.sentiment;
  const sentiment = analyzeSentiment(message.text);
  return { label: sentiment.label, anger: sentiment.anger };
}

/** Messages written before the resolution (after it come the survey and the rating). */
export function beforeResolution(transcript: Transcript): TranscriptMessage[] {
  const { resolvedAt } = transcript;
  return resolvedAt === null
    ? transcript.messages
    : transcript.messages.filter((message) => message.at <= resolvedAt);
}

export interface CustomerWait {
  /** The agent reply that ended the wait. */
  reply: TranscriptMessage;
  seconds: number;
}

/**
 * Every time the shopper waited for an agent once an agent had joined in: from the first customer message after
 * an agent's message to the next agent reply. A wait the resolution ends (a last "thank you") is not counted.
 */
export function customerWaits(transcript: Transcript): CustomerWait[] {
  const waits: CustomerWait[] = [];
  let agentJoined = false;
  let waitingSince: number | null = null;
  for (const message of beforeResolution(transcript)) {
    if (message.sender === 'agent') {
      if (waitingSince !== null)
        waits.push({ reply: message, seconds: Math.round((message.at - waitingSince) / 1000) });
      agentJoined = true;
      waitingSince = null;
    } else if (message.sender === 'customer' && agentJoined && waitingSince === null)
      waitingSince = message.at;
  }
  return waits;
}

export function agentMessages(transcript: Transcript): TranscriptMessage[] {
  return beforeResolution(transcript).filter((message) => message.sender === 'agent');
}

/** The agent answerable for the conversation as a whole: the last one who wrote. */
export function lastAgentId(transcript: Transcript): string | null {
  const agents = agentMessages(transcript);
  return agents[agents.length - 1]?.senderId ?? null;
}
