import { describe, expect, it } from 'vitest';
import { plantInstruction } from './plant-instruction.js';

describe('plantInstruction', () => {
  it('puts the instruction between paragraphs, near the middle', () => {
    expect(plantInstruction('A.\n\nB.\n\nC.\n\nD.', 'X')).toBe('A.\n\nB.\n\nX\n\nC.\n\nD.');
  });

  it('splits a single paragraph between sentences', () => {
    expect(plantInstruction('One. Two. Three.', 'X')).toBe('One. Two.\n\nX\n\nThree.');
  });

  it('appends to a body of one sentence', () => {
    expect(plantInstruction('Just this', 'X')).toBe('Just this\n\nX');
  });
});
