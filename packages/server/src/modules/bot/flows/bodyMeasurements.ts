import type { ReplyLocale } from '../../../replyLocale';
import { say } from './flowKit';

// A shopper's height and weight as they write them for size advice: "182 80kg", "1米75 140斤", "一米八 160斤",
// "6ft 170 lbs", "5'10\" 150 pounds" — converted to cm and kg, the size chart's units.

export interface BodyMeasurements {
  heightCm: number | null;
  weightKg: number | null;
  /** How the shopper gave them when not in cm / kg ("6 ft", "170 lb"), to repeat beside the conversion. */
  saidHeight: { zh: string; en: string } | null;
  saidWeight: { zh: string; en: string } | null;
}

/** A simplified, lower-case message → the height and weight it gives (null where it gives none). */
export function readBody(comparable: string): BodyMeasurements {
  const weight = readWeight(comparable);
  const imperial = readImperialHeight(comparable);
  const heightCm = imperial?.heightCm ?? readMetricHeight(comparable);
  const weightKg = weight && weight.kg >= 25 && weight.kg <= 200 ? weight.kg : null;
  return {
    heightCm,
    weightKg,
    saidHeight: imperial?.said ?? null,
    saidWeight: weightKg !== null ? (weight?.said ?? null) : null,
  };
}

/** "182cm", or what was said in feet or pounds with the conversion: "6 ft (about 183cm)". */
export function describeMeasurement(
  metric: string,
  said: { zh: string; en: string } | null,
  locale: ReplyLocale,
): string {
  return said ? say(locale, `${said.zh}（约 ${metric}）`, `${said.en} (about ${metric})`) : metric;
}

const centimetresPerInch = 2.54;
const kilogramsPerPound = 0.45359237;
/** Units after a number that make it something other than a height in cm ("170 lbs", "200g", "180元"). */
const otherUnits =
  '(?:kg|g|lbs?|pounds?|ml|mm|m|w|v|mah|hz|gb|tb|mb|rmb|yuan)(?![a-z])|[%°㎡]|公斤|千克|斤|磅|克|元|块|毫|瓦|伏';
/** A bare number from 140 to 210 is a height in cm ("182 80kg") unless a unit says otherwise. */
const centimetresPattern = new RegExp(
  `(?<![\\d.])(1[4-9]\\d|20\\d|210)(?!\\d)\\s*(?:cm|厘米|公分)?(?!\\s*(?:${otherUnits}))`,
);
const chineseDigits = '一二三四五六七八九';

function readWeight(comparable: string): { kg: number; said: { zh: string; en: string } | null } | null {
  // "170 lbs" / "150 pounds": a weight, never a height.
  const pounds = /(?<![\d.])(\d{2,3}(?:\.\d)?)\s*(?:lbs?|pounds?|磅)(?![a-z])/.exec(comparable)?.[1];
  if (pounds !== undefined)
    return {
      kg: Math.round(Number(pounds) * kilogramsPerPound),
      said: { zh: `${pounds} 磅`, en: `${pounds} lb` },
    };
  const metric = /(?<![\d.])(\d{2,3}(?:\.\d)?)\s*(kg|公斤|千克|斤)/.exec(comparable);
  if (!metric?.[1]) return null;
  return { kg: Number(metric[1]) / (metric[2] === '斤' ? 2 : 1), said: null };
}

/** "6ft", "5'10\"", "5 ft 10 in", "6 foot 2". */
function readImperialHeight(
  comparable: string,
): { heightCm: number; said: { zh: string; en: string } } | null {
  const match =
    /(?<![\d.])([4-7])\s*(?:'|’|′|ft\.?|feet|foot)\s*(?:(\d{1,2})\s*(?:"|”|″|′′|''|’’|in\.?|inch(?:es)?)?)?(?!\d)/.exec(
      comparable,
    );
  if (!match?.[1]) return null;
  const feet = Number(match[1]);
  const inches = match[2] ? Number(match[2]) : 0;
  if (inches >= 12) return null;
  return {
    heightCm: Math.round((feet * 12 + inches) * centimetresPerInch),
    said: {
      zh: `${feet} 英尺${inches > 0 ? ` ${inches} 英寸` : ''}`,
      en: `${feet} ft${inches > 0 ? ` ${inches} in` : ''}`,
    },
  };
}

/** "1米75", "1.75m", "1米8", "一米八", "一米七五", "175cm", "182" (bare, next to a weight or alone). */
function readMetricHeight(comparable: string): number | null {
  const metres =
    /(?<![\d.])1\s*(?:米|m)\s*(\d{1,2})(?![\d.])|(?<![\d.])1\.(\d)\s*(?:米|m)(?![a-z])|(?<![\d.])1\.(\d{2})(?!\d)(?!\s*(?:kg|g|公斤|千克|斤|克|元|块))/.exec(
      comparable,
    );
  const centimetresPastMetre = metres?.[1] ?? metres?.[2] ?? metres?.[3];
  if (centimetresPastMetre !== undefined) return 100 + Number(centimetresPastMetre.padEnd(2, '0'));
  const spoken = new RegExp(`一米([五六七八九])([${chineseDigits}])?`).exec(comparable);
  if (spoken?.[1])
    return (
      100 +
      10 * (chineseDigits.indexOf(spoken[1]) + 1) +
      (spoken[2] ? chineseDigits.indexOf(spoken[2]) + 1 : 0)
    );
  const centimetres = centimetresPattern.exec(comparable)?.[1];
  return centimetres !== undefined ? Number(centimetres) : null;
}
