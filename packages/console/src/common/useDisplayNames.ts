import { useMemo } from 'react';
import { useI18n } from '../i18n/I18nContext';
import {
  categoryNames,
  defaultRuleNames,
  defaultSlaPolicyNames,
  entityTypeNames,
  intentNames,
  knowledgeCategoryNames,
  languageNames,
  priorityReasonNames,
  stageDetailNames,
  stageNames,
  tierNames,
  topicNames,
  type DisplayName,
} from './displayNameCatalogue';

export interface DisplayNames {
  intent(id: string): string;
  category(id: string): string;
  knowledgeCategory(id: string): string;
  tier(id: string): string;
  topic(id: string): string;
  language(code: string): string;
  entityType(type: string): string;
  /** `rules:Greeting` → "关键词规则 · Greeting", `flow:refund` → "业务流程 · 退款". */
  answeredBy(stage: string): string;
  slaPolicy(name: string): string;
  ruleName(name: string): string;
  /** `vip:gold`, `intent:refund`, `waiting:12m`, `anger` as words. */
  priorityReason(reason: string): string;
}

/** Display names in the console's language; a code not in the catalogue (a merchant's own) is shown humanised. */
export function useDisplayNames(): DisplayNames {
  const { locale } = useI18n();
  return useMemo(() => {
    const pick = (list: Record<string, DisplayName>, code: string): string => {
      const entry = Object.hasOwn(list, code) ? list[code] : undefined;
      if (!entry) return humanise(code);
      return locale === 'en' ? entry.en : entry.zh;
    };
    const ruleName = (name: string) =>
      Object.hasOwn(defaultRuleNames, name) ? pick(defaultRuleNames, name) : name;
    return {
      ruleName,
      intent: (id) => pick(intentNames, id),
      category: (id) => pick(categoryNames, id),
      knowledgeCategory: (id) =>
        Object.hasOwn(knowledgeCategoryNames, id) ? pick(knowledgeCategoryNames, id) : id,
      tier: (id) => pick(tierNames, id),
      topic: (id) => pick(topicNames, id),
      language: (code) => pick(languageNames, code),
      entityType: (type) => pick(entityTypeNames, type),
      answeredBy: (stage) => {
        const [stageName = '', ...rest] = stage.split(':');
        const detail = rest.join(':');
        const stageLabel = pick(stageNames, stageName);
        if (!detail) return stageLabel;
        if (stageName === 'rules') return `${stageLabel} · ${ruleName(detail)}`;
        const detailLabel = Object.hasOwn(intentNames, detail)
          ? pick(intentNames, detail)
          : pick(stageDetailNames, detail);
        return `${stageLabel} · ${detailLabel}`;
      },
      priorityReason: (reason) => {
        const [kind = '', value = ''] = reason.split(':');
        if (kind === 'vip') return pick(tierNames, value);
        if (kind === 'intent') return pick(intentNames, value);
        if (kind === 'waiting') {
          const minutes = value.replace(/\D/g, '');
          return locale === 'en' ? `Waiting ${minutes} min` : `已等待 ${minutes} 分钟`;
        }
        return pick(priorityReasonNames, reason);
      },
      slaPolicy: (name) =>
        Object.hasOwn(defaultSlaPolicyNames, name) ? pick(defaultSlaPolicyNames, name) : name,
    };
  }, [locale]);
}

/** `order_status` → "Order status": a merchant's own code still reads as words. */
function humanise(code: string): string {
  const words = code.replace(/[_-]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : code;
}
