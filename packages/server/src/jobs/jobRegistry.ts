import type { JobContext, JobDefinition } from './jobQueue';
import { UnknownJobError } from './jobQueue';

interface RegisteredJob {
  maxAttempts: number | undefined;
  run(payload: unknown, context: JobContext): Promise<void>;
}

/** Job definitions by name, shared by both queue implementations. */
export class JobRegistry {
  private readonly jobsByName = new Map<string, RegisteredJob>();

  register<Payload>(name: string, definition: JobDefinition<Payload>): void {
    if (this.jobsByName.has(name)) throw new Error(`A job named ${name} is already registered`);
    this.jobsByName.set(name, {
      maxAttempts: definition.maxAttempts,
      run: (payload, context) => definition.run(definition.schema.parse(payload), context),
    });
  }

  /** The attempts a job of this name gets; throws for an unknown name. */
  maxAttemptsOf(name: string, fallback: number): number {
    const job = this.jobsByName.get(name);
    if (!job) throw new UnknownJobError(name);
    return job.maxAttempts ?? fallback;
  }

  run(name: string, payload: unknown, context: JobContext): Promise<void> {
    const job = this.jobsByName.get(name);
    if (!job) return Promise.reject(new UnknownJobError(name));
    return job.run(payload, context);
  }
}
