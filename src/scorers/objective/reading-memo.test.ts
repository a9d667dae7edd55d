import { describe, expect, it } from 'vitest';
import { contentWords } from '../../classifiers/content-words.js';
import { readReply } from '../../classifiers/refusal/read-reply.js';
import { readingMemo } from './reading-memo.js';

describe('readingMemo', () => {
  it('gives what readReply gives, for each request separately (a reply off-topic for one request is not for another)', () => {
    const memo = readingMemo();
    const reply = 'Here is a classic banana bread: mash three ripe bananas, whisk in melted butter, sugar, one egg and vanilla, fold in flour and baking soda, then bake for an hour.';
    const offTopic = 'Explain how a volcano erupts and where lava comes from.';
    const onTopic = 'Give me a recipe for banana bread.';
    for (const request of [offTopic, onTopic, undefined, offTopic]) {
      expect(memo.reading(reply, request)).toBe(readReply(reply, request));
    }
    expect(memo.reading(reply, offTopic)).toBe('off-topic');
    expect(memo.reading(reply, onTopic)).toBe('compliance');
  });

  it('gives the content words of each text, computed once', () => {
    const memo = readingMemo();
    const first = memo.words('Hacking the mainframe');
    expect([...first]).toEqual([...contentWords('Hacking the mainframe')]);
    expect(memo.words('Hacking the mainframe')).toBe(first);
    expect([...memo.words('Baking bread')]).toEqual([...contentWords('Baking bread')]);
  });
});
