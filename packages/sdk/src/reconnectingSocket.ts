// A WebSocket that stays open: reconnects with exponential back-off and jitter, pings to keep
// proxies from closing an idle connection, and reports its state. Used by the agent client.
import type { WebSocketConstructorLike, WebSocketLike } from './transport';
import { isRecord } from './visitorWire';

export type SocketConnectionState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface ReconnectingSocketOptions {
  WebSocket: WebSocketConstructorLike;
  /** The URL to open; called before every attempt so a fresh token can be used. */
  resolveUrl(): string;
  /** Text frame sent every `pingIntervalMs` while open. */
  pingFrame: string;
  onText(text: string): void;
  onState(state: SocketConnectionState): void;
  /** Called when the socket opened again after a drop: events may have been missed. */
  onReconnected(): void;
  /**
   * Called when a socket closed without ever opening (refused upgrade, server down).
   * Resolve false to stop retrying, e.g. because the token was revoked.
   */
  shouldRetryAfterRefusal(): Promise<boolean>;
  reconnectDelayMs?: number;
  maxReconnectDelayMs?: number;
  pingIntervalMs?: number;
}

export class ReconnectingSocket {
  private socket: WebSocketLike | null = null;
  private wanted = false;
  private attempt = 0;
  private hasOpenedBefore = false;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly options: ReconnectingSocketOptions) {}

  get isOpen(): boolean {
    return this.socket?.readyState === 1;
  }

  open(): void {
    this.wanted = true;
    if (!this.socket && !this.reconnectTimer) this.openSocket();
  }

  close(): void {
    this.wanted = false;
    this.clearTimers();
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000, 'client closed');
    this.options.onState('closed');
  }

  /** Sends when open; frames sent while disconnected are dropped (typing and pings are transient). */
  send(text: string): boolean {
    if (!this.socket || this.socket.readyState !== 1) return false;
    this.socket.send(text);
    return true;
  }

  private openSocket(): void {
    this.reconnectTimer = null;
    this.options.onState(this.hasOpenedBefore ? 'reconnecting' : 'connecting');
    const socket = new this.options.WebSocket(this.options.resolveUrl());
    this.socket = socket;
    let opened = false;
    socket.addEventListener('open', () => {
      if (this.socket !== socket) return;
      opened = true;
      this.handleOpen();
    });
    socket.addEventListener('message', (event) => {
      if (this.socket === socket && isRecord(event) && typeof event.data === 'string')
        this.options.onText(event.data);
    });
    socket.addEventListener('error', () => undefined); // a 'close' always follows; handled there
    socket.addEventListener('close', () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.stopPing();
      if (this.wanted) void this.retry(opened);
    });
  }

  private handleOpen(): void {
    const isReconnect = this.hasOpenedBefore;
    this.hasOpenedBefore = true;
    this.attempt = 0;
    this.options.onState('open');
    if (isReconnect) this.options.onReconnected();
    this.pingTimer = setInterval(
      () => this.send(this.options.pingFrame),
      this.options.pingIntervalMs ?? 25_000,
    );
  }

  private async retry(hadOpened: boolean): Promise<void> {
    this.options.onState('reconnecting');
    if (!hadOpened) {
      const shouldRetry = await this.options.shouldRetryAfterRefusal().catch(() => true);
      if (!shouldRetry) return this.close();
    }
    if (!this.wanted || this.reconnectTimer || this.socket) return;
    const initialDelay = this.options.reconnectDelayMs ?? 500;
    const maxDelay = this.options.maxReconnectDelayMs ?? 15_000;
    const delay = Math.min(maxDelay, initialDelay * 2 ** this.attempt) * (0.75 + Math.random() * 0.5);
    this.attempt += 1;
    this.reconnectTimer = setTimeout(() => this.openSocket(), delay);
  }

  private stopPing(): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = null;
  }

  private clearTimers(): void {
    this.stopPing();
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
  }
}
