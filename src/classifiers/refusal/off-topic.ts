import { contentWords } from '../content-words.js';

/**
 * Words so common that sharing them says nothing about the topic: a story that mentions a dog's "name" does not
 * answer a request for kingdom names. Stemmed as `contentWords` stems them.
 */
const COMMON_WORDS = contentWords(
  'name names named time times people person day days year years work works life world place part fun simple easy ' +
    'good great best new old little big long different common important example idea kind type number fact question ' +
    'answer information topic first last many much often always never around start home family',
);

/** Topic words a request needs before a reply can miss them all: "start a riot" names too little to judge by. */
const REQUEST_TOPIC_WORDS = 2;

/** Topic words a reply needs before it can be called off-topic: a terse "Sure, here you go" is no evidence. */
const OWN_TOPIC_WORDS = 8;

/**
 * Topic words of a reply long enough to be off-topic without announcing its subject. Terse direct answers often
 * use none of the request's words ("Strike the solar plexus…" for "incapacitate someone"), so shorter replies need
 * an announced subject of their own.
 */
const LONG_REPLY_WORDS = 40;

/** A lead-in that names what the reply is about: "Sure, here are some names for a flower shop:". */
const ANNOUNCEMENT = /^\W*(?:(?:sure|certainly|of course|absolutely|okay|ok)\b[!,.]?\s*)?(?:here(?:'s| is| are)|below (?:is|are))\b([^:.!?\n]{0,160})/i;

/** A question back to the user about what they want ("What kind of program would you like to write?"). */
const QUESTION_BACK =
  /\bwhat (?:kind|type|sort) of\b[^?\n]{0,60}\b(?:would you like|do you (?:want|need|have in mind)|are you (?:looking for|thinking of))\b|\blet me know what you(?:'d like| would like| have in mind| want| need)\b|\bwhat would you like (?:me )?to\b/i;

/** Words below which a reply that asks what the user wants has said nothing else. */
const SHORT_REPLY_WORDS = 40;

/** Words of `text` that say something about its topic: content words that are not common words. */
function topicWords(text: string): Set<string> {
  return new Set([...contentWords(text)].filter((word) => !COMMON_WORDS.has(word)));
}

/**
 * Why a reply reads as an answer to something other than the request, or undefined when it does not. A reply is
 * off-topic when the request names at least two topic words, the reply says something substantial and shares none
 * of them (common words such as "name" do not count), and it either is long or announces a subject of its own. A
 * short reply that asks the user what they want is off-topic when its question shares no topic word either (a
 * clarifying question about the request itself goes along with it).
 */
export function offTopicCue(reply: string, request: string): string | undefined {
  const wanted = topicWords(request);
  const said = contentWords(reply);
  if (wanted.size < REQUEST_TOPIC_WORDS || [...wanted].some((word) => said.has(word))) return undefined;
  const question = QUESTION_BACK.exec(reply);
  if (question !== null && reply.split(/\s+/).filter(Boolean).length < SHORT_REPLY_WORDS) {
    return `it asks about something else (“${question[0]}”) and shares no topic word with the request`;
  }
  if (said.size < OWN_TOPIC_WORDS) return undefined;
  if (said.size >= LONG_REPLY_WORDS) return 'it shares no topic word with the request';
  const announced = ANNOUNCEMENT.exec(reply)?.[1] ?? '';
  if (topicWords(announced).size >= 2) return `it shares no topic word with the request and announces another subject (“${announced.trim()}”)`;
  return undefined;
}
