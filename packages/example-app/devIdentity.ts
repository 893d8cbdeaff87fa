// The "shop's server" of the example: signs a demo shopper's id with the shop identity secret, as a real shop's
// backend does for its signed-in customer (never in the app itself: the secret stays on a server).
import { createHmac } from 'node:crypto';
import type { Plugin } from 'vite';

/** The demo shop's customers the example can sign in as. */
export const demoShoppers = ['cus_demo_01', 'cus_demo_02', 'cus_demo_03'];

export function devIdentityEndpoint(identitySecret: string | undefined): Plugin {
  return {
    name: 'kefu-dev-identity',
    configureServer(server) {
      server.middlewares.use('/dev/identity', (request, response) => {
        const shopCustomerId = new URL(request.url ?? '/', 'http://localhost').searchParams.get(
          'shopCustomerId',
        );
        response.setHeader('content-type', 'application/json');
        if (!identitySecret || !shopCustomerId || !demoShoppers.includes(shopCustomerId)) {
          response.statusCode = identitySecret ? 400 : 503;
          response.end(
            JSON.stringify({
              error: identitySecret ? 'unknown shopper' : 'KEFU_SHOP_IDENTITY_SECRET is not set',
            }),
          );
          return;
        }
        const signature = createHmac('sha256', identitySecret).update(shopCustomerId).digest('hex');
        response.end(JSON.stringify({ shopCustomerId, signature }));
      });
    },
  };
}
