import type { Clock } from '../../../clock';
import { DeliveryError } from '../channelAdapter';

/** WeChat's JSON answers: `errcode` 0 (or absent) on success, with the call's own fields. */
export type WeChatAnswer = Record<string, unknown> & { errcode?: number; errmsg?: string };

/** Access-token errors: invalid (40001, 40014) or expired (42001); fetching a fresh token once helps. */
const tokenErrorCodes = new Set([40001, 40014, 42001]);
/** System busy and rate limits: worth asking again later. */
const retryableErrorCodes = new Set([-1, 45009, 45011]);
/** A token is used until shortly before WeChat says it expires. */
const expiryMarginMs = 5 * 60_000;
const requestTimeoutMs = 10_000;

export interface WeChatTokenSource {
  /** Where the platform's API is (api.weixin.qq.com, qyapi.weixin.qq.com, a loopback in tests). */
  baseUrl: string;
  /** The path and query that fetch a token (`/cgi-bin/token?…`, `/cgi-bin/gettoken?…`). */
  tokenPath: string;
}

/**
 * Calls a WeChat API with an access token, cached until shortly before it expires and shared by concurrent
 * calls; when WeChat says the token is invalid or expired (another process fetched a newer one, or it was
 * reset) a fresh one is fetched once and the call repeated. Errors are `DeliveryError`s that never carry the
 * token or the secret.
 */
export class WeChatApiClient {
  private token: { value: string; expiresAt: number } | null = null;
  private fetching: Promise<string> | null = null;

  constructor(
    private readonly source: WeChatTokenSource,
    private readonly clock: Clock,
  ) {}

  /** POSTs JSON to `path` (e.g. `/cgi-bin/message/custom/send`) with the token; the answer when errcode is 0. */
  async post(path: string, body: unknown): Promise<WeChatAnswer> {
    const first = await this.postWithToken(path, body, await this.accessToken());
    if (!tokenErrorCodes.has(first.errcode ?? 0)) return checkAnswer(first);
    this.token = null;
    return checkAnswer(await this.postWithToken(path, body, await this.accessToken()));
  }

  /**
   * POSTs a file as multipart/form-data (the temporary media upload: field `media`) with the token; the
   * answer when errcode is 0. The form is built anew for a repeated call.
   */
  async postFile(
    path: string,
    file: { bytes: Buffer; fileName: string; contentType: string },
  ): Promise<WeChatAnswer> {
    const send = async (): Promise<WeChatAnswer> => {
      const form = new FormData();
      form.append('media', new Blob([new Uint8Array(file.bytes)], { type: file.contentType }), file.fileName);
      return requestJson(withToken(this.source.baseUrl, path, await this.accessToken()), {
        method: 'POST',
        body: form,
      });
    };
    const first = await send();
    if (!tokenErrorCodes.has(first.errcode ?? 0)) return checkAnswer(first);
    this.token = null;
    return checkAnswer(await send());
  }

  /** GETs `path` (e.g. `/cgi-bin/user/info?openid=…`) with the token; the answer when errcode is 0. */
  async get(path: string): Promise<WeChatAnswer> {
    const first = await requestJson(withToken(this.source.baseUrl, path, await this.accessToken()));
    if (!tokenErrorCodes.has(first.errcode ?? 0)) return checkAnswer(first);
    this.token = null;
    return checkAnswer(await requestJson(withToken(this.source.baseUrl, path, await this.accessToken())));
  }

  /** A fresh token from the platform (the console's connection test): proves the id and secret. */
  async refreshToken(): Promise<void> {
    this.token = null;
    await this.accessToken();
  }

  private accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt > this.clock.now().getTime())
      return Promise.resolve(this.token.value);
    this.fetching ??= this.fetchToken().finally(() => {
      this.fetching = null;
    });
    return this.fetching;
  }

  private async fetchToken(): Promise<string> {
    const answer = checkAnswer(await requestJson(`${this.source.baseUrl}${this.source.tokenPath}`));
    const value = answer.access_token;
    const expiresIn = typeof answer.expires_in === 'number' ? answer.expires_in : 7200;
    if (typeof value !== 'string' || value.length === 0)
      throw new DeliveryError('WeChat answered without an access token', true);
    const expiresAt = this.clock.now().getTime() + Math.max(expiresIn * 1000 - expiryMarginMs, 30_000);
    this.token = { value, expiresAt };
    return value;
  }

  private postWithToken(path: string, body: unknown, token: string): Promise<WeChatAnswer> {
    return requestJson(withToken(this.source.baseUrl, path, token), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // Unescaped Chinese: WeChat's send API documents UTF-8 text, not \u escapes.
      body: JSON.stringify(body),
    });
  }
}

function withToken(baseUrl: string, path: string, token: string): string {
  const separator = path.includes('?') ? '&' : '?';
  return `${baseUrl}${path}${separator}access_token=${encodeURIComponent(token)}`;
}

async function requestJson(url: string, init: RequestInit = {}): Promise<WeChatAnswer> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(requestTimeoutMs) });
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'request failed';
    throw new DeliveryError(`WeChat could not be reached: ${reason}`, true);
  }
  if (!response.ok)
    throw new DeliveryError(`WeChat answered HTTP ${response.status}`, response.status >= 500);
  try {
    const answer: unknown = await response.json();
    if (answer && typeof answer === 'object' && !Array.isArray(answer)) return { ...answer };
  } catch {
    // Reported below.
  }
  throw new DeliveryError('WeChat answered with something that is not JSON', true);
}

function checkAnswer(answer: WeChatAnswer): WeChatAnswer {
  const code = typeof answer.errcode === 'number' ? answer.errcode : 0;
  if (code === 0) return answer;
  const message = typeof answer.errmsg === 'string' ? answer.errmsg.slice(0, 200) : '';
  throw new DeliveryError(describeRefusal(code, message), retryableErrorCodes.has(code));
}

function describeRefusal(code: number, message: string): string {
  if (code === 45015)
    return 'the 48-hour reply window has closed: WeChat takes no message until the shopper writes';
  if (code === 40001 || code === 40125 || code === 40013)
    return `WeChat refused the account's credentials (${code} ${message})`;
  return `WeChat refused the request (${code} ${message})`;
}
