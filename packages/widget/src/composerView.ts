// The message input: Enter sends, Shift+Enter adds a line, and Enter while an IME is composing
// (pinyin candidates) is left to the IME.
import { createElement, createIcon, ICON_SEND } from './createElement';
import type { WidgetStrings } from './widgetStrings';

export interface ComposerHandlers {
  /** Returns false when the text was refused (e.g. too long); the input then keeps it. */
  onSubmit: (text: string) => boolean;
  onTypingInput: () => void;
}

export class ComposerView {
  readonly element: HTMLElement;
  private readonly hint: HTMLElement;
  private readonly input: HTMLTextAreaElement;
  private readonly sendButton: HTMLButtonElement;

  constructor(
    strings: WidgetStrings,
    private readonly handlers: ComposerHandlers,
  ) {
    this.hint = createElement('div', { className: 'kefu-hint', attributes: { hidden: '', role: 'alert' } });
    this.input = createElement('textarea', {
      className: 'kefu-input',
      attributes: {
        rows: '1',
        placeholder: strings.inputPlaceholder,
        'aria-label': strings.inputLabel,
        enterkeyhint: 'send',
      },
    });
    this.sendButton = createElement('button', {
      className: 'kefu-send',
      attributes: { type: 'button', 'aria-label': strings.send, title: strings.send, disabled: '' },
      children: [createIcon(ICON_SEND)],
    });
    this.element = createElement('div', {
      children: [
        this.hint,
        createElement('div', { className: 'kefu-composer', children: [this.input, this.sendButton] }),
      ],
    });
    this.attachListeners();
  }

  focus(): void {
    this.input.focus();
  }

  showHint(text: string | null): void {
    this.hint.hidden = text === null;
    this.hint.textContent = text ?? '';
  }

  private attachListeners(): void {
    this.input.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
      event.preventDefault();
      this.submit();
    });
    this.input.addEventListener('input', () => {
      this.sendButton.disabled = this.input.value.trim() === '';
      this.resize();
      this.showHint(null);
      this.handlers.onTypingInput();
    });
    this.sendButton.addEventListener('click', () => this.submit());
  }

  private submit(): void {
    const text = this.input.value;
    if (text.trim() === '' || !this.handlers.onSubmit(text)) return;
    this.input.value = '';
    this.sendButton.disabled = true;
    this.resize();
    this.input.focus();
  }

  private resize(): void {
    this.input.style.height = 'auto';
    this.input.style.height = `${Math.min(this.input.scrollHeight + 2, 120)}px`;
  }
}
