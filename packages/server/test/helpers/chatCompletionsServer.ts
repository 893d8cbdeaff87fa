import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export interface ChatCompletionRequest {
  authorization: string | undefined;
  body: { model: string; messages: { role: string; content: string }[] };
}

/**
 * A loopback server speaking the OpenAI chat-completions protocol, answering from a script. While held, the
 * answers wait until `release()`: a test can stop the bot in the middle of its turn.
 */
export class ChatCompletionsServer {
  readonly requests: ChatCompletionRequest[] = [];
  reply: { status: number; content: string } = { status: 200, content: 'NO_ANSWER' };
  private server: Server | null = null;
  private holding = false;
  private held: (() => void)[] = [];

  /** Resolves with the base URL. */
  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      void readBody(request).then((text) => this.receive(request, text, response));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('the chat server did not bind');
    return `http://127.0.0.1:${address.port}`;
  }

  hold(): void {
    this.holding = true;
  }

  release(): void {
    this.holding = false;
    for (const answer of this.held.splice(0)) answer();
  }

  async stop(): Promise<void> {
    this.release();
    await new Promise<void>((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }

  private receive(request: IncomingMessage, text: string, response: ServerResponse): void {
    if (request.method !== 'POST' || request.url !== '/v1/chat/completions') {
      response.writeHead(404).end();
      return;
    }
    this.requests.push({ authorization: request.headers.authorization, body: JSON.parse(text) });
    const answer = () => {
      response.writeHead(this.reply.status, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          id: 'chatcmpl-test',
          object: 'chat.completion',
          choices: [
            { index: 0, message: { role: 'assistant', content: this.reply.content }, finish_reason: 'stop' },
          ],
        }),
      );
    };
    if (this.holding) this.held.push(answer);
    else answer();
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}
