// Keeps the header's "who can answer" fresh while the chat is open: on opening, when the conversation
// changes hands, and once a minute. A failed check keeps the last known status.
import type { VisitorServiceStatus } from '@kefu/sdk';

const REFRESH_INTERVAL_MS = 60_000;

export class ServiceStatusWatcher {
  private timer: number | undefined;
  private sequence = 0;

  constructor(
    private readonly readStatus: () => Promise<VisitorServiceStatus>,
    private readonly onStatus: (status: VisitorServiceStatus) => void,
  ) {}

  start(): void {
    this.refresh();
    if (this.timer === undefined) this.timer = window.setInterval(() => this.refresh(), REFRESH_INTERVAL_MS);
  }

  stop(): void {
    window.clearInterval(this.timer);
    this.timer = undefined;
  }

  refresh(): void {
    const current = ++this.sequence;
    this.readStatus().then(
      (status) => {
        if (current === this.sequence) this.onStatus(status);
      },
      () => undefined,
    );
  }
}
