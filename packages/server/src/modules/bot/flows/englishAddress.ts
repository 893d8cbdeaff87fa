import { findCity, findProvince } from './chinaRegions';

/**
 * A delivery address written in English or pinyin ("Room 1203, Tower 5, 88 Xinghu St, Suzhou Industrial Park,
 * Suzhou, Jiangsu"), split into the parts the shop keeps: province and city in Chinese when they are known
 * names, district and street line as written.
 */
export interface EnglishAddress {
  /** The address parts as written, without remarks ("same name n phone"), recipient or phone. */
  text: string;
  /** "江苏省"; empty when no part names a province or a known city. */
  province: string;
  city: string;
  district: string;
  line: string;
  postalCode?: string;
  recipient?: string;
  phone?: string;
  /** What was said beside the address ("same name n phone", "thanks"). */
  remarks: string[];
}

/** Null when the text is not an address written in Latin letters (Chinese goes its own way). */
export function readEnglishAddress(text: string): EnglishAddress | null {
  if (countMatches(text, /\p{Script=Han}/gu) >= countMatches(text, /[A-Za-z]/g)) return null;
  const said = readSegments(text.replace(introPattern, ''));
  if (!said.parts.some(isStreetLike) || !/\d/.test(said.parts.join(' '))) return null;
  const place = placeParts(said.parts);
  if (!place.province && !place.city && said.parts.length < 2) return null;
  return {
    text: said.parts.join(', '),
    ...place,
    ...(said.postalCode && { postalCode: said.postalCode }),
    ...(said.recipient && { recipient: said.recipient }),
    ...(said.phone && { phone: said.phone }),
    remarks: said.remarks,
  };
}

/** "new address:", "change the address of KF… to": what comes before the address itself. */
const introPattern =
  /^.*?\b(?:new address(?:\s+(?:is|will be))?|address\s+(?:is|should be)|(?:change|update|send|deliver|ship|move)\b[^,.;]*?\bto)\b[\s:：]*/i;
/** Commas, semicolons, line breaks, and full stops that end a sentence rather than "No." or "St.". */
const segmentBreak =
  /[,，;；\n]+|(?<!\b(?:no|st|rd|ave|rm|bldg|blk|apt|fl|ln|dr|mr|ms|mrs|co|jr))\.(?=\s|$)/i;
const remarkStart =
  /(?:^|\s)(?:same|unchanged|keep|as before|thanks?|thank you|thx|pls|please|asap|cheers)\b/i;
const chatter = /\b(?:address|order|change|need|want|hi|hello|hey|could|would|can you)\b|KF\d{6,}/i;
const phoneLabel = /(?:^|\s)(?:phone|tel|mobile|mob|cell)\b\.?\s*(?:no\.?|number)?\s*[:：]?\s*$/i;
const mobileInText = /(?<![\d-])(?:\+?86[\s-]?)?1\d{2}[\s-]?\d{4}[\s-]?\d{4}(?![\d-])/;
const recipientLabel = /^(?:recipient|receiver|consignee|name|attn)\b\.?\s*(?:is|:|：)?\s*/i;
const country = /^(?:(?:the\s+)?p\.?\s*r\.?\s*c\.?|(?:p\.?\s*r\.?\s*)?china|mainland china|cn)$/i;
const streetWord =
  /\b(?:st|street|rd|road|ave|avenue|lu|jie|dajie|dadao|lane|ln|alley|hutong|nong|xiang|blvd|boulevard|highway|hwy)\b/i;
const buildingNumber =
  /\b(?:room|rm|flat|apt|apartment|unit|suite|tower|building|bldg|block|blk|floor|fl|no|house)\b\.?\s*#?\d/i;
const districtWord =
  /\b(?:district|qu|county|new area|industrial park|hi-?tech zone|development zone|economic zone|zone)$/i;

interface Segments {
  parts: string[];
  remarks: string[];
  postalCode?: string;
  recipient?: string;
  phone?: string;
}

/** Sorts what was written into address parts, a phone, a recipient and remarks. */
function readSegments(body: string): Segments {
  const said: Segments = { parts: [], remarks: [] };
  for (const segment of body.split(segmentBreak)) {
    let part = segment.trim();
    const remarkAt = part.search(remarkStart);
    if (remarkAt >= 0) {
      said.remarks.push(part.slice(remarkAt).trim());
      part = part.slice(0, remarkAt).trim();
    }
    part = part.replace(/^(?:and|&)\s+/i, '').replace(/[.。]$/, '');
    const postal = /^(.*\S)\s+(\d{6})$/.exec(part);
    if (postal?.[1] && postal[2]) {
      said.postalCode = postal[2];
      part = postal[1];
    }
    if (!part) continue;
    // "recipient Li Ming 13912345678": a mobile number anywhere in a part is the phone.
    const mobile = mobileInText.exec(part);
    if (mobile) {
      said.phone = mobile[0].replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
      part = part.replace(mobile[0], '').replace(phoneLabel, '').trim();
      if (!part) continue;
    }
    const recipient = recipientLabel.exec(part);
    if (recipient) said.recipient = part.slice(recipient[0].length).trim();
    else if (/^\p{Script=Han}{2,4}$/u.test(part)) said.recipient = part;
    else if (/^\d{6}$/.test(part)) said.postalCode = part;
    else if (!country.test(part) && !chatter.test(part)) said.parts.push(part);
  }
  return said;
}

type Place = Pick<EnglishAddress, 'province' | 'city' | 'district' | 'line'>;

/** "Suzhou", "Jiangsu", "Suzhou Jiangsu" are peeled off the end of each part; the rest is district or line. */
function placeParts(parts: readonly string[]): Place {
  const place: Place = { province: '', city: '', district: '', line: '' };
  const lines: string[] = [];
  let writtenCity = '';
  for (const part of parts) {
    let rest = part.replace(/\s+/g, ' ');
    for (let peeled = 0; peeled < 3; peeled += 1) {
      const tail = lastRegionWords(rest);
      if (!tail) break;
      rest = rest.slice(0, rest.length - tail.text.length).trim();
      if (tail.province && !place.province) place.province = tail.province;
      if (tail.city && !place.city) {
        place.city = tail.city;
        writtenCity = tail.text;
      }
    }
    if (!rest) continue;
    if (!place.district && districtWord.test(rest) && !isStreetLike(rest)) place.district = rest;
    else lines.push(rest);
  }
  const cityProvince = place.city ? findCity(writtenCity)?.province : undefined;
  if (!place.province && cityProvince) place.province = cityProvince;
  // "…, Suzhou, Anhui": a city name the province does not have is kept as written.
  if (cityProvince && cityProvince !== place.province) place.city = writtenCity;
  // "…, Changshu, Jiangsu": the plain part before the province is its city, even if not a known name.
  const last = lines.at(-1);
  if (place.province && !place.city && last && !/\d/.test(last) && !isStreetLike(last)) {
    place.city = last;
    lines.pop();
  }
  place.line = lines.join(', ');
  return place;
}

/** The last one to four words of a part when they name a province or a known city. */
function lastRegionWords(text: string): { text: string; province?: string; city?: string } | null {
  const words = text.split(/\s+/).filter(Boolean);
  for (const count of [4, 3, 2, 1]) {
    if (words.length < count) continue;
    const tail = words.slice(-count).join(' ');
    const city = findCity(tail);
    if (city)
      return { text: tail, city: city.city, ...(city.province === city.city && { province: city.province }) };
    const province = findProvince(tail);
    if (province) return { text: tail, province };
  }
  return null;
}

/** "88 Xinghu St", "Room 1203", "18F": a street or a door, not "5 stars". */
function isStreetLike(part: string): boolean {
  return streetWord.test(part) || buildingNumber.test(part) || /^\d+\s*\/?\s*F$/i.test(part);
}

function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}
