// The editor's form values and their conversion from and to the API's entry content.
import type {
  ChannelKind,
  KnowledgeContent,
  KnowledgeContentInput,
  KnowledgeImage,
  KnowledgeLink,
  KnowledgeLocale,
  KnowledgeLocaleContent,
  QuickReply,
} from '@kefu/sdk';

export interface LocaleFormValues {
  enabled: boolean;
  question: string;
  /** One similar question per line. */
  similarQuestions: string;
  answer: string;
  /** Rows of the repeatable lists may be half filled while editing. */
  links: Partial<KnowledgeLink>[];
  images: Partial<KnowledgeImage>[];
  quickReplies: Partial<QuickReply>[];
}

export interface EntryFormValues {
  category: string;
  tags: string[];
  productIds: string[];
  channels: ChannelKind[];
  /** `datetime-local` input values (local time), '' for none. */
  validFrom: string;
  validUntil: string;
  locales: Record<KnowledgeLocale, LocaleFormValues>;
}

export function convertContentToFormValues(content: KnowledgeContent | null): EntryFormValues {
  return {
    category: content?.category ?? 'general',
    tags: content?.tags ?? [],
    productIds: content?.productIds ?? [],
    channels: content?.channels ?? [],
    validFrom: convertIsoToLocalInput(content?.validFrom ?? null),
    validUntil: convertIsoToLocalInput(content?.validUntil ?? null),
    locales: {
      'zh-CN': convertLocaleToFormValues(content ? content.locales['zh-CN'] : undefined, content === null),
      en: convertLocaleToFormValues(content?.locales.en, false),
    },
  };
}

export function convertFormValuesToContent(values: EntryFormValues): KnowledgeContentInput {
  const locales: KnowledgeContentInput['locales'] = {};
  for (const locale of ['zh-CN', 'en'] as const) {
    const localeValues = values.locales[locale];
    if (localeValues.enabled) locales[locale] = convertLocaleFormValues(localeValues);
  }
  return {
    category: values.category.trim() || 'general',
    tags: values.tags,
    productIds: values.productIds,
    channels: values.channels,
    validFrom: convertLocalInputToIso(values.validFrom),
    validUntil: convertLocalInputToIso(values.validUntil),
    locales,
  };
}

function convertLocaleToFormValues(
  content: KnowledgeLocaleContent | undefined,
  enabledWhenEmpty: boolean,
): LocaleFormValues {
  return {
    enabled: content !== undefined || enabledWhenEmpty,
    question: content?.question ?? '',
    similarQuestions: content?.similarQuestions.join('\n') ?? '',
    answer: content?.answer ?? '',
    links: content?.links ?? [],
    images: content?.images ?? [],
    quickReplies: content?.quickReplies ?? [],
  };
}

function convertLocaleFormValues(values: LocaleFormValues): KnowledgeLocaleContent {
  return {
    question: values.question.trim(),
    similarQuestions: values.similarQuestions
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    answer: values.answer.trim(),
    // Rows the editor added but left empty are dropped rather than refused by the server.
    links: values.links.flatMap(({ label, url }) =>
      label?.trim() && url?.trim() ? [{ label: label.trim(), url: url.trim() }] : [],
    ),
    images: values.images.flatMap(({ url, alt }) =>
      url?.trim() ? [{ url: url.trim(), alt: alt?.trim() ?? '' }] : [],
    ),
    quickReplies: values.quickReplies.flatMap(({ label, text }) =>
      label?.trim() && text?.trim() ? [{ label: label.trim(), text: text.trim() }] : [],
    ),
  };
}

function convertIsoToLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function convertLocalInputToIso(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
