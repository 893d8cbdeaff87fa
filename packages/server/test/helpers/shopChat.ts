import { createHmac } from 'node:crypto';
import type { SendMessageResponse, VisitorSessionResponse } from '@kefu/sdk';
import { requestJson } from './http';

export const shopIdentitySecret = 'test-shop-identity-secret-0123456789';
export const shopWebhookSecret = 'test-shop-webhook-secret-0123456789';

export function signShopCustomer(shopCustomerId: string, secret = shopIdentitySecret): string {
  return createHmac('sha256', secret).update(shopCustomerId).digest('hex');
}

export interface ShopperChat {
  session: VisitorSessionResponse;
  /** Sends a message; returns the bot's replies joined, and the raw response. */
  say(text: string): Promise<{ text: string; quickReplies: string[]; response: SendMessageResponse }>;
}

/** A shopper on the widget: a guest, or signed in with a shop identity the shop signed. */
export async function startShopperChat(
  baseUrl: string,
  options: { shopCustomerId?: string; locale?: string; resumeToken?: string; pageProductId?: string } = {},
): Promise<ShopperChat> {
  const body = {
    ...(options.locale && { locale: options.locale }),
    ...(options.pageProductId && { page: { productId: options.pageProductId } }),
    ...(options.shopCustomerId && {
      identity: {
        shopCustomerId: options.shopCustomerId,
        signature: signShopCustomer(options.shopCustomerId),
      },
    }),
  };
  const started = await requestJson<VisitorSessionResponse>(baseUrl, 'POST', '/api/v1/visitor/sessions', {
    body,
    ...(options.resumeToken && { token: options.resumeToken }),
  });
  if (started.status !== 201)
    throw new Error(`session failed: ${started.status} ${JSON.stringify(started.body)}`);
  const session = started.body;
  return {
    session,
    async say(text) {
      const sent = await requestJson<SendMessageResponse>(baseUrl, 'POST', '/api/v1/visitor/messages', {
        token: session.token,
        body: { text },
      });
      if (sent.status !== 201) throw new Error(`send failed: ${sent.status} ${JSON.stringify(sent.body)}`);
      return {
        text: sent.body.replies.map((reply) => reply.text).join('\n'),
        quickReplies: sent.body.replies.flatMap((reply) =>
          reply.quickReplies.map((quickReply) => quickReply.label),
        ),
        response: sent.body,
      };
    },
  };
}
