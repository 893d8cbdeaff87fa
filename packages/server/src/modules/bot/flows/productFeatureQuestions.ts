import type { CommerceProduct } from '../../commerce';
import { toComparable } from '../../commerce';
import type { ReplyLocale } from '../../../replyLocale';
import { say } from './flowKit';

// Can-it questions about a product — takes a SIM card, works with my phone, connects two devices at once, goes
// swimming, runs on a voltage — answered yes or no from the attribute that settles them, and said honestly
// when the product's data does not settle them.

type ProductAttribute = CommerceProduct['attributes'][number];
type Bilingual = { zh: string; en: string };

interface Judgement {
  /** `facts`: the value is the answer (no yes/no was asked); `unstated`: the data does not settle it. */
  verdict: 'yes' | 'no' | 'facts' | 'unstated';
  note?: Bilingual;
}

interface FeatureQuestion {
  /** What the data must say, for "the details don't say …" ("whether it takes a SIM card"). */
  subject(comparable: string): Bilingual | null;
  /** The attribute that documents the feature; `related`: one worth showing when none does. */
  attribute(product: CommerceProduct): ProductAttribute | null;
  /** Asked only of products the feature applies to ("香港能用吗" of a T-shirt is not about voltage). */
  documentedOnly?: boolean;
  related?(product: CommerceProduct): ProductAttribute | null;
  judge(value: string, comparable: string): Judgement;
}

/** The answer to a can-it question about the product, or null when the message asks none. */
export function answerFeatureQuestion(
  product: CommerceProduct,
  comparable: string,
  locale: ReplyLocale,
): string | null {
  for (const feature of featureQuestions) {
    const subject = feature.subject(comparable);
    if (!subject) continue;
    const attribute = feature.attribute(product);
    if (!attribute && feature.documentedOnly) continue;
    if (!attribute) return describeMissing(product, subject, feature.related?.(product) ?? null, locale);
    const judged = feature.judge(toComparable(`${attribute.valueZh} ${attribute.valueEn}`), comparable);
    return phraseJudgement(product, attribute, subject, judged, locale);
  }
  return null;
}

const simCard: FeatureQuestion = {
  subject: (comparable) =>
    /电话卡|手机卡|(?<![a-z])e?sim(?![a-z])|插卡|流量卡|上网卡|蜂窝|cellular|(?<![a-z])lte(?![a-z])|mobile data/.test(
      comparable,
    ) && !/内存卡|存储卡|储存卡|tf\s*卡|sd\s*卡|memory card|sd card/.test(comparable)
      ? { zh: '能否插 SIM 卡', en: 'whether it takes a SIM card' }
      : null,
  attribute: (product) => findAttribute(product, ['network'], /网络|network|connectivity|cellular/),
  judge: (value) => {
    if (
      /(?:不支持|不能|无法|没有|不可|无)\s*(?:插\s*)?(?:e?sim|电话卡|手机卡)|no\s+(?:e?sim|sim slot)|without\s+(?:a\s+)?sim|(?:wi-?fi|wlan)[^,，;；]{0,8}only|(?:仅|只支持)\s*(?:wlan|wi-?fi)/.test(
        value,
      )
    )
      return { verdict: 'no' };
    const cellular =
      /(?<![a-z])e?sim(?![a-z])|双卡|单卡|电话卡|全网通|(?<![a-z0-9])[345]g(?![a-z0-9])|(?<![a-z])lte(?![a-z])|cellular/;
    return { verdict: cellular.test(value) ? 'yes' : 'unstated' };
  },
};

interface PhonePlatform {
  asked: RegExp;
  named: RegExp;
  name: Bilingual;
}

const phonePlatforms: readonly PhonePlatform[] = [
  {
    asked: /iphone|ipad|(?<![a-z])(?:ios|apple)(?![a-z])|苹果/,
    named: /(?<![a-z])ios|iphone|苹果/,
    name: { zh: 'iPhone（iOS）', en: 'iPhone (iOS)' },
  },
  {
    asked: /鸿蒙|harmony|华为|huawei|荣耀|honor/,
    named: /鸿蒙|harmony|华为|huawei/,
    name: { zh: '华为（鸿蒙）', en: 'Huawei (HarmonyOS)' },
  },
  {
    asked: /安卓|android|小米|红米|xiaomi|oppo|vivo|一加|oneplus|三星|samsung|pixel|魅族|realme/,
    named: /安卓|android/,
    name: { zh: '安卓手机', en: 'Android phones' },
  },
];

const phoneCompatibility: FeatureQuestion = {
  subject: (comparable) => {
    const asked = phonePlatforms.filter((platform) => platform.asked.test(comparable));
    if (
      asked.length === 0 ||
      !/连|用|兼容|支持|适配|配对|匹配|connect|pair|work|compatible|support|use|sync/.test(comparable)
    )
      return null;
    return {
      zh: `是否兼容${asked.map((platform) => platform.name.zh).join('、')}`,
      en: `whether it works with ${asked.map((platform) => platform.name.en).join(' and ')}`,
    };
  },
  attribute: (product) => findAttribute(product, ['compatibility'], /兼容|compatib/),
  related: (product) => findAttribute(product, ['bluetooth', 'protocols'], /蓝牙|bluetooth|协议|protocol/),
  judge: (value, comparable) => {
    const asked = phonePlatforms.filter((platform) => platform.asked.test(comparable));
    const named = asked.filter((platform) => platform.named.test(value));
    if (named.length === asked.length) return { verdict: 'yes' };
    // "仅支持安卓" lists every platform it works with: one left out does not work.
    return { verdict: /仅|只|(?<![a-z])only(?![a-z])/.test(value) ? 'no' : 'unstated' };
  },
};

const twoDevices: FeatureQuestion = {
  subject: (comparable) =>
    /同时|两台|两个设备|2\s*台|双设备|多设备|一拖二|多点|两部手机|两个手机|(?:two|2|multiple|both)\s+(?:devices|phones)|at the same time|simultaneous|multi-?point/.test(
      comparable,
    ) && /连|配对|切换|connect|pair|link|switch/.test(comparable)
      ? { zh: '能否同时连接两台设备', en: 'whether it connects to two devices at once' }
      : null,
  attribute: (product) => findAttribute(product, ['bluetooth'], /蓝牙|bluetooth/),
  judge: (value) => {
    if (/单设备|不支持(?:双|多)设备|one device at a time|single device/.test(value)) return { verdict: 'no' };
    const several =
      /双设备|多设备|两台设备|两个设备|一拖二|多点连接|(?:two|2|multiple) devices|multi-?point/.test(value);
    return { verdict: several ? 'yes' : 'unstated' };
  },
};

/** IEC 60529, second digit: what water a rating keeps out. */
const ipWaterProtection: Record<string, Bilingual> = {
  '1': { zh: '防滴水', en: 'dripping water' },
  '2': { zh: '防滴水', en: 'dripping water' },
  '3': { zh: '防淋水', en: 'spraying water' },
  '4': { zh: '防溅水', en: 'splashing water' },
  '5': { zh: '防喷水', en: 'water jets' },
  '6': { zh: '防强力喷水', en: 'powerful water jets' },
  '7': { zh: '可短时浸水（1 米内约 30 分钟）', en: 'short immersion (up to 1 m for 30 minutes)' },
  '8': { zh: '可持续浸水（深度由厂家规定）', en: 'continuous immersion (depth set by the maker)' },
};
/** ISO 22810: from 5 ATM a watch is fit for swimming; below, only for splashes and rain. */
const swimmingAtm = 5;

const swimming: FeatureQuestion = {
  subject: (comparable) =>
    /游泳|潜水|浮潜|泳池|下水|泡水|水下|(?<![a-z])(?:swim|swimming|swims|dive|diving|snorkel\w*|underwater|pool)(?![a-z])/.test(
      comparable,
    )
      ? { zh: '能否游泳时使用', en: 'whether you can swim with it' }
      : null,
  attribute: (product) => findAttribute(product, ['water_resistance'], /防水|water/),
  judge: (value) => {
    if (/(?:不可|不能|不适合|不宜)\s*游泳|not (?:suitable )?for swimming|not swim/.test(value))
      return { verdict: 'no' };
    if (/游泳|swim/.test(value)) return { verdict: 'yes' };
    const atm = /(\d+(?:\.\d+)?)\s*atm/.exec(value)?.[1];
    if (atm !== undefined) {
      if (Number(atm) >= swimmingAtm) return { verdict: 'yes' };
      return {
        verdict: 'no',
        note: {
          zh: `${atm}ATM 只防生活溅水，不适合游泳。`,
          en: `${atm} ATM covers everyday splashes, not swimming.`,
        },
      };
    }
    const rating = /ip([\dx])([1-8])/.exec(value);
    const protection = rating?.[2] ? ipWaterProtection[rating[2]] : undefined;
    if (!rating?.[2] || !protection) return { verdict: 'unstated' };
    const code = rating[0].toUpperCase();
    if (Number(rating[2]) <= 6)
      return {
        verdict: 'no',
        note: {
          zh: `${code} 只是${protection.zh}，不适合游泳或泡在水里。`,
          en: `${code} means protection against ${protection.en} only, not swimming or going under water.`,
        },
      };
    return {
      verdict: 'unstated',
      note: { zh: `${code} 表示${protection.zh}。`, en: `${code} means ${protection.en}.` },
    };
  },
};

const regionWords =
  /香港|澳门|台湾|国外|出国|海外|境外|日本|美国|英国|欧洲|韩国|hong kong|macau|taiwan|abroad|overseas|japan|europe|america|(?<![a-z])uk(?![a-z])/;

const voltage: FeatureQuestion = {
  subject: (comparable) =>
    /电压|伏特|(?<![a-z])volt(?:s|age)?(?![a-z])|(?<![\d.])\d{2,3}\s*(?:v|伏)(?![a-z])/.test(comparable)
      ? { zh: '电压', en: 'its voltage' }
      : null,
  attribute: findVoltageAttribute,
  judge: (value, comparable) => {
    const note = regionNote(comparable);
    const asked = /(?<![\d.])(\d{2,3})\s*(?:v|伏)(?![a-z])/.exec(comparable)?.[1];
    const range =
      /(?<![\d.])(\d{2,3})\s*v?\s*[–~-]\s*(\d{2,3})\s*v/.exec(value) ?? /(?<![\d.])(\d{2,3})\s*v/.exec(value);
    if (asked === undefined || !range?.[1]) return { verdict: 'facts', ...(note && { note }) };
    const low = Number(range[1]);
    const high = Number(range[2] ?? range[1]);
    const wanted = Number(asked);
    // 110 V on a 220 V kettle is plainly no; 230 V on it is for the maker's data to settle, not a guess.
    const verdict =
      wanted >= low && wanted <= high ? 'yes' : wanted < low * 0.8 || wanted > high * 1.2 ? 'no' : 'unstated';
    return { verdict, ...(note && { note }) };
  },
};

/** "香港可以用吗" of an electrical product: its voltage, and no guess about the region's. */
const useAbroad: FeatureQuestion = {
  subject: (comparable) =>
    regionWords.test(comparable) &&
    /用|use/.test(comparable) &&
    !/发货|寄|邮|运|ship|deliver/.test(comparable)
      ? { zh: '电压', en: 'its voltage' }
      : null,
  attribute: findVoltageAttribute,
  documentedOnly: true,
  judge: (_value, comparable) => {
    const note = regionNote(comparable);
    return { verdict: 'facts', ...(note && { note }) };
  },
};

function findVoltageAttribute(product: CommerceProduct): ProductAttribute | null {
  return (
    product.attributes.find((attribute) =>
      mainsVoltage.test(toComparable(`${attribute.valueZh} ${attribute.valueEn}`)),
    ) ?? null
  );
}

function regionNote(comparable: string): Bilingual | undefined {
  if (!regionWords.test(comparable)) return undefined;
  return {
    zh: '商品资料没有写在其他地区使用的情况，请确认当地电压和插座与标注的一致。',
    en: "The product details don't cover use in other regions; please check the local voltage and sockets match the rating.",
  };
}

const mainsVoltage = /(?<![\d.])\d{2,3}\s*v(?![a-z])/;

const featureQuestions: readonly FeatureQuestion[] = [
  simCard,
  phoneCompatibility,
  twoDevices,
  swimming,
  voltage,
  useAbroad,
];

function findAttribute(
  product: CommerceProduct,
  keys: readonly string[],
  label: RegExp,
): ProductAttribute | null {
  return (
    product.attributes.find((attribute) => keys.includes(attribute.key)) ??
    product.attributes.find((attribute) =>
      label.test(toComparable(`${attribute.labelZh} ${attribute.labelEn}`)),
    ) ??
    null
  );
}

function phraseJudgement(
  product: CommerceProduct,
  attribute: ProductAttribute,
  subject: Bilingual,
  judged: Judgement,
  locale: ReplyLocale,
): string {
  const fact = say(
    locale,
    `「${product.nameZh}」的${attribute.labelZh}：${attribute.valueZh}。`,
    `${attribute.labelEn} of the ${product.nameEn}: ${attribute.valueEn}.`,
  );
  const lead =
    judged.verdict === 'yes'
      ? say(locale, '可以的～', 'Yes. ')
      : judged.verdict === 'no'
        ? say(locale, '不行哦。', 'No. ')
        : '';
  const unstated =
    judged.verdict === 'unstated'
      ? say(locale, `资料里没有写明${subject.zh}。`, ` The details don't say ${subject.en}.`)
      : '';
  const note = judged.note ? say(locale, judged.note.zh, ` ${judged.note.en}`) : '';
  return `${lead}${fact}${note}${unstated}`;
}

function describeMissing(
  product: CommerceProduct,
  subject: Bilingual,
  related: ProductAttribute | null,
  locale: ReplyLocale,
): string {
  const missing = say(
    locale,
    `「${product.nameZh}」的商品资料里没有写明${subject.zh}，我没法确认。`,
    `The details of the ${product.nameEn} don't say ${subject.en}, so I can't confirm it.`,
  );
  if (!related) return missing;
  return `${missing}${say(locale, `${related.labelZh}：${related.valueZh}。`, ` ${related.labelEn}: ${related.valueEn}.`)}`;
}
