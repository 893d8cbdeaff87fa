// Where an app keeps the messages a shopper wrote while offline, until they are sent. Pluggable: memory by
// default, localStorage on the web, or any store of the app's (AsyncStorage, a file) behind the same two calls.

/** A message waiting to be sent; its clientMessageId makes a resend after a lost answer store it once. */
export interface QueuedMessage {
  clientMessageId: string;
  text: string;
  /** ISO time the shopper wrote it. */
  queuedAt: string;
}

export interface OfflineQueueStorage {
  load(): Promise<QueuedMessage[]> | QueuedMessage[];
  save(messages: QueuedMessage[]): Promise<void> | void;
}

/** Kept for the life of the client (lost when the app is closed). */
export class MemoryQueueStorage implements OfflineQueueStorage {
  private messages: QueuedMessage[] = [];

  load(): QueuedMessage[] {
    return [...this.messages];
  }

  save(messages: QueuedMessage[]): void {
    this.messages = [...messages];
  }
}

/** The part of the Web Storage API used (window.localStorage satisfies it). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Survives a reload of the page; one key per queue (pass another key for a second shopper). */
export class LocalStorageQueueStorage implements OfflineQueueStorage {
  constructor(
    private readonly storage: StorageLike,
    private readonly key = 'kefu.offlineQueue',
  ) {}

  load(): QueuedMessage[] {
    const text = this.storage.getItem(this.key);
    if (!text) return [];
    try {
      const parsed: unknown = JSON.parse(text);
      return Array.isArray(parsed) ? parsed.filter(isQueuedMessage) : [];
    } catch {
      return []; // another program's value under our key: start empty rather than fail the app
    }
  }

  save(messages: QueuedMessage[]): void {
    if (messages.length === 0) this.storage.removeItem(this.key);
    else this.storage.setItem(this.key, JSON.stringify(messages));
  }
}

function isQueuedMessage(value: unknown): value is QueuedMessage {
  if (typeof value !== 'object' || value === null) return false;
  const record: Record<string, unknown> = { ...value };
  return (
    typeof record.clientMessageId === 'string' &&
    typeof record.text === 'string' &&
    typeof record.queuedAt === 'string'
  );
}
