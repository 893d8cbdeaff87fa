import type { EventBus } from '../../../events/eventBus';

/**
 * Lets a request wait, with a bound, for the bot to finish with a shopper's message, whichever process runs
 * the job: `message.answered` reaches every process through the event bus, and the store is asked once the
 * wait is registered, so an answer that came first is not missed.
 */
export class AnswerWaiter {
  private readonly waiting = new Map<string, Set<() => void>>();

  constructor(
    bus: EventBus,
    private readonly isAnswered: (messageId: string) => Promise<boolean>,
  ) {
    bus.subscribe('message.answered', ({ payload }) => {
      for (const release of this.waiting.get(payload.messageId) ?? []) release();
    });
  }

  /** True once the message is answered; false when `timeoutMs` passed first. */
  async waitForAnswer(messageId: string, timeoutMs: number): Promise<boolean> {
    let release: () => void = () => undefined;
    const answered = new Promise<true>((resolve) => {
      release = () => resolve(true);
    });
    const releases = this.waiting.get(messageId) ?? new Set<() => void>();
    releases.add(release);
    this.waiting.set(messageId, releases);
    let timer: NodeJS.Timeout | undefined;
    try {
      if (await this.isAnswered(messageId)) return true;
      const timedOut = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      return await Promise.race([answered, timedOut]);
    } finally {
      clearTimeout(timer);
      releases.delete(release);
      if (releases.size === 0) this.waiting.delete(messageId);
    }
  }
}
