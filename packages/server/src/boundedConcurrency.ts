/**
 * Runs at most `maxRunning` tasks at once; up to `maxWaiting` more wait in line (first come, first served) and
 * anything beyond is refused at once with `refuse()`, so a flood queues neither memory nor time without end.
 */
export class BoundedConcurrency {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** The most tasks that ever ran at once (read by tests and metrics). */
  peakRunning = 0;

  constructor(
    private readonly maxRunning: number,
    private readonly maxWaiting: number,
    private readonly refuse: () => Error,
  ) {}

  async run<Result>(task: () => Promise<Result>): Promise<Result> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  get waitingCount(): number {
    return this.waiting.length;
  }

  private async acquire(): Promise<void> {
    if (this.running < this.maxRunning) {
      this.running += 1;
      this.peakRunning = Math.max(this.peakRunning, this.running);
      return;
    }
    if (this.waiting.length >= this.maxWaiting) throw this.refuse();
    // The finishing task hands its place over directly, so `running` never drops below what is running.
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }
}
