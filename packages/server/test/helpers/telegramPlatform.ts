import { startLoopbackServer } from './loopbackServer';
import type { RecordedRequest } from './loopbackServer';

/** One Bot API call Kefu made: the method and its JSON parameters. */
export interface BotApiCall {
  method: string;
  parameters: Record<string, unknown>;
  /** What the platform answered (HTTP status). */
  status: number;
}

/**
 * Telegram's Bot API on loopback for one bot token: `getMe`, `setWebhook`, `sendMessage` (message ids
 * counting up) at `/bot<token>/<method>`. Another token is refused with 401 as Telegram does;
 * `failNextSends` answers that many sendMessage calls with 500 first, so retries show.
 */
export class TelegramPlatform {
  readonly calls: BotApiCall[] = [];
  failNextSends = 0;
  private server: Awaited<ReturnType<typeof startLoopbackServer>> | null = null;
  private nextMessageId = 500;

  constructor(private readonly botToken: string) {}

  get baseUrl(): string {
    return this.server?.baseUrl ?? '';
  }

  async start(): Promise<void> {
    this.server = await startLoopbackServer((request) => this.answer(request));
  }

  callsTo(method: string): BotApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  async close(): Promise<void> {
    await this.server?.close();
  }

  private answer(request: RecordedRequest): { status: number; body: unknown } {
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(request.url);
    const method = match?.[2] ?? '';
    const parameters: Record<string, unknown> = request.body ? JSON.parse(request.body) : {};
    const result = this.handle(match?.[1] ?? '', method, parameters);
    this.calls.push({ method, parameters, status: result.status });
    return result;
  }

  private handle(token: string, method: string, parameters: Record<string, unknown>) {
    if (token !== this.botToken)
      return { status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } };
    if (method === 'getMe')
      return {
        status: 200,
        body: {
          ok: true,
          result: { id: 7000000001, is_bot: true, first_name: 'Kefu Shop', username: 'kefu_shop_bot' },
        },
      };
    if (method === 'setWebhook')
      return { status: 200, body: { ok: true, result: true, description: 'Webhook was set' } };
    if (method !== 'sendMessage')
      return { status: 404, body: { ok: false, error_code: 404, description: 'Not Found' } };
    if (this.failNextSends > 0) {
      this.failNextSends -= 1;
      return { status: 500, body: { ok: false, error_code: 500, description: 'Internal Server Error' } };
    }
    this.nextMessageId += 1;
    const chat = { id: Number(parameters.chat_id), type: 'private' };
    return {
      status: 200,
      body: {
        ok: true,
        result: { message_id: this.nextMessageId, chat, date: 1441645600, text: parameters.text },
      },
    };
  }
}
