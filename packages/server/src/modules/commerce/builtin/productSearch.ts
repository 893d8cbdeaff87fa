import { segment, toSimplified } from '@kefu/nlu';
import { longestSharedHanRun } from '../productFacts';
import type { ProductRow } from './shopRowMappers';

/** Words that say nothing about which product is meant. */
const ignoredTerms = new Set(
  '的 了 吗 呢 有 没有 这个 那个 多少 多久 什么 怎么 还有 货 库存 价格 钱 优惠 保修 电 续航 能 吗 可以 is the a an of do does have in stock price how much what for'.split(
    ' ',
  ),
);

/**
 * Ranks products by the words of a shopper's question that appear in their names, brand, tags or SKU.
 * Name words weigh by length, so "空气炸锅" beats a shared brand; ties keep catalogue order.
 */
/** What shoppers call a product type and what catalogues name it ("充电宝" is sold as "移动电源"). */
const productNounSynonyms: [RegExp, string][] = [
  [/充电宝/, '移动电源'],
  [/移动电源/, '充电宝'],
  [/耳塞|蓝牙耳机/, '耳机'],
  [/裤子/, '裤'],
  [/腕表|智能表/, '手表'],
  // Kinds of goods by their everyday names, as catalogues often tag them.
  [/护肤|保湿|补水/, 'skincare'],
  [/彩妆|化妆品|美妆/, 'makeup skincare'],
  [/零食|小吃|吃的/, 'snacks'],
  [/厨房|厨具/, 'kitchen'],
  [/床上用品|床品/, 'bedding'],
  [/\bskin ?care\b/, 'skincare'],
  [/\bsnacks?\b/, 'snacks'],
  [/\bpower ?bank\b/, '移动电源 power bank'],
  [/\bpants\b/, 'trousers'],
  [/\btrousers\b/, 'pants'],
  [/\b(?:earphones|headphones)\b/, 'earbuds'],
  [/\bt-?shirts?\b|\btees?\b/, 't-shirt'],
];

export function searchProductRows(rows: readonly ProductRow[], query: string, limit: number): ProductRow[] {
  const normalisedQuery = normalise(query);
  const queryText = productNounSynonyms.reduce(
    (text, [pattern, synonym]) => (pattern.test(normalisedQuery) ? `${text} ${synonym}` : text),
    normalisedQuery,
  );
  const queryTerms = new Set(
    segment(queryText).filter((term) => term.length >= 2 && !ignoredTerms.has(term)),
  );
  if (queryTerms.size === 0) return [];
  const scored = rows.map((row) => ({ row, score: scoreProduct(row, queryTerms, queryText) }));
  return scored
    .filter((entry) => entry.score > 0)
    .sort((left, right) => right.score - left.score)
    .slice(0, limit)
    .map((entry) => entry.row);
}

function scoreProduct(row: ProductRow, queryTerms: ReadonlySet<string>, queryText: string): number {
  if (queryText.includes(row.sku.toLowerCase())) return 100;
  const productText = normalise(`${row.name_zh} ${row.name_en} ${row.brand} ${row.tags}`);
  const description = normalise(`${row.description_zh} ${row.description_en}`);
  let score = 0;
  for (const term of queryTerms) {
    if (productText.includes(term)) score += term.length;
    else if (/^\p{Script=Han}{3,}$/u.test(term)) score += countSharedBigrams(term, productText);
    else if (description.includes(term)) score += 0.5;
  }
  // A longer run of the name ("阔腿裤") says more about which product is meant than a shared attribute word ("纯棉").
  const run = longestSharedHanRun(queryText, normalise(row.name_zh));
  return score + (run >= 2 ? 3 * run : 0);
}

function normalise(text: string): string {
  return toSimplified(text.normalize('NFKC')).toLowerCase();
}

/** Compound words the segmenter keeps whole (龙井茶) still match their parts (龙井). */
function countSharedBigrams(term: string, productText: string): number {
  let shared = 0;
  for (let index = 0; index + 2 <= term.length; index += 1)
    if (productText.includes(term.slice(index, index + 2))) shared += 1;
  return shared;
}
