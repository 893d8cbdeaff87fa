// Bot answers arrive within milliseconds; shown at once they feel abrupt and are easy to miss. The pacer
// shows a short typing indicator before each bot reply, in arrival order, and keeps later messages
// (an agent's, a notice) behind the replies still typing so the conversation never reorders.
import type { Message } from '@kefu/sdk';

const MIN_TYPING_MS = 450;
const MAX_TYPING_MS = 1300;
const TYPING_MS_PER_CHARACTER = 12;

export class ReplyPacer {
  private readonly queue: Message[] = [];
  private readonly queuedIds = new Set<string>();
  private timer: number | undefined;
  private thinking = 0;

  constructor(
    private readonly reveal: (message: Message) => void,
    private readonly onTypingChange: (isTyping: boolean) => void,
  ) {}

  /** The shopper sent something the bot will answer: show it typing until the answer is in (`end`). */
  beginThinking(): void {
    this.thinking += 1;
    this.reportTyping();
  }

  endThinking(): void {
    this.thinking = Math.max(0, this.thinking - 1);
    this.reportTyping();
  }

  push(message: Message): void {
    if (this.queuedIds.has(message.id)) return;
    this.queuedIds.add(message.id);
    this.queue.push(message);
    if (this.timer === undefined) this.revealNext();
  }

  private revealNext(): void {
    const next = this.queue[0];
    if (!next) {
      this.timer = undefined;
      this.reportTyping();
      return;
    }
    this.timer = window.setTimeout(
      () => {
        this.queue.shift();
        this.queuedIds.delete(next.id);
        this.reveal(next);
        this.revealNext();
      },
      next.sender === 'bot' ? typingDuration(next) : 0,
    );
    this.reportTyping();
  }

  private reportTyping(): void {
    const botReplyWaiting = this.queue[0]?.sender === 'bot';
    this.onTypingChange(this.thinking > 0 || botReplyWaiting);
  }
}

function typingDuration(message: Message): number {
  const length = message.text.length + (message.card ? 40 : 0);
  return Math.min(MAX_TYPING_MS, Math.max(MIN_TYPING_MS, length * TYPING_MS_PER_CHARACTER));
}
