// The widget's behaviour: session, history, optimistic sends with safe retries, live events, unread count,
// the paced bot replies, photos, the opening screen and the header's status.
import { KefuVisitorClient } from '@kefu/sdk';
import type { Message, VisitorServerEvent } from '@kefu/sdk';
import { ChatChrome } from './chatChrome';
import { ChatTranscript } from './chatTranscript';
import { ChatView } from './chatView';
import { MessageDelivery } from './messageDelivery';
import { PhotoSender } from './photoSender';
import { PhotoLoader } from './photoView';
import { ReplyPacer } from './replyPacer';
import { readLastSeenAt, readStoredVisitorToken, storeLastSeenAt, storeVisitorToken } from './visitorStorage';
import type { WidgetOptions } from './widgetOptions';
import { selectWidgetStrings, type WidgetLocale, type WidgetStrings } from './widgetStrings';
import { TypingReporter } from './typingReporter';

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
  private readonly typingReporter: TypingReporter;
  private readonly chrome: ChatChrome;
  private readonly photos: PhotoLoader;
  private readonly pacer: ReplyPacer;
  private readonly photoSender: PhotoSender;
  private readonly delivery: MessageDelivery;

  constructor(private readonly options: WidgetOptions) {
    this.locale = options.locale;
    this.strings = selectWidgetStrings(this.locale);
    const storedToken = readStoredVisitorToken();
    this.client = new KefuVisitorClient({
      baseUrl: options.baseUrl,
      token: storedToken ?? undefined,
      locale: this.locale,
      page: { url: limitUrlLength(window.location.href), productId: options.productId ?? undefined },
      identity: options.identity ?? undefined,
    });
    this.chrome = new ChatChrome({
      client: this.client,
      view: () => this.view,
      strings: () => this.strings,
      isEmpty: () => this.transcript.list().length === 0,
    });
    this.client.on('session', (session) => {
      this.chrome.setConversationStatus(session.status, false);
      this.handleSession(session.token, session.conversationId);
    });
    this.client.on('event', (event) => this.handleServerEvent(event));
    this.client.on('connection', (state) => this.view.setReconnecting(state === 'reconnecting'));
    this.client.on('reconnected', () => void this.loadHistory());
    this.typingReporter = new TypingReporter((isTyping) => this.client.sendTyping(isTyping));
    this.photos = new PhotoLoader((url) => this.client.fetchPhoto(url));
    this.pacer = new ReplyPacer(
      (message) => this.applyMessages([message]),
      (isTyping) => this.chrome.setBotTyping(isTyping),
    );
    this.delivery = this.createDelivery();
    this.photoSender = this.createPhotoSender();
    this.view = this.createView();
    // A returning visitor is connected at once so agent replies and the unread badge arrive live;
    // a new visitor gets a session only when they first open the chat.
    if (storedToken) {
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
    this.chrome.watchStatus(true);
    void this.loadHistory();
  }

  close(moveFocus = true): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.typingReporter.stop();
    this.chrome.watchStatus(false);
    this.view.setOpen(false, moveFocus);
  }

  setPage(page: { url?: string; productId?: string }): void {
    const url = limitUrlLength(page.url ?? window.location.href);
    this.client.setPage({ url, productId: page.productId }).then(
      () => this.chrome.refreshWelcome(true), // questions about the product now on the page
      () => undefined, // a hint for the bot and agent: losing one update must not disturb the shopper
    );
  }

  /** The shopper signed in on the shop: their conversation and orders from now on. */
  identify(identity: { shopCustomerId: string; signature: string }): void {
    this.client.setIdentity(identity).catch(() => {
      // A refused signature leaves the shopper a guest; the shop's page must sign with the right secret.
    });
  }

  setLocale(locale: WidgetLocale): void {
    if (locale === this.locale) return;
    this.locale = locale;
    this.strings = selectWidgetStrings(locale);
    this.client.setLocale(locale);
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
        baseUrl: this.options.baseUrl,
        photos: this.photos,
      },
      {
        onOpenRequested: () => this.open(),
        onCloseRequested: () => this.close(),
        onSend: (text) => this.send(text),
        onRetry: (key) => this.retry(key),
        onTypingInput: () => {
          if (this.isActive) this.typingReporter.reportInput();
        },
        onPhotoChosen: (photo) => {
          this.activate();
          this.photoSender.send(photo);
        },
      },
    );
    this.chrome.applyTo(view, this.transcript.list());
    view.renderEntries(this.transcript.list());
    view.setUnreadCount(this.unreadCount);
    view.setOpen(this.isOpen, false);
    return view;
  }

  private createDelivery(): MessageDelivery {
    return new MessageDelivery({
      client: this.client,
      transcript: this.transcript,
      pacer: this.pacer,
      strings: () => this.strings,
      conversationId: () => this.conversationId ?? '',
      botAnswers: () => ['bot', 'queued'].includes(this.chrome.conversationStatus),
      showEntry: (entry) => this.view.upsertEntry(entry, this.transcript.list()),
      showHint: (text) => this.view.showHint(text),
      confirm: (message) => this.applyMessages([message]),
      receive: (message) => this.receive(message),
    });
  }

  private createPhotoSender(): PhotoSender {
    return new PhotoSender({
      client: this.client,
      transcript: this.transcript,
      photos: this.photos,
      strings: () => this.strings,
      conversationId: () => this.conversationId ?? '',
      showEntry: (entry) => this.view.upsertEntry(entry, this.transcript.list()),
      removeEntry: (key) => this.view.removeEntry(key, this.transcript.list()),
      showNotice: (text) => this.view.showNotice(text),
      deliver: (key) => void this.delivery.deliver(key),
    });
  }

  private activate(): void {
    if (this.isActive) return;
    this.isActive = true;
    this.client.connect();
  }

  private send(text: string): boolean {
    this.typingReporter.stop();
    this.activate();
    return this.delivery.send(text);
  }

  private retry(key: string): void {
    if (this.photoSender.owns(key)) this.photoSender.retry(key);
    else this.delivery.retry(key);
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
    this.chrome.refreshWelcome();
  }

  /** A message from the shop: bot replies are paced behind a short typing indicator, in arrival order. */
  private receive(message: Message): void {
    if (message.sender === 'customer') return this.applyMessages([message]);
    if (!this.transcript.hasMessage(message.id)) this.pacer.push(message);
  }

  private applyMessages(messages: readonly Message[]): void {
    for (const message of messages) {
      const change = this.transcript.applyMessage(message);
      if (!change) continue;
      this.view.upsertEntry(change.entry, this.transcript.list());
      if (message.sender === 'bot' || message.sender === 'agent') this.chrome.setRemoteTyping(false);
      if (change.isNew && !this.isOpen && message.sender !== 'customer')
        this.setUnreadCount(this.unreadCount + 1);
    }
    if (this.isOpen) this.markSeen();
  }

  private handleServerEvent(event: VisitorServerEvent): void {
    switch (event.type) {
      case 'message.created':
        this.receive(event.message);
        return;
      case 'typing':
        this.chrome.setRemoteTyping(event.isTyping);
        return;
      case 'conversation.updated':
        this.chrome.setConversationStatus(event.status, this.isOpen);
        return;
    }
  }

  private handleSession(token: string, conversationId: string): void {
    storeVisitorToken(token);
    const previous = this.conversationId;
    this.conversationId = conversationId;
    if (previous !== null && previous !== conversationId) {
      // The old conversation was closed and the server started a new one: show that one instead.
      this.transcript.clear();
      this.chrome.resetWelcome();
      void this.loadHistory();
    }
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
