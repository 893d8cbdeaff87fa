// Text helpers shared by the checkers.

/** An apology in any of the three languages ("不好意思" is left out: it is also a plain polite opener). */
export const apologyPattern = /抱歉|对不起|對不起|sorry|apologi[sz]e|apologies/i;

const sentencePattern = /[^。！？!?\n]+[。！？!?]*/g;

/** Splits a reply into sentences, keeping each sentence's closing punctuation (a question mark matters). */
export function splitSentences(text: string): string[] {
  return (text.match(sentencePattern) ?? []).map((sentence) => sentence.trim()).filter(Boolean);
}

const hanPattern = /\p{Script=Han}/gu;
const latinWordPattern = /[A-Za-z]{2,}/g;

export function countHan(text: string): number {
  return text.match(hanPattern)?.length ?? 0;
}

export function latinWords(text: string): string[] {
  return text.match(latinWordPattern) ?? [];
}

/** A short, single-line quotation of a reply for failure messages. */
export function quote(text: string, maxLength = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > maxLength ? `${flat.slice(0, maxLength)}…` : flat}"`;
}
