// The widget's message bookkeeping: one row per message however many ways it arrives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Message } from '@kefu/sdk';
import { ChatTranscript } from '../src/chatTranscript';

test('a local send is confirmed by its stored message, then WebSocket and history copies are ignored', () => {
  const transcript = new ChatTranscript();
  const pending = transcript.addPending('你好', 'cmid_1', 'conv_1');
  assert.equal(pending.state, 'pending');

  const stored = buildMessage({ id: 'msg_1', sender: 'customer', text: '你好', clientMessageId: 'cmid_1' });
  const confirmed = transcript.applyMessage(stored);
  assert.deepEqual(
    confirmed && { key: confirmed.entry.key, isNew: confirmed.isNew, state: confirmed.entry.state },
    {
      key: 'cmid_1',
      isNew: false,
      state: 'sent',
    },
  );
  assert.equal(transcript.applyMessage(stored), null, 'the WebSocket copy is a duplicate');

  const reply = buildMessage({ id: 'msg_2', sender: 'bot', text: '您好！' });
  assert.equal(transcript.applyMessage(reply)?.isNew, true);
  assert.equal(transcript.applyMessage(reply), null);

  transcript.replaceHistory([stored, reply]);
  assert.deepEqual(
    transcript.list().map((entry) => entry.key),
    ['cmid_1', 'msg_2'],
  );
});

test('a history reload keeps unsent local messages after the stored ones', () => {
  const transcript = new ChatTranscript();
  transcript.addPending('first', 'cmid_a', 'conv_1');
  transcript.addPending('second', 'cmid_b', 'conv_1');
  transcript.setState('cmid_b', 'failed', 'Not sent');

  transcript.replaceHistory([
    buildMessage({ id: 'msg_1', sender: 'customer', text: 'first', clientMessageId: 'cmid_a' }),
  ]);

  assert.deepEqual(
    transcript.list().map((entry) => [entry.key, entry.state]),
    [
      ['cmid_a', 'sent'],
      ['cmid_b', 'failed'],
    ],
  );
  assert.equal(transcript.setState('cmid_a', 'failed'), undefined, 'a stored message cannot fail any more');
});

test('a history answer that predates a just-stored message does not hide it', () => {
  const transcript = new ChatTranscript();
  const older = buildMessage({
    id: 'msg_1',
    sender: 'bot',
    text: '您好',
    createdAt: '2025-01-01T10:00:00.000Z',
  });
  const newer = buildMessage({
    id: 'msg_2',
    sender: 'agent',
    text: '在的',
    createdAt: '2025-01-01T10:00:05.000Z',
  });
  transcript.applyMessage(older);
  transcript.applyMessage(newer);

  transcript.replaceHistory([older]);

  assert.deepEqual(
    transcript.list().map((entry) => entry.key),
    ['msg_1', 'msg_2'],
  );
});

test('private notes never reach the transcript', () => {
  const transcript = new ChatTranscript();
  assert.equal(
    transcript.applyMessage(buildMessage({ id: 'msg_9', sender: 'agent', text: 'note', isPrivate: true })),
    null,
  );
  transcript.replaceHistory([buildMessage({ id: 'msg_9', sender: 'agent', text: 'note', isPrivate: true })]);
  assert.equal(transcript.list().length, 0);
});

test('a photo being sent keeps its preview; a refused one is removed; stored messages are known by id', () => {
  const transcript = new ChatTranscript();
  const preview = { name: 'bowl.png', url: 'blob:preview', contentType: 'image/*' };
  const pending = transcript.addPending('', 'cmid_photo', 'conv_1', [preview]);
  assert.deepEqual(pending.message.attachments, [preview]);
  transcript.remove('cmid_photo');
  assert.equal(transcript.list().length, 0);
  transcript.applyMessage(buildMessage({ id: 'msg_7', sender: 'bot', text: '收到' }));
  assert.equal(transcript.hasMessage('msg_7'), true);
  assert.equal(transcript.hasMessage('msg_8'), false);
  transcript.remove('msg_7');
  assert.equal(transcript.list().length, 1, 'stored messages are never removed');
});

function buildMessage(fields: Partial<Message> & Pick<Message, 'id' | 'sender' | 'text'>): Message {
  return {
    conversationId: 'conv_1',
    senderName: null,
    attachments: [],
    quickReplies: [],
    card: null,
    isPrivate: false,
    clientMessageId: null,
    createdAt: new Date().toISOString(),
    ...fields,
  };
}
