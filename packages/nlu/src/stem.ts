const irregularForms: Record<string, string> = {
  bought: 'buy',
  paid: 'pay',
  sent: 'send',
  got: 'get',
  gotten: 'get',
  received: 'receive',
  broke: 'break',
  broken: 'break',
  came: 'come',
  gave: 'give',
  given: 'give',
  made: 'make',
  took: 'take',
  taken: 'take',
  lost: 'lose',
  left: 'leave',
  told: 'tell',
  said: 'say',
  went: 'go',
  gone: 'go',
  was: 'be',
  were: 'be',
  is: 'be',
  are: 'be',
  am: 'be',
  been: 'be',
  has: 'have',
  had: 'have',
  did: 'do',
  does: 'do',
  done: 'do',
  children: 'child',
  men: 'man',
  women: 'woman',
  wrote: 'write',
  written: 'write',
  forgot: 'forget',
  forgotten: 'forget',
  shipping: 'ship',
  shipped: 'ship',
  delivery: 'deliver',
  refunded: 'refund',
  cancelled: 'cancel',
  cancelling: 'cancel',
  canceled: 'cancel',
  canceling: 'cancel',
};

/**
 * A light English stemmer: irregular forms, plurals, -ing/-ed/-ly/-ies. Character n-grams
 * catch what it misses, so it stays deliberately simple and predictable.
 */
export function stemEnglishWord(word: string): string {
  const irregular = irregularForms[word];
  if (irregular) return irregular;
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (/(ches|shes|xes|zes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  if (word.endsWith('ing') && word.length > 5) return trimVerbEnding(word.slice(0, -3));
  if (word.endsWith('ied') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ed') && word.length > 4) return trimVerbEnding(word.slice(0, -2));
  if (word.endsWith('ly') && word.length > 5) return word.slice(0, -2);
  return word;
}

function trimVerbEnding(stem: string): string {
  const last = stem.at(-1);
  if (last !== undefined && stem.at(-2) === last && !'lsz'.includes(last)) return stem.slice(0, -1);
  if (/[^aeiou][aeiou][cvz]$/.test(stem) || /(at|bl|iz|ur|iv|ag|as|ang|anc|eiv|ok)$/.test(stem))
    return `${stem}e`;
  return stem;
}
