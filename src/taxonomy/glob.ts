/** True when `text` matches the glob `pattern` as a whole: `*` stands for any run of characters, `?` for one. */
export function globMatches(pattern: string, text: string): boolean {
  const source = Array.from(pattern, (char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[\\^$.|+()[\]{}]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`, 'su').test(text);
}
