import { prepareText } from '@kefu/nlu';

const fillerWords = new Set(
  '的 了 吗 呢 啊 吧 呀 哦 嘛 么 是 我 你 您 他 它 们 我们 你们 这 那 这个 那个 就 都 也 还 在 请问 请 亲 一下 可以 能 怎么 什么 有 没有 有没有 多久 多少 多长 多长时间 时候 什么时候 哪里 为什么 怎么办 怎么样 能不能 可不可以 是不是 知道 问一下 问下 好的 谢谢 你好 您好 客服 一个 现在 已经 还是 还没 a an the is are be am to of do does did can could would i you it my your me we our this that these those for in on at and or please pls with have has what when where how why hi hello thank thanks'.split(
    ' ',
  ),
);
const maxKeywordsPerConversation = 8;
const readCustomerMessages = 5;

/**
 * The content words shoppers used in their first messages (at most 8 per conversation): the topics whose
 * surges are looked for. Words of two or more Chinese characters, or three or more letters; no numbers
 * (order numbers and phone numbers are not topics).
 */
export function extractKeywords(customerTexts: readonly string[]): string[] {
  const keywords: string[] = [];
  for (const text of customerTexts.slice(0, readCustomerMessages)) {
    for (const token of prepareText(text).tokens) {
      if (keywords.length >= maxKeywordsPerConversation) return keywords;
      if (isKeyword(token) && !keywords.includes(token)) keywords.push(token);
    }
  }
  return keywords;
}

function isKeyword(token: string): boolean {
  if (fillerWords.has(token) || /\d/.test(token)) return false;
  if (/^\p{Script=Han}{2,8}$/u.test(token)) return true;
  return /^[a-z][a-z-]{2,30}$/.test(token);
}
