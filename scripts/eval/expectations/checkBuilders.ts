import type { Check, OrderSnapshot, Priority, SlotName, TurnScope } from '../checks/checkTypes';
import { apologyPattern } from '../checks/textPatterns';

// Short constructors for the expectation files, so each scenario reads as a list of plain statements.

export function says(scope: TurnScope, pattern: RegExp, what: string): Check {
  return { kind: 'mentions', scope, pattern, what };
}

export function never(scope: TurnScope, pattern: RegExp, what: string): Check {
  return { kind: 'avoids', scope, pattern, what };
}

export function asks(slot: SlotName, scope: TurnScope): Check {
  return { kind: 'asksFor', slot, scope };
}

export function notAskedAgain(slot: SlotName, givenAt: number, value?: string): Check {
  return value === undefined
    ? { kind: 'slotNotAskedAgain', slot, givenAt }
    : { kind: 'slotNotAskedAgain', slot, givenAt, value };
}

export const handsOff: Check = { kind: 'handoff', expected: true };
export const keepsWithBot: Check = { kind: 'handoff', expected: false };

export function priorityAtLeast(level: Priority): Check {
  return { kind: 'minimumPriority', level };
}

export function noApologyOn(...turns: number[]): Check {
  return { kind: 'noApology', turns };
}

export function apologises(scope: TurnScope): Check {
  return says(scope, apologyPattern, 'an apology');
}

export function offersButtons(scope: TurnScope): Check {
  return { kind: 'offersButtons', scope };
}

interface OrderExpectation {
  status?: string;
  addressIncludes?: string;
  invoiceTitle?: string;
  returnKind?: OrderSnapshot['returnKinds'][number];
  noReturnKind?: OrderSnapshot['returnKinds'][number];
}

export function order(orderNumber: string, what: string, expected: OrderExpectation): Check {
  return { kind: 'orderState', orderNumber, what, ...expected };
}

export function eitherOf(what: string, ...checks: Check[]): Check {
  return { kind: 'anyOf', what, checks };
}

export function summaryNever(pattern: RegExp, what: string): Check {
  return { kind: 'summaryAvoids', pattern, what };
}

/** Wording shared by several scenarios. */
export const patterns = {
  notUnderstood:
    /暂时还不能|不能自动为您办理|不能自動為您辦理|没(太|有)?(理解|明白|听懂)|沒(太|有)?(理解|明白|聽懂)|不太(理解|明白)|didn'?t (quite )?(get|understand)|not sure what you mean/i,
  outForDelivery: /派送|派件|out for delivery/i,
  inTransitZh: /运输中|運輸中|在途|转运中心|轉運中心|已到达|已到達|运输途中|運輸途中/,
  /** A handoff summary that recorded no anger although the shopper was angry. */
  calmSummary: /"anger":false/,
} as const;
