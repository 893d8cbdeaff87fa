// What the clients need of the platform: fetch and WebSocket (browsers and Node 20 both have fetch;
// Node has no global WebSocket, so callers pass one in), and the few helpers built on them.
import { convertToApiError, parseJsonOrNull } from './visitorWire';

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

/** A unique id for optimistic sends; keep it to retry the same message safely. */
export function createClientMessageId(): string {
  const random =
    globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
  return `cmid_${random}`;
}

/**
 * A request whose body or answer is not JSON (a photo); uses the platform's fetch, which both
 * browsers and Node 20 have. A refusal becomes a KefuApiError like every other request's.
 */
export async function requestBinary(
  url: string,
  token: string,
  init: { method: string; body?: FormData },
): Promise<Response> {
  const response = await globalThis.fetch(url, { ...init, headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw convertToApiError(response.status, parseJsonOrNull(await response.text()));
  return response;
}

export function readGlobalWebSocket(): WebSocketConstructorLike | undefined {
  const candidate: unknown = Reflect.get(globalThis, 'WebSocket');
  return isWebSocketConstructor(candidate) ? candidate : undefined;
}

function isWebSocketConstructor(value: unknown): value is WebSocketConstructorLike {
  return typeof value === 'function';
}

/** `?a=1&b=2` from the defined, non-empty parameters; '' when there are none. */
export function toQueryString(parameters: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(parameters))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
