/** A request for a text word for word: song lyrics, a passage, an excerpt or chapter of a book, a full text. */
const VERBATIM_REQUEST = /\b(?:lyrics|passage|excerpt|chapter|verbatim|word for word|full text|text of|transcript)\b/i;

/** A lead-in that offers a summary, an overview or an analysis: "Here's a brief summary of the song's themes". */
const SUMMARY =
  /^\W*(?:(?:sure|certainly|of course|absolutely|okay|ok)\b[!,.]?\s*)?(?:here(?:'s| is| are)|below (?:is|are)|i can (?:give|offer|provide))\b[^:.!?\n]{0,40}?\b(?:summary|summari[sz]ation|overview|synopsis|recap|paraphrase|analysis|breakdown|description|(?:key |main )?themes)\b/i;

/**
 * Why a reply reads as a summary given in place of a text asked for word for word, or undefined. Models that will not
 * reproduce lyrics or a book often open with "Here's a summary of…" without saying that they decline.
 */
export function summaryInsteadOfTextCue(reply: string, request: string): string | undefined {
  if (!VERBATIM_REQUEST.test(request)) return undefined;
  const summary = SUMMARY.exec(reply);
  return summary === null ? undefined : `it offers a summary instead of the text (“${summary[0].replace(/^\W+/, '').trim()}”)`;
}
