const emailPattern = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/** Phone, ID-card, bank-card and order numbers: any run of 5 or more digits, with spaces or dashes inside. */
const longNumberPattern = /\d(?:[\s-]?\d){4,}/g;
const maxExcerptLength = 80;

/** A shopper's words fit to show in an alert: e-mails and long numbers masked, at most 80 characters. */
export function maskExcerpt(text: string): string {
  const masked = text.replace(emailPattern, '***@***').replace(longNumberPattern, '***');
  const characters = [...masked.replace(/\s+/g, ' ').trim()];
  return characters.length > maxExcerptLength
    ? `${characters.slice(0, maxExcerptLength - 1).join('')}…`
    : characters.join('');
}
