/**
 * The new part of a shopper's mail: what they wrote above the quoted message and their signature. Cuts at
 * the first line that starts a quote ("On … wrote:", "在 … 写道：", "-----Original Message-----", "发件人：")
 * or a signature ("-- ", "Sent from my iPhone", "发自我的iPhone"), and drops `>` quoted lines.
 */
export function extractNewText(body: string): string {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const next = lines[index + 1] ?? '';
    if (startsQuoteOrSignature(line, next)) break;
    if (/^\s*>/.test(line)) continue;
    kept.push(line);
  }
  return kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const signatureLines = [
  /^-- ?$/,
  /^__+\s*$/,
  /^\s*(发自我的|来自我的|從我的|发送自我的)\s*\S+/,
  /^\s*Sent from my \S+/i,
  /^\s*Get Outlook for /i,
];

const quoteHeaderLines = [
  /^\s*On .+wrote:\s*$/i,
  /^\s*在.+写道\s*[：:]\s*$/,
  /^\s*在.+寫道\s*[：:]\s*$/,
  /^\s*-{2,}\s*(Original Message|原始邮件|原始郵件|Forwarded message)\s*-{2,}/i,
  /^\s*(发件人|寄件者)\s*[：:]/,
  /^\s*From:\s.+<[^>]+@[^>]+>/,
];

function startsQuoteOrSignature(line: string, next: string): boolean {
  if (signatureLines.some((pattern) => pattern.test(line))) return true;
  if (quoteHeaderLines.some((pattern) => pattern.test(line))) return true;
  // Clients wrap a long "On … <address>" line, leaving "wrote:" alone on the next.
  return /^\s*On\s.+/i.test(line) && /^\s*\S*.*wrote:\s*$/i.test(next) && !/wrote:/i.test(line);
}
