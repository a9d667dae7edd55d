/** Replaces each ASCII Latin letter by the letter at `position(index)` (0 = a), keeping its case. */
export function substituteLetters(text: string, position: (index: number) => number): string {
  return text.replace(/[a-zA-Z]/g, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    const index = (((position(c.charCodeAt(0) - base) % 26) + 26) % 26);
    return String.fromCharCode(base + index);
  });
}
