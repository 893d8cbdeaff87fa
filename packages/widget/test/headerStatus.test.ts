// The header's status line says what is true: people online, when they are back, or that nobody is online.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { VisitorServiceStatus } from '@kefu/sdk';
import { describeHeaderStatus } from '../src/headerStatus';
import { selectWidgetStrings } from '../src/widgetStrings';

const chinese = selectWidgetStrings('zh-CN');
const english = selectWidgetStrings('en');
const closedUntilTomorrow: VisitorServiceStatus = {
  agentsOnline: 0,
  open: false,
  nextOpening: { at: '2026-01-06T01:00:00.000Z', localTime: '09:00', daysFromToday: 1 },
};

test('agents online are counted; nobody online inside hours is said plainly', () => {
  const online = { agentsOnline: 3, open: true, nextOpening: null };
  assert.deepEqual(describeHeaderStatus(chinese, 'bot', online), {
    text: '3 位客服在线',
    peopleAvailable: true,
  });
  assert.equal(describeHeaderStatus(english, 'bot', { ...online, agentsOnline: 1 }).text, '1 agent online');
  const nobody = { agentsOnline: 0, open: true, nextOpening: null };
  assert.deepEqual(describeHeaderStatus(chinese, 'bot', nobody), {
    text: '暂无客服在线',
    peopleAvailable: false,
  });
});

test('outside business hours the header says when people are back', () => {
  assert.equal(describeHeaderStatus(chinese, 'bot', closedUntilTomorrow).text, '人工客服明天 09:00 上班');
  assert.equal(
    describeHeaderStatus(english, 'bot', closedUntilTomorrow).text,
    'Agents back tomorrow at 09:00',
  );
  const laterToday = {
    ...closedUntilTomorrow,
    nextOpening: { at: '', localTime: '09:00', daysFromToday: 0 },
  };
  assert.equal(describeHeaderStatus(chinese, 'bot', laterToday).text, '人工客服 09:00 上班');
  assert.equal(describeHeaderStatus(chinese, 'queued', closedUntilTomorrow).text, '人工客服明天 09:00 上班');
});

test('before the status is known, and once a person holds the conversation, nothing is promised falsely', () => {
  assert.deepEqual(describeHeaderStatus(chinese, 'bot', null), {
    text: '智能客服为您服务',
    peopleAvailable: false,
  });
  assert.deepEqual(describeHeaderStatus(chinese, 'assigned', closedUntilTomorrow), {
    text: '人工客服为您服务中',
    peopleAvailable: true,
  });
});
