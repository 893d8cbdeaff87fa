import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server, ServerResponse } from 'node:http';
import type {
  ChannelAccountView,
  ConnectionTest,
} from '../../src/modules/channels/accounts/channelAccountSchemas';
import { WeChatMessageCrypto, signWeChat } from '../../src/modules/channels/wechat/wechatMessageCrypto';
import { requestJson } from './http';

/** One call Kefu made to the platform's API (token in the query, JSON body). */
export interface PlatformCall {
  path: string;
  query: URLSearchParams;
  body: Record<string, unknown>;
  /** The errcode the platform answered. */
  errcode: number;
}

/** One temporary media upload Kefu made. */
export interface MediaUpload {
  /** The `type` query parameter (`image`). */
  type: string;
  bytes: Buffer;
  contentType: string;
  mediaId: string;
}

export interface SignedPush {
  token: string;
  /** Safe mode: the EncodingAESKey and receiver id (app id or corp id); plain mode when absent. */
  encryption?: { encodingAesKey: string; receiverId: string };
  timestamp?: number;
  /** Mini programs push JSON: the encrypted envelope is `{ ToUserName, Encrypt }`. */
  json?: boolean;
}

/**
 * WeChat's servers on loopback, for Official Accounts (api.weixin.qq.com) and WeChat customer service
 * (qyapi.weixin.qq.com): access tokens (`/cgi-bin/token`, `/cgi-bin/gettoken`) for one id and secret,
 * the customer-service send APIs, `kf/sync_msg` with a cursor over `kfMessages`, `kf/service_state/trans`.
 * A token listed in `expiredTokens` is refused with 42001, as WeChat refuses one it has replaced.
 */
export class WeChatPlatform {
  readonly calls: PlatformCall[] = [];
  readonly expiredTokens = new Set<string>();
  /** The unionid `/cgi-bin/user/info` names for a follower's openid (an account bound to an Open Platform). */
  readonly unionIds = new Map<string, string>();
  /** The unionid `kf/customer/batchget` names for a WeCom kf external_userid (an enterprise bound to an Open Platform). */
  readonly kfUnionIds = new Map<string, string>();
  /** `kf/customer/batchget` answers with a system error (-1) while set. */
  failKfCustomerLookups = false;
  /** Messages `kf/sync_msg` hands out, from the cursor (the index) on. */
  readonly kfMessages: Record<string, unknown>[] = [];
  /** WeCom kf session states by external_userid (0, new, until changed with service_state/trans). */
  readonly kfSessionStates = new Map<string, number>();
  /** Photos uploaded as temporary media (`/cgi-bin/media/upload`), with the media id each got. */
  readonly uploads: MediaUpload[] = [];
  /** How many of the next media uploads are refused with -1 (system busy), as WeChat does under load. */
  failNextUploads = 0;
  /** Pictures served at `/pictures/<name>` (a shop's product images). */
  readonly pictures = new Map<string, { bytes: Buffer; contentType: string }>();
  tokensIssued = 0;
  /** Told of every API call as it arrives (the benchmark times replies with it). */
  onCall: ((call: PlatformCall) => void) | null = null;
  private server: Server | null = null;
  baseUrl = '';

  constructor(
    private readonly appId: string,
    private readonly secret: string,
  ) {}

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const url = request.url ?? '/';
        const body = Buffer.concat(chunks);
        const picture = this.pictures.get(new URL(url, 'http://platform').pathname.replace('/pictures/', ''));
        if (picture) {
          response.writeHead(200, { 'content-type': picture.contentType });
          response.end(picture.bytes);
        } else if (request.headers['content-type']?.startsWith('multipart/form-data'))
          void this.answerUpload(url, body, request.headers['content-type'], response);
        else this.answer(url, body.toString('utf8'), response);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('the platform did not bind');
    this.baseUrl = `http://127.0.0.1:${address.port}`;
  }

  callsTo(path: string): PlatformCall[] {
    return this.calls.filter((call) => call.path === path);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }

  /** `media/upload`: the multipart field `media`, recorded with its bytes; a media id for each upload. */
  private async answerUpload(
    url: string,
    rawBody: Buffer,
    contentType: string,
    response: ServerResponse,
  ): Promise<void> {
    const parsed = new URL(url, 'http://platform');
    const form = await new Response(new Uint8Array(rawBody), {
      headers: { 'content-type': contentType },
    }).formData();
    const media = form.get('media');
    let result: { errcode: number } & Record<string, unknown>;
    if (!parsed.searchParams.get('access_token')?.startsWith('token-'))
      result = { errcode: 40001, errmsg: 'invalid credential' };
    else if (parsed.pathname !== '/cgi-bin/media/upload' || !(media instanceof Blob))
      result = { errcode: 40004, errmsg: 'invalid media' };
    else if (this.failNextUploads > 0) {
      this.failNextUploads -= 1;
      result = { errcode: -1, errmsg: 'system error' };
    } else {
      const mediaId = `media-${this.uploads.length + 1}`;
      this.uploads.push({
        type: parsed.searchParams.get('type') ?? '',
        bytes: Buffer.from(await media.arrayBuffer()),
        contentType: media.type,
        mediaId,
      });
      result = { errcode: 0, type: 'image', media_id: mediaId, created_at: Math.floor(Date.now() / 1000) };
    }
    this.calls.push({ path: parsed.pathname, query: parsed.searchParams, body: {}, errcode: result.errcode });
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(result));
  }

  private answer(url: string, rawBody: string, response: ServerResponse): void {
    const parsed = new URL(url, 'http://platform');
    const body: Record<string, unknown> = rawBody ? JSON.parse(rawBody) : {};
    const result = this.handle(parsed.pathname, parsed.searchParams, body);
    if (parsed.pathname !== '/cgi-bin/token' && parsed.pathname !== '/cgi-bin/gettoken') {
      const call = { path: parsed.pathname, query: parsed.searchParams, body, errcode: result.errcode };
      this.calls.push(call);
      this.onCall?.(call);
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(result));
  }

  private handle(
    path: string,
    query: URLSearchParams,
    body: Record<string, unknown>,
  ): { errcode: number } & Record<string, unknown> {
    if (path === '/cgi-bin/token' || path === '/cgi-bin/gettoken') return this.issueToken(query);
    const token = query.get('access_token') ?? '';
    if (this.expiredTokens.has(token)) return { errcode: 42001, errmsg: 'access_token expired' };
    if (!token.startsWith('token-')) return { errcode: 40001, errmsg: 'invalid credential' };
    if (path === '/cgi-bin/kf/sync_msg') return this.syncMessages(body);
    if (path === '/cgi-bin/user/info') return this.userInfo(query);
    if (path === '/cgi-bin/kf/send_msg') return this.sendKfMessage(body);
    if (path === '/cgi-bin/kf/customer/batchget') return this.kfCustomers(body);
    if (path === '/cgi-bin/kf/service_state/get')
      return { errcode: 0, errmsg: 'ok', service_state: this.kfStateOf(body.external_userid) };
    if (path === '/cgi-bin/kf/service_state/trans') return this.changeKfState(body);
    return { errcode: 0, errmsg: 'ok' };
  }

  private kfStateOf(externalUserId: unknown): number {
    return this.kfSessionStates.get(String(externalUserId)) ?? 0;
  }

  /** Only the documented changes: 0 → 1, 2, 3; 1 → 2, 3; 2 → 3; 3 → 3, 4; none from 4. */
  private changeKfState(body: Record<string, unknown>): { errcode: number } & Record<string, unknown> {
    const allowed: Record<number, number[]> = { 0: [1, 2, 3], 1: [2, 3], 2: [3], 3: [3, 4], 4: [] };
    const target = Number(body.service_state);
    if (!allowed[this.kfStateOf(body.external_userid)]?.includes(target))
      return { errcode: 95016, errmsg: 'service state change not allowed' };
    if (target === 3 && typeof body.servicer_userid !== 'string')
      return { errcode: 40003, errmsg: 'servicer_userid required' };
    this.kfSessionStates.set(String(body.external_userid), target);
    return { errcode: 0, errmsg: 'ok' };
  }

  /** The API may write only while the session is new (0) or held by the assistant (1). */
  private sendKfMessage(body: Record<string, unknown>): { errcode: number } & Record<string, unknown> {
    const state = this.kfStateOf(body.touser);
    if (state !== 0 && state !== 1)
      return { errcode: 95018, errmsg: 'send not allowed in this service state' };
    return { errcode: 0, errmsg: 'ok', msgid: `kfmsg-${this.calls.length}` };
  }

  private issueToken(query: URLSearchParams): { errcode: number } & Record<string, unknown> {
    const id = query.get('appid') ?? query.get('corpid');
    const secret = query.get('secret') ?? query.get('corpsecret');
    if (id !== this.appId || secret !== this.secret) return { errcode: 40125, errmsg: 'invalid appsecret' };
    this.tokensIssued += 1;
    return { errcode: 0, access_token: `token-${this.tokensIssued}`, expires_in: 7200 };
  }

  /** WeChat's answer names no errcode on success; `unionid` only for an account bound to an Open Platform. */
  private userInfo(query: URLSearchParams): { errcode: number } & Record<string, unknown> {
    const openId = query.get('openid') ?? '';
    const unionId = this.unionIds.get(openId);
    return {
      errcode: 0,
      subscribe: 1,
      openid: openId,
      language: 'zh_CN',
      ...(unionId && { unionid: unionId }),
    };
  }

  /** Each listed external_userid with its nickname, and its unionid when the enterprise is bound. */
  private kfCustomers(body: Record<string, unknown>): { errcode: number } & Record<string, unknown> {
    if (this.failKfCustomerLookups) return { errcode: -1, errmsg: 'system error' };
    const listed = Array.isArray(body.external_userid_list) ? body.external_userid_list.map(String) : [];
    if (listed.length < 1 || listed.length > 100)
      return { errcode: 40058, errmsg: 'external_userid_list size invalid' };
    return {
      errcode: 0,
      errmsg: 'ok',
      customer_list: listed.map((externalUserId) => {
        const unionId = this.kfUnionIds.get(externalUserId);
        return {
          external_userid: externalUserId,
          nickname: '微信用户',
          avatar: 'http://wx.qlogo.cn/mmhead/test/0',
          gender: 0,
          ...(unionId && { unionid: unionId }),
        };
      }),
      invalid_external_userid: [],
    };
  }

  private syncMessages(body: Record<string, unknown>): { errcode: number } & Record<string, unknown> {
    const start = typeof body.cursor === 'string' ? Number(body.cursor) : 0;
    const end = this.kfMessages.length;
    return {
      errcode: 0,
      errmsg: 'ok',
      next_cursor: String(end),
      has_more: 0,
      msg_list: this.kfMessages.slice(start, end),
    };
  }
}

/** The query string and body of a push as WeChat signs it: plain (`signature`) or safe (`msg_signature`). */
export function signWeChatPush(xml: string, push: SignedPush): { query: string; body: string } {
  const timestamp = String(push.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = String(randomBytes(4).readUInt32BE());
  const signature = signWeChat(push.token, [timestamp, nonce]);
  if (!push.encryption)
    return { query: new URLSearchParams({ signature, timestamp, nonce, openid: 'o' }).toString(), body: xml };
  const crypto = new WeChatMessageCrypto(
    push.token,
    push.encryption.encodingAesKey,
    push.encryption.receiverId,
  );
  const encrypted = crypto.encrypt(xml);
  const msgSignature = crypto.sign([timestamp, nonce, encrypted]);
  return {
    query: new URLSearchParams({
      signature,
      timestamp,
      nonce,
      encrypt_type: 'aes',
      msg_signature: msgSignature,
    }).toString(),
    body: push.json
      ? JSON.stringify({ ToUserName: 'gh_test', Encrypt: encrypted })
      : `<xml><ToUserName><![CDATA[gh_test]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`,
  };
}

/** A pushed Official Account message's XML from its fields (values in CDATA, as WeChat writes them). */
export function weChatXml(fields: Record<string, string | number>): string {
  const inner = Object.entries(fields)
    .map(([name, value]) =>
      typeof value === 'number' ? `<${name}>${value}</${name}>` : `<${name}><![CDATA[${value}]]></${name}>`,
    )
    .join('');
  return `<xml>${inner}</xml>`;
}

/** Sets up a channel account through the admin API, as an admin does in the console. */
export async function createChannelAccount(
  baseUrl: string,
  adminToken: string,
  body: {
    kind: string;
    name: string;
    settings: Record<string, unknown>;
    credentials: Record<string, string>;
  },
): Promise<ChannelAccountView> {
  const created = await requestJson<{ account: ChannelAccountView }>(
    baseUrl,
    'POST',
    '/api/v1/admin/channel-accounts',
    { token: adminToken, body },
  );
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body.account;
}

/** The console's "test connection" of an account, through the admin API. */
export async function testChannelAccount(
  baseUrl: string,
  adminToken: string,
  accountId: string,
): Promise<ConnectionTest> {
  const tested = await requestJson<ConnectionTest>(
    baseUrl,
    'POST',
    `/api/v1/admin/channel-accounts/${accountId}/test`,
    { token: adminToken },
  );
  assert.equal(tested.status, 200);
  return tested.body;
}
