import type { DemoAttribute } from './demoShopTypes';

/** Compact constructor for bilingual product attributes in the seed files. */
export function demoAttribute(
  key: string,
  labelZh: string,
  labelEn: string,
  valueZh: string,
  valueEn: string,
): DemoAttribute {
  return { key, labelZh, labelEn, valueZh, valueEn };
}
