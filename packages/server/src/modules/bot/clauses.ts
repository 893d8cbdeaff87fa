/**
 * Splits a message into the questions it asks: "运费怎么算？可以寄到台湾吗", "KF… 到哪了 还有能开发票吗",
 * "where is my order, also can I get an invoice". Spaces next to Chinese text separate clauses too.
 */
const clauseSeparator =
  /[，,。；;！!？?:：\n]|(?<=\p{Script=Han})\s+|\s+(?=\p{Script=Han})|还有|另外|以及|顺便|顺带|再问|同时|\balso\b(?=\s+(?:can|could|would|will|is|are|do|does|did|has|have|how|what|when|where|why|please|i)\b)|\band\b|\bplus\b/iu;

/** The clauses of a message long enough to ask something (three characters or more). */
export function splitClauses(text: string): string[] {
  return text
    .split(clauseSeparator)
    .map((clause) => clause.trim())
    .filter((clause) => clause.length >= 3);
}
