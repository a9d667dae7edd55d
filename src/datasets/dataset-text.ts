/** A kebab-case slug for ids and categories: 'Harassment/Discrimination' → 'harassment-discrimination'. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Goal metadata without its absent or blank entries; undefined when nothing is left. */
export function compactMetadata(entries: Readonly<Record<string, string | undefined>>): Record<string, string> | undefined {
  const kept = Object.entries(entries).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1].trim() !== '');
  return kept.length === 0 ? undefined : Object.fromEntries(kept);
}
