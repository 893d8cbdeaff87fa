import type { QaRuleSettings } from './ruleSet';
import type { RuleFinding, Transcript } from './transcript';
import { customerWaits } from './transcript';

/** Replies slower than the response-time limit but within the silence limit (each one a moment). */
export function checkResponseTime(
  transcript: Transcript,
  settings: QaRuleSettings,
  silenceLimitSeconds: number | null,
): RuleFinding[] {
  const limit = settings.seconds ?? 60;
  return customerWaits(transcript)
    .filter(
      (wait) => wait.seconds > limit && (silenceLimitSeconds === null || wait.seconds <= silenceLimitSeconds),
    )
    .map((wait) => ({
      rule: 'response_time',
      messageId: wait.reply.id,
      agentId: wait.reply.senderId,
      detail: `waited ${wait.seconds} s`,
    }));
}

/** The shopper waited longer than the silence limit for an agent's reply. */
export function checkLongSilence(transcript: Transcript, settings: QaRuleSettings): RuleFinding[] {
  const limit = settings.seconds ?? 300;
  return customerWaits(transcript)
    .filter((wait) => wait.seconds > limit)
    .map((wait) => ({
      rule: 'long_silence',
      messageId: wait.reply.id,
      agentId: wait.reply.senderId,
      detail: `waited ${wait.seconds} s`,
    }));
}
