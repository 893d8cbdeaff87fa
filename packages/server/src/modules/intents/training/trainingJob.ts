import { z } from 'zod';
import type { Clock } from '../../../clock';
import type { Db } from '../../../db/database';
import type { JobContext, JobQueue } from '../../../jobs/jobQueue';
import { describeJobError } from '../../../jobs/jobQueue';
import type { IntentCorpus } from './builtInCorpus';
import { trainInWorker, type TrainingThreads } from './runTraining';

export const trainIntentModelJob = 'intents.train_model';
const payloadSchema = z.object({ modelId: z.string() });

export interface TrainingJobDependencies {
  db: Db;
  clock: Clock;
  jobs: JobQueue;
  /** Read when a training starts (the shipped corpus is read from disk once per run). */
  corpus: () => IntentCorpus;
  threads: TrainingThreads;
}

/** Registers the durable training job: safe to repeat (a version no longer training is left alone). */
export function registerTrainingJob(dependencies: TrainingJobDependencies): void {
  dependencies.jobs.register(trainIntentModelJob, {
    schema: payloadSchema,
    maxAttempts: 3,
    run: async ({ modelId }, context) => await runTraining(dependencies, modelId, context),
  });
}

async function runTraining(
  dependencies: TrainingJobDependencies,
  modelId: string,
  context: JobContext,
): Promise<void> {
  const { db, clock } = dependencies;
  const row = await db
    .selectFrom('intent_models')
    .select('status')
    .where('id', '=', modelId)
    .executeTakeFirst();
  if (row?.status !== 'training') return;
  const progress = progressWriter(db, modelId);
  try {
    const corpus = dependencies.corpus();
    const shopExamples = await db.selectFrom('intent_examples').select(['text', 'intent']).execute();
    const baseline = await db
      .selectFrom('intent_models')
      .select(['id', 'model'])
      .where('is_active', '=', 1)
      .executeTakeFirst();
    const trained = await trainInWorker(
      {
        training: corpus.training,
        shopExamples: shopExamples.map(({ text, intent }) => ({ text, label: intent })),
        heldout: corpus.heldout,
        baselineModel: baseline?.model ?? null,
      },
      progress.report,
      dependencies.threads,
    );
    await progress.settled();
    await db
      .updateTable('intent_models')
      .set({
        status: 'ready',
        progress: 100,
        training_slot: null,
        model: trained.model,
        shop_example_count: shopExamples.length,
        heldout_size: corpus.heldout.length,
        accuracy_before: trained.accuracyBefore,
        accuracy_after: trained.accuracyAfter,
        baseline_model_id: baseline?.id ?? null,
        finished_at: clock.now().toISOString(),
      })
      .where('id', '=', modelId)
      .execute();
  } catch (error) {
    await progress.settled();
    if (context.retryDelayMs === null)
      await db
        .updateTable('intent_models')
        .set({ status: 'failed', training_slot: null, error: describeJobError(error) })
        .where('id', '=', modelId)
        .execute();
    throw error;
  }
}

/** Stores progress in order, skipping figures that did not change. */
function progressWriter(
  db: Db,
  modelId: string,
): { report: (percent: number) => void; settled: () => Promise<void> } {
  let last = -1;
  let chain: Promise<unknown> = Promise.resolve();
  return {
    report(percent) {
      if (percent <= last) return;
      last = percent;
      chain = chain
        .then(() =>
          db
            .updateTable('intent_models')
            .set({ progress: percent })
            .where('id', '=', modelId)
            .where('status', '=', 'training')
            .execute(),
        )
        .catch(() => undefined);
    },
    settled: async () => {
      await chain;
    },
  };
}
