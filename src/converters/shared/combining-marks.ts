import type { Random } from '../../core/random.js';
import { pick } from './pick.js';

/** Appends `count` combining marks drawn from `marks` after every letter. */
export function addMarks(text: string, options: { marks: readonly string[]; count: number; random: Random }): string {
  const { marks, count, random } = options;
  return text.replace(/\p{L}/gu, (letter) => letter + Array.from({ length: count }, () => pick(random, marks)).join(''));
}

/** Removes every combining mark: undoes `addMarks` on text written with precomposed letters (NFC). */
export function stripMarks(text: string): string {
  return text.replace(/\p{M}/gu, '');
}
