import { describe, expect, it } from 'vitest';
import { seededRandom } from '../core/random.js';
import { contentWords, stem } from './content-words.js';

describe('content words', () => {
  it('stem as /(?:ing|ers|er|ed|es|ly|s)$/ then six letters would, for words of every ending', () => {
    const random = seededRandom(3);
    const pieces = ['ing', 'ers', 'er', 'ed', 'es', 'ly', 's', 'e', 'r', 'i', 'n', 'g', 'l', 'y', 'd', 'a', 'hack', 'x', '7', 'é', 'ß'];
    for (let i = 0; i < 5000; i++) {
      let word = '';
      for (let k = 0, n = 1 + Math.floor(random() * 4); k < n; k++) word += pieces[Math.floor(random() * pieces.length)];
      expect(stem(word), word).toBe(word.replace(/(?:ing|ers|er|ed|es|ly|s)$/, '').slice(0, 6));
    }
  });

  it('drop stop words, short words and numbers, and meet "hacking" with "hacker"', () => {
    expect([...contentWords('The hacking of 2024 servers, 1984 and 42nd: hackers hack it')]).toEqual(['hack', 'serv', '42nd']);
  });
});
