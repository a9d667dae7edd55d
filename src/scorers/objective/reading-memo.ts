import { contentWords } from '../../classifiers/content-words.js';
import { readReply, type ReplyReading } from '../../classifiers/refusal/read-reply.js';

/**
 * The readings one judgement asks for more than once — a reply's reading (with and without the request), the
 * content words of the goal and of the reply — each computed once. The objective judge's rules and features read the
 * same reply several times (decoding a compliant reply's possible base64, rot13 and leetspeak each time): one memo
 * per judged reply makes that work happen once. It lives as long as one `score` call, never across replies.
 */
export type ReadingMemo = {
  /** `readReply(text, request)`, memoized. */
  readonly reading: (text: string, request?: string) => ReplyReading;
  /** `contentWords(text)`, memoized (the set is shared: do not change it). */
  readonly words: (text: string) => ReadonlySet<string>;
};

/** A fresh memo for one judged reply. */
export function readingMemo(): ReadingMemo {
  const withRequest = new Map<string, Map<string, ReplyReading>>();
  const withoutRequest = new Map<string, ReplyReading>();
  const words = new Map<string, ReadonlySet<string>>();
  return {
    reading: (text, request) => {
      const readings = request === undefined ? withoutRequest : (withRequest.get(request) ?? withRequest.set(request, new Map()).get(request)!);
      let reading = readings.get(text);
      if (reading === undefined) {
        reading = readReply(text, request);
        readings.set(text, reading);
      }
      return reading;
    },
    words: (text) => {
      let found = words.get(text);
      if (found === undefined) {
        found = contentWords(text);
        words.set(text, found);
      }
      return found;
    },
  };
}
