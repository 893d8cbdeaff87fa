// Typed client of the visitor API (REST + WebSocket), used by the web widget, apps, tests and load tools.
// It runs in browsers and in Node 20: Node has global fetch but no global WebSocket, so pass one in
// (e.g. `import WebSocket from 'ws'`).
import { parseServiceStatus, parseVisitorUpload, parseVisitorWelcome } from './cardWire';
import { ReconnectingSocket } from './reconnectingSocket';
import type { FetchLike, WebSocketConstructorLike } from './transport';
import { readGlobalWebSocket, requestBinary } from './transport';
import type {
  Message,
  SendMessageResponse,
  SendVisitorMessageRequest,
  VisitorClientEvent,
  VisitorServerEvent,
  VisitorServiceStatus,
  VisitorSessionRequest,
  VisitorSessionResponse,
  VisitorUpload,
  VisitorWelcome,
} from './types';
import {
  convertToApiError,
  KefuApiError,
  parseJsonOrNull,
  parseMessageList,
  parseResponse,
  parseSendMessageResponse,
  parseServerEvent,
  parseSession,
} from './visitorWire';

export { KefuApiError, parseMessage, parseServerEvent } from './visitorWire';
export { createClientMessageId } from './transport';
export type { FetchLike, FetchResponseLike, WebSocketConstructorLike, WebSocketLike } from './transport';

export type VisitorConnectionState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface KefuVisitorClientOptions {
  /** Origin (and optional path prefix) of the Kefu server, e.g. `https://kefu.example.com`. */
  baseUrl: string;
  /**
   * The token of an earlier session (`session.token`, e.g. kept in localStorage): resumes that visitor's open
   * conversation and is renewed. Without it the server starts a new visitor.
   */
  token?: string;
  /** @deprecated A bare visitor id no longer resumes anything (anyone could present it); pass `token`. */
  visitorId?: string;
  name?: string;
  locale?: string;
  page?: { url?: string; productId?: string };
  /** A shopper signed in on the shop, vouched for by the shop's server. */
  identity?: { shopCustomerId: string; signature: string };
  /** `app` for apps built on the SDK (see KefuAppClient); `web` by default. */
  channel?: 'web' | 'app';
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
  private socket: ReconnectingSocket | null = null;
  private socketWanted = false;
  private page: { url?: string; productId?: string } | undefined;
  private locale: string | undefined;
  private identity: { shopCustomerId: string; signature: string } | undefined;
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
    this.locale = options.locale;
    this.identity = options.identity;
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

  /**
   * Sends a message (text, photos uploaded with uploadPhoto, or both); retrying with the same
   * clientMessageId returns the stored message, never a duplicate.
   */
  async sendMessage(
    text: string,
    clientMessageId?: string,
    options: { attachments?: string[] } = {},
  ): Promise<SendMessageResponse> {
    const request: SendVisitorMessageRequest = { clientMessageId };
    if (text.trim() !== '' || !options.attachments?.length) request.text = text;
    if (options.attachments?.length) request.attachments = options.attachments;
    return parseSendMessageResponse(
      await this.requestWithSession('POST', '/api/v1/visitor/messages', request),
    );
  }

  async listMessages(): Promise<Message[]> {
    return parseMessageList(await this.requestWithSession('GET', '/api/v1/visitor/messages'));
  }

  /** The opening screen: greeting, suggested questions, a signed-in shopper's recent orders. */
  async getWelcome(): Promise<VisitorWelcome> {
    return parseResponse(
      await this.requestWithSession('GET', '/api/v1/visitor/welcome'),
      parseVisitorWelcome,
    );
  }

  /** How many agents are online now, and when they are back when none is. */
  async getServiceStatus(): Promise<VisitorServiceStatus> {
    const body = await this.requestWithSession('GET', '/api/v1/visitor/service-status');
    return parseResponse(body, parseServiceStatus);
  }

  /** Uploads a photo (JPEG, PNG, WebP or GIF); send its id with `sendMessage(…, { attachments })`. */
  async uploadPhoto(photo: Blob, fileName = 'photo'): Promise<VisitorUpload> {
    const form = new FormData();
    form.append('file', photo, fileName);
    const body = await this.withSession((token) =>
      requestBinary(`${this.baseUrl}/api/v1/visitor/uploads`, token, { method: 'POST', body: form }),
    );
    return parseResponse(parseJsonOrNull(await body.text()), parseVisitorUpload);
  }

  /** A photo of this conversation (an attachment's `url`), for display as an object URL. */
  async fetchPhoto(url: string): Promise<Blob> {
    const absolute = /^https?:/i.test(url) ? url : `${this.baseUrl}${url}`;
    const response = await this.withSession((token) => requestBinary(absolute, token, { method: 'GET' }));
    return response.blob();
  }

  /** The language asked for when a session is created (the widget's language switch). */
  setLocale(locale: string): void {
    this.locale = locale;
  }

  /**
   * The shopper signed in on the shop (after the page loaded): later sessions carry the identity, and a
   * running session is renewed at once so the conversation becomes that shop customer's.
   */
  async setIdentity(identity: { shopCustomerId: string; signature: string }): Promise<void> {
    this.identity = identity;
    // A session being created right now was asked for without the identity: renew after it.
    if (this.sessionPromise) await this.sessionPromise.catch(() => undefined);
    if (this.currentSession) await this.renewSession();
  }

  /** Tells the server which page/product the shopper is looking at (used by the bot and the agent). */
  async setPage(page: { url?: string; productId?: string }): Promise<void> {
    this.page = page;
    if (!this.currentSession && !this.sessionPromise) return; // sent with the session when it is created
    await this.requestWithSession('POST', '/api/v1/visitor/page', page);
  }

  /** Opens the WebSocket and keeps it open (reconnecting with back-off) until disconnect(). */
  connect(): void {
    const SocketConstructor = this.options.WebSocket ?? readGlobalWebSocket();
    if (!SocketConstructor) throw new Error('No WebSocket implementation: pass options.WebSocket');
    this.socketWanted = true;
    this.socket ??= new ReconnectingSocket({
      WebSocket: SocketConstructor,
      resolveUrl: () =>
        `${this.baseUrl.replace(/^http/, 'ws')}/api/v1/visitor/ws?token=${encodeURIComponent(this.currentSession?.token ?? '')}`,
      pingFrame: JSON.stringify({ type: 'ping' } satisfies VisitorClientEvent),
      onText: (text) => this.handleSocketText(text),
      onState: (state) => this.emit('connection', state),
      onReconnected: () => this.emit('reconnected', undefined),
      // A socket that never opened was most likely refused (expired token): renew before retrying.
      shouldRetryAfterRefusal: async () => {
        await this.renewSession();
        return true;
      },
      reconnectDelayMs: this.options.reconnectDelayMs,
      maxReconnectDelayMs: this.options.maxReconnectDelayMs,
      pingIntervalMs: this.options.pingIntervalMs,
    });
    const socket = this.socket;
    if (this.currentSession) return socket.open();
    void this.startSession()
      .catch(() => undefined) // the refused socket renews the session and retries with back-off
      .finally(() => {
        if (this.socketWanted) socket.open();
      });
  }

  disconnect(): void {
    this.socketWanted = false;
    if (this.socket) this.socket.close();
    else this.emit('connection', 'closed');
  }

  sendTyping(isTyping: boolean): void {
    this.socket?.send(JSON.stringify({ type: 'typing', isTyping } satisfies VisitorClientEvent));
  }

  private async createSession(): Promise<VisitorSessionResponse> {
    const request: VisitorSessionRequest = {
      name: this.options.name,
      locale: this.locale,
      page: this.page,
      identity: this.identity,
      ...(this.options.channel && { channel: this.options.channel }),
    };
    // The token this visitor holds is the proof that resumes their conversation (and gets renewed).
    const proof = this.currentSession?.token ?? this.options.token ?? null;
    const body = await this.request('POST', '/api/v1/visitor/sessions', request, proof);
    const session = parseSession(body);
    this.currentSession = session;
    this.emit('session', session);
    return session;
  }

  /** A request of the visitor API with this session's token (renewed once when refused). */
  requestWithSession(method: string, path: string, payload?: unknown): Promise<unknown> {
    return this.withSession((token) => this.request(method, path, payload, token));
  }

  /** Runs a request with the session's token; a refused token is renewed once and the request repeated. */
  private async withSession<Result>(run: (token: string) => Promise<Result>): Promise<Result> {
    const session = await this.startSession();
    try {
      return await run(session.token);
    } catch (error) {
      if (!(error instanceof KefuApiError) || error.status !== 401) throw error;
      const renewed = await this.renewSession();
      return run(renewed.token);
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

  private handleSocketText(text: string): void {
    const serverEvent = parseServerEvent(parseJsonOrNull(text));
    if (serverEvent) this.emit('event', serverEvent);
  }

  private emit<K extends keyof KefuVisitorClientEvents>(name: K, payload: KefuVisitorClientEvents[K]): void {
    for (const listener of this.listeners[name]) listener(payload);
  }
}
