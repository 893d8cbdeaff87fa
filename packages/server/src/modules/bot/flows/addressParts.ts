import { toSimplified } from '@kefu/nlu';
import type { CommerceAddress } from '../../commerce';
import type { Region } from './chinaRegions';
import { findCity, findProvince, findRegionIn, withoutLeadingRegion } from './chinaRegions';
import { readEnglishAddress } from './englishAddress';

export type AddressParts = Pick<CommerceAddress, 'province' | 'city' | 'district' | 'line' | 'postalCode'>;

/**
 * A new address as the shop keeps it: province, city, district, line. Province and city are the Chinese names
 * whether the shopper wrote "江苏省苏州市", "苏州市" or "Suzhou, Jiangsu"; the province is empty when nothing
 * names it (the flow then asks for it). `region` is what the shopper said when asked.
 */
export function readAddressParts(text: string, region: Region | null): AddressParts {
  const english = readEnglishAddress(text);
  const parts: AddressParts = english
    ? {
        province: english.province,
        city: english.city,
        district: english.district,
        line: english.line || english.text,
        ...(english.postalCode && { postalCode: english.postalCode }),
      }
    : readChineseAddress(text);
  if (!parts.province && region) {
    parts.province = region.province;
    if (!parts.city) parts.city = region.city;
  }
  return parts;
}

/**
 * "浙江省杭州市西湖区文三路 100 号" → province, city, district, line; anything unrecognised stays in the line.
 * Matched in simplified script; district and line keep the shopper's script.
 */
function readChineseAddress(text: string): AddressParts {
  const written = text.replace(/\s+/g, ' ').trim();
  const simplified = toSimplified(written);
  const match = /^(.*?(?:省|自治区|特别行政区))?(.*?市)?(.*?(?:区|县|旗))?(.*)$/u.exec(simplified);
  const [province = '', city = '', district = '', rest = simplified] = match?.slice(1) ?? [];
  const aligned = simplified.length === written.length;
  const inWrittenScript = (start: number, part: string) =>
    aligned ? written.slice(start, start + part.length) : part;
  const knownProvince =
    findProvince(province) ??
    findCity(city)?.province ??
    // "江苏苏州工业园区…": province and city written without 省 and 市.
    findRegionIn(`${province}${city}${district}`)?.province;
  const knownCity = findCity(city)?.city ?? (city || findRegionIn(district)?.city) ?? '';
  const line = inWrittenScript(province.length + city.length + district.length, rest).trim();
  const writtenDistrict = inWrittenScript(province.length + city.length, district);
  // "江苏苏州工业园区": the province and city it starts with are already in their own fields.
  const districtLength = province || city ? district.length : withoutLeadingRegion(district).length;
  return {
    province: knownProvince ?? province,
    city: knownCity,
    district: writtenDistrict.slice(writtenDistrict.length - districtLength),
    line: line || written,
  };
}
