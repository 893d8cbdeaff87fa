// The client for apps (channel `app`): the visitor API and its WebSocket, plus an offline queue — messages
// written while offline are kept under their clientMessageId and sent once when the app is back — and the
// registration of the app's push token for the signed-in shopper.
import type { QueuedMessage, OfflineQueueStorage } from './offlineQueue';
import { MemoryQueueStorage } from './offlineQueue';
import { createClientMessageId } from './transport';
import type { PushPlatform, PushRegistrationRequest, SendMessageResponse } from './types';
import type { KefuVisitorClientOptions } from './visitorClient';
import { KefuApiError, KefuVisitorClient } from './visitorClient';

export interface KefuAppClientOptions extends Omit<KefuVisitorClientOptions, 'channel'> {
  /** Where queued messages are kept (default: memory). On the web: `new LocalStorageQueueStorage(localStorage)`. */
  storage?: OfflineQueueStorage;
  /** Whether the app starts online (default true); tell the client later with setOnline. */
  online?: boolean;
}

export interface KefuAppClientEvents {
  /** The messages waiting to be sent, after every change (render them as "sending…"). */
  queue: QueuedMessage[];
  /** A queued message reached Kefu (stored once, whatever retries it took), with the bot's replies so far. */
  sent: { queued: QueuedMessage; response: SendMessageResponse };
  /** Kefu refused a queued message for good (e.g. too long): it is dropped from the queue. */
  failed: { queued: QueuedMessage; error: KefuApiError };
}
type AppListener<K extends keyof KefuAppClientEvents> = (payload: KefuAppClientEvents[K]) => void;

export class KefuAppClient {
  /** The visitor API client underneath: sessions, history, photos, live events (`visitor.on('event', …)`). */
  readonly visitor: KefuVisitorClient;
  private readonly storage: OfflineQueueStorage;
  private online: boolean;
  private flushing: Promise<void> | null = null;
  /** Changes of the stored queue, one after the other (a send and a flush never overwrite each other). */
  private queueWrites: Promise<unknown> = Promise.resolve();
  private readonly listeners: { [K in keyof KefuAppClientEvents]: Set<AppListener<K>> } = {
    queue: new Set(),
    sent: new Set(),
    failed: new Set(),
  };

  constructor(options: KefuAppClientOptions) {
    const { storage, online, ...visitorOptions } = options;
    this.visitor = new KefuVisitorClient({ ...visitorOptions, channel: 'app' });
    this.storage = storage ?? new MemoryQueueStorage();
    this.online = online ?? true;
    // A socket that (re)opened means the network is back: send what waited.
    this.visitor.on('connection', (state) => {
      if (state === 'open') void this.flush();
    });
  }

  get isOnline(): boolean {
    return this.online;
  }

  on<K extends keyof KefuAppClientEvents>(name: K, listener: AppListener<K>): () => void {
    this.listeners[name].add(listener);
    return () => this.listeners[name].delete(listener);
  }

  /** The messages waiting to be sent, oldest first. */
  async queued(): Promise<QueuedMessage[]> {
    return [...(await this.storage.load())];
  }

  /**
   * Queues the message and, when online, sends the queue in order. Resolves once it is queued (kept in the
   * storage); `sent` reports when it reached Kefu.
   */
  async send(text: string): Promise<QueuedMessage> {
    const queued: QueuedMessage = {
      clientMessageId: createClientMessageId(),
      text,
      queuedAt: new Date().toISOString(),
    };
    await this.changeQueue((messages) => [...messages, queued]);
    if (this.online) void this.flush();
    return queued;
  }

  /** Opens the live connection (while online) and sends whatever waited from an earlier run of the app. */
  connect(): void {
    if (this.online) this.visitor.connect();
  }

  disconnect(): void {
    this.visitor.disconnect();
  }

  /**
   * The app's network state (from the platform's connectivity API, or a user's switch): offline closes the
   * socket and only queues; online reconnects and sends the queue.
   */
  async setOnline(online: boolean): Promise<void> {
    if (online === this.online) return;
    this.online = online;
    if (!online) return this.visitor.disconnect();
    this.visitor.connect();
    await this.flush();
  }

  /**
   * Sends the queued messages in order, one flush at a time. A message is removed once Kefu answered for it;
   * a network failure or a server error leaves it (and those after it) queued for the next flush.
   */
  flush(): Promise<void> {
    this.flushing ??= this.sendQueued().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  /** Registers the app's push token for the signed-in shopper: agents' and the bot's replies reach a closed app. */
  async registerPushToken(token: string, platform: PushPlatform): Promise<void> {
    const request: PushRegistrationRequest = { token, platform };
    await this.visitor.requestWithSession('POST', '/api/v1/visitor/push-registrations', request);
  }

  /** Stops pushes to this token (the shopper signed out, or the platform replaced the token). */
  async unregisterPushToken(token: string): Promise<void> {
    await this.visitor.requestWithSession('POST', '/api/v1/visitor/push-registrations/remove', { token });
  }

  private async sendQueued(): Promise<void> {
    while (this.online) {
      const [next] = await this.storage.load();
      if (!next) return;
      let response: SendMessageResponse;
      try {
        response = await this.visitor.sendMessage(next.text, next.clientMessageId);
      } catch (error) {
        if (!isFinalRefusal(error)) return; // offline or the server is away: the next flush tries again
        await this.removeQueued(next.clientMessageId);
        this.emit('failed', { queued: next, error });
        continue;
      }
      await this.removeQueued(next.clientMessageId);
      this.emit('sent', { queued: next, response });
    }
  }

  private removeQueued(clientMessageId: string): Promise<void> {
    return this.changeQueue((messages) =>
      messages.filter((entry) => entry.clientMessageId !== clientMessageId),
    );
  }

  private changeQueue(change: (messages: QueuedMessage[]) => QueuedMessage[]): Promise<void> {
    const write = this.queueWrites.then(async () => {
      const changed = change([...(await this.storage.load())]);
      await this.storage.save(changed);
      this.emit('queue', [...changed]);
    });
    this.queueWrites = write.catch(() => undefined);
    return write;
  }

  private emit<K extends keyof KefuAppClientEvents>(name: K, payload: KefuAppClientEvents[K]): void {
    for (const listener of this.listeners[name]) listener(payload);
  }
}

/** A refusal that sending again cannot change: bad input (4xx other than an expired token or a rate limit). */
function isFinalRefusal(error: unknown): error is KefuApiError {
  return (
    error instanceof KefuApiError &&
    error.status >= 400 &&
    error.status < 500 &&
    error.status !== 401 &&
    error.status !== 408 &&
    error.status !== 429
  );
}
