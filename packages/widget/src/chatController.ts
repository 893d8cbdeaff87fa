// The widget's behaviour: session, history, optimistic sends with safe retries, live events, unread count.
import {
  createClientMessageId,
  KefuApiError,
  KefuVisitorClient,
  VISITOR_MESSAGE_MAX_LENGTH,
} from '@kefu/sdk';
import type { ConversationStatus, Message, VisitorServerEvent } from '@kefu/sdk';
import { ChatTranscript } from './chatTranscript';
import { ChatView } from './chatView';
import { readLastSeenAt, readStoredVisitorId, storeLastSeenAt, storeVisitorId } from './visitorStorage';
import type { WidgetOptions } from './widgetOptions';
import {
  describeConversationStatus,
  selectWidgetStrings,
  type WidgetLocale,
  type WidgetStrings,
} from './widgetStrings';
import { TypingReporter } from './typingReporter';

const SEND_ATTEMPTS = 3;
const REMOTE_TYPING_TIMEOUT_MS = 10_000;

export class ChatController {
  private view: ChatView;
  private strings: WidgetStrings;
  private locale: WidgetLocale;
  private readonly transcript = new ChatTranscript();
  private readonly client: KefuVisitorClient;
  private isOpen = false;
  private isActive = false;
  private unreadCount = 0;
  private conversationId: string | null = null;
  private conversationStatus: ConversationStatus = 'bot';
  private readonly typingReporter: TypingReporter;
  private remoteTypingTimer: number | undefined;

  constructor(private readonly options: WidgetOptions) {
    this.locale = options.locale;
    this.strings = selectWidgetStrings(this.locale);
    const storedVisitorId = readStoredVisitorId();
    this.client = new KefuVisitorClient({
      baseUrl: options.baseUrl,
      visitorId: storedVisitorId ?? undefined,
      locale: this.locale,
      page: { url: limitUrlLength(window.location.href), productId: options.productId ?? undefined },
    });
    this.client.on('session', (session) => this.handleSession(session.visitorId, session.conversationId));
    this.client.on('event', (event) => this.handleServerEvent(event));
    this.client.on('connection', (state) => this.view.setReconnecting(state === 'reconnecting'));
    this.client.on('reconnected', () => void this.loadHistory());
    this.typingReporter = new TypingReporter((isTyping) => this.client.sendTyping(isTyping));
    this.view = this.createView();
    // A returning visitor is connected at once so agent replies and the unread badge arrive live;
    // a new visitor gets a session only when they first open the chat.
    if (storedVisitorId) {
      this.activate();
      void this.loadHistory();
    }
  }

  open(moveFocus = true): void {
    if (this.isOpen) return;
    this.isOpen = true;
    this.setUnreadCount(0);
    this.view.setOpen(true, moveFocus);
    this.activate();
    void this.loadHistory();
  }

  close(moveFocus = true): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.typingReporter.stop();
    this.view.setOpen(false, moveFocus);
  }

  setPage(page: { url?: string; productId?: string }): void {
    const url = limitUrlLength(page.url ?? window.location.href);
    this.client.setPage({ url, productId: page.productId }).catch(() => {
      // The page context is a hint for the bot and agent; losing one update must not disturb the shopper.
    });
  }

  setLocale(locale: WidgetLocale): void {
    if (locale === this.locale) return;
    this.locale = locale;
    this.strings = selectWidgetStrings(locale);
    this.view.destroy();
    this.view = this.createView();
  }

  private createView(): ChatView {
    const view = new ChatView(
      {
        strings: this.strings,
        locale: this.locale,
        title: this.options.title ?? this.strings.defaultTitle,
        primaryColor: this.options.primaryColor,
      },
      {
        onOpenRequested: () => this.open(),
        onCloseRequested: () => this.close(),
        onSend: (text) => this.send(text),
        onRetry: (key) => this.retry(key),
        onTypingInput: () => {
          if (this.isActive) this.typingReporter.reportInput();
        },
      },
    );
    view.renderEntries(this.transcript.list());
    view.setUnreadCount(this.unreadCount);
    view.setStatusText(describeConversationStatus(this.strings, this.conversationStatus));
    view.setOpen(this.isOpen, false);
    return view;
  }

  private activate(): void {
    if (this.isActive) return;
    this.isActive = true;
    this.client.connect();
  }

  private send(text: string): boolean {
    const trimmed = text.trim();
    if (trimmed === '') return false;
    if (trimmed.length > VISITOR_MESSAGE_MAX_LENGTH) {
      this.view.showHint(this.strings.tooLong(VISITOR_MESSAGE_MAX_LENGTH));
      return false;
    }
    this.typingReporter.stop();
    const entry = this.transcript.addPending(trimmed, createClientMessageId(), this.conversationId ?? '');
    this.view.upsertEntry(entry, this.transcript.list());
    this.activate();
    void this.deliver(entry.key);
    return true;
  }

  private retry(key: string): void {
    const entry = this.transcript.setState(key, 'pending');
    if (!entry) return;
    this.view.upsertEntry(entry, this.transcript.list());
    void this.deliver(key);
  }

  /** Posts a local message, retrying transient failures with the same clientMessageId (stored once). */
  private async deliver(key: string): Promise<void> {
    const entry = this.transcript.find(key);
    if (!entry) return;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const response = await this.client.sendMessage(entry.message.text, key);
        this.applyMessages([response.message, ...response.replies]);
        return;
      } catch (error) {
        if (attempt >= SEND_ATTEMPTS || !isRetryableError(error)) {
          const failed = this.transcript.setState(key, 'failed', this.strings.failed);
          if (failed) this.view.upsertEntry(failed, this.transcript.list());
          return;
        }
        await waitMilliseconds(800 * 2 ** attempt);
        // The WebSocket may have confirmed it meanwhile (the request reached the server, the answer was lost).
        if (this.transcript.find(key)?.state !== 'pending') return;
      }
    }
  }

  private async loadHistory(): Promise<void> {
    let messages: Message[];
    try {
      messages = await this.client.listMessages();
    } catch {
      return; // the connection banner already tells the shopper; the next reconnect reloads
    }
    this.transcript.replaceHistory(messages);
    this.view.renderEntries(this.transcript.list());
    if (this.isOpen) this.markSeen();
    else this.setUnreadCount(countUnread(messages, readLastSeenAt()));
  }

  private applyMessages(messages: readonly Message[]): void {
    for (const message of messages) {
      const change = this.transcript.applyMessage(message);
      if (!change) continue;
      this.view.upsertEntry(change.entry, this.transcript.list());
      if (message.sender === 'bot' || message.sender === 'agent') this.showRemoteTyping(false);
      if (change.isNew && !this.isOpen && message.sender !== 'customer')
        this.setUnreadCount(this.unreadCount + 1);
    }
    if (this.isOpen) this.markSeen();
  }

  private handleServerEvent(event: VisitorServerEvent): void {
    switch (event.type) {
      case 'message.created':
        this.applyMessages([event.message]);
        return;
      case 'typing':
        this.showRemoteTyping(event.isTyping);
        return;
      case 'conversation.updated':
        this.conversationStatus = event.status;
        this.view.setStatusText(describeConversationStatus(this.strings, event.status));
        return;
    }
  }

  private handleSession(visitorId: string, conversationId: string): void {
    storeVisitorId(visitorId);
    const previous = this.conversationId;
    this.conversationId = conversationId;
    if (previous !== null && previous !== conversationId) {
      // The old conversation was closed and the server started a new one: show that one instead.
      this.transcript.clear();
      this.view.renderEntries([]);
      void this.loadHistory();
    }
  }

  private showRemoteTyping(isTyping: boolean): void {
    window.clearTimeout(this.remoteTypingTimer);
    this.view.setTyping(isTyping);
    if (isTyping)
      this.remoteTypingTimer = window.setTimeout(() => this.view.setTyping(false), REMOTE_TYPING_TIMEOUT_MS);
  }

  private setUnreadCount(count: number): void {
    this.unreadCount = count;
    this.view.setUnreadCount(count);
  }

  private markSeen(): void {
    const newest = this.transcript.newestCreatedAt();
    if (newest) storeLastSeenAt(newest);
  }
}

function isRetryableError(error: unknown): boolean {
  if (!(error instanceof KefuApiError)) return true; // network failure: fetch rejected
  return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
}

function countUnread(messages: readonly Message[], lastSeenAt: string | null): number {
  if (!lastSeenAt) return 0;
  const lastSeenTime = Date.parse(lastSeenAt);
  return messages.filter(
    (message) => message.sender !== 'customer' && Date.parse(message.createdAt) > lastSeenTime,
  ).length;
}

/** The visitor API accepts page URLs up to 2048 characters; a longer one must not break the session. */
function limitUrlLength(url: string): string {
  return url.slice(0, 2048);
}

function waitMilliseconds(milliseconds: number): Promise<void> {
  return new Promise((resolve) => window.setTimeout(resolve, milliseconds));
}
