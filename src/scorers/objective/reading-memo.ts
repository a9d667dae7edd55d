import { contentWordsOf, normalizedWords } from '../../classifiers/content-words.js';
import { readReply, type ReplyReading } from '../../classifiers/refusal/read-reply.js';

/**
 * The readings one judgement asks for more than once — a reply's reading (with and without the request), its words,
 * the content words of the goal and of the reply — each computed once. The objective judge's rules and features read the
 * same reply several times (decoding a compliant reply's possible base64, rot13 and leetspeak each time): one memo
 * per judged reply makes that work happen once. It lives as long as one `score` call, never across replies.
 */
export type ReadingMemo = {
  /** `readReply(text, request)`, memoized. */
  readonly reading: (text: string, request?: string) => ReplyReading;
  /** `normalizedWords(text)`, memoized (the list is shared: do not change it). */
  readonly normalized: (text: string) => readonly string[];
  /** `contentWords(text)`, memoized (the set is shared: do not change it). */
  readonly words: (text: string) => ReadonlySet<string>;
};

/** A function memoized by its string argument. */
function memoized<T>(compute: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    let found = known.get(text);
    if (found === undefined) {
      found = compute(text);
      known.set(text, found);
    }
    return found;
  };
}

/** A fresh memo for one judged reply. */
export function readingMemo(): ReadingMemo {
  const withRequest = new Map<string, (text: string) => ReplyReading>();
  const withoutRequest = memoized((text) => readReply(text));
  const normalized = memoized(normalizedWords);
  return {
    reading: (text, request) => {
      if (request === undefined) return withoutRequest(text);
      let read = withRequest.get(request);
      if (read === undefined) {
        read = memoized((reply) => readReply(reply, request));
        withRequest.set(request, read);
      }
      return read(text);
    },
    normalized,
    words: memoized((text) => contentWordsOf(normalized(text))),
  };
}
