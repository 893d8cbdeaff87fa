import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { KefuDatabase } from '../src/db/database';
import { checkDatabase, openDatabase } from '../src/db/database';
import type { TestDatabase } from './helpers/testDatabase';
import { terminateDatabaseConnections, testDatabaseTargets } from './helpers/testDatabase';
import { waitUntil } from './helpers/waitUntil';

for (const target of testDatabaseTargets().filter((candidate) => candidate.dialect === 'postgres')) {
  describe('PostgreSQL connections ended by the server', () => {
    let testDatabase: TestDatabase;
    let database: KefuDatabase;
    const warnings: { details: object; message: string }[] = [];
    before(async () => {
      testDatabase = await target.create();
      database = await openDatabase(testDatabase.url, {
        logger: { warn: (details, message) => warnings.push({ details, message }) },
      });
    });
    after(async () => {
      await database.close();
      await testDatabase.drop();
    });

    test('idle connections ended by the server are dropped and logged; the next query reconnects', async () => {
      // Several idle clients in the pool, each one a backend the server can end.
      await Promise.all([1, 2, 3].map(() => sql`select pg_sleep(0.05)`.execute(database.db)));
      const ended = await terminateDatabaseConnections(testDatabase.url);
      assert.ok(ended >= 1, 'no connection was ended');
      await waitUntil(() => warnings.length >= ended);
      for (const warning of warnings) {
        assert.match(warning.message, /PostgreSQL ended an idle connection/);
        assert.ok(!JSON.stringify(warning.details).includes(testDatabase.url), 'the URL was logged');
        assert.ok(!JSON.stringify(warning.details).includes('connectionString'), 'settings were logged');
      }
      await checkDatabase(database.db);
      const answer = await sql<{ one: number }>`select 1 as one`.execute(database.db);
      assert.equal(answer.rows[0]?.one, 1);
    });
  });
}
