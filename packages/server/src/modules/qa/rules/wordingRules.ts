import type { QaRuleId, QaRuleSettings } from './ruleSet';
import type { RuleFinding, Transcript } from './transcript';
import { agentMessages, findPhrase } from './transcript';

/** Rude or forbidden words in an agent message. */
export function checkForbiddenWords(transcript: Transcript, settings: QaRuleSettings): RuleFinding[] {
  return flagPhrases(transcript, settings, 'forbidden_words');
}

/** Promises the shop cannot keep (保证 / 一定能 / guarantee …) in an agent message. */
export function checkUnkeepablePromises(transcript: Transcript, settings: QaRuleSettings): RuleFinding[] {
  return flagPhrases(transcript, settings, 'unkeepable_promise');
}

const personalDataPatterns: [kind: string, pattern: RegExp][] = [
  ['id_card', /(?<!\d)\d{17}[\dXx](?!\d)/],
  ['bank_card', /(?<!\d)\d{16,19}(?!\d)/],
  ['mobile', /(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)/],
  ['email', /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/],
];

/** An agent message showing a full phone, ID-card or bank-card number or an e-mail (masked forms are fine). */
export function checkPersonalData(transcript: Transcript): RuleFinding[] {
  return agentMessages(transcript).flatMap((message) => {
    const found = personalDataPatterns.find(([, pattern]) => pattern.test(message.text));
    return found
      ? [
          {
            rule: 'personal_data' as const,
            messageId: message.id,
            agentId: message.senderId,
            detail: found[0],
          },
        ]
      : [];
  });
}

function flagPhrases(transcript: Transcript, settings: QaRuleSettings, rule: QaRuleId): RuleFinding[] {
  return agentMessages(transcript).flatMap((message) => {
    const phrase = findPhrase(message.text, settings.phrases);
    return phrase ? [{ rule, messageId: message.id, agentId: message.senderId, detail: phrase }] : [];
  });
}
