/** Frequent English words: rot13 detection counts them and leetspeak decoding prefers them. */
export const commonWords: ReadonlySet<string> = new Set(
  (
    'a about above after all also am an and answer any are as ask at be because been before bomb build ' +
    'but by call can card could detail do does email explain for from full get give go had has have he ' +
    'hello help her here him his how i if ill in instructions into is it its just kill know let like ' +
    'make me money more my need no not now of old on one only or our out password people please prompt ' +
    'real say secret self sell should show so some step steps still system tell than that the their them ' +
    'then there these they this to told up us use want was way we well were what when where which who ' +
    'why will with without word words would write you your'
  ).split(' '),
);

/** How many words of `text` are common English words. */
export function countCommonWords(text: string): number {
  const words = text.toLowerCase().match(/[a-z']+/g) ?? [];
  return words.filter((word) => commonWords.has(word)).length;
}
