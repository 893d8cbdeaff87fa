import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { BuiltinCommerceConnector } from './builtin/builtinConnector';
import type { CommerceConfig } from './commerceConfig';
import type { CommerceConnector } from './connector';
import { HttpCommerceConnector } from './http/httpConnector';
import { ShopifyCommerceConnector } from './shopify/shopifyConnector';

/** The connector chosen by KEFU_COMMERCE. */
export function createCommerceConnector(config: CommerceConfig, db: Db, clock: Clock): CommerceConnector {
  switch (config.connector) {
    case 'builtin':
      return new BuiltinCommerceConnector(db, clock);
    case 'shopify':
      return new ShopifyCommerceConnector(
        {
          shopUrl: config.shopUrl,
          accessToken: config.accessToken,
          apiVersion: config.apiVersion,
          timeoutMs: config.timeoutMs,
        },
        clock,
      );
    case 'http':
      return new HttpCommerceConnector({
        baseUrl: config.baseUrl,
        token: config.token,
        endpoints: config.endpoints,
        responseRoot: config.responseRoot,
        timeoutMs: config.timeoutMs,
      });
  }
}
