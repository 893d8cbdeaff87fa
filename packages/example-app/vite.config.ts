// The example app: React on Vite, talking to Kefu only through `@kefu/sdk`. `npm run dev` proxies the API to
// KEFU_URL (default http://127.0.0.1:3000) and serves the dev identity endpoint signed with
// KEFU_SHOP_IDENTITY_SECRET (the same value the Kefu server has).
import type { UserConfig } from 'vite';
import { defineConfig } from 'vite';
import { devIdentityEndpoint } from './devIdentity';

export function exampleAppConfig(options: {
  kefuUrl: string;
  identitySecret: string | undefined;
}): UserConfig {
  return {
    root: import.meta.dirname,
    esbuild: { jsx: 'automatic', legalComments: 'none' },
    plugins: [devIdentityEndpoint(options.identitySecret)],
    build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
    server: { proxy: { '/api': { target: options.kefuUrl, ws: true } } },
  };
}

export default defineConfig(
  exampleAppConfig({
    kefuUrl: process.env.KEFU_URL ?? 'http://127.0.0.1:3000',
    identitySecret: process.env.KEFU_SHOP_IDENTITY_SECRET,
  }),
);
