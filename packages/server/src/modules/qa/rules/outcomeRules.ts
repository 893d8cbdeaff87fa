import type { QaRuleSettings } from './ruleSet';
import type { RuleFinding, Transcript } from './transcript';
import { agentMessages, beforeResolution, findPhrase, lastAgentId, sentimentOf } from './transcript';

/** A resolved conversation in which no agent message offers anything (a refund, a resend, a way forward …). */
export function checkNoSolution(transcript: Transcript, settings: QaRuleSettings): RuleFinding[] {
  if (transcript.resolvedAt === null) return [];
  const messages = agentMessages(transcript);
  if (messages.length === 0 || messages.some((message) => findPhrase(message.text, settings.phrases)))
    return [];
  const last = messages[messages.length - 1];
  return [
    {
      rule: 'no_solution',
      messageId: last?.id ?? null,
      agentId: last?.senderId ?? lastAgentId(transcript),
      detail: 'no agent message offers a solution',
    },
  ];
}

/**
 * An angry shopper (anger in what the bot understood) whose next agent reply neither apologises nor shows
 * understanding, or who got no reply at all though an agent was already there.
 */
export function checkIgnoredAnger(transcript: Transcript, settings: QaRuleSettings): RuleFinding[] {
  const messages = beforeResolution(transcript);
  const findings: RuleFinding[] = [];
  messages.forEach((message, index) => {
    if (message.sender !== 'customer' || !sentimentOf(message).anger) return;
    const reply = messages.slice(index + 1).find((later) => later.sender === 'agent');
    const agentWasThere = messages.slice(0, index).some((earlier) => earlier.sender === 'agent');
    if (reply ? findPhrase(reply.text, settings.phrases) : !agentWasThere) return;
    findings.push({
      rule: 'ignored_anger',
      messageId: message.id,
      agentId: reply?.senderId ?? lastAgentId(transcript),
      detail: reply ? 'reply without apology or understanding' : 'no reply',
    });
  });
  return findings;
}

/** The shopper's last message before the resolution is negative. */
export function checkNegativeEnd(transcript: Transcript): RuleFinding[] {
  if (transcript.resolvedAt === null) return [];
  const customerMessages = beforeResolution(transcript).filter((message) => message.sender === 'customer');
  const last = customerMessages[customerMessages.length - 1];
  if (!last || sentimentOf(last).label !== 'negative') return [];
  return [{ rule: 'negative_end', messageId: last.id, agentId: lastAgentId(transcript), detail: 'negative' }];
}
