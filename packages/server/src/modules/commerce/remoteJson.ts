import type { z } from 'zod';
import type { CommerceFailure, CommerceResult } from './connector';
import { fail, succeed } from './connector';

export interface RemoteRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  timeoutMs: number;
}

/**
 * One JSON call to a shop system, its answer validated against the shape we expect. Every way it can go
 * wrong becomes a typed failure: 404 → not_found, 409/422 → rejected, anything else → unavailable.
 * Error texts name the status and path only, never headers (they carry the shop's credentials).
 */
export async function callRemoteJson<Schema extends z.ZodType>(
  request: RemoteRequest,
  schema: Schema,
): Promise<CommerceResult<z.infer<Schema>>> {
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: {
        accept: 'application/json',
        ...request.headers,
        ...(request.body !== undefined && { 'content-type': 'application/json' }),
      },
      body: request.body === undefined ? null : JSON.stringify(request.body),
      signal: AbortSignal.timeout(request.timeoutMs),
    });
  } catch (error) {
    return fail({
      kind: 'unavailable',
      detail: `${request.method} ${pathOf(request.url)}: ${describe(error)}`,
    });
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) return fail(failureForStatus(response.status, text, request));
  const parsed = schema.safeParse(parseJson(text));
  if (!parsed.success)
    return fail({
      kind: 'unavailable',
      detail: `${request.method} ${pathOf(request.url)}: unexpected response shape`,
    });
  return succeed(parsed.data);
}

function failureForStatus(status: number, text: string, request: RemoteRequest): CommerceFailure {
  if (status === 404) return { kind: 'not_found' };
  if (status === 409 || status === 422) return { kind: 'rejected', reason: readReason(text) };
  if (status === 501) return { kind: 'unsupported' };
  return { kind: 'unavailable', detail: `${request.method} ${pathOf(request.url)}: HTTP ${status}` };
}

function readReason(text: string): string {
  const body = parseJson(text);
  if (body && typeof body === 'object') {
    for (const key of ['reason', 'error', 'errors', 'message']) {
      const value: unknown = key in body ? Reflect.get(body, key) : undefined;
      if (typeof value === 'string') return value.slice(0, 200);
      if (value !== undefined) return JSON.stringify(value).slice(0, 200);
    }
  }
  return 'rejected';
}

function parseJson(text: string): unknown {
  try {
    return text.length > 0 ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '?';
  }
}

function describe(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'timed out';
  return error instanceof Error ? error.message : String(error);
}
