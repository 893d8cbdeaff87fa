// Typed client of the agent and admin API (REST + WebSocket), used by the agent console, tools and tests.
// Runs in browsers and Node 20; Node has no global WebSocket, so pass one in (`import WebSocket from 'ws'`).
import type {
  AgentPresence,
  AgentProfile,
  BotRule,
  BotRuleInput,
  BotRulePatch,
  BotUnderstanding,
  ConversationFilter,
  CustomerProfile,
  NewAgentInput,
  SendAgentMessageInput,
} from './agentTypes';
import {
  parseAgentMessage,
  parseAgentProfile,
  parseAgentServerEvent,
  parseAgentSummary,
  parseBotRule,
  parseBotUnderstanding,
  parseConversation,
  parseCustomerProfile,
  parseLoginResponse,
  readField,
  readList,
  readString,
  requireRecord,
} from './agentWire';
import { ReconnectingSocket } from './reconnectingSocket';
import type { SocketConnectionState } from './reconnectingSocket';
import type {
  AgentClientEvent,
  AgentServerEvent,
  AgentSummary,
  Conversation,
  LoginChallenge,
  LoginResponse,
  Message,
} from './types';
import type { FetchLike, WebSocketConstructorLike } from './transport';
import { requestBinary } from './transport';
import { convertToApiError, KefuApiError, parseJsonOrNull } from './visitorWire';

export type * from './agentTypes';
export { parseAgentMessage, parseAgentServerEvent, parseConversation } from './agentWire';
export type { SocketConnectionState as AgentConnectionState } from './reconnectingSocket';

export interface KefuAgentClientOptions {
  /** Origin (and optional path prefix) of the Kefu server; `''` in a page served by Kefu itself. */
  baseUrl: string;
  /** A token from an earlier sign-in (e.g. kept in sessionStorage). */
  token?: string | null;
  fetch?: FetchLike;
  WebSocket?: WebSocketConstructorLike;
  /** First reconnect delay; doubles on each failure up to maxReconnectDelayMs (defaults 500 / 15000). */
  reconnectDelayMs?: number;
  maxReconnectDelayMs?: number;
  pingIntervalMs?: number;
}

export interface KefuAgentClientEvents {
  event: AgentServerEvent;
  connection: SocketConnectionState;
  /** The WebSocket reopened after a drop: events may have been missed, reload lists. */
  reconnected: undefined;
  /** The token was refused (expired, revoked): sign in again. */
  unauthorized: undefined;
}
type Listener<K extends keyof KefuAgentClientEvents> = (payload: KefuAgentClientEvents[K]) => void;
type ConversationAction = 'takeover' | 'handback' | 'resolve' | 'reopen' | 'open';

export class KefuAgentClient {
  private currentToken: string | null;
  private socket: ReconnectingSocket | null = null;
  private readonly baseUrl: string;
  private readonly fetchFunction: FetchLike;
  private readonly listeners: { [K in keyof KefuAgentClientEvents]: Set<Listener<K>> } = {
    event: new Set(),
    connection: new Set(),
    reconnected: new Set(),
    unauthorized: new Set(),
  };

  constructor(private readonly options: KefuAgentClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.currentToken = options.token ?? null;
    this.fetchFunction = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
  }

  get token(): string | null {
    return this.currentToken;
  }

  on<K extends keyof KefuAgentClientEvents>(name: K, listener: Listener<K>): () => void {
    this.listeners[name].add(listener);
    return () => this.listeners[name].delete(listener);
  }

  /** Signs in an agent without two-step verification (see `startLogin` for agents with it). */
  async login(email: string, password: string): Promise<LoginResponse> {
    const result = await this.startLogin(email, password);
    if ('challenge' in result) throw new Error('This account uses two-step verification: use startLogin');
    return result;
  }

  /** Signs in, or answers the challenge to send a code with when the agent has two-step verification. */
  async startLogin(email: string, password: string): Promise<LoginResponse | LoginChallenge> {
    const body = await this.request('POST', '/api/v1/auth/login', { email, password });
    const record = requireRecord(body);
    if (typeof record.challenge === 'string')
      return { challenge: record.challenge, challengeExpiresAt: readString(record, 'challengeExpiresAt') };
    return this.adopt(parseLoginResponse(body));
  }

  /** The second step: a code from the authenticator app, or a one-time recovery code. */
  async completeLogin(
    challenge: string,
    factor: { code: string } | { recoveryCode: string },
  ): Promise<LoginResponse> {
    const body = await this.request('POST', '/api/v1/auth/login/two-factor', { challenge, ...factor });
    return this.adopt(parseLoginResponse(body));
  }

  private adopt(session: LoginResponse): LoginResponse {
    this.currentToken = session.token;
    return session;
  }

  /** Revokes the token on the server and closes the WebSocket; the client can sign in again. */
  async logout(): Promise<void> {
    this.disconnect();
    if (this.currentToken) await this.request('POST', '/api/v1/auth/logout').catch(() => undefined);
    this.currentToken = null;
  }

  async me(): Promise<AgentSummary> {
    return parseAgentSummary(readField(await this.request('GET', '/api/v1/auth/me'), 'agent'));
  }

  async setPresence(presence: AgentPresence): Promise<AgentProfile> {
    const body = await this.request('PUT', '/api/v1/agent/presence', { presence });
    return parseAgentProfile(readField(body, 'agent'));
  }

  async listConversations(filter: ConversationFilter = {}): Promise<Conversation[]> {
    const query = toQueryString([
      ['status', filter.status],
      ['assignee', filter.assignee],
      ['channel', filter.channel],
      ['customerId', filter.customerId],
      ['q', filter.q],
      ['before', filter.before],
      ['limit', filter.limit],
    ]);
    const body = await this.request('GET', `/api/v1/agent/conversations${query}`);
    return readList(body, 'conversations', parseConversation);
  }

  async getConversation(conversationId: string): Promise<Conversation> {
    const body = await this.request(
      'GET',
      `/api/v1/agent/conversations/${encodeURIComponent(conversationId)}`,
    );
    return parseConversation(readField(body, 'conversation'));
  }

  /** Messages oldest first, private notes and the bot's analysis included. */
  async listMessages(
    conversationId: string,
    page: { after?: string; limit?: number } = {},
  ): Promise<Message[]> {
    const query = toQueryString([
      ['after', page.after],
      ['limit', page.limit],
    ]);
    const path = `${conversationPath(conversationId)}/messages${query}`;
    return readList(await this.request('GET', path), 'messages', parseAgentMessage);
  }

  async sendMessage(conversationId: string, input: SendAgentMessageInput): Promise<Message> {
    const body = await this.request('POST', `${conversationPath(conversationId)}/messages`, {
      text: input.text,
      private: input.isPrivate ?? false,
      clientMessageId: input.clientMessageId,
      channel: input.isPrivate ? undefined : input.channel,
    });
    return parseAgentMessage(readField(body, 'message'));
  }

  takeOver(conversationId: string): Promise<Conversation> {
    return this.runAction(conversationId, 'takeover');
  }

  handBack(conversationId: string): Promise<Conversation> {
    return this.runAction(conversationId, 'handback');
  }

  resolve(conversationId: string): Promise<Conversation> {
    return this.runAction(conversationId, 'resolve');
  }

  reopen(conversationId: string): Promise<Conversation> {
    return this.runAction(conversationId, 'reopen');
  }

  /** The agent has the conversation in front of them: when they hold it, the shopper hears a person joined. */
  markOpened(conversationId: string): Promise<Conversation> {
    return this.runAction(conversationId, 'open');
  }

  async getCustomer(customerId: string): Promise<CustomerProfile> {
    const body = await this.request('GET', `/api/v1/agent/customers/${encodeURIComponent(customerId)}`);
    return parseCustomerProfile(readField(body, 'customer'));
  }

  async listAgents(): Promise<AgentProfile[]> {
    return readList(await this.request('GET', '/api/v1/admin/agents'), 'agents', parseAgentProfile);
  }

  async createAgent(input: NewAgentInput): Promise<AgentProfile> {
    return parseAgentProfile(readField(await this.request('POST', '/api/v1/admin/agents', input), 'agent'));
  }

  async listBotRules(): Promise<BotRule[]> {
    return readList(await this.request('GET', '/api/v1/admin/bot/rules'), 'rules', parseBotRule);
  }

  async createBotRule(input: BotRuleInput): Promise<BotRule> {
    return parseBotRule(readField(await this.request('POST', '/api/v1/admin/bot/rules', input), 'rule'));
  }

  async updateBotRule(ruleId: string, patch: BotRulePatch): Promise<BotRule> {
    const body = await this.request('PATCH', `/api/v1/admin/bot/rules/${encodeURIComponent(ruleId)}`, patch);
    return parseBotRule(readField(body, 'rule'));
  }

  async deleteBotRule(ruleId: string): Promise<void> {
    await this.request('DELETE', `/api/v1/admin/bot/rules/${encodeURIComponent(ruleId)}`);
  }

  /** What the bot understands of a sentence and which keyword rule would answer it (admins). */
  async understand(text: string): Promise<BotUnderstanding> {
    return parseBotUnderstanding(await this.request('POST', '/api/v1/admin/bot/understand', { text }));
  }

  /** Opens the agent WebSocket and keeps it open (reconnecting with back-off) until disconnect(). */
  connect(): void {
    const SocketConstructor = this.options.WebSocket ?? readGlobalWebSocket();
    if (!SocketConstructor) throw new Error('No WebSocket implementation: pass options.WebSocket');
    this.socket ??= new ReconnectingSocket({
      WebSocket: SocketConstructor,
      resolveUrl: () =>
        `${toWebSocketOrigin(this.baseUrl)}/api/v1/agent/ws?token=${encodeURIComponent(this.currentToken ?? '')}`,
      pingFrame: JSON.stringify({ type: 'ping' } satisfies AgentClientEvent),
      onText: (text) => {
        const event = parseAgentServerEvent(parseJsonOrNull(text));
        if (event) this.emit('event', event);
      },
      onState: (state) => this.emit('connection', state),
      onReconnected: () => this.emit('reconnected', undefined),
      shouldRetryAfterRefusal: () => this.isTokenStillValid(),
      reconnectDelayMs: this.options.reconnectDelayMs,
      maxReconnectDelayMs: this.options.maxReconnectDelayMs,
      pingIntervalMs: this.options.pingIntervalMs,
    });
    this.socket.open();
  }

  disconnect(): void {
    this.socket?.close();
    this.socket = null;
  }

  /** Tells the shopper (and other agents) that this agent is typing in a conversation. */
  sendTyping(conversationId: string, isTyping: boolean): void {
    this.socket?.send(
      JSON.stringify({ type: 'typing', conversationId, isTyping } satisfies AgentClientEvent),
    );
  }

  /**
   * An authenticated call returning the parsed JSON body (401 handling included), for the API files
   * beside this one (agentServiceApi.ts …) that parse their own responses.
   */
  requestJson(method: string, path: string, payload?: unknown): Promise<unknown> {
    return this.request(method, path, payload);
  }

  private async runAction(conversationId: string, action: ConversationAction): Promise<Conversation> {
    const body = await this.request('POST', `${conversationPath(conversationId)}/${action}`);
    return parseConversation(readField(body, 'conversation'));
  }

  private async isTokenStillValid(): Promise<boolean> {
    try {
      await this.me();
      return true;
    } catch (error) {
      return !(error instanceof KefuApiError && error.status === 401);
    }
  }

  private async request(method: string, path: string, payload?: unknown): Promise<unknown> {
    return parseJsonOrNull(await this.requestText(method, path, payload));
  }

  /** A protected file, e.g. a photo a shopper sent (an attachment's `url`), to show as an object URL. */
  async fetchFile(url: string): Promise<Blob> {
    const absolute = /^https?:/i.test(url) ? url : `${this.baseUrl}${url}`;
    try {
      return await (await requestBinary(absolute, this.currentToken ?? '', { method: 'GET' })).blob();
    } catch (error) {
      if (error instanceof KefuApiError && error.status === 401) this.emit('unauthorized', undefined);
      throw error;
    }
  }

  /** Like requestJson, for a response body that is not JSON (an export file). */
  async requestText(method: string, path: string, payload?: unknown): Promise<string> {
    const headers: Record<string, string> = {};
    if (this.currentToken) headers.authorization = `Bearer ${this.currentToken}`;
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const body = payload === undefined ? undefined : JSON.stringify(payload);
    const response = await this.fetchFunction(`${this.baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    if (response.ok) return text;
    const error = convertToApiError(response.status, parseJsonOrNull(text));
    if (response.status === 401 && this.currentToken && path !== '/api/v1/auth/login')
      this.emit('unauthorized', undefined);
    throw error;
  }

  private emit<K extends keyof KefuAgentClientEvents>(name: K, payload: KefuAgentClientEvents[K]): void {
    for (const listener of this.listeners[name]) listener(payload);
  }
}

function conversationPath(conversationId: string): string {
  return `/api/v1/agent/conversations/${encodeURIComponent(conversationId)}`;
}

type QueryEntry = [name: string, value: string | number | readonly string[] | undefined];

function toQueryString(entries: readonly QueryEntry[]): string {
  const parameters = new URLSearchParams();
  for (const [key, value] of entries) {
    if (value === undefined || value === '') continue;
    if (typeof value === 'object') {
      if (value.length > 0) parameters.set(key, value.join(','));
    } else parameters.set(key, String(value));
  }
  const text = parameters.toString();
  return text ? `?${text}` : '';
}

/** `''` (same origin, in a browser) becomes the page's own ws(s):// origin. */
function toWebSocketOrigin(baseUrl: string): string {
  if (baseUrl) return baseUrl.replace(/^http/, 'ws');
  const location: unknown = Reflect.get(globalThis, 'location');
  const origin = typeof location === 'object' && location !== null ? Reflect.get(location, 'origin') : '';
  return typeof origin === 'string' ? origin.replace(/^http/, 'ws') : '';
}

function readGlobalWebSocket(): WebSocketConstructorLike | undefined {
  const candidate: unknown = Reflect.get(globalThis, 'WebSocket');
  return isWebSocketConstructor(candidate) ? candidate : undefined;
}

function isWebSocketConstructor(value: unknown): value is WebSocketConstructorLike {
  return typeof value === 'function';
}
