import { segment, toSimplified } from '@kefu/nlu';
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
export function searchProductRows(rows: readonly ProductRow[], query: string, limit: number): ProductRow[] {
  const queryText = normalise(query);
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
  let score = 0;
  for (const term of queryTerms) {
    if (productText.includes(term)) score += term.length;
    else if (/^\p{Script=Han}{3,}$/u.test(term)) score += countSharedBigrams(term, productText);
  }
  return score;
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
