import { Select } from 'antd';
import { useI18n } from '../i18n/I18nContext';
import type { DisplayName } from './displayNameCatalogue';
import { intentNames, tierNames } from './displayNameCatalogue';
import { useDisplayNames } from './useDisplayNames';

export interface Choice {
  value: number;
  label: DisplayName;
}

/** How low the mood must fall (sentiment score, -1 … 1) before a person takes over. */
export const moodBelowChoices: Choice[] = [
  { value: -0.1, label: { zh: '略有不满', en: 'Slightly unhappy' } },
  { value: -0.3, label: { zh: '明显不满', en: 'Clearly unhappy' } },
  { value: -0.6, label: { zh: '非常不满', en: 'Very unhappy' } },
];

/** How sharp a fall in mood over the window counts (difference of sentiment scores). */
export const moodDropChoices: Choice[] = [
  { value: 0.2, label: { zh: '稍有变差', en: 'A little worse' } },
  { value: 0.4, label: { zh: '明显变差', en: 'Clearly worse' } },
  { value: 0.8, label: { zh: '急剧变差', en: 'Much worse' } },
];

/** How sure the bot must be that a message is a complaint. */
export const certaintyChoices: Choice[] = [
  { value: 0.4, label: { zh: '有可能', en: 'Possibly' } },
  { value: 0.6, label: { zh: '比较确定', en: 'Fairly sure' } },
  { value: 0.8, label: { zh: '非常确定', en: 'Very sure' } },
];

/**
 * A threshold as a few plain choices; a value set before (through the API) that is not one of them is
 * shown as the nearest choice and kept until someone picks another.
 */
export function PlainChoice({
  choices,
  value,
  onChange,
  ariaLabel,
}: {
  choices: Choice[];
  value: number;
  onChange(value: number): void;
  ariaLabel?: string;
}) {
  const { locale } = useI18n();
  const nearest = choices.reduce((best, choice) =>
    Math.abs(choice.value - value) < Math.abs(best.value - value) ? choice : best,
  );
  return (
    <Select<number>
      size="small"
      aria-label={ariaLabel}
      value={nearest.value}
      style={{ minWidth: 120 }}
      onChange={onChange}
      options={choices.map((choice) => ({
        value: choice.value,
        label: locale === 'en' ? choice.label.en : choice.label.zh,
      }))}
    />
  );
}

/** Intents or VIP tiers chosen by name from the catalogue (plus any the settings already hold). */
export function NamedCodesPicker({
  kind,
  value,
  onChange,
}: {
  kind: 'intent' | 'tier';
  value: string[];
  onChange(value: string[]): void;
}) {
  const names = useDisplayNames();
  const catalogue = kind === 'intent' ? intentNames : tierNames;
  const name = kind === 'intent' ? names.intent : names.tier;
  const codes = [...new Set([...Object.keys(catalogue), ...value])];
  return (
    <Select<string[]>
      size="small"
      mode="multiple"
      value={value}
      optionFilterProp="label"
      style={{ minWidth: 200 }}
      onChange={onChange}
      options={codes.map((code) => ({ value: code, label: name(code) }))}
    />
  );
}
