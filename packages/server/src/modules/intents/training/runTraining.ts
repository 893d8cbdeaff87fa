import { Worker } from 'node:worker_threads';
import { trainingOutputSchema, type TrainingInput } from './trainingMessages';

export interface TrainedModel {
  model: string;
  accuracyBefore: number;
  accuracyAfter: number;
}

const workerUrl = new URL('./trainingWorker.mjs', import.meta.url);

/** The training threads this process runs, so that shutting down stops them (the job is retried later). */
export class TrainingThreads {
  private readonly running = new Set<Worker>();

  add(worker: Worker): void {
    this.running.add(worker);
    worker.once('exit', () => this.running.delete(worker));
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.running].map((worker) => worker.terminate()));
  }
}

/**
 * Trains in a worker thread so the process keeps answering shoppers meanwhile; `onProgress` gets 0–100.
 * Rejects when the thread fails or stops without a model.
 */
export function trainInWorker(
  input: TrainingInput,
  onProgress: (percent: number) => void,
  threads: TrainingThreads,
): Promise<TrainedModel> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl, { workerData: input });
    threads.add(worker);
    let settled = false;
    const settle = (finish: () => void): void => {
      if (settled) return;
      settled = true;
      finish();
      void worker.terminate();
    };
    worker.on('message', (message: unknown) => {
      const parsed = trainingOutputSchema.safeParse(message);
      if (!parsed.success) return;
      const output = parsed.data;
      if (output.type === 'progress') onProgress(Math.round(output.percent));
      else if (output.type === 'failed') settle(() => reject(new Error(output.message)));
      else
        settle(() =>
          resolve({
            model: output.model,
            accuracyBefore: output.accuracyBefore,
            accuracyAfter: output.accuracyAfter,
          }),
        );
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`training stopped (exit code ${code})`))));
  });
}
