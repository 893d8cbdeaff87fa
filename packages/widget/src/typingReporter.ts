// Tells the server when the shopper is typing: one "typing" frame when they start, one "stopped"
// after a pause or when they send, instead of a frame per keystroke.
const TYPING_IDLE_MS = 4000;

export class TypingReporter {
  private isTypingSent = false;
  private idleTimer: number | undefined;

  constructor(private readonly sendTyping: (isTyping: boolean) => void) {}

  reportInput(): void {
    if (!this.isTypingSent) {
      this.sendTyping(true);
      this.isTypingSent = true;
    }
    window.clearTimeout(this.idleTimer);
    this.idleTimer = window.setTimeout(() => this.stop(), TYPING_IDLE_MS);
  }

  stop(): void {
    window.clearTimeout(this.idleTimer);
    if (!this.isTypingSent) return;
    this.isTypingSent = false;
    this.sendTyping(false);
  }
}
