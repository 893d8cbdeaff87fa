import { z } from 'zod';
import { DeliveryError } from '../channelAdapter';

const requestTimeoutMs = 10_000;

/** Every Bot API answer: `ok` with the method's `result`, or `ok: false` with the reason. */
const botAnswerSchema = z.object({
  ok: z.boolean(),
  result: z.unknown().optional(),
  error_code: z.number().optional(),
  description: z.string().optional(),
  parameters: z.object({ retry_after: z.number().optional() }).optional(),
});

/**
 * Calls the Telegram Bot API (`https://api.telegram.org/bot<token>/<method>`, JSON in and out). A refusal is a
 * `DeliveryError` naming Telegram's description — never the URL, which carries the bot's token —, retried when
 * Telegram asks for it later (429, 5xx) or could not be reached.
 * https://core.telegram.org/bots/api#making-requests
 */
export class TelegramBotApi {
  constructor(
    private readonly baseUrl: string,
    private readonly botToken: string,
  ) {}

  async call(method: string, parameters: Record<string, unknown> = {}): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}/bot${this.botToken}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(parameters),
        signal: AbortSignal.timeout(requestTimeoutMs),
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'request failed';
      throw new DeliveryError(`Telegram could not be reached: ${reason}`, true);
    }
    const answer = botAnswerSchema.safeParse(await response.json().catch(() => null));
    if (!answer.success)
      throw new DeliveryError(`Telegram answered HTTP ${response.status} without its JSON`, true);
    if (answer.data.ok) return answer.data.result;
    const code = answer.data.error_code ?? response.status;
    const description = (answer.data.description ?? '').slice(0, 200);
    throw new DeliveryError(describeRefusal(code, description), code === 429 || code >= 500);
  }
}

function describeRefusal(code: number, description: string): string {
  if (code === 401 || code === 404) return `Telegram refused the bot token (${code} ${description})`;
  if (code === 403) return `the shopper has blocked the bot or never started it (${description})`;
  return `Telegram refused the request (${code} ${description})`;
}
