// Renders one conversation entry. Text goes through textContent only (see createElement).
import { renderCard, type CardViewContext } from './cardView';
import type { ChatEntry } from './chatEntry';
import { createElement } from './createElement';
import { renderPhotos, type PhotoLoader } from './photoView';

export interface MessageViewContext extends CardViewContext {
  photos: PhotoLoader;
  onRetry: (entryKey: string) => void;
}

export function renderMessageEntry(entry: ChatEntry, context: MessageViewContext): HTMLElement {
  const { message } = entry;
  const row = createElement('div', {
    className: `kefu-row kefu-row--${message.sender} kefu-row--${entry.state}`,
    attributes: { 'data-entry-key': entry.key, 'data-sender': message.sender },
  });
  const senderLabel = describeSender(entry, context.strings);
  if (message.sender === 'bot' || message.sender === 'agent') {
    row.appendChild(createElement('div', { className: 'kefu-sender', text: senderLabel }));
  } else if (message.sender === 'customer') {
    row.appendChild(createElement('span', { className: 'kefu-visually-hidden', text: `${senderLabel}:` }));
  }
  const photos = renderPhotos(message.attachments, context.photos, context.strings);
  if (photos) row.appendChild(photos);
  // A photo may come without words; the card's text is always in the message text as well.
  if (message.text !== '' || !photos)
    row.appendChild(createElement('div', { className: 'kefu-text', text: message.text }));
  if (message.card) row.appendChild(renderCard(message.card, context));
  if (message.sender !== 'system') row.appendChild(renderMeta(entry, context));
  return row;
}

function renderMeta(entry: ChatEntry, context: MessageViewContext): HTMLElement {
  const meta = createElement('div', { className: 'kefu-meta' });
  if (entry.state === 'pending') {
    meta.appendChild(createElement('span', { text: context.strings.sending }));
  } else if (entry.state === 'failed') {
    meta.appendChild(
      createElement('span', {
        text: entry.errorText ?? context.strings.failed,
        attributes: { role: 'alert' },
      }),
    );
    const retryButton = createElement('button', {
      className: 'kefu-retry',
      text: context.strings.retry,
      attributes: { type: 'button' },
    });
    retryButton.addEventListener('click', () => context.onRetry(entry.key));
    meta.appendChild(retryButton);
  } else {
    meta.appendChild(createElement('time', { text: formatTime(entry.message.createdAt, context.locale) }));
  }
  return meta;
}

function describeSender(entry: ChatEntry, strings: MessageViewContext['strings']): string {
  switch (entry.message.sender) {
    case 'customer':
      return strings.youLabel;
    case 'bot':
      return entry.message.senderName ?? strings.botLabel;
    case 'agent':
      return entry.message.senderName ?? strings.agentLabel;
    case 'system':
      return '';
  }
}

function formatTime(isoTime: string, locale: MessageViewContext['locale']): string {
  const date = new Date(isoTime);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
}
