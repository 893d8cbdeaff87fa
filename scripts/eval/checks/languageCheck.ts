import * as OpenCC from 'opencc-js';
import type { ScenarioLanguage } from '../scenarioFile';
import type { CheckResult, ConversationRecord } from './checkTypes';
import { countHan, latinWords, quote, splitSentences } from './textPatterns';

// Every reply (text and button labels) must be in the conversation's language and script:
// - zh-CN: no English sentence, no traditional-only character;
// - zh-Hant: no English sentence, no simplified-only character;
// - en: no Chinese sentence.
// Script is judged with OpenCC's dictionaries, independently of Kefu's own conversion: a character is
// wrong when converting the reply to the other script's standard (without regional phrases) changes it.

const simplifiedToTaiwan = OpenCC.Converter({ from: 'cn', to: 'tw' });
const taiwanToSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

// OpenCC keeps one candidate per character, so these characters that Taiwan writes as they are (台灣,
// 周一, 范 and 杰 as names) would be "converted" to 臺, 週, 範, 傑; they are not simplified-only.
const sharedByBothScripts = new Set(['台', '周', '范', '杰']);

export function checkLanguageAndScript(record: ConversationRecord): CheckResult {
  const problems: string[] = [];
  for (const [index, turn] of record.turns.entries()) {
    for (const reply of turn.replies) {
      const problem =
        findLanguageProblem(reply.text, record.language, 'sentence') ??
        reply.quickReplies
          .map((label) => findLanguageProblem(label, record.language, 'button'))
          .find((found) => found !== null) ??
        null;
      if (problem) problems.push(`turn ${index + 1}: ${problem}`);
    }
  }
  return {
    label: `every reply in ${record.language}`,
    passed: problems.length === 0,
    detail: problems.slice(0, 3).join('; ') + (problems.length > 3 ? ` (+${problems.length - 3} more)` : ''),
  };
}

/** Null when the text is in the expected language and script, else what is wrong with it. */
export function findLanguageProblem(
  text: string,
  language: ScenarioLanguage,
  kind: 'sentence' | 'button',
): string | null {
  if (language === 'en') return findChineseSentence(text);
  const english = findEnglishSentence(text, kind);
  if (english) return english;
  const wrongCharacters =
    language === 'zh-Hant' ? findSimplifiedOnlyCharacters(text) : findTraditionalOnlyCharacters(text);
  if (wrongCharacters.length === 0) return null;
  const scriptName = language === 'zh-Hant' ? 'simplified' : 'traditional';
  return `${scriptName} characters ${wrongCharacters.slice(0, 6).join('')} in ${quote(text, 60)}`;
}

function findEnglishSentence(text: string, kind: 'sentence' | 'button'): string | null {
  const minimumWords = kind === 'button' ? 1 : 2;
  for (const sentence of splitSentences(text)) {
    const words = latinWords(sentence).filter((word) => kind === 'sentence' || word.length >= 3);
    if (countHan(sentence) === 0 && words.length >= minimumWords)
      return `English ${kind} ${quote(sentence, 60)}`;
  }
  return null;
}

function findChineseSentence(text: string): string | null {
  for (const sentence of splitSentences(text)) {
    const letters = latinWords(sentence).join('').length;
    const han = countHan(sentence);
    if (han >= 2 && han * 2 > letters) return `Chinese text ${quote(sentence, 60)}`;
  }
  return null;
}

export function findSimplifiedOnlyCharacters(text: string): string[] {
  return differingCharacters(text, simplifiedToTaiwan(text)).filter(
    (character) => !sharedByBothScripts.has(character),
  );
}

export function findTraditionalOnlyCharacters(text: string): string[] {
  return differingCharacters(text, taiwanToSimplified(text));
}

/** Characters of `original` that the conversion changed (dictionary conversions keep the length). */
function differingCharacters(original: string, converted: string): string[] {
  const before = Array.from(original);
  const after = Array.from(converted);
  const found = new Set<string>();
  if (before.length !== after.length) {
    for (const character of before)
      if (countHan(character) > 0 && !converted.includes(character)) found.add(character);
    return [...found];
  }
  for (const [index, character] of before.entries()) if (after[index] !== character) found.add(character);
  return [...found];
}
