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

/** `File`: where a file can be downloaded (valid for at least an hour). */
const telegramFileSchema = z.object({
  file_id: z.string(),
  file_size: z.number().int().optional(),
  file_path: z.string().optional(),
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
    return this.request(method, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(parameters),
    });
  }

  /** A method with a file uploaded as multipart/form-data (sendPhoto's `photo`), the other fields as text. */
  async callWithFile(
    method: string,
    fields: Record<string, string>,
    file: { field: string; bytes: Buffer; contentType: string; fileName: string },
  ): Promise<unknown> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    const blob = new Blob([new Uint8Array(file.bytes)], { type: file.contentType });
    form.append(file.field, blob, file.fileName);
    return this.request(method, { body: form });
  }

  /**
   * A file the bot may read (up to 20 MB): `getFile` names its path, then it is downloaded from
   * `<base>/file/bot<token>/<file_path>`. Refused beyond `maxBytes`, by the size Telegram names and by the bytes.
   * https://core.telegram.org/bots/api#getfile
   */
  async downloadFile(fileId: string, maxBytes: number): Promise<Buffer> {
    const file = telegramFileSchema.safeParse(await this.call('getFile', { file_id: fileId }));
    if (!file.success || !file.data.file_path)
      throw new DeliveryError('Telegram named no path for the file', false);
    if ((file.data.file_size ?? 0) > maxBytes) throw new DeliveryError('the file is too large', false);
    const response = await this.fetchOrThrow(
      `${this.baseUrl}/file/bot${this.botToken}/${file.data.file_path}`,
      {
        method: 'GET',
      },
    );
    if (!response.ok) throw new DeliveryError(`Telegram answered HTTP ${response.status} for the file`, true);
    const bytes = Buffer.from(await response.arrayBuffer());
    if (bytes.length > maxBytes) throw new DeliveryError('the file is too large', false);
    return bytes;
  }

  private async request(
    method: string,
    init: { headers?: Record<string, string>; body: NonNullable<RequestInit['body']> },
  ) {
    const response = await this.fetchOrThrow(`${this.baseUrl}/bot${this.botToken}/${method}`, {
      method: 'POST',
      ...init,
    });
    const answer = botAnswerSchema.safeParse(await response.json().catch(() => null));
    if (!answer.success)
      throw new DeliveryError(`Telegram answered HTTP ${response.status} without its JSON`, true);
    if (answer.data.ok) return answer.data.result;
    const code = answer.data.error_code ?? response.status;
    const description = (answer.data.description ?? '').slice(0, 200);
    throw new DeliveryError(describeRefusal(code, description), code === 429 || code >= 500);
  }

  /** The URL carries the bot's token: a failure names the reason only. */
  private async fetchOrThrow(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(requestTimeoutMs) });
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'request failed';
      throw new DeliveryError(`Telegram could not be reached: ${reason}`, true);
    }
  }
}

function describeRefusal(code: number, description: string): string {
  if (code === 401 || code === 404) return `Telegram refused the bot token (${code} ${description})`;
  if (code === 403) return `the shopper has blocked the bot or never started it (${description})`;
  return `Telegram refused the request (${code} ${description})`;
}
