import * as OpenCC from 'opencc-js';

export type Language = 'zh-Hans' | 'zh-Hant' | 'en' | 'mixed';

type Converter = (text: string) => string;

let simplifyConverter: Converter | undefined;
let traditionalTaiwanConverter: Converter | undefined;
let traditionalHongKongConverter: Converter | undefined;
let traditionalCharacterConverter: Converter | undefined;
let simplifiedCharacterConverter: Converter | undefined;

/** Traditional (any variant, with Taiwan phrases such as 軟體 → 软件) to mainland simplified. */
export function toSimplified(text: string): string {
  simplifyConverter ??= OpenCC.Converter({ from: 'twp', to: 'cn' });
  const converted = simplifyConverter(text);
  // OpenCC reads 么 as a traditional variant of 幺 ("在么" → "在幺"); a shopper who wrote 么 meant the particle.
  return text.includes('么') ? keepParticle(text, converted) : converted;
}

function keepParticle(original: string, converted: string): string {
  const originalCharacters = [...original];
  const convertedCharacters = [...converted];
  if (originalCharacters.length !== convertedCharacters.length) return converted.replace(/幺/g, '么');
  return convertedCharacters
    .map((character, index) => (originalCharacters[index] === '么' ? '么' : character))
    .join('');
}

/** Character by character, so offsets into the text stay valid (used for entity spans). */
export function toSimplifiedCharacters(text: string): string {
  if (!hanTest.test(text)) return text;
  let output = '';
  for (const character of text)
    output += character < '\u2e80' ? character : classifyCharacter(character).simplified;
  return output;
}

/**
 * Shop wording that the Taiwan phrase table gets wrong, applied to its output: it reads every 代码 as
 * program code (統一社會信用程式碼, 優惠程式碼) and every 程序 as a program (退貨程式). 质量 stays 質量:
 * the table keeps it and it is not wrong.
 */
const taiwanShopPhrases: [string, string][] = [
  ['程式碼', '代碼'],
  ['退貨程式', '退貨程序'],
  ['退款程式', '退款程序'],
  ['換貨程式', '換貨程序'],
  ['申請程式', '申請程序'],
  ['處理程式', '處理程序'],
  ['售後程式', '售後程序'],
  ['理賠程式', '理賠程序'],
  ['法律程式', '法律程序'],
  ['驗證程式', '驗證程序'],
];

/** Simplified to traditional, for replying in the script the shopper wrote in. */
export function toTraditional(text: string, variant: 'tw' | 'hk' = 'tw'): string {
  if (variant === 'hk') {
    traditionalHongKongConverter ??= OpenCC.Converter({ from: 'cn', to: 'hk' });
    return traditionalHongKongConverter(text);
  }
  traditionalTaiwanConverter ??= taiwanShopConverter();
  return traditionalTaiwanConverter(text);
}

function taiwanShopConverter(): Converter {
  const fromMainland = OpenCC.Locale.from.cn;
  const toTaiwan = OpenCC.Locale.to.twp;
  if (!fromMainland || !toTaiwan) throw new Error('opencc-js lacks the cn or twp dictionaries');
  return OpenCC.ConverterFactory(fromMainland, toTaiwan, [taiwanShopPhrases]);
}

const hanPattern = /\p{Script=Han}/gu;
const latinWordPattern = /[a-z]{2,}/gi;

/**
 * Decides the language and, for Chinese, the script. Characters shared by both scripts
 * (我, 你, 好) say nothing, so only characters that a converter changes are counted.
 */
export function detectLanguage(text: string): Language {
  const hanCharacters = text.match(hanPattern) ?? [];
  const latinWords = text.match(latinWordPattern) ?? [];
  if (hanCharacters.length === 0) return 'en';
  const latinLetters = latinWords.reduce((sum, word) => sum + word.length, 0);
  if (latinWords.length >= 3 && latinLetters > hanCharacters.length * 2) return 'mixed';
  return isTraditional(hanCharacters) ? 'zh-Hant' : 'zh-Hans';
}

interface CharacterScript {
  simplified: string;
  /** 1: only in traditional text, -1: only in simplified text, 0: shared by both. */
  script: number;
}

const characterScripts = new Map<string, CharacterScript>();
const hanTest = /\p{Script=Han}/u;

/** Converting one character at a time and remembering the answer keeps detection at a map lookup per character. */
function classifyCharacter(character: string): CharacterScript {
  const known = characterScripts.get(character);
  if (known) return known;
  simplifiedCharacterConverter ??= OpenCC.Converter({ from: 't', to: 'cn' });
  traditionalCharacterConverter ??= OpenCC.Converter({ from: 'cn', to: 't' });
  const simplified = simplifiedCharacterConverter(character);
  const traditional = traditionalCharacterConverter(character);
  const entry = {
    simplified: [...simplified].length === 1 ? simplified : character,
    script: simplified !== character ? 1 : traditional !== character ? -1 : 0,
  };
  characterScripts.set(character, entry);
  return entry;
}

/** 1 when only traditional text uses the character, -1 when only simplified text does, 0 when both do. */
export function scriptOfHanCharacter(character: string): number {
  return classifyCharacter(character).script;
}

function isTraditional(hanCharacters: readonly string[]): boolean {
  let balance = 0;
  for (const character of hanCharacters) balance += classifyCharacter(character).script;
  return balance > 0;
}
