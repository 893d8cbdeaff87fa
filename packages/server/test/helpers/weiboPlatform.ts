import { randomBytes } from 'node:crypto';
import { signWeiboPush } from '../../src/modules/channels/weibo/weiboPushes';
import { startLoopbackServer } from './loopbackServer';
import type { RecordedRequest } from './loopbackServer';

/** One reply Kefu sent: the form's fields, with `data` decoded (URL-encoded JSON, as documented). */
export interface WeiboReply {
  receiverId: string;
  type: string;
  data: Record<string, unknown>;
  status: number;
}

/**
 * Weibo's APIs on loopback for one account's access token: `messages/reply.json` and
 * `oauth2/get_token_info` (form-encoded). Another token is refused with 21332 as Weibo does;
 * `failNextReplies` answers that many replies with a system error (10001, HTTP 500) first.
 */
export class WeiboPlatform {
  readonly replies: WeiboReply[] = [];
  failNextReplies = 0;
  private server: Awaited<ReturnType<typeof startLoopbackServer>> | null = null;
  private nextId = 4_000_000_000_000_000;

  constructor(
    private readonly uid: string,
    private readonly accessToken: string,
  ) {}

  get baseUrl(): string {
    return this.server?.baseUrl ?? '';
  }

  async start(): Promise<void> {
    this.server = await startLoopbackServer((request) => this.answer(request));
  }

  async close(): Promise<void> {
    await this.server?.close();
  }

  private answer(request: RecordedRequest): { status: number; body: unknown } {
    const form = new URLSearchParams(request.body);
    if (form.get('access_token') !== this.accessToken)
      return {
        status: 403,
        body: { error: 'invalid_access_token', error_code: 21332, request: request.url },
      };
    if (request.url === '/oauth2/get_token_info')
      return {
        status: 200,
        body: { uid: Number(this.uid), appkey: '1234567890', scope: '', create_at: 1, expire_in: 157679999 },
      };
    if (request.url !== '/2/messages/reply.json')
      return { status: 404, body: { error: 'not found', error_code: 10014, request: request.url } };
    const failing = this.failNextReplies > 0;
    if (failing) this.failNextReplies -= 1;
    const status = failing ? 500 : 200;
    this.replies.push({
      receiverId: form.get('receiver_id') ?? '',
      type: form.get('type') ?? '',
      data: JSON.parse(decodeURIComponent(form.get('data') ?? '%7B%7D')),
      status,
    });
    if (failing) return { status, body: { error: 'system error', error_code: 10001, request: request.url } };
    this.nextId += 1;
    return { status, body: { id: this.nextId, idstr: String(this.nextId), type: 'text' } };
  }
}

/** The query Weibo adds to a push or URL check: signature over the App Secret, timestamp (ms) and nonce. */
export function signWeiboQuery(appSecret: string, timestampMs = Date.now()): URLSearchParams {
  const timestamp = String(timestampMs);
  const nonce = String(randomBytes(4).readUInt32BE());
  return new URLSearchParams({ signature: signWeiboPush(appSecret, timestamp, nonce), timestamp, nonce });
}
