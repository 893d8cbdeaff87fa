import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** The body's bytes (a multipart upload is not text). */
  rawBody: Buffer;
}

export interface LoopbackAnswer {
  status: number;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as they are (a file), with `contentType`, instead of a JSON body. */
  rawBody?: Buffer;
  contentType?: string;
  delayMs?: number;
}

export type LoopbackHandler = (request: RecordedRequest) => LoopbackAnswer | Promise<LoopbackAnswer>;

/** A real HTTP server on 127.0.0.1 standing in for a shop system; records every request it gets. */
export async function startLoopbackServer(
  handler: LoopbackHandler,
): Promise<{ baseUrl: string; requests: RecordedRequest[]; close(): Promise<void> }> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks);
      const recorded = {
        method: request.method ?? 'GET',
        url: request.url ?? '/',
        headers: request.headers,
        body: rawBody.toString('utf8'),
        rawBody,
      };
      requests.push(recorded);
      void Promise.resolve(handler(recorded)).then((answer) =>
        setTimeout(() => {
          if (answer.rawBody) {
            response.writeHead(answer.status, {
              'content-type': answer.contentType ?? 'application/octet-stream',
            });
            response.end(answer.rawBody);
            return;
          }
          response.writeHead(answer.status, { 'content-type': 'application/json' });
          response.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
        }, answer.delayMs ?? 0),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
