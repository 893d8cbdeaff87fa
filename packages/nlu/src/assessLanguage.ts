import { scriptOfHanCharacter } from './script';

export interface LanguageAssessment {
  /** null when the text holds no language evidence (ids, numbers, e-mails, URLs, emoji, punctuation, "ok"). */
  language: 'zh-Hans' | 'zh-Hant' | 'en' | null;
  /** Clear evidence: at least two Han characters, or at least two English words that are not ids, units or brands. */
  strong: boolean;
  /** Chinese that reads the same in both scripts (不想要了): the script is a default, not evidence. */
  scriptNeutral: boolean;
}

const withoutEvidence: RegExp[] = [
  /\b(?:https?:\/\/|www\.)\S+/giu,
  /[\w.%+-]+@[\w-]+(?:\.[\w-]+)+/gu,
  // Anything holding a digit is an id, a phone number, a quantity or a model (KF2026…, SF14…, 5G, 175cm).
  /[A-Za-z0-9_-]*[0-9][A-Za-z0-9_-]*/g,
];
/** Sizes, units, acronyms and brand or product names say nothing about the shopper's language. */
const neutralWords = new Set(
  'xs s m l xl xxl xxxl kg g cm mm m ml l gb tb mb mah hz usb led nfc sim oled lcd ok okay k kk hmm haha hahaha lol xd iphone ipad airpods macbook imac huawei xiaomi redmi oppo vivo samsung galaxy honor oneplus realme nike adidas uniqlo zara dyson lego sony canon nikon'.split(
    ' ',
  ),
);
const hanPattern = /\p{Script=Han}/gu;
const latinWordPattern = /[A-Za-z]+(?:'[A-Za-z]+)?/g;

/**
 * How much a single message says about the language of the conversation. Digits, order and tracking
 * numbers, e-mails, URLs, emoji and punctuation say nothing; brand names (iPhone), sizes (XL) and units
 * neither. Script is decided only by characters that differ between simplified and traditional writing.
 */
export function assessLanguage(text: string): LanguageAssessment {
  let content = text.normalize('NFKC');
  for (const pattern of withoutEvidence) content = content.replace(pattern, ' ');
  const hanCharacters = content.match(hanPattern) ?? [];
  const englishWords = (content.match(latinWordPattern) ?? []).filter(isEnglishEvidence);
  const englishLetters = englishWords.reduce((sum, word) => sum + word.length, 0);
  const englishLeads = englishWords.length >= 2 && englishLetters > hanCharacters.length * 2;
  if (hanCharacters.length > 0 && !englishLeads) return assessChinese(hanCharacters);
  if (englishWords.length > 0)
    return { language: 'en', strong: englishWords.length >= 2, scriptNeutral: false };
  return { language: null, strong: false, scriptNeutral: false };
}

function assessChinese(hanCharacters: readonly string[]): LanguageAssessment {
  let balance = 0;
  let differing = 0;
  for (const character of hanCharacters) {
    const script = scriptOfHanCharacter(character);
    balance += script;
    if (script !== 0) differing++;
  }
  const strong = hanCharacters.length >= 2;
  if (balance > 0) return { language: 'zh-Hant', strong, scriptNeutral: false };
  return { language: 'zh-Hans', strong, scriptNeutral: differing === 0 || balance === 0 };
}

function isEnglishEvidence(word: string): boolean {
  const lower = word.toLowerCase();
  if (neutralWords.has(lower)) return false;
  // CamelCase product names (PlayStation, AirTag) and short all-capital acronyms (NFC, USB-C) are not English prose.
  if (/^[a-z]+[A-Z]/.test(word) || /^[A-Z][a-z]+[A-Z]/.test(word)) return false;
  if (/^[A-Z]{2,4}$/.test(word)) return false;
  return word.length >= 2 || lower === 'i' || lower === 'a';
}
