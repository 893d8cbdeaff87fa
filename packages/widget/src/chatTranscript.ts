// The conversation as the widget knows it: stored messages plus optimistic local sends, deduplicated.
// Messages reach the widget up to three ways (POST response, WebSocket push, history reload), so every
// path goes through applyMessage, keyed by clientMessageId (local sends) or message id.
import type { Attachment, Message } from '@kefu/sdk';
import type { ChatEntry } from './chatEntry';

export class ChatTranscript {
  private entries: ChatEntry[] = [];

  list(): readonly ChatEntry[] {
    return this.entries;
  }

  find(key: string): ChatEntry | undefined {
    return this.entries.find((entry) => entry.key === key);
  }

  newestCreatedAt(): string | null {
    const sent = this.entries.filter((entry) => entry.state === 'sent');
    return sent[sent.length - 1]?.message.createdAt ?? null;
  }

  hasMessage(messageId: string): boolean {
    return this.entries.some((entry) => entry.message.id === messageId && entry.state === 'sent');
  }

  addPending(
    text: string,
    clientMessageId: string,
    conversationId: string,
    attachments: Attachment[] = [],
  ): ChatEntry {
    const message: Message = {
      id: '',
      conversationId,
      sender: 'customer',
      senderName: null,
      text,
      attachments,
      quickReplies: [],
      card: null,
      isPrivate: false,
      clientMessageId,
      createdAt: new Date().toISOString(),
    };
    const entry: ChatEntry = { key: clientMessageId, message, state: 'pending', errorText: null };
    this.entries.push(entry);
    return entry;
  }

  setState(key: string, state: 'pending' | 'failed', errorText: string | null = null): ChatEntry | undefined {
    const entry = this.find(key);
    if (!entry || entry.state === 'sent') return undefined;
    entry.state = state;
    entry.errorText = errorText;
    return entry;
  }

  /** Adds or confirms a stored message; returns the changed entry, or null when it was already shown. */
  applyMessage(message: Message): { entry: ChatEntry; isNew: boolean } | null {
    if (message.isPrivate) return null;
    const key = readEntryKey(message);
    const existing = this.entries.find((entry) => entry.key === key || entry.message.id === message.id);
    if (existing?.state === 'sent') return null;
    if (existing) {
      existing.message = message;
      existing.state = 'sent';
      existing.errorText = null;
      return { entry: existing, isNew: false };
    }
    const entry: ChatEntry = { key, message, state: 'sent', errorText: null };
    this.entries.push(entry);
    return { entry, isNew: true };
  }

  /**
   * Replaces stored messages with the server's list. Local sends not stored yet are kept, and so are
   * messages newer than the list: a history request may have been answered before they were stored.
   */
  replaceHistory(messages: readonly Message[]): void {
    const stored: ChatEntry[] = messages
      .filter((message) => !message.isPrivate)
      .map((message) => ({ key: readEntryKey(message), message, state: 'sent', errorText: null }));
    const storedKeys = new Set(stored.map((entry) => entry.key));
    const newestStoredTime = Date.parse(stored[stored.length - 1]?.message.createdAt ?? '') || 0;
    const kept = this.entries.filter(
      (entry) =>
        !storedKeys.has(entry.key) &&
        (entry.state !== 'sent' || Date.parse(entry.message.createdAt) > newestStoredTime),
    );
    this.entries = [...stored, ...kept];
  }

  /** Drops a local send that will not be sent (a refused photo). */
  remove(key: string): void {
    this.entries = this.entries.filter((entry) => entry.key !== key || entry.state === 'sent');
  }

  clear(): void {
    this.entries = [];
  }
}

function readEntryKey(message: Message): string {
  return message.sender === 'customer' && message.clientMessageId ? message.clientMessageId : message.id;
}
