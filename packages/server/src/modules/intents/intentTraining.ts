import type { IntentPrediction } from '@kefu/nlu';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import type { EventBus } from '../../events/eventBus';
import type { UnitOfWork } from '../../events/outbox';
import type { JobQueue } from '../../jobs/jobQueue';
import { ActiveIntentModel } from './activeModel';
import { IntentModels, type IntentModelVersion } from './intentModels';
import { listMissedMessages, type MissedMessage } from './misses';
import { builtInIntentCorpus, type IntentCorpus } from './training/builtInCorpus';
import { TrainingThreads } from './training/runTraining';
import { registerTrainingJob, trainIntentModelJob } from './training/trainingJob';

export interface IntentTrainingDependencies {
  db: Db;
  unitOfWork: UnitOfWork;
  clock: Clock;
  jobs: JobQueue;
  /** The built-in sentences to train on and measure with; the shipped corpus by default. */
  corpus?: () => IntentCorpus;
}

/** Retraining in the background, the versions it produced, which one the bot uses, and the bot's misses. */
export class IntentTraining {
  readonly activeModel: ActiveIntentModel;
  private readonly models: IntentModels;
  private readonly threads = new TrainingThreads();

  constructor(private readonly dependencies: IntentTrainingDependencies) {
    this.activeModel = new ActiveIntentModel(dependencies.db);
    this.models = new IntentModels(dependencies.db, dependencies.unitOfWork, dependencies.clock);
    registerTrainingJob({
      db: dependencies.db,
      clock: dependencies.clock,
      jobs: dependencies.jobs,
      corpus: dependencies.corpus ?? (() => builtInIntentCorpus()),
      threads: this.threads,
    });
  }

  /** Loads the promoted version and follows promotions made by any process. */
  async start(bus: EventBus): Promise<void> {
    await this.activeModel.load();
    bus.subscribe('intents.model_promoted', () => this.activeModel.load());
  }

  /** Stops this process's training threads at shutdown; their jobs run again later (here or elsewhere). */
  stop(): Promise<void> {
    return this.threads.stopAll();
  }

  async startTraining(actorId: string): Promise<IntentModelVersion> {
    const examples = await this.dependencies.db
      .selectFrom('intent_examples')
      .select(({ fn }) => fn.countAll<number>().as('count'))
      .executeTakeFirst();
    const version = await this.models.createTraining(actorId, Number(examples?.count ?? 0));
    await this.dependencies.jobs.enqueue({
      name: trainIntentModelJob,
      payload: { modelId: version.id },
      idempotencyKey: `intents.train:${version.id}`,
    });
    return version;
  }

  listVersions(): Promise<IntentModelVersion[]> {
    return this.models.list();
  }

  getVersion(modelId: string): Promise<IntentModelVersion> {
    return this.models.get(modelId);
  }

  async promote(modelId: string): Promise<IntentModelVersion> {
    const promoted = await this.models.promote(modelId);
    await this.activeModel.load();
    return promoted;
  }

  async rollBack(): Promise<{ activeModelId: string | null }> {
    const result = await this.models.rollBack();
    await this.activeModel.load();
    return result;
  }

  /** What the bot's model now makes of a sentence. */
  classify(text: string): IntentPrediction {
    return this.activeModel.analyze(text).intent;
  }

  listMisses(): Promise<MissedMessage[]> {
    return listMissedMessages(this.dependencies.db);
  }
}
