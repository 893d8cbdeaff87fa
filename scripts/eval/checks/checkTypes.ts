import type { ScenarioLanguage } from '../scenarioFile';

// What a replayed conversation looks like to the checkers, and the small vocabulary of checks that the
// expectation files are written in. Turns are numbered from 1, as a reader counts them.

export type Priority = 'low' | 'normal' | 'high' | 'urgent';
export const priorityOrder: readonly Priority[] = ['low', 'normal', 'high', 'urgent'];

export interface ReplyRecord {
  /** bot: the bot's answers; system: queue, handoff and agent-join notices; agent: a person's replies. */
  sender: 'bot' | 'system' | 'agent';
  text: string;
  /** The labels of the reply's quick-reply buttons, which the shopper reads as well. */
  quickReplies: string[];
}

export interface TurnRecord {
  shopper: string;
  replies: ReplyRecord[];
}

/** The state of one order in the shop after the conversation, read through the shop connector. */
export interface OrderSnapshot {
  status: string;
  /** Province, city, district and street line with every space removed. */
  address: string;
  invoiceTitle: string | null;
  returnKinds: ('return' | 'exchange')[];
}

export interface ConversationRecord {
  language: ScenarioLanguage;
  turns: TurnRecord[];
  status: string;
  priority: Priority;
  handedOff: boolean;
  /** The handoff summary an agent reads, as JSON text; null when nothing was handed off. */
  summary: string | null;
  orders: Record<string, OrderSnapshot>;
}

/** A turn number, every turn ('any'), or the shopper's last message ('last'). */
export type TurnScope = number | 'any' | 'last';

export type SlotName =
  | 'order_number'
  | 'phone_tail'
  | 'reason'
  | 'problem'
  | 'size'
  | 'address'
  | 'invoice_details'
  | 'confirmation';

export type Check =
  /** Some reply in scope says this (a fact, an answer, an apology). */
  | { kind: 'mentions'; scope: TurnScope; pattern: RegExp; what: string }
  /** No reply in scope says this (another product, a wrong figure, a fallback sentence). */
  | { kind: 'avoids'; scope: TurnScope; pattern: RegExp; what: string }
  /** Some reply in scope asks the shopper for this (the order number, the phone tail …). */
  | { kind: 'asksFor'; slot: SlotName; scope: TurnScope }
  /** From the turn where the shopper gave it, no reply asks for this again. */
  | { kind: 'slotNotAskedAgain'; slot: SlotName; givenAt: number; value?: string }
  | { kind: 'handoff'; expected: boolean }
  | { kind: 'minimumPriority'; level: Priority }
  /** No apology in the replies to these turns: the shopper was neutral and nothing went wrong. */
  | { kind: 'noApology'; turns: number[] }
  /** Some reply in scope offers quick-reply buttons. */
  | { kind: 'offersButtons'; scope: TurnScope }
  /** The shop's record of an order after the conversation. */
  | {
      kind: 'orderState';
      orderNumber: string;
      what: string;
      status?: string;
      addressIncludes?: string;
      invoiceTitle?: string;
      returnKind?: 'return' | 'exchange';
      noReturnKind?: 'return' | 'exchange';
    }
  /** The handoff summary (JSON text) must not contain this (e.g. a calm trend after an angry message). */
  | { kind: 'summaryAvoids'; pattern: RegExp; what: string }
  /** At least one of these holds (e.g. "answers price protection, or hands off honestly"). */
  | { kind: 'anyOf'; checks: Check[]; what: string }
  /** Every reply is in the conversation's language and script; added to every scenario. */
  | { kind: 'languageAndScript' };

export interface CheckResult {
  label: string;
  passed: boolean;
  /** Why it failed, with the evidence (the offending reply, the state found). */
  detail: string;
}

/** A check's result with the kind of check it came from (for the totals by kind). */
export interface JudgedCheck extends CheckResult {
  kind: Check['kind'];
}

export interface ScenarioExpectation {
  checks: Check[];
  /** Where the expectation is arguable, the reasoning, kept with it. */
  notes?: string;
}
