import assert from 'node:assert/strict';
import WebSocket from 'ws';
import type { VisitorSessionResponse } from '@kefu/sdk';

export interface JsonResponse<Body> {
  status: number;
  body: Body;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  /** Sent as-is with a JSON content type, for malformed-input tests. */
  rawBody?: string;
}

/** A JSON request to the test server. The body type is the caller's expectation; the status is checked by the test. */
export async function requestJson<Body = ErrorBody>(
  baseUrl: string,
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<JsonResponse<Body>> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let payload: string | undefined;
  if (options.rawBody !== undefined) payload = options.rawBody;
  else if (options.body !== undefined) payload = JSON.stringify(options.body);
  if (payload !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body: payload });
  const text = await response.text();
  const body: Body =
    text.length > 0 && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
  return { status: response.status, body };
}

export interface ErrorBody {
  error: { code: string; message: string };
}

/** A real WebSocket client that records every JSON frame and can wait for one matching a predicate. */
export class RecordingSocket {
  readonly frames: Record<string, unknown>[] = [];
  private waiters: {
    predicate: (frame: Record<string, unknown>) => boolean;
    resolve: (frame: Record<string, unknown>) => void;
  }[] = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const frame: Record<string, unknown> = JSON.parse(String(data));
      this.frames.push(frame);
      this.waiters = this.waiters.filter((waiter) => {
        if (!waiter.predicate(frame)) return true;
        waiter.resolve(frame);
        return false;
      });
    });
  }

  static async connect(url: string): Promise<RecordingSocket> {
    const socket = new WebSocket(url);
    const recorder = new RecordingSocket(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
      socket.once('unexpected-response', (_request, response) =>
        reject(new Error(`upgrade refused: ${response.statusCode}`)),
      );
    });
    return recorder;
  }

  /** Resolves with the first frame (already received or coming) that matches; rejects after `timeoutMs`. */
  waitFor(
    predicate: (frame: Record<string, unknown>) => boolean,
    timeoutMs = 5_000,
  ): Promise<Record<string, unknown>> {
    const existing = this.frames.find(predicate);
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no matching WebSocket frame arrived')), timeoutMs);
      this.waiters.push({
        predicate,
        resolve: (frame) => {
          clearTimeout(timer);
          resolve(frame);
        },
      });
    });
  }

  send(frame: unknown): void {
    this.socket.send(JSON.stringify(frame));
  }

  close(): void {
    this.socket.close();
  }
}

export function toWebSocketUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/^http/, 'ws')}${path}`;
}

/** Matches a realtime `message.created` frame carrying this text. */
export const messageWithText =
  (text: string) =>
  (frame: Record<string, unknown>): boolean =>
    frame.type === 'message.created' &&
    typeof frame.message === 'object' &&
    frame.message !== null &&
    'text' in frame.message &&
    frame.message.text === text;

/** A new visitor session, or the returning visitor's whose earlier session token is given; asserts 201. */
export async function startVisitorSession(
  baseUrl: string,
  body: object = {},
  resumeToken?: string,
): Promise<VisitorSessionResponse> {
  const response = await requestJson<VisitorSessionResponse>(baseUrl, 'POST', '/api/v1/visitor/sessions', {
    body,
    ...(resumeToken && { token: resumeToken }),
  });
  assert.equal(response.status, 201);
  return response.body;
}
