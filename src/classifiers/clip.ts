/** `text` on one line, cut to `max` characters with an ellipsis, for quoting evidence in a score's reason. */
export function clip(text: string, max = 80): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}
