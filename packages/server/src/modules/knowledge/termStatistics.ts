import { prepareText } from '@kefu/nlu';

const fillerTokens = new Set(
  '的 了 吗 呢 啊 吧 呀 哦 嘛 么 是 我 你 您 他 它 们 我们 你们 这 那 这个 那个 就 都 也 还 在 请问 请 亲 一下 可以 能 怎么 什么 a an the is are be am to of do does did can could would i you it my your me we our this that these those for in on at and or please pls with'.split(
    ' ',
  ),
);

/** Content words (stemmed in English) plus Chinese character bigrams, which survive segmentation differences. */
export function termsOf(text: string): Set<string> {
  const { normalized, tokens } = prepareText(text);
  const terms = new Set<string>();
  for (const token of tokens)
    if (!fillerTokens.has(token) && !/^[\p{P}\p{S}\s]+$/u.test(token)) terms.add(token);
  for (const run of normalized.match(/\p{Script=Han}+/gu) ?? []) {
    const characters = [...run];
    for (let index = 0; index + 1 < characters.length; index++) {
      const bigram = `${characters[index]}${characters[index + 1]}`;
      if (!fillerTokens.has(bigram)) terms.add(`~${bigram}`);
    }
  }
  return terms;
}

/** Question words (怎么样, 怎么办, 多久, 哪里 …): their characters recur in most stored questions. */
const questionWord = /^(怎|如何|为什么|为啥|多久|多少|哪|什么|啥|几)/;

/** In an index of at least this many entries, a word in more than this share of them is not searched for. */
const commonTermMinimumDocuments = 200;
const commonTermShare = 0.1;

/**
 * Document frequencies of terms over the indexed entries of one language, kept up to date as entries
 * come and go, so the share of a question an entry covers can weigh rare words above common ones.
 */
export class TermStatistics {
  private readonly documentFrequency = new Map<string, number>();
  private documents = 0;

  add(terms: ReadonlySet<string>): void {
    this.documents++;
    for (const term of terms) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
  }

  remove(terms: ReadonlySet<string>): void {
    this.documents--;
    for (const term of terms) {
      const count = (this.documentFrequency.get(term) ?? 1) - 1;
      if (count <= 0) this.documentFrequency.delete(term);
      else this.documentFrequency.set(term, count);
    }
  }

  /**
   * The query as BM25 should see it: content words only, without question words and without words most
   * entries share. Those carry almost no weight but make BM25 score (and sort) a large share of the index.
   */
  searchableQuery(query: string): string {
    const { tokens, normalized } = prepareText(query);
    const content = tokens.filter((token) => !fillerTokens.has(token) && !/^[\p{P}\p{S}\s]+$/u.test(token));
    const distinctive = content.filter((token) => !this.isCommon(token) && !questionWord.test(token));
    return distinctive.length > 0
      ? distinctive.join(' ')
      : content.length > 0
        ? content.join(' ')
        : normalized;
  }

  private isCommon(term: string): boolean {
    return (
      this.documents >= commonTermMinimumDocuments &&
      (this.documentFrequency.get(term) ?? 0) > commonTermShare * this.documents
    );
  }

  /** Idf-weighted share of the query's terms found in the document, in [0, 1]. */
  coverage(queryTerms: ReadonlySet<string>, documentTerms: ReadonlySet<string>): number {
    let total = 0;
    let covered = 0;
    for (const term of queryTerms) {
      const weight = this.weightOf(term);
      total += weight;
      if (documentTerms.has(term)) covered += weight;
    }
    return total === 0 ? 0 : covered / total;
  }

  private weightOf(term: string): number {
    const frequency = this.documentFrequency.get(term) ?? 0;
    const idf = Math.log(1 + (this.documents + 1) / (frequency + 0.5));
    // Bigrams double-count what words already say; they matter where segmentation splits words differently.
    return term.startsWith('~') ? 0.5 * idf : idf;
  }
}
