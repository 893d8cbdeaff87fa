import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { z } from 'zod';
import type { JobQueue, JobSnapshot } from '../src/jobs/jobQueue';
import { retryDelayMs } from '../src/jobs/jobQueue';
import type { JobQueueDeployment } from './helpers/jobQueueTargets';
import { jobQueueTargets, testQueueOptions } from './helpers/jobQueueTargets';
import { waitUntil } from './helpers/waitUntil';

const textPayload = z.object({ text: z.string() });
const retryPolicy = testQueueOptions.retry ?? { baseDelayMs: 0, maxDelayMs: 0 };

for (const target of jobQueueTargets()) {
  describe(`job queue contract (${target.label})`, () => {
    let deployment: JobQueueDeployment;
    // A deployment per test: every process of a deployment registers the same jobs.
    beforeEach(async () => {
      deployment = await target.deploy();
    });
    afterEach(async () => deployment.close());

    test('the same idempotency key twice is one job, run once, also after it finished', async () => {
      const queue = await deployment.openQueue();
      const runs: string[] = [];
      queue.register('record', { schema: textPayload, run: async ({ text }) => void runs.push(text) });
      await queue.start();
      const first = await queue.enqueue({ name: 'record', payload: { text: 'a' }, idempotencyKey: 'once:1' });
      const second = await queue.enqueue({
        name: 'record',
        payload: { text: 'b' },
        idempotencyKey: 'once:1',
      });
      assert.equal(second, first);
      await waitForStatus(queue, first, 'completed');
      const third = await queue.enqueue({ name: 'record', payload: { text: 'c' }, idempotencyKey: 'once:1' });
      assert.equal(third, first);
      const other = await queue.enqueue({ name: 'record', payload: { text: 'd' }, idempotencyKey: 'once:2' });
      await waitForStatus(queue, other, 'completed');
      assert.deepEqual(runs, ['a', 'd']);
      assert.equal((await queue.find(first))?.attempts, 1);
    });

    test('failures are retried with exponential back-off; the last error is kept with the dead job', async () => {
      const queue = await deployment.openQueue();
      let failures = 0;
      queue.register('always-fails', {
        schema: textPayload,
        run: async () => {
          failures += 1;
          throw new Error(`shop system down (${failures})`);
        },
      });
      await queue.start();
      const deadBefore = (await queue.check()).dead;
      const id = await queue.enqueue({
        name: 'always-fails',
        payload: { text: 'x' },
        idempotencyKey: 'fail:1',
      });
      for (const attempt of [1, 2]) {
        const waiting = await waitForJob(
          queue,
          id,
          (job) => job.status === 'pending' && job.attempts === attempt,
        );
        assert.equal(waiting.retryDelayMs, retryDelayMs(attempt, retryPolicy));
        assert.match(waiting.lastError ?? '', new RegExp(`shop system down \\(${attempt}\\)`));
        await deployment.passTime(retryDelayMs(attempt, retryPolicy));
      }
      const dead = await waitForStatus(queue, id, 'dead');
      assert.equal(dead.attempts, 3);
      assert.equal(dead.maxAttempts, 3);
      assert.match(dead.lastError ?? '', /shop system down \(3\)/);
      assert.equal(failures, 3);
      const health = await queue.check();
      assert.equal(health.ok, true);
      assert.equal(health.dead, deadBefore + 1);
    });

    test('a job that fails once succeeds on its retry', async () => {
      const queue = await deployment.openQueue();
      let calls = 0;
      queue.register('flaky', {
        schema: textPayload,
        run: async () => {
          calls += 1;
          if (calls === 1) throw new Error('timeout');
        },
      });
      await queue.start();
      const id = await queue.enqueue({ name: 'flaky', payload: { text: 'x' }, idempotencyKey: 'flaky:1' });
      await waitForJob(queue, id, (job) => job.status === 'pending' && job.attempts === 1);
      await deployment.passTime(retryDelayMs(1, retryPolicy));
      const done = await waitForStatus(queue, id, 'completed');
      assert.equal(done.attempts, 2);
    });

    test('a job with a run-at time waits for it', async () => {
      const queue = await deployment.openQueue();
      const runs: string[] = [];
      queue.register('later', { schema: textPayload, run: async ({ text }) => void runs.push(text) });
      await queue.start();
      const runAt = new Date(deployment.clock.now().getTime() + 60_000);
      const id = await queue.enqueue({
        name: 'later',
        payload: { text: 'l' },
        idempotencyKey: 'later:1',
        runAt,
      });
      await queue.runNow([id]);
      assert.equal((await queue.find(id))?.status, 'pending');
      await deployment.passTime(60_000);
      await waitForStatus(queue, id, 'completed');
      assert.deepEqual(runs, ['l']);
    });

    test('jobs of one ordering key run one at a time, in order; other keys are not held up', async () => {
      const queue = await deployment.openQueue();
      const events: string[] = [];
      const firstGate = new Gate();
      queue.register('ordered', {
        schema: textPayload,
        run: async ({ text }) => {
          events.push(`start ${text}`);
          if (text === 'k1') await firstGate.opened;
          events.push(`end ${text}`);
        },
      });
      await queue.start();
      const ids: string[] = [];
      for (const text of ['k1', 'k2', 'k3'])
        ids.push(
          await queue.enqueue({
            name: 'ordered',
            payload: { text },
            idempotencyKey: `order:${text}`,
            orderingKey: 'conv_a',
          }),
        );
      const other = await queue.enqueue({
        name: 'ordered',
        payload: { text: 'other' },
        idempotencyKey: 'order:other',
        orderingKey: 'conv_b',
      });
      await waitForStatus(queue, other, 'completed');
      await waitUntil(() => events.includes('start k1'));
      assert.ok(!events.includes('start k2'), 'k2 started while k1 was running');
      firstGate.open();
      for (const id of ids) await waitForStatus(queue, id, 'completed');
      const ordered = events.filter((event) => !event.endsWith('other'));
      assert.deepEqual(ordered, ['start k1', 'end k1', 'start k2', 'end k2', 'start k3', 'end k3']);
    });

    test('two processes share the work and each job runs exactly once', async () => {
      const counts = new Map<string, number>();
      const queues = [await deployment.openQueue(), await deployment.openQueue()];
      for (const queue of queues)
        queue.register('shared', {
          schema: textPayload,
          run: async ({ text }) => void counts.set(text, (counts.get(text) ?? 0) + 1),
        });
      const ids: string[] = [];
      for (let index = 0; index < 30; index += 1)
        ids.push(
          await queues[index % 2]!.enqueue({
            name: 'shared',
            payload: { text: `j${index}` },
            idempotencyKey: `shared:${index}`,
          }),
        );
      await Promise.all(queues.map((queue) => queue.start()));
      for (const id of ids) await waitForStatus(queues[0]!, id, 'completed');
      assert.equal(counts.size, 30);
      assert.ok(
        [...counts.values()].every((count) => count === 1),
        JSON.stringify([...counts]),
      );
    });

    test('a job held by a process that died is picked up again once its lease runs out', async () => {
      const queue = await deployment.openQueue();
      const runs: string[] = [];
      queue.register('resumable', { schema: textPayload, run: async ({ text }) => void runs.push(text) });
      const id = await queue.enqueue({
        name: 'resumable',
        payload: { text: 'r' },
        idempotencyKey: 'crash:1',
      });
      await deployment.takeJobAndDie(id);
      await queue.start();
      await deployment.passTime(testQueueOptions.leaseMs ?? 0);
      await waitForStatus(queue, id, 'completed');
      assert.deepEqual(runs, ['r']);
    });

    test('stop() lets a running job finish', async () => {
      const queue = await deployment.openQueue();
      const gate = new Gate();
      let started = false;
      queue.register('slow', {
        schema: textPayload,
        run: async () => {
          started = true;
          await gate.opened;
        },
      });
      await queue.start();
      const id = await queue.enqueue({ name: 'slow', payload: { text: 's' }, idempotencyKey: 'stop:finish' });
      await waitUntil(() => started);
      const stopping = queue.stop();
      gate.open();
      await stopping;
      const reader = await deployment.openQueue();
      assert.equal((await reader.find(id))?.status, 'completed');
    });

    test('stop() hands a job still running after the grace period back; the next process runs it', async () => {
      const stuck = new Gate();
      const first = await deployment.openQueue({ stopGraceMs: 50 });
      let firstStarted = false;
      first.register('handover', {
        schema: textPayload,
        run: async () => {
          firstStarted = true;
          await stuck.opened;
        },
      });
      await first.start();
      const id = await first.enqueue({
        name: 'handover',
        payload: { text: 'h' },
        idempotencyKey: 'stop:handover',
      });
      await waitUntil(() => firstStarted);
      await first.stop();
      const second = await deployment.openQueue();
      const runs: string[] = [];
      second.register('handover', { schema: textPayload, run: async ({ text }) => void runs.push(text) });
      await second.start();
      const done = await waitForStatus(second, id, 'completed');
      assert.deepEqual(runs, ['h']);
      assert.equal(done.attempts, 1, 'the interrupted run is not counted');
      stuck.open();
    });
  });
}

/** A promise the test opens by hand. */
class Gate {
  open!: () => void;
  readonly opened = new Promise<void>((resolve) => {
    this.open = resolve;
  });
}

async function waitForJob(
  queue: JobQueue,
  id: string,
  predicate: (job: JobSnapshot) => boolean,
): Promise<JobSnapshot> {
  let last: JobSnapshot | null = null;
  await waitUntil(
    async () => {
      last = await queue.find(id);
      return last !== null && predicate(last);
    },
    { description: `job ${id}` },
  );
  if (!last) throw new Error('unreachable');
  return last;
}

function waitForStatus(queue: JobQueue, id: string, status: JobSnapshot['status']): Promise<JobSnapshot> {
  return waitForJob(queue, id, (job) => job.status === status);
}
