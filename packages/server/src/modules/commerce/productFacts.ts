import { prepareText, toSimplified } from '@kefu/nlu';
import { attributeTriggerTerms } from './productAttributeTerms';

// Questions about a product's attributes answered from its facts ("这款支持5G吗" → "支持5G的～ 网络制式：5G 全网通"):
// which attribute is asked, and whether its value says yes to the word asked about.

export interface ProductAttributeFacts {
  key: string;
  labelZh: string;
  labelEn: string;
  valueZh: string;
  valueEn: string;
}

export interface ProductFacts {
  id: string;
  nameZh: string;
  nameEn: string;
  attributes: readonly ProductAttributeFacts[];
}

export interface AttributeAnswer {
  attribute: ProductAttributeFacts;
  /** null when the question was not a yes/no question about a value. */
  yes: boolean | null;
  text: { zh: string; en: string };
}

const priceQuestion = /多少钱|几块钱|什么价|价格|价钱|售价|how much|price|cost/;

export const yesNoQuestionPattern =
  /吗|么|不$|是不是|有没有|能不能|支不支持|可不可以|会不会|可以.*不|[?？]|^(does|do|is|are|can|will|has|have)\b/;

/** The attribute a question asks about and the answer to it; null when it names none. */
export function answerAttributeQuestion(product: ProductFacts, question: string): AttributeAnswer | null {
  const comparable = toComparable(question);
  // A price question names the product ("How much is the X20 5G phone?"), not one of its attributes.
  if (priceQuestion.test(comparable)) return null;
  const attribute = findAskedAttribute(product, comparable);
  if (!attribute) return null;
  const asked = yesNoQuestionPattern.test(comparable) ? askedValues(comparable, attribute, product) : [];
  const yes = asked.length === 0 ? null : asked.every((token) => affirmsAsked(attribute, token));
  return { attribute, yes, text: phraseAnswer(product, attribute, yes, asked, comparable) };
}

export function findAskedAttribute(product: ProductFacts, comparable: string): ProductAttributeFacts | null {
  let best: { attribute: ProductAttributeFacts; length: number } | null = null;
  for (const attribute of product.attributes) {
    const terms = [
      ...(attributeTriggerTerms[attribute.key] ?? []),
      toComparable(attribute.labelZh),
      toComparable(attribute.labelEn),
    ];
    for (const term of terms) {
      if (term.length > (best?.length ?? 0) && containsTerm(comparable, term))
        best = { attribute, length: term.length };
    }
  }
  return best?.attribute ?? attributeNamingAskedWord(product, comparable);
}

const questionWords =
  /可以|这个|那个|这款|那款|这支|这台|什么|怎么|多少|是不是|有没有|能不能|支持|一下|请问|吗|呢|嘛|了|的|调|很|大|小|the|can|could|does|do|is|are|it|this|that|make|have|has|with|what|how|bigger|smaller|larger/g;

/** "字体可以调大吗" asks about 长辈功能 "大字体、SOS…": a word of the question found in one attribute's value. */
function attributeNamingAskedWord(product: ProductFacts, comparable: string): ProductAttributeFacts | null {
  const words = [
    ...(comparable.replace(questionWords, ' ').match(/\p{Script=Han}{2,}/gu) ?? []),
    ...(comparable.replace(questionWords, ' ').match(/[a-z]{4,}/g) ?? []),
  ];
  const matching = product.attributes.filter((attribute) => {
    const value = attributeValue(attribute);
    return words.some((word) =>
      /[a-z]/.test(word) ? new RegExp(`\\b${word.replace(/s$/, '')}`).test(value) : value.includes(word),
    );
  });
  return matching.length === 1 ? (matching[0] ?? null) : null;
}

/** The value words a yes/no question asks about: "5g", "ip68", "纯棉", "防水". */
function askedValues(comparable: string, attribute: ProductAttributeFacts, product: ProductFacts): string[] {
  const name = toComparable(`${product.nameZh} ${product.nameEn}`);
  const modelTokens = prepareText(comparable).tokens.filter(
    (token) => /[a-z]/.test(token) && /\d/.test(token) && !name.includes(token),
  );
  const valueWords = (attributeTriggerTerms[attribute.key] ?? []).filter(
    (term) => containsTerm(comparable, term) && /\d|纯|棉|麻|丝|毛|防水|ip/.test(term),
  );
  // "纯棉" already says "棉": keep the longest words that are not part of another.
  const words = [...new Set([...modelTokens, ...valueWords])];
  return words.filter((word) => !words.some((other) => other !== word && other.includes(word)));
}

const negatedBefore = /(不支持|不含|不带|不是|不能|无|没有|非|not|no|without)\s*$/;

/**
 * "防水吗" about 防水等级 "5ATM，可游泳": a word that names the attribute itself is affirmed by any value that
 * does not deny it; a value word ("5g", "纯棉") must appear in the value.
 */
function affirmsAsked(attribute: ProductAttributeFacts, token: string): boolean {
  if (toComparable(attribute.labelZh).includes(token))
    return !/^(无|不|没有|非|none|no\b|not\b)/.test(toComparable(attribute.valueZh));
  return affirms(attributeValue(attribute), token);
}

/** The attribute says yes to the word: it names it, and not as "不支持 5G" / "no 5G". */
function affirms(value: string, token: string): boolean {
  let index = value.indexOf(token);
  let found = false;
  while (index >= 0) {
    if (negatedBefore.test(value.slice(Math.max(0, index - 8), index))) return false;
    found = true;
    index = value.indexOf(token, index + token.length);
  }
  return found;
}

function attributeValue(attribute: ProductAttributeFacts): string {
  return toComparable(`${attribute.valueZh} ${attribute.valueEn}`);
}

function phraseAnswer(
  product: ProductFacts,
  attribute: ProductAttributeFacts,
  yes: boolean | null,
  asked: readonly string[],
  comparable: string,
): { zh: string; en: string } {
  const verb = comparable.includes('支持') ? '支持' : comparable.includes('有') ? '有' : '是';
  const word = asked.map((token) => token.toUpperCase()).join('、');
  const zhLead = yes === null ? '' : yes ? `${verb}${word}的～` : `不${verb}${word}哦。`;
  const enLead = yes === null ? '' : yes ? 'Yes. ' : 'No. ';
  return {
    zh: `${zhLead}「${product.nameZh}」的${attribute.labelZh}：${attribute.valueZh}。`,
    en: `${enLead}${attribute.labelEn} of the ${product.nameEn}: ${attribute.valueEn}.`,
  };
}

/** The longest run of Chinese characters of `text` found in `name` ("阔腿裤" in "女士棉麻高腰阔腿裤": 3). */
export function longestSharedHanRun(text: string, name: string): number {
  const characters = [...text];
  let longest = 0;
  for (let start = 0; start < characters.length; start++) {
    let length = 0;
    while (
      start + length < characters.length &&
      /\p{Script=Han}/u.test(characters[start + length] ?? '') &&
      name.includes(characters.slice(start, start + length + 1).join(''))
    )
      length++;
    longest = Math.max(longest, length);
  }
  return longest;
}

export function toComparable(text: string): string {
  return toSimplified(text.normalize('NFKC')).toLowerCase();
}

/** Latin terms match whole words (so "it" is not found in "with"); Chinese terms match anywhere. */
export function containsTerm(comparable: string, term: string): boolean {
  if (!/^[a-z0-9 .-]+$/.test(term)) return comparable.includes(term);
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^a-z0-9])${escaped}($|[^a-z0-9])`).test(comparable);
}
