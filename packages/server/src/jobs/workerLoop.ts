export interface WorkerLoopOptions<Item extends { id: string }> {
  pollIntervalMs: number;
  concurrency: number;
  heartbeatMs: number;
  /** Claims up to `limit` due items for this process. */
  claim(limit: number): Promise<Item[]>;
  /** Runs one claimed item; records its own outcome. */
  execute(item: Item): Promise<void>;
  /** Extends the leases of the items still running here. */
  renewLeases(ids: readonly string[]): Promise<void>;
  reportError(error: unknown, message: string): void;
}

/**
 * Polls for due work while there is room, runs it, keeps the leases of running items fresh, and on stop
 * waits for running items up to a grace period. Woken at once when work is added in this process or a
 * run ends, so it only sleeps the poll interval when there is nothing to do.
 */
export class WorkerLoop<Item extends { id: string }> {
  private readonly running = new Map<string, Promise<void>>();
  private started = false;
  private stopped = false;
  private pollTimer: NodeJS.Timeout | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private currentPoll: Promise<void> | null = null;
  private wakeRequested = false;
  private claimChain: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: WorkerLoopOptions<Item>) {}

  /** False once `stop()` was called: nothing new is taken. */
  get accepting(): boolean {
    return !this.stopped;
  }

  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.heartbeatTimer = setInterval(() => this.renewLeases(), this.options.heartbeatMs);
    this.heartbeatTimer.unref();
    this.schedule(0);
  }

  wake(): void {
    if (this.currentPoll) this.wakeRequested = true;
    else this.schedule(0);
  }

  /** Counts `run` as running here (for leases and for `stop`) until it settles. */
  track(id: string, run: Promise<void>): Promise<void> {
    const tracked = run
      .catch((error: unknown) => this.options.reportError(error, 'job run failed unexpectedly'))
      .finally(() => {
        this.running.delete(id);
        this.wake();
      });
    this.running.set(id, tracked);
    return tracked;
  }

  /**
   * Runs `work` after every earlier claim of this process has finished and tracked what it took, so whoever
   * asks next sees a job this process claimed as running here.
   */
  exclusive<Result>(work: () => Promise<Result>): Promise<Result> {
    const result = this.claimChain.then(work);
    this.claimChain = result.catch(() => undefined);
    return result;
  }

  /** The run of a job this process is running, if it is. */
  runOf(id: string): Promise<void> | undefined {
    return this.running.get(id);
  }

  /** Stops polling and waits up to `graceMs` for running items; returns the ids of those still running. */
  async stop(graceMs: number): Promise<string[]> {
    this.stopped = true;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = null;
    await this.currentPoll;
    let graceTimer: NodeJS.Timeout | null = null;
    const graceOver = new Promise<void>((resolve) => {
      graceTimer = setTimeout(resolve, graceMs);
    });
    await Promise.race([Promise.allSettled([...this.running.values()]), graceOver]);
    if (graceTimer) clearTimeout(graceTimer);
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = null;
    return [...this.running.keys()];
  }

  private schedule(delayMs: number): void {
    if (!this.started || this.stopped) return;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = setTimeout(() => {
      this.pollTimer = null;
      this.currentPoll = this.poll().finally(() => {
        this.currentPoll = null;
      });
    }, delayMs);
    this.pollTimer.unref();
  }

  private async poll(): Promise<void> {
    const room = this.options.concurrency - this.running.size;
    let claimedAll = false;
    try {
      if (room > 0)
        await this.exclusive(async () => {
          const items = await this.options.claim(room);
          claimedAll = items.length === room;
          for (const item of items) void this.track(item.id, this.options.execute(item));
        });
    } catch (error) {
      this.options.reportError(error, 'claiming jobs failed');
    }
    const again = this.wakeRequested || claimedAll;
    this.wakeRequested = false;
    this.schedule(again ? 0 : this.options.pollIntervalMs);
  }

  private renewLeases(): void {
    const ids = [...this.running.keys()];
    if (ids.length === 0) return;
    this.options
      .renewLeases(ids)
      .catch((error: unknown) => this.options.reportError(error, 'renewing job leases failed'));
  }
}
