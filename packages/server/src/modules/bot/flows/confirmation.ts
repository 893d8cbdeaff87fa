// Yes, no and "never mind" as shoppers say them: "是的 确认取消", "好的 麻烦了", "嗯嗯", "不用了 谢谢",
// "yeah go ahead", "no thanks". Text is compared in simplified script, lower case.

/** Answers that begin with a negation but agree ("没问题", "没错", "不错"). */
const agreeingNegations = /^(没问题|没错|不错|不介意|no problem|no worries)/;
const noStart =
  /^(不|别|否|没有?|先不|暂时不|还是不|算了|不用|不要|不需要|不是|不对|no\b|nope|nah|not\b|don'?t|do not|never ?mind|cancel that)/;
const yesStart =
  /^(是|对|嗯|恩|好|行|可以|确认|确定|没问题|要|需要|就这|麻烦|提交|同意|办吧|弄吧|ok|okay|yes|yeah|yep|yup|sure|confirm|correct|right|please|go ahead|do it|that'?s right|of course)/;
/** "好吧 算了": agreeing words, then a withdrawal. */
const withdrawal = /算了|不用了|不要了|不了$|no thanks|not anymore/;
/** "等下 先别取消 我再想想": not now, which is a no to doing it now. */
const holding = /先别|先不|再想想|想一想|考虑一?下|考虑考虑|hold on|wait|let me think|not yet/;
const confirmWord = /确认|确定|confirm|go ahead/;
const negatedConfirm = /不(确认|确定)|don'?t confirm|not sure/;
/** Long messages carry new information, not an answer to a yes/no question. */
const maximumAnswerLength = 24;

/** Asked "cancel it?" or "refund it?", "不想要了 / don't need it anymore" means yes. */
export const wantsItGone = /不想要|不要了|不需要了|用不上|不买了|no longer need|don'?t (?:want|need) it/;

/** `agreeing`: answers that mean yes to this particular question although they are worded as a refusal. */
export function parseYesNo(text: string, agreeing?: RegExp): 'yes' | 'no' | null {
  const answer = comparable(text);
  if (!answer || answer.length > maximumAnswerLength) return null;
  if (agreeing?.test(answer)) return 'yes';
  if (agreeingNegations.test(answer)) return 'yes';
  if (noStart.test(answer) || withdrawal.test(answer) || holding.test(answer)) return 'no';
  if (yesStart.test(answer)) return 'yes';
  if (confirmWord.test(answer) && !negatedConfirm.test(answer)) return 'yes';
  return null;
}

const abortPattern =
  /^(算了|不办了|不弄了|不要了|不用了|不问了|退出|返回|back|go back|cancel|never ?mind|forget it|stop)(吧|了|啦)?$/;

/** "算了 / never mind": leave the current task. */
export function isAbort(text: string): boolean {
  return abortPattern.test(comparable(text));
}

/** Lower case, without emoji, punctuation, spaces or trailing particles. */
function comparable(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\p{Extended_Pictographic}\p{P}\p{S}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s啊呀吧的哈哦呢啦嘛]+$/u, '')
    .replace(/\s/g, (space, index: number, whole: string) =>
      /[a-z]/.test(whole[index - 1] ?? '') && /[a-z]/.test(whole[index + 1] ?? '') ? space : '',
    );
}
