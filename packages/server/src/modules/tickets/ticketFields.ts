import { z } from 'zod';
import type { MessageRow } from '../conversations';
import type { TicketRow } from './repo';
import type { TicketChanges } from './service';

// Helpers of the ticket use-cases: what a conversation says about its ticket, and field-change bookkeeping.

export function orderNumbersOf(messages: readonly MessageRow[]): string[] {
  const numbers = new Set<string>();
  for (const message of messages) {
    if (message.sender !== 'customer' || !message.analysis) continue;
    const analysis = entitiesSchema.safeParse(JSON.parse(message.analysis));
    for (const entity of analysis.success ? analysis.data.entities : [])
      if (entity.type === 'order_number') numbers.add(entity.value);
  }
  return [...numbers];
}

/** What the shopper asked lately, as the text of a left message. */
export function describeRecentQuestions(messages: readonly MessageRow[]): string {
  const questions = messages
    .filter((message) => message.sender === 'customer')
    .slice(-5)
    .map((message) => message.text);
  return questions.join('\n') || '(no text)';
}

const entitiesSchema = z.object({ entities: z.array(z.object({ type: z.string(), value: z.string() })) });

export function pickFieldChanges(
  ticket: TicketRow,
  changes: TicketChanges,
): Record<string, [unknown, unknown]> {
  const result: Record<string, [unknown, unknown]> = {};
  const compare = (field: string, before: unknown, after: unknown) => {
    if (after !== undefined && after !== before) result[field] = [before, after];
  };
  compare('assigneeId', ticket.assignee_id, changes.assigneeId);
  compare('teamId', ticket.team_id, changes.teamId);
  compare('priority', ticket.priority, changes.priority);
  compare('category', ticket.category, changes.category);
  compare('subject', ticket.subject, changes.subject);
  return result;
}

export function toColumns(changes: TicketChanges) {
  return {
    ...(changes.assigneeId !== undefined && { assignee_id: changes.assigneeId }),
    ...(changes.teamId !== undefined && { team_id: changes.teamId }),
    ...(changes.priority !== undefined && { priority: changes.priority }),
    ...(changes.category !== undefined && { category: changes.category }),
    ...(changes.subject !== undefined && { subject: changes.subject }),
  };
}

export function parseAuthorType(value: string): 'agent' | 'customer' | 'system' {
  return value === 'agent' || value === 'customer' ? value : 'system';
}
