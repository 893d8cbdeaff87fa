import { request as httpRequest } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { guardedLookup } from './webhookTarget';

export interface WebhookPost {
  url: URL;
  headers: Record<string, string>;
  body: string;
  allowPrivateNetwork: boolean;
  timeoutMs: number;
}

export type WebhookResponse =
  | { kind: 'answered'; statusCode: number; retryAfter: string | null; excerpt: string; latencyMs: number }
  | { kind: 'unreachable'; error: string; latencyMs: number };

const excerptBytes = 512;

/**
 * POSTs one signed webhook and reads at most the start of the answer. Redirects are not followed (a 3xx is an
 * answer like any other): following one would send the signed body to an address nobody checked.
 */
export function postWebhook(post: WebhookPost, now: () => number = Date.now): Promise<WebhookResponse> {
  const started = now();
  const send = post.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const outgoing = send(
      post.url,
      {
        method: 'POST',
        headers: {
          ...post.headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(post.body)),
          'user-agent': 'Kefu-Webhooks/1',
        },
        lookup: guardedLookup(post.allowPrivateNetwork),
        timeout: post.timeoutMs,
      },
      (response) => {
        readExcerpt(response).then((excerpt) =>
          resolve({
            kind: 'answered',
            statusCode: response.statusCode ?? 0,
            retryAfter: headerText(response.headers['retry-after']),
            excerpt,
            latencyMs: now() - started,
          }),
        );
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${post.timeoutMs} ms`)));
    outgoing.on('error', (error) =>
      resolve({ kind: 'unreachable', error: error.message.slice(0, 300), latencyMs: now() - started }),
    );
    outgoing.end(post.body);
  });
}

function readExcerpt(response: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const finish = () => resolve(Buffer.concat(chunks).subarray(0, excerptBytes).toString('utf8'));
    response.on('data', (chunk: Buffer) => {
      if (length < excerptBytes) chunks.push(chunk);
      length += chunk.length;
      if (length >= excerptBytes) {
        response.destroy();
        finish();
      }
    });
    response.on('end', finish);
    response.on('error', finish);
    response.on('close', finish);
  });
}

function headerText(value: string | string[] | undefined): string | null {
  return typeof value === 'string' ? value : null;
}
