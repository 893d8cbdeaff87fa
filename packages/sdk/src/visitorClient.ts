// Typed client of the visitor API (REST + WebSocket), used by the web widget, apps, tests and load tools.
// It runs in browsers and in Node 20: Node has global fetch but no global WebSocket, so pass one in
// (e.g. `import WebSocket from 'ws'`).
import type {
  Message,
  SendMessageResponse,
  VisitorClientEvent,
  VisitorServerEvent,
  VisitorSessionRequest,
  VisitorSessionResponse,
} from './types';
import {
  convertToApiError,
  isRecord,
  KefuApiError,
  parseJsonOrNull,
  parseMessageList,
  parseSendMessageResponse,
  parseServerEvent,
  parseSession,
} from './visitorWire';

export { KefuApiError, parseMessage, parseServerEvent } from './visitorWire';

/** The part of the fetch Response the client reads; the browser's and Node's fetch both satisfy it. */
export interface FetchResponseLike {
  readonly status: number;
  readonly ok: boolean;
  text(): Promise<string>;
}
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<FetchResponseLike>;

/** The part of a WebSocket the client uses; the browser's WebSocket and the `ws` package both satisfy it. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'message' | 'close' | 'error', listener: (event: unknown) => void): void;
}
export type WebSocketConstructorLike = new (url: string) => WebSocketLike;

export type VisitorConnectionState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface KefuVisitorClientOptions {
  /** Origin (and optional path prefix) of the Kefu server, e.g. `https://kefu.example.com`. */
  baseUrl: string;
  /** A visitor id from an earlier session: resumes that visitor's open conversation. */
  visitorId?: string;
  name?: string;
  locale?: string;
  page?: { url?: string; productId?: string };
  fetch?: FetchLike;
  WebSocket?: WebSocketConstructorLike;
  /** First reconnect delay; doubles on each failure up to maxReconnectDelayMs (defaults 500 / 15000). */
  reconnectDelayMs?: number;
  maxReconnectDelayMs?: number;
  /** Interval of keep-alive pings on the WebSocket (default 25000). */
  pingIntervalMs?: number;
}

export interface KefuVisitorClientEvents {
  /** A frame pushed by the server. */
  event: VisitorServerEvent;
  connection: VisitorConnectionState;
  /** A session was created or renewed (the conversation id may change when the old one was closed). */
  session: VisitorSessionResponse;
  /** The WebSocket reopened after a drop: messages may have been missed, reload them. */
  reconnected: undefined;
}
type Listener<K extends keyof KefuVisitorClientEvents> = (payload: KefuVisitorClientEvents[K]) => void;

export const VISITOR_MESSAGE_MAX_LENGTH = 4000;

export class KefuVisitorClient {
  private currentSession: VisitorSessionResponse | null = null;
  private sessionPromise: Promise<VisitorSessionResponse> | null = null;
  private socket: WebSocketLike | null = null;
  private socketWanted = false;
  private reconnectAttempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private hasConnectedBefore = false;
  private isOpeningSocket = false;
  private page: { url?: string; productId?: string } | undefined;
  private readonly fetchFunction: FetchLike;
  private readonly baseUrl: string;
  private readonly listeners: { [K in keyof KefuVisitorClientEvents]: Set<Listener<K>> } = {
    event: new Set(),
    connection: new Set(),
    session: new Set(),
    reconnected: new Set(),
  };

  constructor(private readonly options: KefuVisitorClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.page = options.page;
    this.fetchFunction = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
  }

  get session(): VisitorSessionResponse | null {
    return this.currentSession;
  }

  get visitorId(): string | undefined {
    return this.currentSession?.visitorId ?? this.options.visitorId;
  }

  on<K extends keyof KefuVisitorClientEvents>(name: K, listener: Listener<K>): () => void {
    this.listeners[name].add(listener);
    return () => this.listeners[name].delete(listener);
  }

  /** Creates the session on first use; later calls return the same one. */
  startSession(): Promise<VisitorSessionResponse> {
    if (this.currentSession) return Promise.resolve(this.currentSession);
    return this.renewSession();
  }

  /** Creates a new session for the same visitor, e.g. after the token expired. */
  renewSession(): Promise<VisitorSessionResponse> {
    this.sessionPromise ??= this.createSession().finally(() => {
      this.sessionPromise = null;
    });
    return this.sessionPromise;
  }

  /** Sends a message; retrying with the same clientMessageId returns the stored message, never a duplicate. */
  async sendMessage(text: string, clientMessageId?: string): Promise<SendMessageResponse> {
    return parseSendMessageResponse(
      await this.requestWithSession('POST', '/api/v1/visitor/messages', { text, clientMessageId }),
    );
  }

  async listMessages(): Promise<Message[]> {
    return parseMessageList(await this.requestWithSession('GET', '/api/v1/visitor/messages'));
  }

  /** Tells the server which page/product the shopper is looking at (used by the bot and the agent). */
  async setPage(page: { url?: string; productId?: string }): Promise<void> {
    this.page = page;
    if (!this.currentSession && !this.sessionPromise) return; // sent with the session when it is created
    await this.requestWithSession('POST', '/api/v1/visitor/page', page);
  }

  /** Opens the WebSocket and keeps it open (reconnecting with back-off) until disconnect(). */
  connect(): void {
    if (!this.resolveWebSocket()) throw new Error('No WebSocket implementation: pass options.WebSocket');
    this.socketWanted = true;
    if (!this.socket && !this.reconnectTimer && !this.isOpeningSocket) void this.openSocket(false);
  }

  disconnect(): void {
    this.socketWanted = false;
    this.clearTimers();
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000, 'client closed');
    this.emit('connection', 'closed');
  }

  sendTyping(isTyping: boolean): void {
    this.sendFrame({ type: 'typing', isTyping });
  }

  private async createSession(): Promise<VisitorSessionResponse> {
    const request: VisitorSessionRequest = {
      visitorId: this.visitorId,
      name: this.options.name,
      locale: this.options.locale,
      page: this.page,
    };
    const body = await this.request('POST', '/api/v1/visitor/sessions', request, null);
    const session = parseSession(body);
    this.currentSession = session;
    this.emit('session', session);
    return session;
  }

  private async requestWithSession(method: string, path: string, payload?: unknown): Promise<unknown> {
    const session = await this.startSession();
    try {
      return await this.request(method, path, payload, session.token);
    } catch (error) {
      if (!(error instanceof KefuApiError) || error.status !== 401) throw error;
      const renewed = await this.renewSession();
      return this.request(method, path, payload, renewed.token);
    }
  }

  private async request(
    method: string,
    path: string,
    payload: unknown,
    token: string | null,
  ): Promise<unknown> {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const body = payload === undefined ? undefined : JSON.stringify(payload);
    const response = await this.fetchFunction(`${this.baseUrl}${path}`, { method, headers, body });
    const responseText = await response.text();
    const parsed = parseJsonOrNull(responseText);
    if (!response.ok) throw convertToApiError(response.status, parsed);
    return parsed;
  }

  private async openSocket(renewFirst: boolean): Promise<void> {
    this.reconnectTimer = null;
    this.emit('connection', this.hasConnectedBefore ? 'reconnecting' : 'connecting');
    let session: VisitorSessionResponse;
    this.isOpeningSocket = true;
    try {
      session = renewFirst ? await this.renewSession() : await this.startSession();
    } catch {
      if (this.socketWanted) this.scheduleReconnect(true);
      return;
    } finally {
      this.isOpeningSocket = false;
    }
    if (!this.socketWanted) return;
    const SocketConstructor = this.resolveWebSocket();
    if (!SocketConstructor) return;
    const socketUrl = `${this.baseUrl.replace(/^http/, 'ws')}/api/v1/visitor/ws?token=${encodeURIComponent(session.token)}`;
    const socket = new SocketConstructor(socketUrl);
    this.socket = socket;
    let opened = false;
    socket.addEventListener('open', () => {
      opened = true;
      this.handleSocketOpen(socket);
    });
    socket.addEventListener('message', (event) => this.handleSocketMessage(event));
    socket.addEventListener('error', () => undefined); // a 'close' always follows; handled there
    socket.addEventListener('close', () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.stopPing();
      // A socket that never opened was most likely refused (expired token): renew before retrying.
      if (this.socketWanted) this.scheduleReconnect(!opened);
    });
  }

  private resolveWebSocket(): WebSocketConstructorLike | undefined {
    return this.options.WebSocket ?? readGlobalWebSocket();
  }

  private handleSocketOpen(socket: WebSocketLike): void {
    if (this.socket !== socket) return;
    const isReconnect = this.hasConnectedBefore;
    this.hasConnectedBefore = true;
    this.reconnectAttempt = 0;
    this.emit('connection', 'open');
    if (isReconnect) this.emit('reconnected', undefined);
    this.pingTimer = setInterval(
      () => this.sendFrame({ type: 'ping' }),
      this.options.pingIntervalMs ?? 25_000,
    );
  }

  private handleSocketMessage(event: unknown): void {
    if (!isRecord(event) || typeof event.data !== 'string') return;
    const serverEvent = parseServerEvent(parseJsonOrNull(event.data));
    if (serverEvent) this.emit('event', serverEvent);
  }

  private scheduleReconnect(renewFirst: boolean): void {
    this.emit('connection', 'reconnecting');
    const initialDelay = this.options.reconnectDelayMs ?? 500;
    const maxDelay = this.options.maxReconnectDelayMs ?? 15_000;
    const delay =
      Math.min(maxDelay, initialDelay * 2 ** this.reconnectAttempt) * (0.75 + Math.random() * 0.5);
    this.reconnectAttempt += 1;
    this.reconnectTimer = setTimeout(() => void this.openSocket(renewFirst), delay);
  }

  private sendFrame(frame: VisitorClientEvent): void {
    if (this.socket && this.socket.readyState === 1) this.socket.send(JSON.stringify(frame));
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

  private emit<K extends keyof KefuVisitorClientEvents>(name: K, payload: KefuVisitorClientEvents[K]): void {
    for (const listener of this.listeners[name]) listener(payload);
  }
}

/** A unique id for optimistic sends; keep it to retry the same message safely. */
export function createClientMessageId(): string {
  const random =
    globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
  return `cmid_${random}`;
}

function readGlobalWebSocket(): WebSocketConstructorLike | undefined {
  const candidate: unknown = Reflect.get(globalThis, 'WebSocket');
  return isWebSocketConstructor(candidate) ? candidate : undefined;
}

function isWebSocketConstructor(value: unknown): value is WebSocketConstructorLike {
  return typeof value === 'function';
}
