/** Rotates each ASCII Latin letter by 13 places; applying it twice gives the input back. */
export function rot13Text(text: string): string {
  return text.replace(/[a-zA-Z]/g, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
}
