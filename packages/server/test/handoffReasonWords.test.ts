import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { HandoffReason as WireHandoffReason } from '@kefu/sdk';
import { labelOf } from '../src/modules/analytics/labels';
import { botHandoffReasons } from '../src/modules/bot';
import type { HandoffReason } from '../src/modules/handoff/schemas';
import { handoffReasonSchema } from '../src/modules/handoff/schemas';

// The SDK's wire type and the server's reasons are the same set: the console labels every SDK reason (a
// Record over the type), so a reason the server adds without the SDK would reach agents as a bare code.
type SameSet<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const wireMatchesServer: SameSet<HandoffReason, WireHandoffReason> = true;

describe('handoff reasons are said in words', () => {
  test('every reason the bot or a trigger can give is a known reason with zh-CN and English words', () => {
    assert.ok(wireMatchesServer);
    for (const reason of botHandoffReasons) assert.ok(handoffReasonSchema.options.includes(reason), reason);
    for (const reason of handoffReasonSchema.options) {
      const chinese = labelOf('handoffReason', reason, 'zh-CN');
      const english = labelOf('handoffReason', reason, 'en');
      assert.match(chinese, /\p{Script=Han}/u, `${reason} is said in Chinese`);
      assert.notEqual(english, reason, `${reason} is said in English`);
      assert.doesNotMatch(english, /_/, `${reason} is said in English`);
    }
  });
});
