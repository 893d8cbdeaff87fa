// Everything around the messages: who is typing (the paced bot, a person), the header's honest status,
// and the opening screen shown while the conversation is empty.
import type { ConversationStatus, KefuVisitorClient, VisitorServiceStatus, VisitorWelcome } from '@kefu/sdk';
import type { ChatView } from './chatView';
import { describeHeaderStatus } from './headerStatus';
import { ServiceStatusWatcher } from './serviceStatusWatcher';
import type { WidgetStrings } from './widgetStrings';

const REMOTE_TYPING_TIMEOUT_MS = 10_000;

export interface ChatChromeHost {
  client: KefuVisitorClient;
  view(): ChatView;
  strings(): WidgetStrings;
  /** True while the conversation has no messages (the opening screen may show). */
  isEmpty(): boolean;
}

export class ChatChrome {
  conversationStatus: ConversationStatus = 'bot';
  private remoteTyping = false;
  private botTyping = false;
  private remoteTypingTimer: number | undefined;
  private serviceStatus: VisitorServiceStatus | null = null;
  private welcome: VisitorWelcome | null = null;
  private readonly statusWatcher: ServiceStatusWatcher;

  constructor(private readonly host: ChatChromeHost) {
    this.statusWatcher = new ServiceStatusWatcher(
      () => host.client.getServiceStatus(),
      (status) => {
        this.serviceStatus = status;
        this.renderStatus();
      },
    );
  }

  /** Draws the current state on a new view (after a locale switch). */
  applyTo(view: ChatView, entries: Parameters<ChatView['renderEntries']>[0]): void {
    view.setWelcome(this.welcome, entries);
    view.setStatus(describeHeaderStatus(this.host.strings(), this.conversationStatus, this.serviceStatus));
    view.setTyping(this.remoteTyping || this.botTyping);
  }

  watchStatus(watching: boolean): void {
    if (watching) this.statusWatcher.start();
    else this.statusWatcher.stop();
  }

  setConversationStatus(status: ConversationStatus, watching: boolean): void {
    this.conversationStatus = status;
    this.renderStatus();
    if (watching) this.statusWatcher.refresh();
  }

  setBotTyping(isTyping: boolean): void {
    this.botTyping = isTyping;
    this.renderTyping();
  }

  setRemoteTyping(isTyping: boolean): void {
    window.clearTimeout(this.remoteTypingTimer);
    this.remoteTyping = isTyping;
    this.renderTyping();
    if (isTyping)
      this.remoteTypingTimer = window.setTimeout(() => this.setRemoteTyping(false), REMOTE_TYPING_TIMEOUT_MS);
  }

  /** Loads the opening screen once while the conversation is empty (again when `force`, e.g. a new page). */
  refreshWelcome(force = false): void {
    if (!this.host.client.session || !this.host.isEmpty() || (this.welcome && !force)) return;
    this.host.client.getWelcome().then(
      (welcome) => {
        this.welcome = welcome;
        if (this.host.isEmpty()) this.host.view().setWelcome(welcome, []);
      },
      () => undefined, // the plain empty state stays
    );
  }

  /** A new conversation starts empty: its own opening screen. */
  resetWelcome(): void {
    this.welcome = null;
    this.host.view().setWelcome(null, []);
  }

  private renderTyping(): void {
    this.host.view().setTyping(this.remoteTyping || this.botTyping);
  }

  private renderStatus(): void {
    this.host
      .view()
      .setStatus(describeHeaderStatus(this.host.strings(), this.conversationStatus, this.serviceStatus));
  }
}
