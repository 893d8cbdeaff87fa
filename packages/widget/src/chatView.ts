// The widget's DOM: a bubble and a chat window inside a Shadow DOM. It holds no chat state of its own;
// the controller tells it what to show and it reports what the shopper did.
import type { VisitorWelcome } from '@kefu/sdk';
import type { ChatEntry } from './chatEntry';
import { ComposerView } from './composerView';
import { createElement, createIcon, ICON_CHAT, ICON_CLOSE } from './createElement';
import type { HeaderStatus } from './headerStatus';
import { renderMessageEntry, type MessageViewContext } from './messageView';
import type { PhotoLoader } from './photoView';
import { QuickReplyBar } from './quickReplyBar';
import { renderWelcome } from './welcomeView';
import { applyWidgetStyles } from './widgetStyles';
import type { WidgetLocale, WidgetStrings } from './widgetStrings';

export interface ChatViewHandlers {
  onOpenRequested: () => void;
  onCloseRequested: () => void;
  onSend: (text: string) => boolean;
  onRetry: (entryKey: string) => void;
  onTypingInput: () => void;
  onPhotoChosen: (photo: File) => void;
}

export interface ChatViewSettings {
  strings: WidgetStrings;
  locale: WidgetLocale;
  title: string;
  primaryColor: string | null;
  baseUrl: string;
  photos: PhotoLoader;
}

export class ChatView {
  private readonly host: HTMLElement;
  private readonly root: HTMLElement;
  private readonly bubble: HTMLButtonElement;
  private readonly badge: HTMLElement;
  private readonly chatWindow: HTMLElement;
  private readonly statusLine: HTMLElement;
  private readonly banner: HTMLElement;
  private readonly log: HTMLElement;
  private readonly quickReplies: QuickReplyBar;
  private readonly typingIndicator: HTMLElement;
  private readonly composer: ComposerView;
  private readonly messageContext: MessageViewContext;
  private readonly strings: WidgetStrings;
  private welcome: VisitorWelcome | null = null;

  constructor(
    settings: ChatViewSettings,
    private readonly handlers: ChatViewHandlers,
  ) {
    this.strings = settings.strings;
    this.messageContext = {
      strings: settings.strings,
      locale: settings.locale,
      baseUrl: settings.baseUrl,
      photos: settings.photos,
      onRetry: handlers.onRetry,
    };
    this.host = createElement('div', { attributes: { id: 'kefu-widget', 'data-kefu-widget': '' } });
    if (settings.primaryColor) this.host.style.setProperty('--kefu-primary', settings.primaryColor);
    const shadow = this.host.attachShadow({ mode: 'open' });
    applyWidgetStyles(shadow);
    const strings = settings.strings;
    this.badge = createElement('span', {
      className: 'kefu-badge',
      attributes: { hidden: '', 'aria-hidden': 'true' },
    });
    this.bubble = createElement('button', {
      className: 'kefu-bubble',
      attributes: {
        type: 'button',
        'aria-label': strings.openChat,
        'aria-expanded': 'false',
        'aria-controls': 'kefu-window',
      },
      children: [createIcon(ICON_CHAT), this.badge],
    });
    this.statusLine = createElement('div', { className: 'kefu-status', text: strings.statusOnline });
    this.banner = createElement('div', {
      className: 'kefu-banner',
      text: strings.reconnecting,
      attributes: { hidden: '', role: 'status' },
    });
    this.log = createElement('div', {
      className: 'kefu-log',
      attributes: { role: 'log', 'aria-live': 'polite', 'aria-label': strings.messageList, tabindex: '0' },
    });
    this.quickReplies = new QuickReplyBar(strings, (text) => {
      if (handlers.onSend(text)) this.composer.focus();
    });
    this.typingIndicator = createElement('div', {
      className: 'kefu-typing',
      attributes: { hidden: '', 'aria-live': 'polite' },
      children: [
        createElement('span', {
          className: 'kefu-dots',
          children: [createElement('span'), createElement('span'), createElement('span')],
        }),
        createElement('span', { text: strings.typing }),
      ],
    });
    this.composer = new ComposerView(strings, {
      onSubmit: (text) => handlers.onSend(text),
      onTypingInput: handlers.onTypingInput,
      onPhotoChosen: handlers.onPhotoChosen,
    });
    this.chatWindow = this.buildWindow(settings.title);
    this.root = createElement('div', {
      className: 'kefu-root',
      attributes: { lang: settings.locale },
      children: [this.chatWindow, this.bubble],
    });
    shadow.appendChild(this.root);
    this.attachListeners();
    document.body.appendChild(this.host);
  }

  destroy(): void {
    this.composer.destroy();
    this.host.remove();
  }

  setOpen(isOpen: boolean, moveFocus: boolean): void {
    this.chatWindow.hidden = !isOpen;
    this.root.classList.toggle('kefu-root--open', isOpen);
    this.bubble.setAttribute('aria-expanded', String(isOpen));
    if (isOpen) {
      this.scrollToEnd();
      if (moveFocus) this.composer.focus();
    } else if (moveFocus) {
      this.bubble.focus();
    }
  }

  setUnreadCount(count: number): void {
    this.badge.hidden = count === 0;
    this.badge.textContent = count > 99 ? '99+' : String(count);
    const label =
      count > 0 ? `${this.strings.openChat} (${this.strings.unreadMessages(count)})` : this.strings.openChat;
    this.bubble.setAttribute('aria-label', label);
  }

  setStatus(status: HeaderStatus): void {
    this.statusLine.textContent = status.text;
    this.statusLine.classList.toggle('kefu-status--away', !status.peopleAvailable);
  }

  setReconnecting(isReconnecting: boolean): void {
    this.banner.hidden = !isReconnecting;
  }

  setTyping(isTyping: boolean): void {
    if (this.typingIndicator.hidden === !isTyping) return;
    this.typingIndicator.hidden = !isTyping;
    if (isTyping) this.scrollToEnd();
  }

  showHint(text: string | null): void {
    this.composer.showHint(text);
  }

  showNotice(text: string | null): void {
    this.composer.showNotice(text);
  }

  /** The opening screen, shown while the conversation has no messages. */
  setWelcome(welcome: VisitorWelcome | null, entries: readonly ChatEntry[]): void {
    this.welcome = welcome;
    if (entries.length === 0) this.renderEntries(entries);
  }

  /** Replaces the whole list (after a history load or a locale change). */
  renderEntries(entries: readonly ChatEntry[]): void {
    this.log.replaceChildren(...entries.map((entry) => renderMessageEntry(entry, this.messageContext)));
    if (entries.length === 0) this.log.appendChild(this.renderEmptyConversation());
    this.quickReplies.place(this.log, entries);
    // The opening screen reads from the top (greeting first); a conversation from its latest message.
    if (entries.length === 0) this.log.scrollTop = 0;
    else this.scrollToEnd();
  }

  /** Adds or redraws one entry, keeping the others (and the shopper's scroll position) untouched. */
  upsertEntry(entry: ChatEntry, entries: readonly ChatEntry[]): void {
    const element = renderMessageEntry(entry, this.messageContext);
    const existing = this.findEntryElement(entry.key);
    const wasNearEnd = this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight < 80;
    if (existing) existing.replaceWith(element);
    else {
      this.log.querySelector('.kefu-empty, .kefu-welcome')?.remove();
      this.log.appendChild(element);
    }
    this.quickReplies.place(this.log, entries);
    if (wasNearEnd || entry.message.sender === 'customer') this.scrollToEnd();
  }

  removeEntry(key: string, entries: readonly ChatEntry[]): void {
    this.findEntryElement(key)?.remove();
    if (entries.length === 0) this.renderEntries(entries);
    else this.quickReplies.place(this.log, entries);
  }

  private findEntryElement(key: string): Element | undefined {
    return Array.from(this.log.children).find((child) => child.getAttribute('data-entry-key') === key);
  }

  private renderEmptyConversation(): HTMLElement {
    if (!this.welcome) return createElement('p', { className: 'kefu-empty', text: this.strings.emptyState });
    return renderWelcome(this.welcome, this.messageContext, (text) => {
      if (this.handlers.onSend(text)) this.composer.focus();
    });
  }

  private buildWindow(title: string): HTMLElement {
    const closeButton = createElement('button', {
      className: 'kefu-close',
      attributes: { type: 'button', 'aria-label': this.strings.closeChat, title: this.strings.closeChat },
      children: [createIcon(ICON_CLOSE)],
    });
    closeButton.addEventListener('click', () => this.handlers.onCloseRequested());
    const titleElement = createElement('h2', {
      className: 'kefu-title',
      text: title,
      attributes: { id: 'kefu-title' },
    });
    const header = createElement('div', {
      className: 'kefu-header',
      children: [
        createElement('div', { className: 'kefu-avatar', children: [createIcon(ICON_CHAT)] }),
        createElement('div', { className: 'kefu-heading', children: [titleElement, this.statusLine] }),
        closeButton,
      ],
    });
    return createElement('section', {
      className: 'kefu-window',
      attributes: {
        id: 'kefu-window',
        role: 'dialog',
        'aria-modal': 'false',
        'aria-labelledby': 'kefu-title',
        hidden: '',
      },
      children: [header, this.banner, this.log, this.typingIndicator, this.composer.element],
    });
  }

  private attachListeners(): void {
    this.bubble.addEventListener('click', () => {
      if (this.chatWindow.hidden) this.handlers.onOpenRequested();
      else this.handlers.onCloseRequested();
    });
    this.root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !this.chatWindow.hidden) {
        event.stopPropagation();
        this.handlers.onCloseRequested();
      }
    });
  }

  private scrollToEnd(): void {
    this.log.scrollTop = this.log.scrollHeight;
  }
}
