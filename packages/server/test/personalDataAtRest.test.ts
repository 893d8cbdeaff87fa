// Finding 6 of the security probe: phones, e-mails, names, addresses and tax ids in plain text, in a file of
// mode 0644, and phones typed in chat stored twice. Now they are encrypted (AES-256-GCM) with blind indexes
// for lookups, the data files are 0600, the keys rotate, and the analysis beside a message is masked.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import pg from 'pg';
import type { VisitorSessionResponse } from '@kefu/sdk';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { demoCustomers } from '../src/modules/commerce/builtin/demo/demoCustomers';
import { findShopCustomer } from '../src/modules/commerce/builtin/shopRepo';
import { requestJson } from './helpers/http';
import { testDatabaseTargets } from './helpers/testDatabase';
import { waitUntil } from './helpers/waitUntil';
import { readRaw } from './helpers/readRaw';

/** What must never be found in clear: the demo shoppers' phones, e-mails and street addresses. */
const secrets = demoCustomers.flatMap((customer) => [
  customer.phone,
  customer.email,
  ...customer.addresses.map((address) => address.line),
]);

for (const target of testDatabaseTargets()) {
  describe(`personal data at rest (${target.dialect})`, () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'kefu-privacy-'));
    const keys = { k1: randomBytes(32).toString('base64'), k2: randomBytes(32).toString('base64') };
    const database = target.create();
    // Servers a failed assertion left running are closed here, so the process can end.
    const running = new Set<{ app: { close(): Promise<unknown> } }>();
    const stop = async (kefu: { app: { close(): Promise<unknown> } }) => {
      running.delete(kefu);
      await kefu.app.close();
    };
    after(async () => {
      for (const kefu of running) await stop(kefu);
      await (await database).drop();
      rmSync(dataDir, { recursive: true, force: true });
    });
    const start = async (encryptionKeys: string) => {
      const config = loadConfig({
        KEFU_DATA_DIR: dataDir,
        DATABASE_URL: (await database).url,
        KEFU_ADMIN_PASSWORD: 'correct horse battery staple',
        KEFU_DATA_KEY: encryptionKeys,
        LOG_LEVEL: 'silent',
      });
      const kefu = await buildApp(config, { logger: false, routingTimers: false });
      running.add(kefu);
      await kefu.app.listen({ port: 0, host: '127.0.0.1' });
      const address = kefu.app.server.address();
      if (!address || typeof address === 'string') throw new Error('no port');
      return { kefu, baseUrl: `http://127.0.0.1:${address.port}` };
    };

    test('no demo phone, e-mail or address in clear in the stored data; lookups by phone still work', async () => {
      const { kefu, baseUrl } = await start(`k1:${keys.k1}`);
      const first = demoCustomers[0];
      assert.ok(first);
      const byPhone = await findShopCustomer(kefu.services.database.db, { phone: `+86 ${first.phone}` });
      assert.equal(byPhone?.id, first.id, 'a blind index finds the customer whatever the phone format');
      assert.equal(byPhone?.email, first.email, 'and the value reads back decrypted');
      const session = await requestJson<VisitorSessionResponse>(baseUrl, 'POST', '/api/v1/visitor/sessions', {
        body: {},
      });
      const typed = '我的电话是 13912345678，邮箱 typed.in.chat@example.net';
      await requestJson(baseUrl, 'POST', '/api/v1/visitor/messages', {
        token: session.body.token,
        body: { text: typed },
      });
      const stored = await kefu.services.database.db
        .selectFrom('messages')
        .select(['text', 'analysis'])
        .where('sender', '=', 'customer')
        .executeTakeFirstOrThrow();
      assert.equal(stored.text, typed, 'the agent reads what the shopper wrote');
      assert.match(stored.analysis ?? '', /13912345678/, 'the bot reads its understanding back');
      const rawAnalysis = await readRaw(
        target.dialect,
        (await database).url,
        'select analysis from messages',
      );
      assert.ok(rawAnalysis.length > 0 && rawAnalysis.every((value) => value.startsWith('enc:v1:k1:')));
      await stop(kefu);
      assert.deepEqual(await findInStore(target.dialect, (await database).url, secrets), []);
      if (target.dialect === 'sqlite') {
        const file = (await database).url.slice('sqlite:'.length);
        assert.equal(statSync(file).mode & 0o777, 0o600, 'the database file is for its owner only');
        assert.equal(statSync(path.join(dataDir, 'secret.key')).mode & 0o777, 0o600);
        for (const suffix of ['-wal', '-shm'])
          if (existsSync(`${file}${suffix}`)) assert.equal(statSync(`${file}${suffix}`).mode & 0o777, 0o600);
      }
    });

    test('a new key rotates every stored value; old values stay readable until then', async () => {
      const { kefu } = await start(`k2:${keys.k2},k1:${keys.k1}`);
      const db = kefu.services.database.db;
      const before = await findShopCustomer(db, { customerId: 'cus_demo_01' });
      assert.equal(before?.phone, demoCustomers[0]?.phone, 'a k1 value reads while k2 is current');
      const url = (await database).url;
      const underK2 = async (query: string) =>
        (await readRaw(target.dialect, url, query)).every((value) => value.startsWith('enc:v1:k2:'));
      await waitUntil(
        async () =>
          (await underK2('select phone from shop_customers')) &&
          (await underK2('select shipping_address from orders')) &&
          (await underK2('select phone from customers where phone is not null')),
        {
          timeoutMs: 60_000,
          description: 'the rotation job re-encrypts every phone and order recipient under k2',
        },
      );
      const phones = await readRaw(target.dialect, url, 'select phone from shop_customers');
      assert.ok(phones.length >= demoCustomers.length);
      await stop(kefu);
      const onlyNewKey = await start(`k2:${keys.k2}`);
      const again = await findShopCustomer(onlyNewKey.kefu.services.database.db, {
        phone: demoCustomers[0]?.phone ?? '',
      });
      assert.equal(again?.id, 'cus_demo_01', 'k1 is no longer needed; the blind index still finds the phone');
      await stop(onlyNewKey.kefu);
    });
  });
}

/** Each secret found in the raw store (file bytes for SQLite, every row as text for PostgreSQL). */
async function findInStore(dialect: string, url: string, needles: string[]): Promise<string[]> {
  if (dialect === 'sqlite') {
    const file = url.slice('sqlite:'.length);
    const directory = path.dirname(file);
    const bytes = Buffer.concat(
      readdirSync(directory)
        .filter((name) => name.startsWith(path.basename(file)))
        .map((name) => readFileSync(path.join(directory, name))),
    );
    return needles.filter((needle) => bytes.includes(Buffer.from(needle)));
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public'",
    );
    const hits: string[] = [];
    for (const { table_name: table } of tables.rows) {
      const rows = await client.query<{ row: string }>(`select t::text as row from "${table}" t`);
      for (const { row } of rows.rows)
        for (const needle of needles) if (row.includes(needle)) hits.push(`${table}: ${needle}`);
    }
    return hits;
  } finally {
    await client.end();
  }
}
