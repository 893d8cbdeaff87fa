import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Message, ProductCard } from '@kefu/sdk';
import { channelKinds } from '@kefu/sdk';
import type { ChannelCapabilities } from '../src/modules/channels/channelAdapter';
import { fitMessageToChannel } from '../src/modules/channels/fitMessageToChannel';
import { createUnconnectedChannelAdapter } from '../src/modules/channels/unconnected/unconnectedChannelAdapter';

const productCard: ProductCard = {
  type: 'product',
  productId: 'p_1',
  title: '降噪耳机',
  priceCents: 29_900,
  currency: 'CNY',
  imageUrl: null,
  imageEmoji: '🎧',
  url: null,
  facts: [],
};

const answer: Message = {
  id: 'msg_1',
  conversationId: 'conv_1',
  sender: 'bot',
  senderName: null,
  text: '这款耳机 299 元，支持降噪。',
  attachments: [{ name: 'photo.jpg', url: 'https://shop.example/photo.jpg', contentType: 'image/jpeg' }],
  quickReplies: [
    { label: '查看详情', text: '查看详情' },
    { label: '转人工', text: '转人工' },
  ],
  card: productCard,
  isPrivate: false,
  clientMessageId: null,
  createdAt: '2026-01-12T02:00:00.000Z',
};

const everything: ChannelCapabilities = {
  cards: true,
  images: true,
  quickReplies: true,
  maxTextLength: 4000,
  replyWindowMs: null,
  replyDeadlineMs: null,
};

describe('fitting a message to what its channel can show', () => {
  test('a channel that shows everything gets the message as it is', () => {
    assert.deepEqual(fitMessageToChannel(answer, everything), answer);
  });

  test('without cards, buttons and images the text carries the choices and the photo address', () => {
    const textOnly = createUnconnectedChannelAdapter('email').capabilities;
    const fitted = fitMessageToChannel(answer, textOnly);
    assert.equal(fitted.card, null);
    assert.deepEqual(fitted.quickReplies, []);
    assert.deepEqual(fitted.attachments, []);
    assert.equal(
      fitted.text,
      '这款耳机 299 元，支持降噪。\n\n1. 查看详情\n2. 转人工\nhttps://shop.example/photo.jpg',
    );
  });

  test('without cards a product card becomes its title and page; a card without an address adds nothing', () => {
    const textOnly = createUnconnectedChannelAdapter('email').capabilities;
    const linked = { ...answer, quickReplies: [], attachments: [] };
    const withPage = fitMessageToChannel(
      { ...linked, card: { ...productCard, url: 'https://shop.example/p/1' } },
      textOnly,
    );
    assert.equal(withPage.text, '这款耳机 299 元，支持降噪。\n\n降噪耳机 https://shop.example/p/1');
    assert.equal(fitMessageToChannel(linked, textOnly).text, answer.text);
  });

  test('WeChat keeps photos and cards (sent as media and news or link messages); only WeCom kf keeps choices', () => {
    const officialAccount = fitMessageToChannel(
      answer,
      createUnconnectedChannelAdapter('wechat').capabilities,
    );
    assert.deepEqual(officialAccount.card, answer.card);
    assert.deepEqual(officialAccount.attachments, answer.attachments);
    assert.deepEqual(officialAccount.quickReplies, []);
    const kf = fitMessageToChannel(answer, createUnconnectedChannelAdapter('wecom_kf').capabilities);
    assert.deepEqual(kf.quickReplies, answer.quickReplies);
    assert.deepEqual(kf.card, answer.card);
  });

  test('text longer than the platform takes is cut at a character, never inside an emoji, and marked', () => {
    const fitted = fitMessageToChannel(
      { ...answer, text: '好'.repeat(5) + '🎧🎧' },
      { ...everything, maxTextLength: 6 },
    );
    assert.equal(fitted.text, '好好好好好…');
    const atEmoji = fitMessageToChannel({ ...answer, text: '好🎧🎧🎧' }, { ...everything, maxTextLength: 3 });
    assert.equal(atEmoji.text, '好🎧…');
  });

  test('every channel kind has capabilities (WeChat: 48-hour window, 5-second deadline)', () => {
    for (const kind of channelKinds.filter((candidate) => candidate !== 'web' && candidate !== 'app'))
      assert.ok(createUnconnectedChannelAdapter(kind).capabilities.maxTextLength > 0, kind);
    const wechat = createUnconnectedChannelAdapter('wechat').capabilities;
    assert.equal(wechat.replyWindowMs, 48 * 60 * 60 * 1000);
    assert.equal(wechat.replyDeadlineMs, 5_000);
  });
});
