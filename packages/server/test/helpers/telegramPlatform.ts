import { startLoopbackServer } from './loopbackServer';
import type { LoopbackAnswer, RecordedRequest } from './loopbackServer';

/** A file uploaded in a multipart call (sendPhoto's `photo`). */
export interface UploadedFile {
  name: string;
  type: string;
  bytes: Buffer;
}

/** One Bot API call Kefu made: the method and its parameters (JSON, or the fields of a multipart form). */
export interface BotApiCall {
  method: string;
  parameters: Record<string, unknown>;
  /** Sent as multipart/form-data: its files by field. */
  files: Record<string, UploadedFile> | null;
  /** What the platform answered (HTTP status). */
  status: number;
}

/**
 * Telegram's Bot API on loopback for one bot token: `getMe`, `setWebhook`, `sendMessage` and `sendPhoto`
 * (JSON or multipart; message ids counting up), `getFile` for the files in `files`, served at
 * `/file/bot<token>/<file_path>`. Another token is refused with 401 as Telegram does; `failNextSends` answers
 * that many sendMessage calls with 500 first, so retries show; a file id in `unavailableFiles` gets getFile's 400.
 */
export class TelegramPlatform {
  readonly calls: BotApiCall[] = [];
  /** Files shoppers sent, by file_id. */
  readonly files = new Map<string, Buffer>();
  readonly unavailableFiles = new Set<string>();
  /** Downloads of files (`/file/bot<token>/<path>`), by path. */
  readonly downloads: string[] = [];
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

  private async answer(request: RecordedRequest): Promise<LoopbackAnswer> {
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(request.url);
    if (download) return this.serveFile(download[1] ?? '', download[2] ?? '');
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(request.url);
    const method = match?.[2] ?? '';
    const { parameters, files } = await readParameters(request);
    const result = this.handle(match?.[1] ?? '', method, parameters);
    this.calls.push({ method, parameters, files, status: result.status });
    return result;
  }

  private serveFile(token: string, path: string): LoopbackAnswer {
    this.downloads.push(path);
    const fileId = path.replace(/^photos\//, '').replace(/\.\w+$/, '');
    const bytes = this.files.get(fileId);
    if (token !== this.botToken || !bytes) return { status: 404, body: { ok: false, error_code: 404 } };
    return { status: 200, rawBody: bytes, contentType: 'application/octet-stream' };
  }

  /** getFile: the file's size and its path for the download (https://core.telegram.org/bots/api#file). */
  private fileInfo(fileId: unknown) {
    const bytes = this.files.get(String(fileId));
    if (!bytes || this.unavailableFiles.has(String(fileId)))
      return {
        status: 400,
        body: { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' },
      };
    const result = {
      file_id: String(fileId),
      file_unique_id: `u${String(fileId).slice(0, 8)}`,
      file_size: bytes.length,
      file_path: `photos/${String(fileId)}.jpg`,
    };
    return { status: 200, body: { ok: true, result } };
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
    if (method === 'getFile') return this.fileInfo(parameters.file_id);
    if (method !== 'sendMessage' && method !== 'sendPhoto')
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
        result: {
          message_id: this.nextMessageId,
          chat,
          date: 1441645600,
          ...(method === 'sendPhoto' ? { caption: parameters.caption } : { text: parameters.text }),
        },
      },
    };
  }
}

/** A call's parameters: its JSON body, or the text fields and files of its multipart form. */
async function readParameters(
  request: RecordedRequest,
): Promise<{ parameters: Record<string, unknown>; files: Record<string, UploadedFile> | null }> {
  const type = String(request.headers['content-type'] ?? '');
  if (!type.startsWith('multipart/form-data'))
    return { parameters: request.body ? JSON.parse(request.body) : {}, files: null };
  const form = await new Response(new Uint8Array(request.rawBody), {
    headers: { 'content-type': type },
  }).formData();
  const parameters: Record<string, unknown> = {};
  const files: Record<string, UploadedFile> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') parameters[name] = value;
    else files[name] = { name: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()) };
  }
  return { parameters, files };
}
