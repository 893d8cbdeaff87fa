import { z } from 'zod';
import { DeliveryError } from '../channelAdapter';

const requestTimeoutMs = 10_000;
/** Weibo's system errors and rate limits: worth asking again later. */
const retryableErrorCodes = new Set([10001, 10002, 10009, 10022, 10023, 10024]);

const errorAnswerSchema = z.object({ error_code: z.number(), error: z.string().optional() });
const tokenInfoSchema = z.object({ uid: z.union([z.number(), z.string()]).transform(String) });
const sentMessageSchema = z.object({ id: z.union([z.number(), z.string()]).transform(String) });

/**
 * Weibo's APIs as the fan-service platform uses them: the reply API on m.api.weibo.com and the token check
 * on api.weibo.com (one address serves both when the account names another). Form-encoded requests with the
 * access token; an error answer (`error_code`) is a `DeliveryError` that never carries the token.
 */
export class WeiboApi {
  constructor(
    private readonly baseUrl: string | null,
    private readonly accessToken: string,
  ) {}

  /**
   * `messages/reply.json`: `type=text` and `data` the URL-encoded JSON `{"text": …}`, as documented.
   * https://open.weibo.com/wiki/C/2/messages/reply/biz-en
   */
  async replyWithText(receiverId: string, text: string): Promise<string | null> {
    const answer = await this.post(`${this.baseUrl ?? 'https://m.api.weibo.com'}/2/messages/reply.json`, {
      type: 'text',
      data: encodeURIComponent(JSON.stringify({ text })),
      receiver_id: receiverId,
    });
    return sentMessageSchema.safeParse(answer).data?.id ?? null;
  }

  /** `oauth2/get_token_info`: the uid the token acts for (a refusal when it is invalid or expired). */
  async tokenOwner(): Promise<string> {
    const answer = await this.post(`${this.baseUrl ?? 'https://api.weibo.com'}/oauth2/get_token_info`, {});
    const info = tokenInfoSchema.safeParse(answer);
    if (!info.success) throw new DeliveryError('Weibo answered the token check without a uid', true);
    return info.data.uid;
  }

  private async post(url: string, fields: Record<string, string>): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ access_token: this.accessToken, ...fields }).toString(),
        signal: AbortSignal.timeout(requestTimeoutMs),
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'request failed';
      throw new DeliveryError(`Weibo could not be reached: ${reason}`, true);
    }
    const answer: unknown = await response.json().catch(() => null);
    const refusal = errorAnswerSchema.safeParse(answer);
    if (refusal.success) {
      const { error_code: code, error: message = '' } = refusal.data;
      throw new DeliveryError(
        `Weibo refused the request (${code} ${message.slice(0, 200)})`,
        retryableErrorCodes.has(code) || response.status >= 500,
      );
    }
    if (!response.ok)
      throw new DeliveryError(`Weibo answered HTTP ${response.status}`, response.status >= 500);
    if (answer === null) throw new DeliveryError('Weibo answered with something that is not JSON', true);
    return answer;
  }
}
