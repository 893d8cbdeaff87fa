import type { QaRuleSettings } from './ruleSet';
import type { RuleFinding, Transcript } from './transcript';
import { agentMessages, findPhrase, lastAgentId } from './transcript';

/** The agent's first message greets the shopper (您好 / hello …). */
export function checkGreeting(transcript: Transcript, settings: QaRuleSettings): RuleFinding[] {
  const first = agentMessages(transcript)[0];
  if (!first || findPhrase(first.text, settings.phrases)) return [];
  return [{ rule: 'greeting', messageId: first.id, agentId: first.senderId, detail: 'first agent message' }];
}

/** A resolved conversation ends politely: the agent's last message asks if anything else is needed, thanks … */
export function checkClosing(transcript: Transcript, settings: QaRuleSettings): RuleFinding[] {
  if (transcript.resolvedAt === null) return [];
  const messages = agentMessages(transcript);
  const last = messages[messages.length - 1];
  if (!last || findPhrase(last.text, settings.phrases)) return [];
  return [
    {
      rule: 'closing',
      messageId: last.id,
      agentId: last.senderId ?? lastAgentId(transcript),
      detail: 'last agent message',
    },
  ];
}
