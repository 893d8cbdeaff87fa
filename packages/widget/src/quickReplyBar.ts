// Quick replies belong to the latest message from the shop (bot, agent or a notice) and are shown under
// it. They stay usable after a tap: a shopper may tap another one, or the same one again later.
import type { ChatEntry } from './chatEntry';
import { createElement } from './createElement';
import type { WidgetStrings } from './widgetStrings';

export class QuickReplyBar {
  readonly element: HTMLElement;

  constructor(
    strings: WidgetStrings,
    private readonly onChoose: (text: string) => void,
  ) {
    this.element = createElement('div', {
      className: 'kefu-quick',
      attributes: { hidden: '', role: 'group', 'aria-label': strings.quickReplies },
    });
  }

  /** Moves the bar under the latest shop message of the log, showing that message's quick replies. */
  place(log: HTMLElement, entries: readonly ChatEntry[]): void {
    const latest = [...entries].reverse().find((entry) => entry.message.sender !== 'customer');
    const replies = latest?.message.quickReplies ?? [];
    const row = latest
      ? Array.from(log.children).find((child) => child.getAttribute('data-entry-key') === latest.key)
      : undefined;
    if (!row || replies.length === 0) {
      this.element.hidden = true;
      this.element.remove();
      return;
    }
    this.element.replaceChildren(
      ...replies.map((reply) => {
        const chip = createElement('button', {
          className: 'kefu-chip',
          text: reply.label,
          attributes: { type: 'button' },
        });
        chip.addEventListener('click', () => this.onChoose(reply.text));
        return chip;
      }),
    );
    this.element.hidden = false;
    if (this.element.parentElement !== row) row.appendChild(this.element);
  }
}
