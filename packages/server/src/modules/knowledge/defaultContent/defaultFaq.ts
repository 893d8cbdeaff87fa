import type { EntryContent } from '../schemas';

export interface DefaultEntry {
  /** Stable key of the seed entry (benchmarks and tests refer to it). */
  key: string;
  kind: 'faq' | 'article';
  content: EntryContent;
}

interface LocaleSeed {
  q: string;
  similar: string[];
  a: string;
  buttons?: { label: string; text: string }[];
}

/** Compact constructor for the seed FAQ files. */
export function defaultFaq(key: string, category: string, zh: LocaleSeed, en: LocaleSeed): DefaultEntry {
  const toLocale = (seed: LocaleSeed) => ({
    question: seed.q,
    similarQuestions: seed.similar,
    answer: seed.a,
    links: [],
    images: [],
    quickReplies: seed.buttons ?? [],
  });
  return {
    key,
    kind: 'faq',
    content: {
      category,
      tags: [key],
      productIds: [],
      channels: [],
      validFrom: null,
      validUntil: null,
      locales: { 'zh-CN': toLocale(zh), en: toLocale(en) },
    },
  };
}
