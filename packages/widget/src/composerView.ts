// The message input: Enter sends, Shift+Enter adds a line, and Enter while an IME is composing
// (pinyin candidates) is left to the IME. Phones (coarse pointer or a narrow screen) get no "Enter 发送"
// hint: their keyboards send with their own key. A photo button picks a picture to send.
import { createElement, createIcon, ICON_PHOTO, ICON_SEND } from './createElement';
import type { WidgetStrings } from './widgetStrings';

export interface ComposerHandlers {
  /** Returns false when the text was refused (e.g. too long); the input then keeps it. */
  onSubmit: (text: string) => boolean;
  onTypingInput: () => void;
  onPhotoChosen: (photo: File) => void;
}

const PHONE_QUERY = '(pointer: coarse), (max-width: 480px)';
export const ACCEPTED_PHOTO_TYPES = 'image/jpeg,image/png,image/webp,image/gif';

export class ComposerView {
  readonly element: HTMLElement;
  private readonly hint: HTMLElement;
  private readonly input: HTMLTextAreaElement;
  private readonly sendButton: HTMLButtonElement;
  private readonly notice: HTMLElement;
  private readonly photoInput: HTMLInputElement;
  private readonly photoButton: HTMLButtonElement;
  private readonly phoneQuery: MediaQueryList | null;
  private readonly updatePlaceholder: () => void;

  constructor(
    strings: WidgetStrings,
    private readonly handlers: ComposerHandlers,
  ) {
    this.hint = createElement('div', { className: 'kefu-hint', attributes: { hidden: '', role: 'alert' } });
    this.notice = createElement('div', {
      className: 'kefu-notice',
      attributes: { hidden: '', role: 'status', 'aria-live': 'polite' },
    });
    this.input = createElement('textarea', {
      className: 'kefu-input',
      attributes: { rows: '1', 'aria-label': strings.inputLabel, enterkeyhint: 'send' },
    });
    this.phoneQuery = typeof window.matchMedia === 'function' ? window.matchMedia(PHONE_QUERY) : null;
    this.updatePlaceholder = () => {
      this.input.placeholder = this.phoneQuery?.matches
        ? strings.inputPlaceholderTouch
        : strings.inputPlaceholder;
    };
    this.updatePlaceholder();
    this.phoneQuery?.addEventListener('change', this.updatePlaceholder);
    this.photoInput = createElement('input', {
      className: 'kefu-visually-hidden',
      attributes: { type: 'file', accept: ACCEPTED_PHOTO_TYPES, tabindex: '-1', 'aria-hidden': 'true' },
    });
    this.photoButton = createElement('button', {
      className: 'kefu-attach',
      attributes: { type: 'button', 'aria-label': strings.attachPhoto, title: strings.attachPhoto },
      children: [createIcon(ICON_PHOTO)],
    });
    this.sendButton = createElement('button', {
      className: 'kefu-send',
      attributes: { type: 'button', 'aria-label': strings.send, title: strings.send, disabled: '' },
      children: [createIcon(ICON_SEND)],
    });
    this.element = createElement('div', {
      children: [
        this.notice,
        this.hint,
        createElement('div', {
          className: 'kefu-composer',
          children: [this.photoButton, this.photoInput, this.input, this.sendButton],
        }),
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

  /** A calm note (not an error): e.g. why a photo was not sent and what to do instead. */
  showNotice(text: string | null): void {
    this.notice.hidden = text === null;
    this.notice.textContent = text ?? '';
  }

  destroy(): void {
    this.phoneQuery?.removeEventListener('change', this.updatePlaceholder);
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
      this.showNotice(null);
      this.handlers.onTypingInput();
    });
    this.sendButton.addEventListener('click', () => this.submit());
    this.photoButton.addEventListener('click', () => this.photoInput.click());
    this.photoInput.addEventListener('change', () => {
      const photo = this.photoInput.files?.[0];
      this.photoInput.value = '';
      this.showNotice(null);
      if (photo) this.handlers.onPhotoChosen(photo);
    });
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
