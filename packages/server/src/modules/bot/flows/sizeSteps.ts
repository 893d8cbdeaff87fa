import type { CommerceOrder } from '../../commerce';

const letterSizes = ['XS', 'S', 'M', 'L', 'XL', 'XXL', 'XXXL'] as const;

const upPattern =
  /大一(?:个|號|号)?(?:码|号|碼|號)|大一点的(?:码|号)|(?:size|go)\s*up|one size (?:up|bigger|larger)|a size (?:up|bigger|larger)|(?:a )?bigger size|larger size/i;
const downPattern =
  /小一(?:个|號|号)?(?:码|号|碼|號)|小一点的(?:码|号)|size\s*down|one size (?:down|smaller)|a size (?:down|smaller)|(?:a )?smaller size/i;

/** "想换大一码" → +1, "size down" → −1, else null. */
export function detectSizeStep(text: string): number | null {
  if (upPattern.test(text)) return 1;
  if (downPattern.test(text)) return -1;
  return null;
}

/** M + 1 → L; 42 + 1 → 43; null past the end of the range or for a size that is not a size. */
export function shiftSize(size: string, step: number): string | null {
  const letterIndex = letterSizes.findIndex((letter) => letter === size.toUpperCase());
  if (letterIndex >= 0) return letterSizes[letterIndex + step] ?? null;
  const number = /^(\d{2,3})$/.exec(size)?.[1];
  return number ? String(Number(number) + step) : null;
}

/** The one size the order's clothes were bought in (the last part of their SKUs), when there is one. */
export function orderedSize(order: CommerceOrder): string | null {
  const sizes = new Set(
    order.items
      .map((item) => item.sku.split('-').at(-1)?.toUpperCase() ?? '')
      .filter((part) => letterSizes.some((letter) => letter === part)),
  );
  return sizes.size === 1 ? ([...sizes][0] ?? null) : null;
}

/** A size said on its own, as the answer to "which size?": "L", "换L", "要XL码的", "42码", "size M". */
export function bareSize(text: string): string | null {
  const match =
    /^(?:换(?:成|个|到)?|要|改成?|就|size)?\s*(XXXL|XXL|XL|XS|S|M|L|\d{2,3})\s*(?:码|号|號)?(?:的|吧|码的|size)?[。.!！]*$/i.exec(
      text.trim(),
    );
  if (match?.[1]) return match[1].toUpperCase();
  const word =
    /^(?:(?:a|an|the|size)\s+)?(extra small|small|medium|large|extra large|x-?large)(?:\s+(?:one|please|size))?[.!]*$/i.exec(
      text.trim(),
    )?.[1];
  return word ? sizeLetters(word) : null;
}

const englishLetters: Record<string, string> = {
  'extra small': 'XS',
  small: 'S',
  medium: 'M',
  large: 'L',
  'extra large': 'XL',
  'x large': 'XL',
  xlarge: 'XL',
};

/** "small" → S, "extra large" / "x-large" → XL; null for words that are not sizes. */
export function sizeLetters(word: string): string | null {
  return englishLetters[word.toLowerCase().replace('-', ' ')] ?? null;
}
