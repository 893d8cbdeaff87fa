import type { ReplyLocale } from '../../replyLocale';

/** A script the bot says, and the shopper and conversation it is about to be said to. */
export interface ScriptChoice {
  /** Which script: `greeting`, `rule:<rule id>` (a keyword rule's reply), `knowledge:<entry id>` (an FAQ answer). */
  scriptKey: string;
  customerId: string;
  conversationId: string;
  /** The shopper's message the script answers; null for the greeting, which nothing asked for. */
  triggerMessageId: string | null;
  locale: ReplyLocale;
  /** What the bot says without an experiment, in the conversation's language (zh-Hant converted later). */
  original: string;
}

/**
 * The port through which the bot lets another part of Kefu (A/B tests) pick the text of a script. The bot owns
 * the question; the composition root wires an answer in. Without one the bot says its own text.
 */
export interface ScriptVariants {
  choose(choice: ScriptChoice): Promise<string>;
}

export const originalScripts: ScriptVariants = {
  choose: async (choice) => choice.original,
};

export function ruleScriptKey(ruleId: string): string {
  return `rule:${ruleId}`;
}

export function knowledgeScriptKey(entryId: string): string {
  return `knowledge:${entryId}`;
}

export const greetingScriptKey = 'greeting';
