import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import { ManualClock } from '../src/clock';
import type { KefuDatabase } from '../src/db/database';
import { migrateToLatest, openDatabase } from '../src/db/database';
import type { DomainEvent } from '../src/events/catalog';
import { LocalEventBus } from '../src/events/eventBus';
import { EventJobs } from '../src/events/eventJobs';
import { OutboxPublisher, UnitOfWork } from '../src/events/outbox';
import { DatabaseJobQueue } from '../src/jobs/databaseJobQueue';
import type { TestDatabase } from './helpers/testDatabase';
import { silentJobLogger } from './helpers/jobQueueTargets';
import { testDatabaseTargets } from './helpers/testDatabase';
import { waitUntil } from './helpers/waitUntil';

for (const target of testDatabaseTargets()) {
  describe(`store, migrations and outbox (${target.dialect})`, () => {
    let testDatabase: TestDatabase;
    let database: KefuDatabase;
    const clock = new ManualClock();
    const published: DomainEvent[] = [];
    const bus = new LocalEventBus((error) => {
      throw error;
    });
    bus.subscribe('customer.created', (event) => {
      published.push(event);
    });
    let outbox: OutboxPublisher;
    let unitOfWork: UnitOfWork;

    before(async () => {
      testDatabase = await target.create();
      database = await openDatabase(testDatabase.url);
      outbox = new OutboxPublisher(database.db, bus, clock, pino({ level: 'silent' }));
      unitOfWork = new UnitOfWork(database, outbox, clock);
    });
    after(async () => {
      await database.close();
      await testDatabase.drop();
    });

    test('migrations are applied once and re-running them changes nothing', async () => {
      await migrateToLatest(database.db);
      const tables = await database.db.introspection.getTables();
      const names = tables.map((table) => table.name);
      for (const table of [
        'customers',
        'conversations',
        'messages',
        'agents',
        'outbox_events',
        'orders',
        'shipments',
      ]) {
        assert.ok(names.includes(table), `missing table ${table}`);
      }
    });

    test('events are published after commit, never on rollback', async () => {
      published.length = 0;
      await unitOfWork.run(async ({ emit }) => {
        await emit('customer.created', { customerId: 'cus_committed', channel: 'web' });
        assert.equal(published.length, 0, 'published before commit');
      });
      assert.deepEqual(
        published.map((event) => event.payload),
        [{ customerId: 'cus_committed', channel: 'web' }],
      );

      await assert.rejects(
        unitOfWork.run(async ({ emit }) => {
          await emit('customer.created', { customerId: 'cus_rolled_back', channel: 'web' });
          throw new Error('use-case failed');
        }),
        /use-case failed/,
      );
      assert.equal(published.length, 1);
      const rows = await database.db.selectFrom('outbox_events').select('payload').execute();
      assert.ok(!rows.some((row) => row.payload.includes('cus_rolled_back')));
    });

    test('an event committed but not published (a crash) is published once by the sweeper', async () => {
      published.length = 0;
      await database.db
        .insertInto('outbox_events')
        .values({
          id: 'evt_left_behind',
          name: 'customer.created',
          payload: JSON.stringify({ customerId: 'cus_after_crash', channel: 'web' }),
          created_at: clock.now().toISOString(),
          published_at: null,
        })
        .execute();
      clock.advance(10_000);
      assert.equal(await outbox.sweep(), 1);
      assert.equal(await outbox.sweep(), 0);
      await outbox.publishByIds(['evt_left_behind']);
      assert.deepEqual(
        published.map((event) => event.id),
        ['evt_left_behind'],
      );
    });
  });
}

for (const target of testDatabaseTargets()) {
  describe(`durable listeners run as jobs (${target.dialect})`, () => {
    let testDatabase: TestDatabase;
    let database: KefuDatabase;
    let jobs: DatabaseJobQueue;
    let outbox: OutboxPublisher;
    let unitOfWork: UnitOfWork;
    const clock = new ManualClock();
    const bus = new LocalEventBus((error) => {
      throw error;
    });
    const handled: string[] = [];
    const published: string[] = [];
    bus.subscribe('customer.created', (event) => void published.push(event.id));

    before(async () => {
      testDatabase = await target.create();
      database = await openDatabase(testDatabase.url);
      jobs = new DatabaseJobQueue({
        db: database.db,
        dialect: database.dialect,
        clock,
        logger: silentJobLogger,
      });
      const eventJobs = new EventJobs(jobs);
      eventJobs.listen('customer.created', 'test.welcome_customer', async ({ payload }) => {
        handled.push(payload.customerId);
      });
      outbox = new OutboxPublisher(database.db, bus, clock, pino({ level: 'silent' }), eventJobs);
      unitOfWork = new UnitOfWork(database, outbox, clock);
    });
    after(async () => {
      await jobs.stop();
      await database.close();
      await testDatabase.drop();
    });

    test('after commit the listener job has run once, and dispatching the event again adds nothing', async () => {
      await unitOfWork.run(({ emit }) => emit('customer.created', { customerId: 'cus_job', channel: 'web' }));
      assert.deepEqual(handled, ['cus_job']);
      assert.equal(published.length, 1);
      const eventId = published[0] ?? '';
      await outbox.publishByIds([eventId]);
      const rows = await database.db.selectFrom('jobs').selectAll().execute();
      assert.deepEqual(
        rows.map((row) => [row.idempotency_key, row.status, row.attempts]),
        [[`${eventId}:test.welcome_customer`, 'completed', 1]],
      );
      assert.deepEqual(handled, ['cus_job']);
    });

    test('an event committed before a crash gets its job from the sweeper; the workers run it once', async () => {
      handled.length = 0;
      await database.db
        .insertInto('outbox_events')
        .values({
          id: 'evt_job_left_behind',
          name: 'customer.created',
          payload: JSON.stringify({ customerId: 'cus_after_crash', channel: 'web' }),
          created_at: clock.now().toISOString(),
          published_at: null,
        })
        .execute();
      clock.advance(10_000);
      assert.equal(await outbox.sweep(), 1);
      assert.equal(await outbox.sweep(), 0);
      await jobs.start();
      await waitUntil(() => handled.length > 0);
      const job = await database.db
        .selectFrom('jobs')
        .selectAll()
        .where('idempotency_key', '=', 'evt_job_left_behind:test.welcome_customer')
        .executeTakeFirstOrThrow();
      await waitUntil(async () => (await jobs.find(job.id))?.status === 'completed');
      assert.deepEqual(handled, ['cus_after_crash']);
    });
  });
}
